"""Whole-database chores for tests, benchmarks and `samgraph demo --reset`."""

from __future__ import annotations

from samgraph.db.driver import Db
from samgraph.db.queries import queries


async def wipe_data(db: Db, batch: int = 10_000) -> int:
    """Delete every domain node: relationships first, then nodes, `batch` per transaction
    (one transaction for a 100,000-person org exceeds Neo4j's transaction memory limit).
    Returns how many nodes were deleted."""
    total = 0
    for query in (queries.db.wipe_relationships, queries.db.wipe_nodes):
        while True:
            deleted = (await db.write(query, limit=batch))[0]["deleted"]
            total += deleted if query is queries.db.wipe_nodes else 0
            if deleted < batch:
                break
    return total
