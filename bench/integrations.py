"""Rows per second of a large org-chart sync, and the time of each built-in report on a
generated portfolio. Run with `make bench` (its own Neo4j)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import time

import httpx

from samgraph import clock
from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.config import Settings
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from samgraph.demo.generate import ANCHOR, generate
from samgraph.main import create_app
from samgraph.reports.service import builtin_reports
from samgraph.sync.formats import OrgFormat
from samgraph.sync.orgchart import SyncMode, apply_plan, plan_sync

PEOPLE = int(os.environ.get("BENCH_ORG_PEOPLE", "100000"))
ACCOUNTS = int(os.environ.get("BENCH_ACCOUNTS", "2000"))
AS_OF = ANCHOR.isoformat()  # the generated portfolio's dates are drawn around it


def org_csv(n: int, seed: int = 11) -> str:
    """A CSV org chart of n people: a tree 8 wide, 40 departments, titles by depth."""
    rng = random.Random(seed)
    titles = ["Chief Executive Officer", "VP", "Director", "Manager", "Engineer"]
    lines = ["id,name,title,email,team,managerId"]
    for i in range(n):
        depth = 0 if i == 0 else min(4, len(str(i)) - 1)
        manager = "" if i == 0 else f"p{(i - 1) // 8}"
        lines.append(
            f"p{i},Person {i},{titles[depth]} {i},p{i}@corp.example,Dept {rng.randrange(40)},{manager}"
        )
    return "\n".join(lines) + "\n"


async def main(people: int = PEOPLE, accounts: int = ACCOUNTS) -> list[str]:
    # Timings, not limits: one built-in report over 2,000 accounts prices at 255,001, over
    # the default SAMGRAPH_MAX_COST of 200,000 (a known issue, see docs/benchmarks.md), and
    # a past date's plays-by-member computes every account (5-15 s here, with the last
    # size's refreshers still busy on a loaded host it passed the 30 s request budget).
    app = create_app(
        Settings(samgraph_rate_limit="", samgraph_max_cost=10_000_000, samgraph_request_seconds=600)
    )
    settings = Settings()
    out: list[str] = []

    def emit(line: str) -> None:
        out.append(line)
        print(line, flush=True)

    async with app.router.lifespan_context(app):
        db = Db(app.state.driver, app.state.database)
        await wipe_data(db)
        await bundle_service.import_bundle(
            db,
            generate(accounts=accounts, stakeholders_per_account=8),
            batch_size=settings.samgraph_import_batch_size,
            changed_on=clock.today(),
        )
        token = (await keys.create_key(db, role="ADMIN", name="bench")).token
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench",
            headers={"Authorization": f"Bearer {token}"},
        )  # fmt: skip
        for name in builtin_reports():
            for fmt in ("json", "csv"):
                t0 = time.perf_counter()
                # A parameter a report does not declare is ignored (named in a header).
                params = {"format": fmt, "asOf": AS_OF, "from": AS_OF, "to": AS_OF}
                response = await client.get(f"/reports/{name}", params=params, timeout=600)
                elapsed = time.perf_counter() - t0
                assert response.status_code == 200, f"{name} ({fmt}): {response.text[:300]}"
                size = len(response.content)
                emit(
                    f"| report {name} ({fmt}), {accounts:,} accounts | {size / 1024:,.0f} KiB | {elapsed:.2f} s | |"
                )
        await client.aclose()
        await wipe_data(db)
        await bundle_service.import_bundle(
            db, {"accounts": [{"id": "big", "name": "Big Corp"}]}, changed_on=clock.today()
        )
        content = org_csv(people)
        cadence = settings.samgraph_cadence_days
        for label in ("first sync (all new)", "second sync (10% changed titles)"):
            t0 = time.perf_counter()
            plan = await plan_sync(db, account_id="big", fmt=OrgFormat.CSV, content=content,
                                   mode=SyncMode.FULL, effective=dt.date(2026, 1, 20),
                                   cadence=cadence)  # fmt: skip
            t1 = time.perf_counter()
            await apply_plan(db, plan, batch_size=settings.samgraph_import_batch_size)
            t2 = time.perf_counter()
            emit(
                f"| org-chart sync {people:,} people, {label} | {len(plan.added):,} added, "
                f"{len(plan.updated):,} updated | validate+diff {t1 - t0:.1f} s, write {t2 - t1:.1f} s | "
                f"{people / (t2 - t0):,.0f} rows/s |"
            )
            # Every 10th person gets a new title for the second run.
            rows = content.splitlines()
            for k in range(1, len(rows), 10):
                cells = rows[k].split(",")
                cells[2] += " II"
                rows[k] = ",".join(cells)
            content = "\n".join(rows) + "\n"
        await wipe_data(db)
    return out


if __name__ == "__main__":
    asyncio.run(main())
