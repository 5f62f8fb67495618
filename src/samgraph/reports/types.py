"""Strawberry types of saved queries."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.scalars import JSON

from samgraph.reports.service import SavedQuery as SavedQueryData


@strawberry.type(description="A named, validated GraphQL query; built-in reports are read-only.")
class SavedQuery:
    name: str
    document: str
    description: str | None
    variables: JSON = strawberry.field(description="Default variables, overridden when run.")
    builtin: bool
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    owner: str | None = strawberry.field(
        description="The credential that first saved it (`key:<id>` or `jwt:<sub>`); others "
        "need an ADMIN key bound to no member to change or delete it."
    )
    shared: bool = strawberry.field(
        description="Visible to every caller; a private query is its owner's alone."
    )
    url: str = strawberry.field(description="Where to GET it as a report (?format=csv&var=...).")

    @classmethod
    def from_data(cls, q: SavedQueryData) -> SavedQuery:
        return cls(
            name=q.name, document=q.document, description=q.description, variables=JSON(q.variables),
            builtin=q.builtin, created_at=q.created_at, updated_at=q.updated_at, owner=q.owner,
            shared=q.builtin or q.shared, url=f"/reports/{q.name}",
        )  # fmt: skip
