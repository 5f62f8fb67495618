"""Compute, store and read account snapshots (domain §16).

Freshness: every committed write bumps its accounts' change counters (live/). The
refresher (one task per app process, and `samgraph snapshots refresh`) reads which
accounts' snapshot of today is missing or older than their counter, computes those in
batches from batched reads, and stores each with the counter it read. A write during
the computation leaves the counter ahead, so the next pass recomputes it: no refresh is
lost. Several workers and instances share the work: a batch is claimed before it is
computed (a claim another refresher holds is skipped; a dead holder's expires), so no
account is computed twice at once, and a day's first build is split, not repeated. A
write through this process wakes its refresher at once. A new day has no snapshots
yet, so the first pass of the day recomputes every account, and yesterday's stay as
they were.

An idle refresher does not check every account each second: a pass first reads how
many accounts there are and the latest bump of any counter (one index read), and when
both, the day and the analysis settings are as they were at a pass that found nothing
stale, nothing can have become stale since, so it stops there. At most every
QUIET_SECONDS it checks every account anyway (a safety net: e.g. a counter node edited
by hand).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import signal
import socket
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from samgraph.analyses import cadence
from samgraph.analyses import service as analyses
from samgraph.analyses.reach import MAX_HOPS_DEFAULT
from samgraph.analyses.scores import renewal
from samgraph.context import Context
from samgraph.db.driver import Step
from samgraph.db.queries import queries as q
from samgraph.errors import Problem, SamgraphError, invalid
from samgraph.live import service as live
from samgraph.snapshots.stored import dependency_row, gap_entries, gap_row, play_entries
from samgraph.webhooks import service as webhooks

log = logging.getLogger("samgraph.snapshots")
BATCH = 200
# Accounts per batch when few are stale (the steady state: writes), so a write waits for
# little more than a few accounts' computation.
SMALL = 8
# This process, as the holder of the accounts it is computing; a claim outlives a dead
# holder by this long at most.
HOLDER = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
CLAIM_SECONDS = 120
# An idle refresher checks every account's counter at least this often, and trusts its
# mark only once the latest bump is this old (see `Quiet`).
QUIET_SECONDS = 60.0
SETTLE_MS = 30_000
# The longest trend that may be reconstructed in one request (each day is computed).
MAX_RECONSTRUCTED = 366


async def snapshot(ctx: Context, row: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """One account's figures on `day` (the properties of its AccountSnapshot), through the
    analyses' own service functions: the reads of many accounts batch in the loaders."""
    account_id = str(row["id"])
    cov = await analyses.coverage_of(ctx, account_id, day)
    dependency = await analyses.member_dependency(ctx, account_id=account_id, as_of=day)
    score, tier = analyses.strategic(ctx, row)
    ren = renewal(row.get("renewalDate"), day)
    graph = await analyses.graph_of(ctx, account_id, day)
    overdue = cadence.overdue_by_member(graph, day, ctx.settings.samgraph_cadence_days)
    names = {pid: person.row.get("name") for pid, person in graph.people.items()}
    return {
        "peopleRows": [webhooks.person_row(graph, pid) for pid in sorted(graph.people)],
        # Each member's overdue relationships here, `member|count`: the portfolio's count
        # of overdue touches is their sum (snapshots/overdue_total.cypher).
        "overdueCounts": [f"{m}|{n}" for m, n in sorted(overdue.items())],
        "coverageScore": cov.score, "mappedCount": cov.mapped_count,
        "engagedCount": cov.engaged_count, "strongCount": cov.strong_count,
        "cells": [c.engaged_count for c in cov.cells],
        "gaps": [f"{g.code}:{g.severity}" for g in cov.gaps],
        "gapRows": [gap_row(g) for g in cov.gaps],
        "dependency": [dependency_row(d, names) for d in dependency],
        "championsWithoutBackup": sum(1 for c in cov.champions if not c.has_backup),
        **await whitespace_figures(ctx, account_id, day),
        "strategicScore": score, "tier": str(tier),
        "milestone": str(ren.milestone.name) if ren.milestone else None,
        "daysToRenewal": ren.days_to_renewal,
    }  # fmt: skip


PLAY_HEAD = 16
"""Plays a snapshot keeps apart at the head of its list (`playHead`): the portfolio's first
page reads 8 of each account, and a few more when the page is long beside the portfolio
(analyses.service.portfolio_plays)."""


