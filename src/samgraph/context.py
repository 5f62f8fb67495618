"""Per-request context: the query runner (with its round-trip count) and DataLoaders."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from samgraph.auth.principal import SYSTEM, Principal
from samgraph.config import Settings
from samgraph.db.driver import Db


def account_of(query: str, row: dict[str, Any]) -> str | None:
    """The account a loaded row belongs to (None: shared, like members and products)."""
    if query.startswith("accounts."):
        return row.get("id")
    return row.get("accountId")


class Loaders:
    """One DataLoader per (query, extra params), created on first use in a request.

    Every nested field goes through these, so a request costs one round trip per
    distinct (field, depth) rather than one per parent row.
    """

    def __init__(self, db: Db, principal: Principal = SYSTEM) -> None:
        self.db = db
        # Member-bound callers: rows of other accounts are dropped here, so every
        # lookup, list and nested field treats them exactly like missing ones.
        self.principal = principal
        self._loaders: dict[tuple[Any, ...], DataLoader[str, Any]] = {}
        self._rows: dict[str, asyncio.Task[list[dict[str, Any]]]] = {}

    async def rows(self, name: str) -> list[dict[str, Any]]:
        """A parameterless query's rows, read once per request (e.g. the product catalog).

        The task, not its result, is kept: resolvers of 2,000 sibling fields all ask
        before the first answer arrives, and must share that one read.
        """
        if name not in self._rows:
            self._rows[name] = asyncio.ensure_future(self.db.read(name))
        return await self._rows[name]

    def one(self, name: str) -> DataLoader[str, dict[str, Any] | None]:
        """Rows by id; the query returns `key, item`."""
        key = ("one", name)
        if key not in self._loaders:

            async def load(ids: Sequence[str]) -> list[dict[str, Any] | None]:
                rows = await self.db.read(name, ids=list(ids))
                sees = self.principal.sees
                found = {r["key"]: r["item"] for r in rows if sees(account_of(name, r["item"]))}
                return [found.get(i) for i in ids]

            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]

    def many(self, name: str, **params: Any) -> DataLoader[str, list[dict[str, Any]]]:
        """Lists by parent id; the query returns `key, items`."""
        key = ("many", name, tuple(sorted(params.items())))
        if key not in self._loaders:

            async def load(ids: Sequence[str]) -> list[list[dict[str, Any]]]:
                rows = await self.db.read(name, ids=list(ids), **params)
                sees = self.principal.sees
                found = {
                    r["key"]: [x for x in r["items"] if sees(account_of(name, x))] for r in rows
                }
                return [found.get(i, []) for i in ids]

            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]

    async def team_trees(
        self, account_id: str, *, include_departed: bool, with_relationships: bool
    ) -> list[dict[str, Any]]:
        """An account's teams for a nested read, in one round trip: the stakeholders of
        each team (and the KNOWS edges into each) come with them and are primed into
        the loaders the nested fields use, which then answer without a query."""
        trees = await self.many(
            "teams.team_trees",
            include_departed=include_departed,
            with_relationships=with_relationships,
        ).load(account_id)
        members = self.many("stakeholders.stakeholders_by_team", include_departed=include_departed)
        knows = self.many("relationships.knows_by_stakeholder")
        sees = self.principal.sees
        teams = []
        for tree in trees:
            team = {k: v for k, v in tree.items() if k != "stakeholders"}
            people = []
            for row in tree["stakeholders"]:
                # A copy: the rows stay in the DataLoader's cache, and a second
                # `teams` field for the same account reads them again.
                person = {k: v for k, v in row.items() if k != "relationships"}
                if sees(person.get("accountId")):
                    people.append(person)
                    if with_relationships:
                        edges = row["relationships"]
                        knows.prime(person["id"], [e for e in edges if sees(e.get("accountId"))])
            members.prime(team["id"], people)
            teams.append(team)
        self.many("teams.teams_by_account").prime(account_id, teams)
        return teams


class Context(BaseContext):
    """What every resolver gets as `info.context`."""

    def __init__(
        self,
        db: Db,
        settings: Settings,
        schema: Any = None,
        *,
        principal: Principal = SYSTEM,
        request_id: str = "-",
    ) -> None:
        super().__init__()
        self.db = db
        self.settings = settings
        # The schema serving this request (saved queries run through the same limits).
        self.schema = schema
        self.principal = principal
        self.request_id = request_id
        # Built-in reports are trusted documents: they may page past the public `first`
        # cap and skip the cost limit. User-saved queries never are.
        self.trusted = False
        self.loaders = Loaders(db, principal)
        # Coverage by (account id, asOf), computed once per request: a portfolio view that
        # filters on coverage and then shows it does not compute it twice.
        self.coverage: dict[tuple[str, Any], Any] = {}

    @property
    def scope(self) -> list[str] | None:
        """The caller's visible account ids for Cypher parameters (None: all)."""
        s = self.principal.scope
        return None if s is None else sorted(s)

    def as_trusted(self) -> Context:
        """The same request (loaders, caller, scope) running a built-in report."""
        twin = copy.copy(self)
        twin.trusted = True
        return twin
