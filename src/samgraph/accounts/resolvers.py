"""Root fields of accounts: one by id, the portfolio list, upsert and delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import strawberry
from strawberry.types.nodes import SelectedField

from samgraph.accounts import service
from samgraph.accounts.inputs import AccountFilter, AccountInput
from samgraph.accounts.types import Account, AccountConnection
from samgraph.analyses import entries
from samgraph.common import AccountSort
from samgraph.db.queries import queries as q
from samgraph.gql.loading import Ctx, load_one, start_loads
from samgraph.gql.results import DeleteResult
from samgraph.graph import service as graph_service
from samgraph.graph.resolvers import upserted


def _prefetch_inputs(info: Ctx, account_id: str, day: dt.date) -> None:
    """Start loading the analysis inputs the selection will need together with the
    account itself: two reads at once instead of one after the other. Nothing else
    changes: the analysis fields find the load under way in the same DataLoader. Each
    field's day (its own asOf, else the account's `day`) says which read it makes: a
    read started for a field that then made another would run unawaited, wasted."""
    today = info.context.settings.today()
    wanted = entries.reads_of(
        (sel.name, _day(sel.arguments.get("asOf"), day) < today)
        for top in info.selected_fields
        for sel in top.selections
        if isinstance(sel, SelectedField)
    )
    # (Not the catalog: a kept whitespace grid needs none, live/kept.py.)
    start_loads(info.context, wanted, account_id)


def _asks_snapshots(info: Ctx) -> bool:
    """Whether a page of accounts is asked a field today's snapshot answers (under its
    `nodes` or `edges { node }`; fields in fragments then read on their own)."""
    return any(n.name in entries.FROM_SNAPSHOT for n in _node_fields(info))


def _node_fields(info: Ctx) -> Iterator[SelectedField]:
    """The fields selected on a connection's accounts."""
    for top in info.selected_fields:
        for sel in _fields(top.selections):
            if sel.name == "nodes":
                yield from _fields(sel.selections)
            elif sel.name == "edges":
                for edge in _fields(sel.selections):
                    if edge.name == "node":
                        yield from _fields(edge.selections)


def _fields(selections: list[Any]) -> Iterator[SelectedField]:
    return (s for s in selections if isinstance(s, SelectedField))


def _day(given: Any, root: dt.date) -> dt.date:
    """A selected field's asOf (a coerced variable, or a literal still in text), else the
    account's."""
    if isinstance(given, str):
        try:
            return dt.date.fromisoformat(given)
        except ValueError:  # the field itself reports it; no past-day read meanwhile
            return root
    return given if isinstance(given, dt.date) else root


@strawberry.type
class Query:
    @strawberry.field(
        description="One account by id, or null. `asOf` given here is the date of every "
        "field under it that takes one (coverage, decay, renewal...) unless that field "
        "gives its own, and every `id` under it is dated (`gfc@2026-06-01`), so normalised "
        "client caches keep each date apart; a dated id is accepted in variables."
    )
    async def account(
        self, info: Ctx, id: strawberry.ID, as_of: dt.date | None = None
    ) -> Account | None:
        _prefetch_inputs(info, id, info.context.set_as_of(info, as_of))
        return await load_one(info, q.accounts.get_accounts, id, Account)

    @strawberry.field(
        description="Accounts `first` at a time (1-100) after a cursor, filtered and sorted; "
        "coverage filters and sorts are evaluated on asOf (default today), which every "
        "field under it that takes a date inherits unless it gives its own; given, every "
        "`id` under it is dated, as on `account`."
    )
    async def accounts(
        self,
        info: Ctx,
        filter: AccountFilter | None = None,
        first: int = 50,
        after: str | None = None,
        sort_by: AccountSort = AccountSort.ID,
        descending: bool = False,
        as_of: dt.date | None = None,
    ) -> AccountConnection:
        page = await service.list_accounts(
            info.context, account_filter=(filter or AccountFilter()).plain(), first=first, after=after,
            sort_by=sort_by, descending=descending, as_of=info.context.set_as_of(info, as_of),
            with_snapshots=_asks_snapshots(info),
        )  # fmt: skip
        return AccountConnection.from_page(page, after=after)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create or update accounts by id.")
    async def upsert_accounts(self, info: Ctx, input: list[AccountInput]) -> list[Account]:
        return await upserted(info, "accounts", input, q.accounts.get_accounts, Account)

    @strawberry.mutation(description="Delete an account and everything scoped to it.")
    async def delete_account(self, info: Ctx, id: strawberry.ID) -> DeleteResult:
        deleted = await graph_service.delete(info.context, kind="accounts", node_id=id)
        return DeleteResult(id=strawberry.ID(id), deleted=deleted)
