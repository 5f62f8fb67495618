"""Which accounts a write touched, their change counters, and one poller per process.

Every committed write through the API (and `samgraph import`/`sync`) bumps the
counter of each account it touched: `(:AccountRevision {accountId, revision})` in
Neo4j. Subscribers learn of changes by polling those counters: one small indexed
read per interval and process for all the accounts its subscribers watch, and one at
once after a write through the same process. Because the counter lives in the
database, a write made by any worker or app instance reaches every subscriber of every
other one (within an interval), without a broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
import weakref
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from samgraph.db.driver import Db
from samgraph.db.queries import queries as q
from samgraph.errors import LimitExceeded, SamgraphError

log = logging.getLogger("samgraph.live")

# A product (the catalog: list prices) is in every account's whitespace, so a write to
# one counts as a change of every account (of its whitespace only: `catalog_touched`).
KINDS = (
    "accounts",
    "teams",
    "stakeholders",
    "opportunities",
    "interactions",
    "members",
    "products",
)
# Argument names that hold ids of each kind (nested inputs and bundle sections too). A
# member named as a reference (`memberId`, `memberIds`: an interaction's people, a
# KNOWS edge, an account-team row) is not among them: such a row changes the account it
# names (or its stakeholder's), not every account the member works on. Only a member
# written itself (upsertMembers, deleteMember, a bundle's members) counts as a change of
# each account it is in. Counting references bumped, for one logInteraction of a member
# in 41 accounts, 41 counters: 41 snapshots to recompute and 40 spurious events.
_KEYS = {
    "accountId": "accounts", "accountIds": "accounts",
    "teamId": "teams", "parentId": "teams",
    "stakeholderId": "stakeholders", "stakeholderIds": "stakeholders", "fromId": "stakeholders",
    "toId": "stakeholders", "managerId": "stakeholders",
    "opportunityId": "opportunities",
}  # fmt: skip
# The kind of the `id`s in a root field's rows or argument (upsertTeams(input), deleteTeam(id)).
_ROOT_KIND = {
    "Accounts": "accounts", "Account": "accounts", "Teams": "teams", "Team": "teams",
    "Stakeholders": "stakeholders", "Stakeholder": "stakeholders",
    "Opportunities": "opportunities", "Opportunity": "opportunities",
    "Interactions": "interactions", "Interaction": "interactions",
    "Members": "members", "Member": "members",
    "Products": "products", "Product": "products",
}  # fmt: skip


def nodes_named(field: str, args: Mapping[str, Any]) -> dict[str, set[str]]:
    """The ids by kind named anywhere in a mutation's arguments."""
    found: dict[str, set[str]] = {k: set() for k in KINDS}
    root = next((kind for suffix, kind in _ROOT_KIND.items() if field.endswith(suffix)), None)

    def add(kind: str, value: Any) -> None:
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str):
                found[kind].add(v)

    def walk(value: Any, section: str | None) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in _KEYS:
                    add(_KEYS[key], inner)
                elif key == "id" and section in found:
                    add(section, inner)
                else:
                    walk(inner, key if key in found else section)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, section)

    walk(dict(args), root)
    return found


async def accounts_touched(db: Db, nodes: Mapping[str, Iterable[str]]) -> set[str]:
    """The accounts whose graph the named nodes are in (a product is in none: see
    `catalog_touched`)."""
    if not any(nodes.get(k) for k in KINDS if k != "products"):
        return set()
    params = {k: sorted(nodes.get(k, ())) for k in KINDS if k != "products"}
    rows = await db.read(q.live.accounts_touched, **params)
    return set(rows[0]["ids"]) if rows else set()


async def catalog_touched(db: Db, nodes: Mapping[str, Iterable[str]]) -> set[str]:
    """Every account when a product is named: list prices are in every account's
    whitespace (and nothing else of it)."""
    if not nodes.get("products"):
        return set()
    rows = await db.read(q.live.all_accounts)
    return set(rows[0]["ids"]) if rows else set()


@dataclass
class Announced:
    """What this process announced since its listener (the snapshot refresher) last
    looked: an event that wakes it at once instead of at its next interval, and the
    accounts, so it computes those first."""

    event: asyncio.Event = field(default_factory=asyncio.Event)
    accounts: set[str] = field(default_factory=set)
    # Woken by another process (SIGUSR1), which cannot say which accounts it wrote: the
    # refresher reads the stale list again, most recently changed first.
    requeue: bool = False

    def woken(self) -> None:
        """Another process wrote (the host's refresher runs in a process of its own)."""
        self.requeue = True
        self.event.set()

    @property
    def pending(self) -> bool:
        """Whether writes were heard of since: accounts announced, or a wake to re-read."""
        return bool(self.accounts) or self.requeue

    def take(self) -> list[str]:
        """The accounts announced since the last take (and forget them)."""
        ids, self.accounts = sorted(self.accounts), set()
        return ids


# Per driver (one per app process).
_listeners: weakref.WeakKeyDictionary[Any, Announced] = weakref.WeakKeyDictionary()


def listen(db: Db) -> Announced:
    """The changes announced through `db`'s driver from now on."""
    return _listeners.setdefault(db.driver, Announced())


