"""Each account's analysis inputs, kept in this process between requests under the
account's change counter.

An account's subgraph (`analyses.account_graphs`), its drawing with the recorded history
(`analyses.account_drawing`) and its whitespace inputs (`analyses.whitespace_inputs`) are
the largest reads an analysis makes, and they change only when a write touches the
account. Every committed write bumps the account's counter (`live/service.announce`,
`(:AccountRevision {revision, changedAt})`), so a request first reads the counters of the
accounts it needs (one small indexed read) and reads again only those whose counter moved
since this process kept them. A SAM's account page asks coverage, champion backups, the
influence map and warm paths of one account again and again: after the first request
each costs the counter read instead of the subgraph. The `account` field's own read
brings the counter along (`accounts.get_accounts`), so `account(id) { coverage ... }`
asked again costs that one read (context.Loaders.counters).

Safety:
- the stamp is the counter *and* the time of its last bump (in epoch milliseconds: the
  driver makes a zoned DateTime in some 50 microseconds, an int in 3), so a graph wiped and loaded
  again (counters restarting) never matches an old entry; an account with no counter
  (never announced) is never kept;
- rows are read and kept in full (outside any caller's scope) and pruned to the
  caller's scope on the way out, so a member-bound key never sees another's rows nor
  leaves a narrowed row for a wider caller;
- a read asking for more accounts than the cache holds (a portfolio report) goes
  straight to Neo4j and keeps nothing, so it cannot flush the hot accounts;
- a mutation (whose payload may ask analyses) reads the graph, since its counters are
  bumped only after it (live/extension.py turns keeping off for it); the window between a write's commit and
  that bump (before the writer's response) is the only time another request can be
  answered from a row older than the graph.

`SAMGRAPH_KEPT_ACCOUNTS` (per worker, default 200) bounds the accounts kept, each with any
of its kept reads, least recently used evicted first; 0 turns it off.
"""

from __future__ import annotations

import collections
import weakref
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from samgraph.db.cypher import CypherQuery
from samgraph.db.driver import Db
from samgraph.db.queries import queries as q
from samgraph.db.scope import EVERYTHING

# The account-keyed reads (`key, item` rows) kept; each item is the account's alone.
KEPT = frozenset({
    q.analyses.account_graphs,
    q.analyses.account_drawing,
    q.analyses.whitespace_inputs,
})  # fmt: skip

Stamp = tuple[Any, ...]  # (revision, changedAt in epoch milliseconds)
Counters = Callable[[Sequence[str]], Awaitable[list[Stamp | None]]]


