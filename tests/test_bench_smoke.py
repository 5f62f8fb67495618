"""CI's small smoke runs of the benchmarks (the full run is `make bench`): every
section runs end to end on a small portfolio; no thresholds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bench import attacks
from bench.suite import ANALYSES, MIX, Config, attack_table, main, tables, targets

from samgraph.db.driver import Db
from samgraph.reports.service import BUILTIN_DIR, builtin_reports

PEER = Path(__file__).resolve().parents[1] / "bench" / "peer"


async def test_benchmark_suite_smoke(db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    # The peer is installed the way `make bench` does it (npm, from the lock file).
    if not (PEER / "node_modules").is_dir():
        npm = shutil.which("npm")
        assert npm, "the benchmark peer needs Node.js and npm"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True)
    monkeypatch.setenv("BENCH_SMOKE", "1")
    report = await main(Config.from_env())
    loaded = report.sizes_loaded["S"]
    # 12 accounts x 30 stakeholders; the import comparison built the same graph twice.
    assert loaded["accounts"] == 12 and loaded["people"] == 360
    assert report.imports[0]["nodes"] == loaded["nodes"]
    # Plays simulate: no raw read to compare them with.
    assert [r["request"] for r in report.overhead] == [
        "nested read", *(a for a in ANALYSES if a != "plays")]  # fmt: skip
    assert all(r["raw"]["p50"] > 0 and r["samgraph"]["p50"] > 0 for r in report.overhead)
    # The peer returned the same people and edges as samgraph on the nested read.
    assert report.peer[0]["same"] is True
    assert all(r["tp_samgraph"] > 0 and r["tp_peer"] > 0 for r in report.peer)
    assert [r["concurrency"] for r in report.load] == [1, 4]
    assert all(r["errors"] == 0 and r["requests"] > 0 for r in report.load)
    trips = {r["request"]: r["trips"] for r in report.trips}
    assert len(trips) == len(MIX) + 2
    # Bounded by depth, and compiled (accounts/compiled.py): one read for one account, and
    # one for a page of 20 with their teams, people and edges.
    assert trips["nested read"] == 1 and trips["nested read, 20 accounts (list)"] == 1
    # The portfolio count that prices a past day (gql/guard.py), then accounts, the
    # counters of the accounts whose drawing the earlier sections left kept
    # (live/kept.py), and the drawings of the rest.
    assert trips["portfolioGaps (every account)"] == 4
    assert set(report.scale["S"]) == {*ANALYSES, "portfolioGaps", "dbHits"}
    # The per-account reads touch only that account: a few hundred database hits for
    # 30 people, whatever the portfolio holds.
    assert 0 < report.scale["S"]["dbHits"]["analyses.account_graphs"] < 10_000
    # The report renders: every table, and one target line per measured ratio.
    assert set(tables(report)) >= {"overhead", "peer", "load", "import", "scale", "trips"}
    # Section 9: every account snapshotted, read back by the views, every built-in
    # report timed in both formats, and at least one write seen fresh again.
    views = report.views["S"]
    assert views["stored"] == 12 and views["refresh_s"] >= 0
    assert views["gaps"]["p50"] > 0 and views["by_coverage"]["p50"] > 0
    assert views["plays"]["p50"] > 0
    assert len(report.view_reports) == 3 * len(builtin_reports())  # JSON, CSV and XLSX
    assert report.freshness["n"] >= 1 and report.freshness["clients"] == 4
    # Webhooks: each of the 5 departures arrived at the receiver.
    assert report.webhooks["n"] == 5 and report.webhooks["p50"] > 0
    # Section 10: every attack replayed, the bystander answered alone and during each.
    assert [r["attack"] for r in report.attack["attacks"]] == [a.name for a in attacks.ATTACKS]
    assert report.attack["alone"]["n"] > 0 and all(r["n"] > 0 for r in report.attack["attacks"])
    # In milliseconds: a request over HTTP to a real server takes more than 1 ms (the
    # replay's seconds were once printed as ms, every bystander "0.0").
    assert 1 < report.attack["alone"]["p50"] < 10_000
    assert len(attack_table(report.attack)) == 3 + len(attacks.ATTACKS)
    goals = targets(report)
    # views (with plays today), reports, freshness; Account.plays of one account
    views_goals = 5 + len(report.view_reports) + 1 + 1
    assert len(goals) == 2 + 7 + 2 * 3 + 1 + len(ANALYSES) + views_goals + 1
    assert goals[-1].endswith("| 1 vs 1 | yes |")
    # Size XL (16 x 30 in the smoke run): loaded after S, every snapshot built, its views
    # and one account's analyses timed, and a line of the XL table for each.
    xl = report.xl
    assert xl["size"]["accounts"] == 16 and xl["size"]["people"] == 16 * 30
    assert xl["views"]["stored"] == 16 and xl["views"]["gaps"]["p50"] > 0
    assert set(xl["scale"]) == {*ANALYSES, "dbHits"}
    assert len(tables(report)["xl"]) == 2 + 3 + 4 + len(ANALYSES)


async def test_integrations_benchmark_smoke(db: Db) -> None:
    from bench.integrations import main as integrations

    rows = await integrations(people=300, accounts=6)
    # Each built-in report as JSON and CSV, then two syncs.
    assert len(rows) == 2 + len(list(BUILTIN_DIR.glob("*.graphql"))) * 2
    assert "300 added" in rows[-2] and "0 added, 30 updated" in rows[-1]


async def test_auth_overhead_benchmark_smoke(db: Db) -> None:
    from bench.auth_overhead import main as auth_overhead

    rows = await auth_overhead(runs=3)
    assert len(rows) == 2 + 6 and rows[2].startswith("| raw Cypher read |")


def test_generate_is_deterministic_and_valid() -> None:
    from samgraph.bundle.models import Bundle
    from samgraph.demo.generate import generate

    a = generate(accounts=3, stakeholders_per_account=40, seed=5)
    assert a == generate(accounts=3, stakeholders_per_account=40, seed=5)
    assert a != generate(accounts=3, stakeholders_per_account=40, seed=6)
    Bundle.model_validate(a)
    # Org levels: CEO, 5 executives (2 C-level, 3 VPs), 15 directors, then managers.
    first = [s for s in a["stakeholders"] if s["accountId"] == "a00000"]
    assert len(first) == 40
    assert [s["seniority"] for s in first[:6]] == ["C_LEVEL"] * 3 + ["VP"] * 3
    assert sum(s["seniority"] == "DIRECTOR" for s in first) == 15
    assert all(s.get("managerId") for s in first[1:]) and "managerId" not in first[0]
    # 2 to 5 members per account; a team for the CEO, each executive and each director.
    per_account = [sum(r["accountId"] == f"a{i:05d}" for r in a["accountTeam"]) for i in range(3)]
    assert all(2 <= n <= 5 for n in per_account)
    assert sum(t["accountId"] == "a00000" for t in a["teams"]) == 1 + 5 + 15