async def whitespace_figures(ctx: Context, account_id: str, day: dt.date) -> dict[str, Any]:
    """The snapshot's figures that list prices change (all a catalog write makes stale):
    the whitespace, its reach, and the plays (their reachGain)."""
    grid = await analyses.whitespace_of(ctx, account_id)
    _, reach = await analyses.reachable_whitespace(
        ctx, account_id=account_id, as_of=day, max_hops=MAX_HOPS_DEFAULT
    )
    graph, plays = await analyses.account_plays(ctx, account_id=account_id, as_of=day)
    rows = [analyses.play_row(graph, p) for p in plays]
    return {
        # The whole list, and its head and size apart: the portfolio's first page of
        # plays reads each account's head, and Neo4j loads a list property whole.
        "playRows": rows, "playHead": rows[:PLAY_HEAD], "playCount": len(rows),
        "deployedArr": grid.totals.deployed_arr, "pipelineAmount": grid.totals.pipeline_amount,
        "weightedPipeline": grid.totals.weighted_pipeline,
        "whitespaceEstimate": grid.totals.whitespace_estimate,
        "reachableWhitespace": reach.reachable_whitespace,
        "reachablePipeline": reach.reachable_pipeline,
    }  # fmt: skip


async def compute(
    ctx: Context, account_ids: Sequence[str], day: dt.date, *, whole: bool = True
) -> dict[str, dict[str, Any]]:
    """The snapshots of many accounts on `day` (only their whitespace figures unless
    `whole`): their reads batch (accounts, subgraphs, whitespace inputs, the catalog),
    whatever their number."""
    rows = [
        r for r in await ctx.loaders.one(q.accounts.get_accounts).load_many(list(account_ids)) if r
    ]
    found = await asyncio.gather(*(
        snapshot(ctx, row, day) if whole else whitespace_figures(ctx, str(row["id"]), day)
        for row in rows
    ))  # fmt: skip
    return {str(row["id"]): snap for row, snap in zip(rows, found, strict=True)}


@dataclass(frozen=True)
class Stale:
    """An account's counters as read, and whether its whole snapshot is stale (else only
    catalog changes came since: its whitespace figures are)."""

    revision: int
    graph_revision: int
    whole: bool


class Quiet:
    """What a refresher saw at its last pass that found nothing stale: the day, the
    analysis settings, how many accounts there were and the latest counter bump. While
    they hold, no account can have become stale (every write bumps a counter, a new
    account adds to the count), so a pass reads that mark alone; every QUIET_SECONDS
    it checks every account anyway. A bump's time is its transaction's, so one still
    committing may be older than the latest: a mark is trusted only once its latest
    bump is SETTLE_MS old (until then every pass checks every account, as before)."""

    def __init__(self, seconds: float = QUIET_SECONDS) -> None:
        self.seconds = seconds
        self.clean: tuple[Any, ...] | None = None
        self.since = 0.0
        self.reads = 0  # passes that stopped at the mark (tests, logs)

    async def mark(self, ctx: Context, day: dt.date, basis: str) -> tuple[Any, ...] | None:
        """The mark now, or None while the latest bump is within SETTLE_MS of the
        database's clock (a bump still committing may carry an earlier time)."""
        rows = await ctx.db.read(q.snapshots.last_change)
        row = rows[0] if rows else {}
        changed, now = row.get("changed"), row.get("now")
        if changed is not None and (now is None or now - changed < SETTLE_MS):
            return None
        return (day, basis, row.get("accounts"), changed)

    def unchanged(self, mark: tuple[Any, ...] | None) -> bool:
        fresh = asyncio.get_running_loop().time() - self.since < self.seconds
        if mark is not None and mark == self.clean and fresh:
            self.reads += 1
            return True
        return False

    def record(self, mark: tuple[Any, ...] | None) -> None:
        """After a check of every account: `mark` when it found nothing stale, else None."""
        self.clean, self.since = mark, asyncio.get_running_loop().time()


