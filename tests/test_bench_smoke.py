"""CI's small smoke run of the analyses benchmark (the full run is `make bench`)."""

from __future__ import annotations

from bench.analyses_latency import ANALYSES, main

from samgraph.db.driver import Db


async def test_benchmark_smoke_runs_every_row(db: Db) -> None:
    rows = await main(runs=2, accounts=12)
    # Header, separator, one row per analysis, portfolioGaps and the sorted accounts list.
    assert len(rows) == 2 + len(ANALYSES) + 2
    assert "16 accounts" in rows[-2] and "2 round trips" in rows[-2]  # 12 + 4 demo accounts


async def test_integrations_benchmark_smoke(db: Db) -> None:
    from bench.integrations import main as integrations

    rows = await integrations(people=300, accounts=6)
    # Each of the 5 built-in reports as JSON and CSV, then two syncs.
    assert len(rows) == 2 + 5 * 2
    assert "300 added" in rows[-2] and "0 added, 30 updated" in rows[-1]


async def test_auth_overhead_benchmark_smoke(db: Db) -> None:
    from bench.auth_overhead import main as auth_overhead

    rows = await auth_overhead(runs=3)
    assert len(rows) == 2 + 5 and rows[2].startswith("| raw Cypher read |")