class Kept:
    """The kept rows of one database, least recently used first."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity  # accounts, each with any of its KEPT reads
        # account id -> {query name: (stamp, item)}, least recently used account first.
        self.rows: collections.OrderedDict[str, dict[str, tuple[Stamp, Any]]] = (
            collections.OrderedDict()
        )
        self.hits = 0
        self.misses = 0
        # What was derived from each kept item (its graph as of a day...), by the item's
        # identity: a new item read for the account starts afresh.
        self.derived: dict[tuple[str, str], tuple[Any, dict[Any, Any]]] = {}

    def _held(self, query: CypherQuery, key: str) -> tuple[Stamp, Any] | None:
        found = self.rows.get(key)
        return None if found is None else found.get(query.name)

    def holds(self, query: CypherQuery, key: str) -> bool:
        """Whether a row of `key` for `query` is kept (under whatever counter)."""
        return self._held(query, key) is not None

    def at(self, query: CypherQuery, key: str, stamp: Stamp) -> Any | None:
        """The kept item of `key` for `query` when it was kept under `stamp` (the
        account's counter as this request read it), else None: `load` without its
        counter read, for a caller that already holds the counter. Unscoped: the
        caller prunes (or, like `Loaders.kept_now`, asks only for everything)."""
        held = self._held(query, key)
        if held is None or held[0] != stamp:
            return None
        self.rows.move_to_end(key)
        self.hits += 1
        return held[1]

    async def load(
        self, db: Db, query: CypherQuery, ids: Sequence[str], counters: Counters | None = None
    ) -> list[Any]:
        """The `item` of each id (None when the account does not exist or the caller's
        scope does not reach it), from what is kept when its counter has not moved.
        `counters` reads the counters (a request's loader shares one read among its
        kept reads); by default, one read here.

        Round trips: one when nothing asked for is kept (the read brings each counter
        along, `stamp`), one small counter read when all of it is kept and unchanged,
        two when some kept account changed."""
        ids = list(ids)
        if len(ids) > self.capacity:
            return _found(await db.read(query, ids=ids), ids)
        held = {i: self._held(query, i) for i in ids}
        items: dict[str, Any] = {}
        todo = ids
        if any(h is not None for h in held.values()):
            asked = [i for i, h in held.items() if h is not None]
            stamps = dict(zip(asked, await (counters or _counters(db))(asked), strict=True))
            todo = []
            for i in ids:
                h = held[i]
                if h is not None and stamps.get(i) == h[0]:
                    self.rows.move_to_end(i)
                    items[i] = h[1]
                else:
                    todo.append(i)
        self.hits += len(ids) - len(todo)
        self.misses += len(todo)
        if todo:
            # Read in full, outside the caller's scope: what is kept serves every caller.
            whole = db.within(EVERYTHING)
            for row in await whole.read(query, ids=todo):
                items[row["key"]] = row["item"]
                if row["stamp"] is not None:
                    stamp = tuple(row["stamp"])
                    of = self.rows.setdefault(row["key"], {})
                    # Another read of this account kept under an older stamp is stale.
                    for name in [n for n, (was, _) in of.items() if was != stamp]:
                        del of[name]
                        self.derived.pop((name, row["key"]), None)
                    of[query.name] = (stamp, row["item"])
                    self.rows.move_to_end(row["key"])
            db.round_trips += whole.round_trips
            while len(self.rows) > self.capacity:
                gone, of = self.rows.popitem(last=False)
                for name in of:
                    self.derived.pop((name, gone), None)
        rows = [{"key": i, "item": items[i]} for i in ids if items.get(i) is not None]
        return _found(db.scope.prune(rows, query.scope_paths), ids)

    def derived_of(self, query: CypherQuery, key: str, item: Any) -> dict[Any, Any] | None:
        """Values derived from `item` (the row of `key` this process keeps): kept as long
        as the item is; None for an item not (or no longer) kept."""
        held = self._held(query, key)
        if held is None or held[1] is not item:
            return None
        found = self.derived.get((query.name, key))
        if found is None or found[0] is not item:
            found = self.derived[(query.name, key)] = (item, {})
        return found[1]


async def read_counters(db: Db, ids: Sequence[str]) -> list[Stamp | None]:
    """Each account's stamp: its change counter and the time of its last bump."""
    rows = {r["accountId"]: r for r in await db.read(q.live.revisions, ids=list(ids))}
    return [(rows[i]["revision"], rows[i]["changedMillis"]) if i in rows else None for i in ids]


def _counters(db: Db) -> Counters:
    async def read(ids: Sequence[str]) -> list[Stamp | None]:
        return await read_counters(db, ids)

    return read


def _found(rows: list[dict[str, Any]], ids: Sequence[str]) -> list[Any]:
    by_key = {r["key"]: r["item"] for r in rows}
    return [by_key.get(i) for i in ids]


# Per driver and database (one driver per app process).
_kept: weakref.WeakKeyDictionary[Any, dict[str, Kept]] = weakref.WeakKeyDictionary()


def kept_for(db: Db, capacity: int) -> Kept | None:
    """This process's kept rows for `db`'s database; None when `capacity` is 0."""
    if capacity <= 0:
        return None
    per = _kept.setdefault(db.driver, {})
    found = per.get(db.database)
    if found is None or found.capacity != capacity:
        found = per[db.database] = Kept(capacity)
    return found
