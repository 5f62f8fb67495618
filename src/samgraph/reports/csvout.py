"""Flatten a GraphQL result into a table (CSV or XLSX): the first list in the data becomes
the rows, nested objects become dotted columns (`coverage.score`). A list inside a row is
one cell by default (scalars joined with `;`, objects as JSON), or, with `explode`, the
first list of objects inside each row becomes one row per element, the parent's columns
repeated (`memberDependency.member.name` beside the account's `name`): what pandas and
pivot tables want.

Every text cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return)
gets a leading `'`, so a name like `=HYPERLINK(...)` written by a CRM is shown, not run,
when a manager opens the file (`safe_text`); numbers are written as numbers."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import orjson
from openpyxl import Workbook


def first_list(data: Any) -> list[Any] | None:
    """The first list met depth-first, in field order."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for value in data.values():
            found = first_list(value)
            if found is not None:
                return found
    return None


# A cell starting with one of these is a formula to Excel, LibreOffice and Google
# Sheets (`=HYPERLINK(...)`, `@SUM(...)`, `+`/`-` arithmetic, and tab or carriage
# return in front of them): CSV injection (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Spreadsheets skip these before they look for a formula: whitespace of any kind (a
# no-break space too), NUL, zero-width characters and the byte order mark.
_INVISIBLE_LEAD = re.compile(
    r"^[\s\x00\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+"
)
# What an XLSX cell may not hold (openpyxl refuses it): control characters but tab and
# line breaks, from data stored before input refused them.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_text(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula: a leading `'` when it starts
    like one, after any leading whitespace or invisible characters, full-width look-alikes
    (U+FF1D) included (OWASP's advice; the spreadsheet hides the quote and shows the text)."""
    bare = _INVISIBLE_LEAD.sub("", text)
    return "'" + text if text.startswith(FORMULA_START) or bare.startswith(FORMULA_START) else text


def _cell(value: Any) -> str:
    """One cell's text. Numbers stay numbers (a negative one too); any text a customer's
    data or an integration wrote (names, titles, ids...) is made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return safe_text(";".join(_cell(v) for v in value))
        return safe_text(orjson.dumps(value).decode())
    return safe_text(str(value))


def flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    """Dotted columns of one row, values as they are (lists kept as lists)."""
    if not isinstance(obj, dict):
        return {prefix or "value": obj}
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, name))
        else:
            out[name] = value
    return out


def _explode(row: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per element of the row's first list of objects (none: the row itself; an
    empty list: the row once, its columns blank)."""
    for column, value in row.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            rest = {k: v for k, v in row.items() if k != column}
            # Only this list: other lists (beside it or inside its items) stay one cell,
            # so two lists never multiply into a cross product.
            return [{**rest, **flatten(item, column)} for item in value]
    return [row]


def table(data: Any, *, explode: bool = False) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns in first-seen order, rows) of a result."""
    rows = [flatten(item) for item in (first_list(data) or [])]
    if explode:
        rows = [out for row in rows for out in _explode(row)]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns), rows


def csv_text(data: Any, *, explode: bool = False) -> str:
    """The CSV text, header first. Written whole: the report is in memory already, and a
    response streamed a line at a time crossed into a worker thread for every line
    (about 0.8 s for 2,000 rows, docs/benchmarks.md)."""
    columns, rows = table(data, explode=explode)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
    return buffer.getvalue()


def xlsx_bytes(data: Any, *, explode: bool = False, sheet: str = "report") -> bytes:
    """The same table as an Excel workbook: numbers stay numbers, text stays text (made
    safe as in CSV: openpyxl would store a string starting with `=` as a formula)."""
    columns, rows = table(data, explode=explode)
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    ws.append(columns)
    for row in rows:
        values = [row.get(c) for c in columns]
        ws.append([v if (isinstance(v, int | float) and not isinstance(v, bool)) or v is None
                   else _XLSX_ILLEGAL.sub("\ufffd", _cell(v)) for v in values])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
