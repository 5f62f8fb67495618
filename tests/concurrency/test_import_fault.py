"""kill -9 of Neo4j in the middle of `samgraph import`: the command says which batches
were committed and that a rerun is safe, and the rerun gives the graph a clean import
gives (own Neo4j on its own port and data dir)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from samgraph.bundle import service as bundle_service
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Connection, Db, create_driver
from samgraph.demo.generate import generate
from samgraph.localdb import manager
from tests.live import free_port, start_neo4j


def _import(inst: manager.Instance, file: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NEO4J_URI": inst.uri, "NEO4J_USER": inst.user,
           "NEO4J_PASSWORD": inst.password, "SAMGRAPH_IMPORT_BATCH_SIZE": "100",
           "SAMGRAPH_DB_RETRY_SECONDS": "2"}  # fmt: skip
    return subprocess.Popen([sys.executable, "-m", "samgraph.cli", "import", str(file)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


async def _count(db: Db) -> tuple[int, int]:
    async with db.driver.session(database=db.database) as session:
        row = await (await session.run(
            "RETURN COUNT { (:Account) } AS a, COUNT { (:Stakeholder) } AS s")).single()  # fmt: skip
    assert row is not None
    return int(row["a"]), int(row["s"])


@pytest.mark.slow
async def test_kill_9_during_import_names_the_committed_batches_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    # 250 accounts x 20 people: accounts in 3 batches of 100, then 50 stakeholder
    # batches, and the rest; the kill lands once the first stakeholders are in.
    bundle = generate(accounts=250, stakeholders_per_account=20, seed=7)
    file = tmp_path / "portfolio.json"
    file.write_bytes(orjson.dumps(bundle))
    port, data = free_port(), tmp_path / "neo4j"
    inst = await asyncio.to_thread(start_neo4j, data, port, heap="512m", pagecache="64m")
    driver = create_driver(Connection(inst.uri, inst.user, inst.password, "neo4j"))
    db = Db(driver, "neo4j")
    try:
        cli = _import(inst, file)
        deadline = time.monotonic() + 120
        while (await _count(db))[1] == 0:
            assert cli.poll() is None, cli.communicate()
            assert time.monotonic() < deadline, "the import wrote no stakeholder in 120 s"
            await asyncio.sleep(0.05)
        os.kill(inst.pid, signal.SIGKILL)
        _, stderr = await asyncio.to_thread(cli.communicate, timeout=120)
        assert cli.returncode != 0
        text = " ".join(stderr.split())
        assert "batches were committed" in text, stderr
        assert "rerunning the same import is safe and completes it" in text, stderr
        assert "accounts.upsert_accounts 250" in text, stderr  # all 3 account batches

        await driver.close()
        inst = await asyncio.to_thread(start_neo4j, data, port, heap="512m", pagecache="64m")
        driver = create_driver(Connection(inst.uri, inst.user, inst.password, "neo4j"))
        db = Db(driver, "neo4j")
        accounts, people = await _count(db)
        assert accounts == 250 and 0 < people < 250 * 20  # a partial import survived
        rerun = await asyncio.to_thread(_import(inst, file).communicate, timeout=300)
        assert "imported" in rerun[1], rerun
        after_rerun = await bundle_service.export_bundle(db)
        await wipe_data(db)
        clean = await asyncio.to_thread(_import(inst, file).communicate, timeout=300)
        assert "imported" in clean[1], clean
        assert bundle_service.dumps(await bundle_service.export_bundle(db)) == (
            bundle_service.dumps(after_rerun)
        )
    finally:
        await driver.close()
        await asyncio.to_thread(manager.stop, data)
