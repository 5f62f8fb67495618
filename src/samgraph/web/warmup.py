"""Warm start: before the app takes requests, run the documents clients send most (the
built-in reports and the README's example queries) once, so the first request of each
is as fast as the next.

What a first request pays, and what this moves to start-up: graphql-core parsing and
validating the document (kept per process by the parser and validation caches),
strawberry's first resolution of each type, and, above all, Neo4j planning each Cypher
statement the document reaches (kept in Neo4j's plan cache, shared by every worker).
Only queries run, as the system, their results discarded; mutations never do. The warm
start is time-boxed (`SAMGRAPH_WARMUP_SECONDS`): on a big portfolio each report takes
seconds, and readiness must not wait for all of them.

Then the heap is settled (`settle`): what start-up built (the schema, the parsed
documents, the modules) is frozen out of the garbage collector's scans, and the young
generation is collected less often. A request building thousands of rows allocates
hundreds of thousands of short-lived objects; with Python's defaults the collector ran
full scans of the whole heap during them (about 45% of a 2,000-row report's time, see
docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import strawberry
from graphql import NamedTypeNode, NonNullTypeNode, OperationDefinitionNode, OperationType, parse

from samgraph.auth.principal import SYSTEM
from samgraph.config import Settings
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.reports import service as reports

log = logging.getLogger("samgraph.warmup")

_HERE = Path(__file__).resolve().parent.parent
# The README's examples as named operations (`make types` writes them); packaged in the
# wheel as samgraph/_examples, read from the repository in a development install.
EXAMPLES = (
    _HERE / "_examples" / "readme.graphql",
    _HERE.parent.parent / "clients" / "typescript" / "operations" / "readme.graphql",
)


@dataclass(frozen=True)
class Warmed:
    name: str
    ms: float
    ok: bool


def documents() -> list[tuple[str, str]]:
    """(name, document) of every query to warm: built-in reports, then README examples,
    one operation each."""
    out = [(f"report:{name}", r.document) for name, r in reports.builtin_reports().items()]
    path = next((p for p in EXAMPLES if p.is_file()), None)
    if path is None:
        return out
    text = path.read_text()
    for definition in parse(text).definitions:
        if (
            isinstance(definition, OperationDefinitionNode)
            and definition.operation == OperationType.QUERY
            and definition.loc is not None
        ):
            name = definition.name.value if definition.name else "anonymous"
            out.append((f"readme:{name}", text[definition.loc.start : definition.loc.end]))
    return out


def _required_dates(document: str, today: dt.date) -> dict[str, str]:
    """Today for each required `Date!` variable without a default (a trend's `from` and
    `to`): the plans are the same whatever the dates."""
    found: dict[str, str] = {}
    for definition in parse(document).definitions:
        if isinstance(definition, OperationDefinitionNode):
            for v in definition.variable_definitions or ():
                kind = v.type
                if (isinstance(kind, NonNullTypeNode) and isinstance(kind.type, NamedTypeNode)
                        and kind.type.name.value == "Date" and v.default_value is None):  # fmt: skip
                    found[v.variable.name.value] = today.isoformat()
    return found


async def warm(schema: strawberry.Schema, db: Db, settings: Settings) -> list[Warmed]:
    """Run each document once, starting none after `samgraph_warmup_seconds`; a failure
    is logged, never fatal (an empty graph or a renamed example must not stop the
    server)."""
    done: list[Warmed] = []
    began, wanted = time.perf_counter(), documents()
    for name, document in wanted:
        if time.perf_counter() - began > settings.samgraph_warmup_seconds:
            log.info("warm-up stopped after %.0f s; %d documents left cold",
                     time.perf_counter() - began, len(wanted) - len(done))  # fmt: skip
            break
        ctx = Context(db, settings, schema, principal=SYSTEM, request_id="warmup").as_trusted()
        start = time.perf_counter()
        variables = _required_dates(document, settings.today())
        result = await schema.execute(document, variable_values=variables, context_value=ctx)
        ms = (time.perf_counter() - start) * 1000
        done.append(Warmed(name, ms, not result.errors))
        if result.errors:
            log.info("warm-up of %s answered an error: %s", name, result.errors[0].message)
    log.info("warmed %d documents in %.0f ms", len(done), sum(w.ms for w in done))
    return done


def settle(threshold: int) -> None:
    """Freeze the heap start-up built out of the collector's scans and collect the young
    generation every `threshold` allocations (0: leave Python's collector as it is)."""
    if threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(threshold, 10, 10)