async def refresh(
    ctx: Context, *, today: dt.date | None = None, holder: str = HOLDER,
    announced: live.Announced | None = None, quiet: Quiet | None = None,
) -> int:  # fmt: skip
    """Recompute every stale snapshot of today that no other refresher is computing; how
    many were stored. Each batch is claimed first (`SnapshotClaim`, released once
    stored, expiring after CLAIM_SECONDS if its holder died), so several workers and
    instances share a day's first build instead of each computing all of it. The most
    recently changed go first, a few at a time when few are stale (BATCH at a time for a
    first build); accounts `announced` during the pass jump the queue before each batch,
    so a write is reflected within about one small batch, even under load. With `quiet`
    (the refresher's), a pass whose mark has not moved since one that found nothing
    stale reads nothing more."""
    day = today or ctx.settings.today()
    basis = ctx.settings.analysis_basis()
    mark: tuple[Any, ...] | None = None
    if quiet is not None and not (announced is not None and announced.pending):
        mark = await quiet.mark(ctx, day, basis)
        if quiet.unchanged(mark):
            return 0

    async def stale_ids() -> list[str]:
        # Ids only: each batch reads its counters again under its claim (_refresh_batch).
        rows = await ctx.db.read(q.snapshots.stale_accounts, today=day, basis=basis, ids=None)
        # An account deleted while this read ran (an erasure, a wipe) can come back with
        # no id: nothing to refresh (its claim would be a node keyed on null).
        return [r["id"] for r in rows if r["id"] is not None]

    queue = await stale_ids()
    if quiet is not None:
        # Nothing stale at this mark: the next passes stop at the mark while it holds.
        quiet.record(mark if not queue else None)
    size = BATCH if len(queue) > BATCH else SMALL
    stored = 0
    while queue or (announced is not None and announced.pending):
        if announced is not None and announced.requeue:
            # Another process wrote during the pass: what it wrote is stale now and, being
            # the most recently changed, first in a fresh read; the rest keeps its turn.
            announced.requeue = False
            queue = await stale_ids()
            continue
        urgent = announced.take() if announced is not None else []
        if urgent:  # written since the pass began: them first (the batch skips any not stale)
            taken = set(urgent)
            queue = urgent[SMALL:] + [a for a in queue if a not in taken]
            wanted = urgent[:SMALL]
        else:
            wanted, queue = queue[:size], queue[size:]
        if wanted:
            stored += await _refresh_batch(ctx, wanted, day, basis, holder)
    return stored


async def _refresh_batch(ctx: Context, wanted: list[str], day: dt.date, basis: str, holder: str) -> int:  # fmt: skip
    """Claim, compute and store the snapshots of `wanted` (those no other refresher
    holds): whole ones, or only the whitespace figures of those only prices changed."""
    claimed = await ctx.db.write(q.snapshots.claim_accounts, ids=wanted, holder=holder,
                                 seconds=CLAIM_SECONDS)  # fmt: skip
    claimed_ids = list(claimed[0]["claimed"]) if claimed else []
    if not claimed_ids:
        return 0  # another refresher has them
    release = Step(q.snapshots.release_accounts, {"ids": claimed_ids, "holder": holder})
    released = False
    try:
        # Stale still? Another refresher may have stored them between our reading them
        # stale and our claim (it released them since): checked again under the claim.
        rows = await ctx.db.read(
            q.snapshots.stale_accounts, today=day, basis=basis, ids=claimed_ids
        )
        stale = {r["id"]: Stale(r["revision"], r["graphRevision"], r["whole"]) for r in rows}
        batch = [a for a in claimed_ids if a in stale]
        if not batch:
            return 0
        ctx.forget()  # each batch reads afresh (and computes nothing from a past pass)
        whole = [a for a in batch if stale[a].whole]
        prices = [a for a in batch if not stale[a].whole]
        before = await webhooks.previous(ctx.db, whole, day) if whole else {}
        found = await compute(ctx, whole, day) if whole else {}
        moves = await analyses.champion_moves(ctx, as_of=day, since=None) if found else []
        for account_id, props in found.items():  # the champion moves into each (§15)
            props["moveRows"] = sorted(webhooks.move_row(m) for m in moves
                                       if m.person.get("accountId") == account_id)  # fmt: skip
        partial = await compute(ctx, prices, day, whole=False) if prices else {}
        events, departed = await _events(ctx, before, found)
        # By account id, as bump_revisions locks the counters (two writers, one order).
        # Each account's strategic score orders its plays in the play index (the
        # accounts were read by `compute` in this context already).
        scores = {str(r["id"]): analyses.strategic(ctx, r)[0] for r in await ctx.loaders.one(
            q.accounts.get_accounts).load_many(list(found) + list(partial)) if r}  # fmt: skip
        rows = sorted(
            [{"accountId": a, "date": day, "partial": False,
              "gaps": gap_entries(a, props["gapRows"]),
              "plays": play_entries(props["playRows"], scores[a]), "props": {
                **props, "revision": stale[a].revision,
                "graphRevision": stale[a].graph_revision, "basis": basis, "computedBy": holder}}
             for a, props in found.items()]
            + [{"accountId": a, "date": day, "partial": True,
                "plays": play_entries(props["playRows"], scores[a]),
                "props": {**props, "revision": stale[a].revision}}
               for a, props in partial.items()],
            key=lambda row: str(row["accountId"]),
        )  # fmt: skip
        # The snapshots and the webhook events their change tells, in one transaction:
        # each change is emitted once, by the process that stored it. The claims are
        # released in it too (one write transaction fewer on the way from a write to its
        # snapshot); on any failure before, `finally` releases them.
        steps = [Step(q.snapshots.store_snapshots, {"rows": rows}), *webhooks.emit_steps(events), release]  # fmt: skip
        result = (await ctx.db.write_steps(steps, name="snapshots.store_snapshots"))[0]
        released = True
        # A champion who just left here and is active at another account: that account
        # has a new move (§15) to tell; it is counted as changed, so its snapshot, and
        # the `champion.moved` event with it, come at the next pass.
        moved_to = {str(m.person.get("accountId")) for m in moves
                    if m.former["id"] in departed and m.person.get("accountId") not in found}  # fmt: skip
        if moved_to:
            await live.announce(ctx.db, moved_to)
        return int(result[0]["stored"]) if result else 0
    finally:
        if not released:
            await ctx.db.write(release.query, **release.params)


