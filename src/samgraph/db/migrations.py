"""Apply `cypher/schema/vNNN_*.cypher` in order, once each, recording them in the graph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from neo4j import AsyncManagedTransaction
from neo4j.exceptions import ClientError

from samgraph.db.cypher import cypher_root
from samgraph.db.driver import Db
from samgraph.db.queries import queries

_VERSION = re.compile(r"^v(\d{3,})_[a-z0-9_]+\.cypher$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def load_migrations(root: Path | None = None) -> list[Migration]:
    """Schema files in version order; each holds `;`-separated schema statements."""
    folder = (root or cypher_root()) / "schema"
    found: list[Migration] = []
    for path in sorted(folder.glob("*.cypher")):
        match = _VERSION.match(path.name)
        if not match:
            raise RuntimeError(f"bad migration file name {path.name}: use vNNN_name.cypher")
        body = "\n".join(
            line for line in path.read_text().splitlines() if not line.strip().startswith("//")
        )
        statements = tuple(s.strip() for s in body.split(";") if s.strip())
        found.append(Migration(int(match.group(1)), path.stem, statements))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError("two migrations share a version number")
    return found


# Another process (a worker, an instance) starting at the same moment created the same
# index or constraint first: `IF NOT EXISTS` does not cover a race between two
# transactions, Neo4j refuses the second with one of these.
_ALREADY = frozenset({
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
})  # fmt: skip


async def migrate(db: Db, root: Path | None = None) -> list[str]:
    """Apply pending migrations; return the names applied (empty when up to date).
    Several processes may start at once: a schema rule another one created meanwhile
    counts as applied."""
    applied = {row["version"] for row in await db.read(queries.db.applied_migrations)}
    done: list[str] = []
    for migration in load_migrations(root):
        if migration.version in applied:
            continue
        for statement in migration.statements:
            # Schema statements are fixed text from our own files, never user input.
            async def work(tx: AsyncManagedTransaction, text: str = statement) -> None:
                await (await tx.run(text)).consume()

            async with db.driver.session(database=db.database) as session:
                try:
                    await session.execute_write(work)
                except ClientError as exc:
                    if exc.code not in _ALREADY:
                        raise
        await db.write(queries.db.record_migration, version=migration.version, name=migration.name)
        done.append(migration.name)
    return done
