"""Activity feeds: interactions from CSV or JSON files and `logInteraction`.

An interaction records who met (members and stakeholders). Each attending
(member, stakeholder) pair's KNOWS.lastContact moves forward to its date (never
back); pairs without a KNOWS edge get one at strength 2 ("weak": we met once).

CSV columns: id, accountId, date, type, summary, memberIds, stakeholderIds (the two
id lists separated by `;`). JSON: a list of interaction objects, or an object with
an `interactions` list, in the bundle's shape.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import orjson

from samgraph.bundle import service as bundle_service
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.errors import Problem, invalid

CSV_COLUMNS = ("id", "accountId", "date", "type", "summary", "memberIds", "stakeholderIds")


def parse_interactions(content: str, *, fmt: str) -> list[dict[str, Any]]:
    """Rows in the bundle's interaction shape (validation happens on import)."""
    if fmt == "json":
        try:
            doc = orjson.loads(content)
        except orjson.JSONDecodeError as exc:
            raise invalid([Problem("file", f"not valid JSON: {exc}")]) from None
        rows = doc.get("interactions") if isinstance(doc, dict) else doc
        if not isinstance(rows, list):
            raise invalid([Problem("file", "expected a list of interactions")])
        return rows
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff"), newline=""))
    try:
        raws = list(reader)
    except csv.Error as exc:
        raise invalid([Problem(f"row {reader.line_num}", f"not readable as CSV: {exc}")]) from None
    unknown = [h for h in reader.fieldnames or [] if h not in CSV_COLUMNS]
    if unknown:
        raise invalid([Problem(f"column {h}", "unknown column") for h in unknown])
    out = []
    for raw in raws:
        row: dict[str, Any] = {k: v for k, v in raw.items() if v not in (None, "")}
        for key in ("memberIds", "stakeholderIds"):
            row[key] = [x.strip() for x in (raw.get(key) or "").split(";") if x.strip()]
        out.append(row)
    return out


async def log_interactions(
    db: Db, rows: list[dict[str, Any]], *, today: dt.date, batch_size: int = 1000
) -> int:
    """Validate all rows, write them, then give attendees without a KNOWS edge one at 2.
    A member-bound caller (the Db's scope) may only log its own accounts' interactions."""
    bundle = bundle_service.parse_bundle({"interactions": rows})
    await bundle_service.validate_references(db, bundle)
    # The import moves existing KNOWS forward; the new edges start on the interaction's date.
    await bundle_service.write_bundle(db, bundle, batch_size=batch_size, changed_on=today)
    ids = [{"id": r.id} for r in bundle.interactions]
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        await db.write(queries.interactions.create_missing_knows, rows=batch)
    return len(ids)
