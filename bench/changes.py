"""The effect of each performance change: the same requests through the app of each
given commit, in process (ASGI, no network), against one Neo4j holding a generated
portfolio. For the notes of docs/benchmarks.md; not part of `make bench`.

    git worktree add /tmp/wt/REV REV          # for each commit
    NEO4J_URI=... NEO4J_PASSWORD=... python bench/changes.py /tmp/wt/REV1 /tmp/wt/REV2 ...

Each commit runs in its own interpreter (its `src/` first on the path), in rounds so
drift on a shared machine spreads over all of them. Prints p50 wall time and the
mean CPU time of this process per request; CPU time is the steadier figure.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import asyncio, json, statistics, sys, time
import httpx
from samgraph.auth import keys
from samgraph.config import Settings
from samgraph.db.driver import Db
from samgraph.main import create_app

REQUESTS = {
    "nested read": ("query($id: ID!) { account(id: $id) { id name teams { id name stakeholders "
                    "{ id name title relationships { memberId strength lastContact } } } } }", True),
    "coverage": ("query($id: ID!) { account(id: $id) { coverage(asOf: \"2026-11-01\") "
                 "{ score cells { covered } gaps { code } } } }", True),
    "whitespace": ("query($id: ID!) { account(id: $id) { whitespace { totals "
                   "{ whitespaceEstimate } cells { value } } } }", True),
    "list 100 accounts": ("{ accounts(first: 100) { nodes { id name industry arr renewalDate } } }",
                          False),
}


async def main(runs):
    app = create_app(Settings(samgraph_rate_limit="", samgraph_audit_log="/dev/null"))
    async with app.router.lifespan_context(app):
        db = Db(app.state.driver, app.state.database)
        token = (await keys.create_key(db, role="VIEWER", name="changes")).token
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://x",
                                   headers={"Authorization": f"Bearer {token}"})
        out = {}
        for name, (query, by_id) in REQUESTS.items():
            def body(i):
                return {"query": query, "variables": {"id": f"a{i * 97 % 2000:05d}"} if by_id else {}}
            for i in range(5):
                r = await client.post("/graphql", json=body(i))
                assert "errors" not in r.json(), r.text[:300]
            wall, cpu = [], time.process_time()
            for i in range(runs):
                start = time.perf_counter()
                await client.post("/graphql", json=body(i))
                wall.append((time.perf_counter() - start) * 1000)
            out[name] = [statistics.median(wall), (time.process_time() - cpu) / runs * 1000]
        print(json.dumps(out))

asyncio.run(main(int(sys.argv[1])))
"""


def main() -> None:
    trees = [Path(p) for p in sys.argv[1:]]
    runs, rounds = int(os.environ.get("RUNS", "60")), int(os.environ.get("ROUNDS", "3"))
    results: dict[Path, list[dict[str, list[float]]]] = {t: [] for t in trees}
    for _ in range(rounds):
        for tree in trees:
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            out = subprocess.run([sys.executable, "-c", PROBE, str(runs)], env=env, check=True,
                                 capture_output=True, text=True).stdout  # fmt: skip
            results[tree].append(json.loads(out.strip().splitlines()[-1]))
    names = list(results[trees[0]][0])
    print("| commit | " + " | ".join(f"{n} p50 / CPU ms" for n in names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for tree in trees:
        cells = []
        for n in names:
            wall = statistics.median(r[n][0] for r in results[tree])
            cpu = statistics.median(r[n][1] for r in results[tree])
            cells.append(f"{wall:.1f} / {cpu:.1f}")
        print(f"| {tree.name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
