"""Migrations apply once, are recorded in the graph, and a second run is a no-op."""

from __future__ import annotations

from samgraph.db.driver import Db
from samgraph.db.migrations import load_migrations, migrate
from samgraph.db.queries import queries


async def test_migrate_twice_is_a_noop(db: Db) -> None:
    # The session fixture already migrated: a second and third run apply nothing.
    assert await migrate(db) == []
    assert await migrate(db) == []
    recorded = [r["version"] for r in await db.read(queries.db.applied_migrations)]
    assert recorded == [m.version for m in load_migrations()]


async def test_constraints_exist(db: Db) -> None:
    names = {r["name"] for r in await db.read(queries.db.list_constraints)}
    for label in (
        "account",
        "team",
        "stakeholder",
        "member",
        "product",
        "opportunity",
        "interaction",
    ):
        assert f"{label}_id" in names