async def _events(ctx: Context, before: dict[str, dict[str, Any]],
                  found: dict[str, dict[str, Any]]) -> tuple[list[webhooks.Event], set[str]]:  # fmt: skip
    """The webhook events from each account's stored snapshot to its new one, and the
    people who departed since."""
    gone = set()
    for account_id, snap in found.items():
        old = before.get(account_id)
        if old is not None:
            ids = {orjson.loads(r)["id"] for r in old.get("peopleRows") or []}
            gone |= ids - {orjson.loads(r)["id"] for r in snap["peopleRows"]}
    departed = await webhooks.departed_of(ctx.db, gone)
    step = ctx.settings.samgraph_webhook_coverage_step
    events = [e for a, snap in sorted(found.items())
              for e in webhooks.events_between(a, before.get(a), snap, departed, step)]  # fmt: skip
    return events, set(departed)


async def refresher(ctx: Context, seconds: float, *, woken_by_signal: bool = False) -> None:
    """Keep today's snapshots fresh until cancelled (one per app process, or one process
    of its own: `samgraph snapshots run`). A pass runs every `seconds`, and at once after
    a write this process announced (writes during a pass are computed first within it),
    or, `woken_by_signal`, when a worker sends SIGUSR1 after its write; other writes are
    seen by the counters at the next interval."""
    announced = live.listen(ctx.db)
    if woken_by_signal:
        asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, announced.woken)
    quiet = Quiet()
    while True:
        announced.event.clear()
        try:
            count = await refresh(ctx, announced=announced, quiet=quiet)
            if count:
                log.info("refreshed %d account snapshots", count)
        except SamgraphError as exc:  # Neo4j away: try again on the next pass
            log.warning("snapshot refresh failed: %s", exc.message)
        except Exception:  # a bug must not stop snapshots for the life of the process
            log.exception("snapshot refresh failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(announced.event.wait(), seconds)


TREND_DAYS = 90  # a trend's default window, ending today


def window(ctx: Context, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """A trend's days: `end` defaults to today, `start` to TREND_DAYS - 1 days before it."""
    end = end or ctx.settings.today()
    return start or end - dt.timedelta(days=TREND_DAYS - 1), end


async def trend(
    ctx: Context, *, account_id: str, start: dt.date, end: dt.date, reconstruct: bool = False
) -> list[dict[str, Any]]:
    """The account's snapshots from `start` to `end`, by date; with `reconstruct`, each
    day up to today that has none is computed from the graph's recorded history and
    marked `reconstructed` (never stored: snapshots stay the record of what was seen)."""
    stored_rows = await ctx.loaders.many(q.snapshots.snapshots_between, **{"from": start, "to": end}).load(account_id)  # fmt: skip
    if not reconstruct:
        return stored_rows
    days = (end - start).days + 1
    if days > MAX_RECONSTRUCTED:
        raise invalid([Problem("to", f"reconstruct covers at most {MAX_RECONSTRUCTED} days; "
                               f"asked {days}")])  # fmt: skip
    row = await ctx.loaders.one(q.accounts.get_accounts).load(account_id)
    if row is None:
        return stored_rows
    have = {r["date"] for r in stored_rows}
    last = min(end, ctx.settings.today())
    missing = [start + dt.timedelta(days=k) for k in range((last - start).days + 1)]
    missing = [d for d in missing if d not in have]
    made = [await reconstructed(ctx, row, day) for day in missing]
    return sorted([*stored_rows, *made], key=lambda r: r["date"])


async def reconstructed(ctx: Context, row: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """An AccountSnapshot's figures on a past `day` rebuilt from the recorded history:
    coverage, champions without backup and reach on the org of that day; the whitespace
    from today's deployments and pipeline (they keep no history); score and renewal."""
    account_id = str(row["id"])
    cov = await analyses.coverage_of(ctx, account_id, day)
    grid = await analyses.whitespace_of(ctx, account_id)
    _, reach = await analyses.reachable_whitespace(
        ctx, account_id=account_id, as_of=day, max_hops=MAX_HOPS_DEFAULT
    )
    score, tier = analyses.strategic(ctx, row)
    ren = renewal(row.get("renewalDate"), day)
    return {
        "date": day, "reconstructed": True, "coverageScore": cov.score,
        "mappedCount": cov.mapped_count, "engagedCount": cov.engaged_count,
        "strongCount": cov.strong_count, "cells": [c.engaged_count for c in cov.cells],
        "gaps": [f"{g.code}:{g.severity}" for g in cov.gaps],
        "championsWithoutBackup": sum(1 for c in cov.champions if not c.has_backup),
        "deployedArr": grid.totals.deployed_arr, "pipelineAmount": grid.totals.pipeline_amount,
        "weightedPipeline": grid.totals.weighted_pipeline,
        "whitespaceEstimate": grid.totals.whitespace_estimate,
        "reachableWhitespace": reach.reachable_whitespace,
        "reachablePipeline": reach.reachable_pipeline,
        "strategicScore": score, "tier": str(tier),
        "milestone": str(ren.milestone.name) if ren.milestone else None,
        "daysToRenewal": ren.days_to_renewal,
    }  # fmt: skip


async def portfolio_trend(
    ctx: Context, *, start: dt.date, end: dt.date, member_id: str | None
) -> list[dict[str, Any]]:
    """Per day: accounts snapshotted, their mean coverage score, how many had a CRITICAL
    gap, and their reachable whitespace in all (the accounts the caller sees)."""
    rows = [r["item"] for r in await ctx.db.read(q.snapshots.portfolio_days, **{
        "from": start, "to": end, "member_id": member_id})]  # fmt: skip
    days: dict[dt.date, list[dict[str, Any]]] = {}
    for r in rows:
        days.setdefault(r["date"], []).append(r)
    return [
        {"date": day, "accounts": len(snaps),
         "meanCoverageScore": round(sum(s["coverageScore"] for s in snaps) / len(snaps), 2),
         "accountsWithCriticalGaps": sum(1 for s in snaps
                                         if any(g.endswith(":CRITICAL") for g in s.get("gaps") or [])),
         "reachableWhitespace": sum(s.get("reachableWhitespace") or 0.0 for s in snaps),
         "openPlays": _open_plays(snaps)}
        for day, snaps in sorted(days.items())
    ]  # fmt: skip


def _open_plays(snaps: list[dict[str, Any]]) -> int | None:
    """The plays the day's snapshots kept, in all; None when none of them kept plays
    (stored before they did)."""
    counts = [s["openPlays"] for s in snaps if s.get("openPlays") is not None]
    return sum(counts) if counts else None
