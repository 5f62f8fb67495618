"""Per-request context: the caller, its scoped query runner and the DataLoaders."""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from samgraph.auth.principal import SYSTEM, Principal
from samgraph.config import Settings
from samgraph.db.cypher import CypherQuery
from samgraph.db.driver import Db
from samgraph.db.queries import queries as q
from samgraph.db.scope import EVERYTHING
from samgraph.live.kept import KEPT, Kept, Stamp, kept_for, read_counters

if TYPE_CHECKING:
    import strawberry

K = TypeVar("K")
V = TypeVar("V")


class RowLoader(DataLoader[K, V]):
    """A DataLoader that can say what it already holds for a key."""

    def asked(self, key: K) -> bool:
        """Whether `key` was asked for in this request (loaded or on its way)."""
        return self.cache_map.get(key) is not None

    def loaded(self, key: K) -> V | None:
        """The value already loaded for `key` (None when not, or not yet, loaded)."""
        cached = self.cache_map.get(key)
        if cached is None or not cached.done() or cached.cancelled() or cached.exception():
            return None
        value: V = cached.result()
        return value


class Loaders:
    """One DataLoader per (query, extra params), created on first use in a request.

    Every nested field goes through these, so a request costs one round trip per
    distinct (field, depth) rather than one per parent row. The Db is bound to the
    caller's scope, so a row of another account never reaches a loader.
    """

    def __init__(self, db: Db, kept: Kept | None = None) -> None:
        self.db = db
        # This process's kept analysis inputs (live/kept.py); None: read every time.
        self.kept = kept
        self._one: dict[CypherQuery, RowLoader[str, dict[str, Any] | None]] = {}
        self._many: dict[tuple[Any, ...], RowLoader[str, list[dict[str, Any]]]] = {}
        self._rows: dict[CypherQuery, asyncio.Task[list[dict[str, Any]]]] = {}
        self._derived: dict[tuple[str, str, int], dict[Any, Any]] = {}
        self._counters: RowLoader[str, Stamp | None] | None = None
        # Each account's counter stamp as its own read (`accounts.get_accounts`) brought it.
        self._stamps: dict[str, Stamp] = {}

    @property
    def counters(self) -> RowLoader[str, Stamp | None]:
        """The change counters of accounts, read once per request for all its kept reads
        (live/kept.py): a request that needs an account's subgraph and its whitespace
        inputs checks both with one read. An account this request reads anyway (the
        `account` field, asked before its analyses) brings its stamp along: those ids
        wait for that read instead of reading the counters themselves."""
        if self._counters is None:

            async def load(ids: Sequence[str]) -> list[Stamp | None]:
                accounts = self._one.get(q.accounts.get_accounts)
                if accounts is not None:
                    # A failed account read leaves its ids to the counter read below.
                    await asyncio.gather(*(accounts.load(i) for i in ids if accounts.asked(i)),
                                         return_exceptions=True)  # fmt: skip
                stamps: dict[str, Stamp | None] = {
                    i: self._stamps[i] for i in ids if i in self._stamps
                }
                rest = [i for i in ids if i not in stamps]
                if rest:
                    stamps.update(zip(rest, await read_counters(self.db, rest), strict=True))
                return [stamps[i] for i in ids]

            self._counters = RowLoader(load_fn=load)
        return self._counters

    async def rows(self, query: CypherQuery) -> list[dict[str, Any]]:
        """A parameterless query's rows, read once per request (e.g. the product catalog).

        The task, not its result, is kept: resolvers of 2,000 sibling fields all ask
        before the first answer arrives, and must share that one read.
        """
        if query not in self._rows:
            self._rows[query] = asyncio.ensure_future(self.db.read(query))
        return await self._rows[query]

    def one(self, query: CypherQuery) -> RowLoader[str, dict[str, Any] | None]:
        """Rows by id; the query returns `key, item`."""
        if query not in self._one:

            async def load(ids: Sequence[str]) -> list[dict[str, Any] | None]:
                if self.kept is not None and query in KEPT:
                    return await self.kept.load(self.db, query, ids, self.counters.load_many)
                found = self._items(await self.db.read(query, ids=list(ids)))
                return [found.get(i) for i in ids]

            self._one[query] = RowLoader(load_fn=load)
        return self._one[query]

    async def account_now(self, key: str) -> dict[str, Any] | None:
        """The account `key` as `one(accounts.get_accounts).load(key)` gives it, read at
        once rather than batched (no task, no wait for the loop's next turn): for the
        compiled `account(id)` with analyses, which asks nothing else before it. Its
        stamp is kept as the loader's read keeps it, and the row is primed into that
        loader, so a later field asking it shares this read."""
        loader = self.one(q.accounts.get_accounts)
        if loader.asked(key):
            return await loader.load(key)
        item = self._items(await self.db.read(q.accounts.get_accounts, ids=[key])).get(key)
        loader.prime(key, item)
        return item

    def _items(self, rows: list[dict[str, Any]]) -> dict[str, Any]:
        """`key, item` rows by key; the account's counter of each that brings one
        (`stamp`) kept for the request's kept reads (see `counters`)."""
        for r in rows:
            if r.get("stamp") is not None:
                self._stamps[r["key"]] = tuple(r["stamp"])
        return {r["key"]: r["item"] for r in rows}

    def kept_now(self, query: CypherQuery, key: str) -> Any | None:
        """The kept item of `key` for `query`, when this request has read the account's
        counter (`_stamps`) and the item was kept under it: what `one(query).load(key)`
        answers then, without its loader's turns. None otherwise (the loader decides),
        and always for a scoped caller (its items are pruned copies: live/kept.py)."""
        if self.kept is None or query not in KEPT or self.db.scope is not EVERYTHING:
            return None
        stamp = self._stamps.get(key)
        return None if stamp is None else self.kept.at(query, key, stamp)

    def derived(self, query: CypherQuery, key: str, item: Any) -> dict[Any, Any]:
        """Where to keep values derived from `item`, the row `one(query)` gave for `key`:
        across requests while this process keeps that row (live/kept.py), else for this
        request only."""
        if self.kept is not None and query in KEPT:
            found = self.kept.derived_of(query, key, item)
            if found is not None:
                return found
        return self._derived.setdefault((query.name, key, id(item)), {})

    def many(self, query: CypherQuery, **params: Any) -> RowLoader[str, list[dict[str, Any]]]:
        """Lists by parent id; the query returns `key, items`."""
        key = (query, tuple(sorted(params.items())))
        if key not in self._many:

            async def load(ids: Sequence[str]) -> list[list[dict[str, Any]]]:
                rows = await self.db.read(query, ids=list(ids), **params)
                found = {r["key"]: r["items"] for r in rows}
                return [found.get(i, []) for i in ids]

            self._many[key] = RowLoader(load_fn=load)
        return self._many[key]


