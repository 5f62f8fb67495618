"""Latency of each analysis on the demo account and of portfolioGaps on a generated
2,000-account portfolio, through the real app (in process, over ASGI).

Run with `make bench` (it starts its own Neo4j). Prints median and p90 of N runs
and, beside each, the raw Cypher fetch it needs, so the ratio shows what the
GraphQL layer and the Python arithmetic add.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from samgraph.auth import keys
from samgraph.config import Settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from samgraph.main import create_app

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
ACCOUNTS = int(os.environ.get("BENCH_ACCOUNTS", "2000"))
DEMO = Path(__file__).resolve().parents[1] / "src" / "samgraph" / "demo" / "portfolio.json"
AS_OF = "2026-01-20"

ANALYSES = {
    "coverage": "coverage(asOf: $d) { score cells { covered } gaps { code } }",
    "championBackups": "championBackups(asOf: $d) { champion { id } backups { id } scoreIfLost }",
    "warmPaths": 'warmPaths(to: "rmartinez", asOf: $d) { hops nodes { id } }',
    "influenceMap": "influenceMap(asOf: $d) { nodes { score rank } edges { source } }",
    "whitespace": "whitespace { totals { whitespaceEstimate } cells { value } } renewalCheck: renewal(asOf: $d) { milestone }",
    "renewal+score": "strategicScore tier renewal(asOf: $d) { milestone }",
    "overdueTouches": "overdueTouches(asOf: $d) { stakeholderId }",
}


def portfolio(n: int, seed: int = 7) -> dict[str, Any]:
    """n accounts of 3 teams and 8 stakeholders each, with a manager chain, KNOWS and
    INFLUENCES edges, deployments and opportunities; 20 members."""
    rng = random.Random(seed)
    sen = ["C_LEVEL", "VP", "VP", "DIRECTOR", "DIRECTOR", "MANAGER", "IC", "IC"]
    b: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "accounts", "teams", "stakeholders", "members", "accountTeam", "relationships",
        "influences", "products", "deployments", "opportunities")}  # fmt: skip
    b["members"] = [{"id": f"bm{i}", "name": f"Member {i}", "role": "SAM"} for i in range(20)]
    b["products"] = [{"id": "bp1", "name": "P1", "pricing": "PER_TEAM", "listPrice": 50000.0},
                     {"id": "bp2", "name": "P2", "pricing": "PER_SEAT", "listPrice": 300.0}]  # fmt: skip
    for i in range(n):
        a = f"b{i:05d}"
        b["accounts"].append({"id": a, "name": f"Bench {i:05d}", "arr": float(rng.randint(1, 50) * 10000),
                              "renewalDate": (dt.date(2026, 1, 20) + dt.timedelta(days=rng.randint(-30, 400))).isoformat(),
                              "scores": {"currentRevenue": rng.randint(0, 10), "strategicFit": rng.randint(0, 10)}})  # fmt: skip
        b["accountTeam"].append({"memberId": f"bm{i % 20}", "accountId": a, "role": "SAM"})
        for t, g in enumerate(("BUYING", "USING", "ADJACENT")):
            b["teams"].append({"id": f"{a}-t{t}", "accountId": a, "name": f"T{t}", "functionGroup": g,
                               "headcount": rng.randint(10, 500)})  # fmt: skip
        b["deployments"].append(
            {"teamId": f"{a}-t1", "productId": "bp1", "status": "DEPLOYED", "arr": 50000.0}
        )
        b["opportunities"].append({"id": f"{a}-o", "accountId": a, "teamId": f"{a}-t0", "productId": "bp2",
                                   "name": "Expansion", "amount": 30000.0, "probability": 0.4})  # fmt: skip
        for s in range(8):
            sid = f"{a}-s{s}"
            row = {"id": sid, "accountId": a, "name": f"Person {s}", "seniority": sen[s],
                   "teamId": f"{a}-t{s % 3}", "buyingRole": "CHAMPION" if s == 3 else "NONE",
                   "sentiment": rng.choice(["ADVOCATE", "NEUTRAL", "UNKNOWN"])}  # fmt: skip
            if s:
                row["managerId"] = f"{a}-s{(s - 1) // 2}"
            b["stakeholders"].append(row)
            if rng.random() < 0.6:
                b["relationships"].append({"memberId": f"bm{rng.randrange(20)}", "stakeholderId": sid,
                                           "strength": rng.randint(1, 5),
                                           "lastContact": f"2025-{rng.randint(9, 12):02d}-{rng.randint(1, 28):02d}"})  # fmt: skip
        for _ in range(4):
            x, y = rng.sample(range(8), 2)
            b["influences"].append(
                {"fromId": f"{a}-s{x}", "toId": f"{a}-s{y}", "weight": rng.randint(1, 5)}
            )
    # Influence pairs may repeat: keep the last of each.
    b["influences"] = list({(r["fromId"], r["toId"]): r for r in b["influences"]}.values())
    return b


async def timed(fn: Any, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        await fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.9 * (len(samples) - 1))]


async def main(runs: int = RUNS, accounts: int = ACCOUNTS) -> list[str]:
    """Run the benchmark; return the result table's rows."""
    app = create_app(Settings(samgraph_rate_limit=""))
    async with app.router.lifespan_context(app):
        db = Db(app.state.driver, app.state.database, app.state.queries)
        await wipe_data(db)
        token = (await keys.create_key(db, role="ADMIN", name="bench")).token
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench",
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip

        async def post(query: str) -> dict[str, Any]:
            r = await client.post("/graphql", json={"query": query, "variables": {"d": AS_OF}})
            body = r.json()
            assert "errors" not in body, body
            return body

        imp = "mutation($b: JSON!) { importBundle(bundle: $b) { batches } }"
        await client.post(
            "/graphql", json={"query": imp, "variables": {"b": json.loads(DEMO.read_text())}}
        )
        rows = [
            "| analysis | median ms | p90 ms | raw Cypher fetch median ms | ratio |",
            "|---|---|---|---|---|",
        ]
        raw_graph = await timed(lambda: db.read("analyses.account_graphs", ids=["gfc"]), runs)
        raw_ws = await timed(lambda: db.read("analyses.whitespace_inputs", ids=["gfc"]), runs)
        for name, fields in ANALYSES.items():
            q = 'query($d: Date) { account(id: "gfc") { ' + fields + " } }"
            med, p90 = await timed(lambda q=q: post(q), runs)
            raw = raw_ws if name == "whitespace" else raw_graph
            rows.append(
                f"| {name} (demo gfc) | {med:.1f} | {p90:.1f} | {raw[0]:.1f} | {med / raw[0]:.1f}x |"
            )

        t0 = time.perf_counter()
        bundle = portfolio(accounts)
        r = await client.post(
            "/graphql", json={"query": imp, "variables": {"b": bundle}}, timeout=600
        )
        assert "errors" not in r.json(), r.text[:500]
        load_s = time.perf_counter() - t0
        gaps_q = (
            "query($d: Date) { portfolioGaps(asOf: $d, minSeverity: HIGH) { account { id } code } }"
        )
        body = await post(gaps_q)
        n_gaps, trips = len(body["data"]["portfolioGaps"]), body["extensions"]["dbRoundTrips"]
        ids = [a["id"] for a in bundle["accounts"]] + ["gfc", "nwh", "acme", "contoso"]
        med, p90 = await timed(lambda: post(gaps_q), max(3, runs // 4))
        raw = await timed(lambda: db.read("analyses.account_graphs", ids=ids), max(3, runs // 4))
        rows.append(
            f"| portfolioGaps ({len(ids)} accounts, {n_gaps} gaps, {trips} round trips) | {med:.0f} | {p90:.0f} | {raw[0]:.0f} | {med / raw[0]:.1f}x |"
        )
        sort_q = "query($d: Date) { accounts(sortBy: COVERAGE_SCORE, asOf: $d, first: 50) { totalCount nodes { id coverage(asOf: $d) { score } } } }"
        body = await post(sort_q)
        med, p90 = await timed(lambda: post(sort_q), max(3, runs // 4))
        rows.append(
            f"| accounts sorted by coverage, first 50 of {body['data']['accounts']['totalCount']} ({body['extensions']['dbRoundTrips']} round trips) | {med:.0f} | {p90:.0f} | {raw[0]:.0f} | {med / raw[0]:.1f}x |"
        )
        await client.aclose()
        await wipe_data(db)
    print(f"{runs} runs each; {accounts}-account portfolio imported in {load_s:.1f} s\n")
    print("\n".join(rows))
    return rows


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
