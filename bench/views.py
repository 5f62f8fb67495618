"""`make bench` section 9: portfolio views from today's snapshots (§16, issue 15).

At each size: the servers' first snapshot build after the import (timed; their
refreshers run at the default SAMGRAPH_SNAPSHOT_SECONDS=1), then over HTTP `portfolioGaps` (every
account, HIGH+), the first 50 accounts sorted by COVERAGE_SCORE beside the same
page sorted by NAME, and the first 50 plays of the portfolio, interleaved. At the last size, every built-in report as JSON and
CSV, and the freshness of one account's snapshot after a write while the mixed load
runs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp

from bench.loadgen import stats
from samgraph import clock
from samgraph.config import Settings
from samgraph.context import Context
from samgraph.db.cypher import load_queries
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.reports.service import builtin_reports
from samgraph.schema import build_schema

GAPS_TODAY = (
    "{ portfolioGaps(minSeverity: HIGH, first: 100) { totalCount nodes { account { id } code } } }"
)
PLAYS_TODAY = "{ plays(first: 50) { totalCount nodes { kind scoreGain reachGain account { id } stakeholder { id } } } }"
SORTED = "query($s: AccountSort!) { accounts(sortBy: $s, first: 50) { totalCount nodes { id name coverage { score } } } }"
TOUCH = 'mutation($s: ID!, $d: Date!) { linkKnows(memberId: "m0000", stakeholderId: $s, strength: 4, lastContact: $d) { id } }'


async def _timed(fn: Callable[[], Awaitable[Any]]) -> float:
    start = time.perf_counter()
    await fn()
    return (time.perf_counter() - start) * 1000


def _context(db: Db) -> Context:
    settings = Settings(samgraph_snapshot_seconds=0)
    return Context(db, settings, build_schema(settings), request_id="bench")


async def first_build(db: Db, timeout: float = 900) -> tuple[float, int]:
    """After an import: (seconds from its end until every account's snapshot of today
    is fresh, how many there are). The servers' refreshers build them (their workers
    share the work through claims; they start during the import); this only watches."""
    basis, start = _context(db).settings.analysis_basis(), time.perf_counter()
    while time.perf_counter() - start < timeout:
        stale = await db.read(
            queries.snapshots.stale_accounts, today=clock.today(), basis=basis, ids=None
        )
        if not stale:
            took = time.perf_counter() - start
            counted = await db.read(queries.db.count_snapshots, today=clock.today())
            return took, int(counted[0]["snapshots"])
        await asyncio.sleep(0.5)
    raise RuntimeError(f"snapshots not built within {timeout} s")


async def read_views(sam: Any, db: Db, runs: int, build: tuple[float, int]) -> dict[str, Any]:
    """One size: the servers' first build (`first_build`, timed right after the import),
    then portfolioGaps and the two sorted pages (today, so from the snapshots)."""
    took, stored = build
    row: dict[str, Any] = {"refresh_s": took, "stored": stored}
    for _ in range(2):  # warm-up
        await sam(GAPS_TODAY)
        await sam(SORTED, {"s": "NAME"})
        await sam(SORTED, {"s": "COVERAGE_SCORE"})
        await sam(PLAYS_TODAY)
    gaps, by_name, by_cov, plays = [], [], [], []
    for _ in range(runs):
        gaps.append(await _timed(lambda: sam(GAPS_TODAY)))
        by_name.append(await _timed(lambda: sam(SORTED, {"s": "NAME"})))
        by_cov.append(await _timed(lambda: sam(SORTED, {"s": "COVERAGE_SCORE"})))
        plays.append(await _timed(lambda: sam(PLAYS_TODAY)))
    row["gaps"], row["by_name"], row["by_coverage"] = stats(gaps), stats(by_name), stats(by_cov)
    row["plays"] = stats(plays)
    row["gaps_total"] = (await sam(GAPS_TODAY))["data"]["portfolioGaps"]["totalCount"]
    return row


async def reports(base: str, headers: dict[str, str], runs: int) -> list[dict[str, Any]]:
    """Each built-in report over HTTP as JSON, CSV and XLSX, today (a week for the trend)."""
    today = clock.today()
    params = {"from": (today - dt.timedelta(days=7)).isoformat(), "to": today.isoformat()}
    out = []
    # aiohttp, as the GraphQL rows (suite.Gql): its HTTP parsing is in C.
    timeout = aiohttp.ClientTimeout(total=600)
    async with aiohttp.ClientSession(base, headers=headers, timeout=timeout) as client:
        for name in builtin_reports():
            for fmt in ("json", "csv", "xlsx"):

                async def get(name: str = name, fmt: str = fmt) -> bytes:
                    async with client.get(
                        f"/reports/{name}", params={**params, "format": fmt}
                    ) as r:
                        content = await r.read()
                        if r.status != 200:
                            raise RuntimeError(f"report {name}: {r.status} {content[:300]!r}")
                    return content

                first = await _timed(get)  # warm-up; a slow report is timed once more only
                samples = [await _timed(get) for _ in range(runs if first < 3000 else 1)]
                size = len(await get())
                out.append({"report": name, "format": fmt, "bytes": size, **stats(samples)})
    return out


async def freshness(sam: Any, db: Db, ids: list[str], per: int, seconds: float) -> list[float]:
    """While the load runs: write to one account, then wait until its snapshot of today
    reflects that write (computed from the account's change counter as it stood right
    after it; later writes of the load do not count against it); ms per write. The
    servers' refreshers do the work (the write wakes the one of the worker that served
    it)."""
    probe = load_queries(Path(__file__).resolve().parent / "cypher")["probe.snapshot_revision"]
    delays: list[float] = []
    await asyncio.sleep(1.0)  # the load has started
    end = time.monotonic() + seconds - 3
    k = 0
    while k == 0 or time.monotonic() < end:
        account = ids[k % len(ids)]
        k += 1
        await sam(TOUCH, {"s": f"{account}-s{k % per}", "d": clock.today().isoformat()})
        start = time.perf_counter()
        (row,) = await db.read(probe, id=account, today=clock.today())
        after = row["revision"]
        while time.perf_counter() - start < 60:
            (row,) = await db.read(probe, id=account, today=clock.today())
            if row["stored"] is not None and row["stored"] >= after:
                break
            await asyncio.sleep(0.02)
        delays.append((time.perf_counter() - start) * 1000)
        await asyncio.sleep(0.5)
    return delays


def table(views: dict[str, dict[str, Any]]) -> list[str]:
    sizes = list(views)
    first, last = sizes[0], sizes[-1]
    rows = [
        "| figure | " + " | ".join(sizes) + f" | {last} / {first} |",
        "|---" * (len(sizes) + 2) + "|",
    ]

    def line(label: str, values: list[float], fmt: str = "{:.0f}") -> None:
        ratio = values[-1] / values[0] if values[0] else float("nan")
        rows.append(
            f"| {label} | " + " | ".join(fmt.format(v) for v in values) + f" | **{ratio:.2f}** |"
        )

    line(
        "first snapshot build after the import (all accounts), s",
        [views[k]["refresh_s"] for k in sizes],
        "{:.1f}",
    )
    line(
        "portfolioGaps today (every account, HIGH+), p50 ms",
        [views[k]["gaps"]["p50"] for k in sizes],
        "{:.1f}",
    )
    line(
        "accounts by COVERAGE_SCORE, first 50, p50 ms",
        [views[k]["by_coverage"]["p50"] for k in sizes],
        "{:.1f}",
    )
    if all("plays" in views[k] for k in sizes):
        line("plays today (§17, every account), first 50, p50 ms",
             [views[k]["plays"]["p50"] for k in sizes], "{:.1f}")  # fmt: skip
    line(
        "accounts by NAME, first 50, p50 ms", [views[k]["by_name"]["p50"] for k in sizes], "{:.1f}"
    )
    rows.append(
        "| COVERAGE_SCORE / NAME (p50) | "
        + " | ".join(
            f"{views[k]['by_coverage']['p50'] / views[k]['by_name']['p50']:.2f}" for k in sizes
        )
        + " | |"
    )
    return rows


def report_table(found: list[dict[str, Any]], size: str) -> list[str]:
    rows = [f"| report ({size}, today) | format | bytes | p50 ms | runs |", "|---|---|---|---|---|"]
    rows += [
        f"| {r['report']} | {r['format']} | {r['bytes']:,} | {r['p50']:.0f} | {r['n']} |"
        for r in found
    ]
    return rows