async def announce(db: Db, account_ids: Iterable[str], *, catalog: Iterable[str] = ()) -> None:
    """Count a committed change of each account (its subscribers hear of it); `catalog`:
    accounts only a catalog change (a list price) touched, whose snapshots need only
    their whitespace figures again."""
    ids = sorted(set(account_ids))
    prices = sorted(set(catalog) - set(ids))
    for group, only_prices in ((ids, False), (prices, True)):
        if group:
            await db.write(q.live.bump_revisions, ids=group, catalog=only_prices)
    if ids or prices:
        # This process's subscribers hear of it now, not at their poller's next interval.
        watcher = _WATCHERS.get(db.driver, {}).get(db.database)
        if watcher is not None:
            watcher.nudge([*ids, *prices])
        listener = _listeners.get(db.driver)
        if listener is not None:
            listener.accounts.update(ids, prices)
            listener.event.set()
        if _refresher_pid is not None:  # the host's refresher runs in a process of its own
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(_refresher_pid, signal.SIGUSR1)


_refresher_pid: int | None = None


def wake_refresher_at(pid: int | None) -> None:
    """After each write, wake the refresher process `pid` (SIGUSR1); None: none to wake."""
    global _refresher_pid
    _refresher_pid = pid


@dataclass(frozen=True)
class Change:
    account_id: str
    revision: int
    changed_at: dt.datetime | None


_SUBSCRIBED: dict[str, int] = {}
"""Open subscriptions per credential in this process."""


@contextlib.contextmanager
def counted(ctx: Any) -> Iterator[None]:
    """Hold one subscription of the caller's socket and credential while the block runs;
    refused over SAMGRAPH_WS_SUBSCRIPTIONS_PER_SOCKET or _PER_KEY."""
    s, actor = ctx.settings, ctx.principal.actor
    if ctx.subscriptions >= s.samgraph_ws_subscriptions_per_socket:
        raise LimitExceeded(f"at most {s.samgraph_ws_subscriptions_per_socket} subscriptions "
                            "per WebSocket (SAMGRAPH_WS_SUBSCRIPTIONS_PER_SOCKET)")  # fmt: skip
    if _SUBSCRIBED.get(actor, 0) >= s.samgraph_ws_subscriptions_per_key:
        raise LimitExceeded(f"at most {s.samgraph_ws_subscriptions_per_key} subscriptions "
                            "per credential (SAMGRAPH_WS_SUBSCRIPTIONS_PER_KEY)")  # fmt: skip
    ctx.subscriptions += 1
    _SUBSCRIBED[actor] = _SUBSCRIBED.get(actor, 0) + 1
    try:
        yield
    finally:
        ctx.subscriptions -= 1
        _SUBSCRIBED[actor] -= 1
        if not _SUBSCRIBED[actor]:
            del _SUBSCRIBED[actor]


class Watcher:
    """One poller per process and database for every subscription it serves. It reads
    the counters every `interval` (a write through another process or instance) and at
    once after a write through this one (`nudge`): one read at a time either way, so a
    burst of writes costs a read per read's length, not one per write."""

    def __init__(self, db: Db, interval: float) -> None:
        self.db, self.interval = db, interval
        self.queues: dict[str, set[asyncio.Queue[Change]]] = {}
        self.last: dict[str, int] = {}
        self.task: asyncio.Task[None] | None = None
        self.woken = asyncio.Event()

    def nudge(self, account_ids: Iterable[str]) -> None:
        """Accounts this process just changed: read the counters now if one is watched."""
        if any(a in self.queues for a in account_ids):
            self.woken.set()

    async def _revisions(self, ids: list[str]) -> list[Change]:
        rows = await self.db.read(q.live.revisions, ids=ids)
        return [Change(r["accountId"], r["revision"], _at(r["changedMillis"])) for r in rows]

    async def watch(self, account_id: str) -> AsyncIterator[Change]:
        """Each change of the account after this call, as it is seen."""
        queue: asyncio.Queue[Change] = asyncio.Queue()
        if account_id not in self.queues:
            (now,) = await self._revisions([account_id])
            self.last[account_id] = now.revision
        self.queues.setdefault(account_id, set()).add(queue)
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._poll())
        try:
            while True:
                yield await queue.get()
        finally:
            queues = self.queues.get(account_id, set())
            queues.discard(queue)
            if not queues:
                self.queues.pop(account_id, None)
                self.last.pop(account_id, None)

    async def _poll(self) -> None:
        while self.queues:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.woken.wait(), self.interval)
            self.woken.clear()
            ids = sorted(self.queues)
            if not ids:
                break
            try:
                changes = await self._revisions(ids)
            except SamgraphError as exc:  # Neo4j away: keep the subscriptions, try again
                log.warning("subscription poll failed: %s", exc.message)
                continue
            except Exception:  # never leave subscribers waiting on a dead poller
                log.exception("subscription poll failed")
                continue
            for change in changes:
                if change.revision != self.last.get(change.account_id, change.revision):
                    self.last[change.account_id] = change.revision
                    for queue in self.queues.get(change.account_id, ()):
                        queue.put_nowait(change)


# One watcher per driver (that is, per app) and database; gone with its driver.
_WATCHERS: weakref.WeakKeyDictionary[Any, dict[str, Watcher]] = weakref.WeakKeyDictionary()


def watcher_for(db: Db, interval: float) -> Watcher:
    by_database = _WATCHERS.setdefault(db.driver, {})
    if db.database not in by_database:
        # Its own runner: the counters are bookkeeping, read for every subscriber at once.
        by_database[db.database] = Watcher(Db(db.driver, db.database, timeout=db.timeout), interval)
    return by_database[db.database]


def watcher_tasks(driver: Any) -> list[asyncio.Task[None]]:
    """The pollers running on `driver` (the app stops them before closing the driver)."""
    return [w.task for w in _WATCHERS.get(driver, {}).values() if w.task and not w.task.done()]


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _at(millis: int | None) -> dt.datetime | None:
    """The time of a counter's last bump, from its epoch milliseconds (exact)."""
    return None if millis is None else _EPOCH + dt.timedelta(milliseconds=millis)
