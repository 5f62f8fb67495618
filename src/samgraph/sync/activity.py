"""Activity feeds: interactions from CSV or JSON files and `logInteraction`.

An interaction records who met (members and stakeholders). Each attending
(member, stakeholder) pair ends with exactly one KNOWS edge: its lastContact moves
forward to the newest date (never back); a pair without one gets one at strength 2
("weak": we met once). Attending stakeholders must be people of the interaction's
account. The whole file is validated before anything is written; errors name the
file's row (CSV: its line, the header being line 1; JSON: its item, from 1).

CSV columns: id, accountId, date, type, memberIds, stakeholderIds (the two id lists
separated by `;`), all required in the header, and an optional summary. JSON: a list
of interaction objects, or an object with an `interactions` list, in the bundle's shape.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

import orjson

from samgraph.bundle import service as bundle_service
from samgraph.db.driver import Db
from samgraph.errors import InvalidInput, Problem, invalid
from samgraph.sync.formats import Caps, FormatError, check_size, csv_rows, too_many

REQUIRED = ("id", "accountId", "date", "type", "memberIds", "stakeholderIds")
CSV_COLUMNS = (*REQUIRED, "summary")


@dataclass
class Feed:
    """The interactions of a file in the bundle's shape, and where each came from."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    # "row 3" (a CSV line) or "item 1" (a JSON list entry), one per row.
    where: list[str] = field(default_factory=list)


def _format_error(exc: FormatError, csv: bool) -> InvalidInput:
    name = "row" if csv else "item"
    return invalid([Problem(f"{name} {p.row}, column {p.column}" if p.row else p.column, p.reason)
                    for p in exc.problems])  # fmt: skip


def parse_interactions(content: str, *, fmt: str, caps: Caps | None = None) -> Feed:
    """Rows in the bundle's interaction shape (their values are validated on import)."""
    caps = caps or Caps()
    out = Feed()
    if fmt == "json":
        try:
            check_size(content, caps)
            doc = orjson.loads(content)
        except FormatError as exc:
            raise _format_error(exc, False) from None
        except orjson.JSONDecodeError as exc:
            raise invalid([Problem("file", f"not valid JSON: {exc}")]) from None
        rows = doc.get("interactions") if isinstance(doc, dict) else doc
        if not isinstance(rows, list):
            raise invalid([Problem("file", "expected a list of interactions")])
        if len(rows) > caps.rows:
            raise _format_error(too_many(caps), False)
        out.rows, out.where = rows, [f"item {i}" for i in range(1, len(rows) + 1)]
        return out
    try:
        headers, lines = csv_rows(content, caps)
        unknown = [h for h in headers if h not in CSV_COLUMNS]
        missing = [c for c in REQUIRED if c not in headers]
        if unknown or missing:
            raise invalid([Problem(f"column {h}", "unknown column") for h in unknown]
                          + [Problem(f"column {c}", "required in the header") for c in missing])  # fmt: skip
        for line, raw in lines:
            row: dict[str, Any] = {k: v for k, v in raw.items() if k and v not in (None, "")}
            for key in ("memberIds", "stakeholderIds"):
                row[key] = [x.strip() for x in (raw.get(key) or "").split(";") if x.strip()]
            out.rows.append(row)
            out.where.append(f"row {line}")
    except FormatError as exc:
        raise _format_error(exc, True) from None
    return out


_INDEX = re.compile(r"^interactions\[(\d+)\]\.?")


def at_rows(exc: InvalidInput, where: list[str]) -> InvalidInput:
    """`interactions[2].type` -> `row 4, column type`: problems named by the file's rows."""

    def path(p: str) -> str:
        m = _INDEX.match(p)
        if not m or int(m.group(1)) >= len(where):
            return p
        rest = p[m.end() :]
        return f"{where[int(m.group(1))]}, column {rest}" if rest else where[int(m.group(1))]

    return invalid([replace(p, path=path(p.path)) for p in exc.problems])


async def log_interactions(
    db: Db,
    rows: list[dict[str, Any]] | Feed,
    *,
    today: dt.date,
    batch_size: int = 1000,
) -> int:
    """Validate all rows, then write them (one transaction up to `batch_size` rows):
    nothing is written when any row is wrong. A member-bound caller (the Db's scope) may
    only log its own accounts' interactions."""
    feed = rows if isinstance(rows, Feed) else Feed(rows, [])
    try:
        bundle = bundle_service.parse_bundle({"interactions": feed.rows})
        await bundle_service.validate_references(db, bundle)
    except InvalidInput as exc:
        raise at_rows(exc, feed.where) if feed.where else exc from None
    # One KNOWS per attending pair: met pairs move forward, new ones start at strength 2.
    await bundle_service.write_bundle(
        db, bundle, batch_size=batch_size, changed_on=today, source="feed", feed=True
    )
    return len(bundle.interactions)
