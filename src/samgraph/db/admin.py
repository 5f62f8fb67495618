"""Whole-database chores for tests, benchmarks and `samgraph demo --reset`."""

from __future__ import annotations

from samgraph.db.driver import Db


async def wipe_data(db: Db, batch: int = 2_000) -> int:
    """Delete every domain node, `batch` per transaction (a big graph in one transaction
    would exceed Neo4j's transaction memory limit). Returns how many were deleted."""
    total = 0
    while True:
        deleted = (await db.write("db.wipe_data", limit=batch))[0]["deleted"]
        total += deleted
        if deleted < batch:
            return total