@dataclass
class Budget:
    """What one request has spent of SAMGRAPH_MAX_COST (shared by its copies)."""

    spent: int = 0


class Context(BaseContext):
    """What every resolver gets as `info.context`."""

    def __init__(
        self,
        db: Db,
        settings: Settings,
        schema: strawberry.Schema,
        *,
        principal: Principal = SYSTEM,
        request_id: str = "-",
    ) -> None:
        super().__init__()
        # The runner carries the caller's scope: every query applies it (db/scope.py).
        self.db = db.within(principal.scope)
        self.settings = settings
        # The schema serving this request (saved queries run through the same limits).
        self.schema = schema
        self.principal = principal
        self.request_id = request_id
        # Built-in reports are trusted documents: they may page past the public `first`
        # cap and skip the cost limit. User-saved queries never are.
        self.trusted = False
        # A saved query's pages run already charged to the budget (reports/service.py).
        self.prepaid = False
        # The query cost this request has spent, over all its executions (gql/guard.py).
        self.budget = Budget()
        # On a WebSocket: the check every operation runs first (web/sockets.py), and
        # how many subscriptions the socket holds.
        self.recheck: Callable[[], Awaitable[Any]] | None = None
        self.subscriptions = 0
        self.loaders = Loaders(self.db, kept_for(db, settings.samgraph_kept_accounts))
        # Results computed once per request, by (kind, key): a portfolio view that
        # filters on coverage and then shows it does not compute it twice.
        self.memo: dict[tuple[Any, ...], Any] = {}
        # asOf given on a root field (`account`, `accounts`, ...), by its response key:
        # every nested field that takes asOf inherits it unless it gives its own.
        self.root_as_of: dict[str, dt.date] = {}
        # More of the response's `extensions`, by key (e.g. `cut`: the lists a saved
        # query returned in part).
        self.notes: dict[str, Any] = {}

    def bind(self, principal: Principal) -> None:
        """Serve another caller (a WebSocket authenticated by its connection_init)."""
        self.principal = principal
        self.db = self.db.within(principal.scope)
        self.forget()

    def forget(self) -> None:
        """Drop what this context has read and computed: the next read goes to Neo4j (a
        context that outlives one request: a WebSocket, the snapshot refresher)."""
        self.loaders = Loaders(self.db, kept_for(self.db, self.settings.samgraph_kept_accounts))
        self.memo = {}

    def today_or(self, as_of: dt.date | None) -> dt.date:
        """`asOf` when given, else today (SAMGRAPH_TIMEZONE)."""
        return self.settings.today_or(as_of)

    def set_as_of(self, info: Any, as_of: dt.date | None) -> dt.date:
        """A root field's asOf: kept for the fields under it; today when not given."""
        key = str(_root_key(info.path))
        if as_of is not None:
            self.root_as_of[key] = as_of
        else:  # a WebSocket's context serves many operations: forget an earlier one's
            self.root_as_of.pop(key, None)
        return self.today_or(as_of)

    def as_of(self, info: Any, as_of: dt.date | None) -> dt.date:
        """A nested field's date: its own asOf, else its root field's, else today."""
        if as_of is not None:
            return as_of
        return self.root_as_of.get(str(_root_key(info.path))) or self.today_or(None)

    def as_trusted(self) -> Context:
        """The same request (loaders, caller, scope) running a built-in report."""
        twin = copy.copy(self)
        twin.trusted = True
        return twin

    def as_prepaid(self) -> Context:
        """The same request running a saved query whose cost it has already paid."""
        twin = copy.copy(self)
        twin.prepaid = True
        return twin


def _root_key(path: Any) -> Any:
    """The response key of the root field a resolver runs under."""
    while path.prev is not None:
        path = path.prev
    return path.key
