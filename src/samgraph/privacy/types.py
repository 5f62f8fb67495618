"""Types of personal data requests."""

from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="What an erasure removed (counts only).")
class Erasure:
    stakeholder_id: strawberry.ID
    account_id: strawberry.ID | None
    edges_removed: int = strawberry.field(
        description="Edges of the person of every kind, besides those to their history."
    )
    history_removed: int
    interactions_scrubbed: int = strawberry.field(
        description="Interactions they attended; their name in the summary is now [erased]."
    )
    reports_unlinked: int
    other_history_cleared: int = strawberry.field(
        description="Other people's recorded manager changes that named them."
    )

    @classmethod
    def from_row(cls, stakeholder_id: str, r: dict[str, Any]) -> Erasure:
        return cls(
            stakeholder_id=strawberry.ID(stakeholder_id), account_id=r["accountId"],
            edges_removed=r["edges"], history_removed=r["history"],
            interactions_scrubbed=r["interactions"], reports_unlinked=r["reports"],
            other_history_cleared=r["otherHistory"],
        )  # fmt: skip
