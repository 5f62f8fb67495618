"""Flatten a GraphQL result into CSV: the first list in the data becomes the rows, nested
objects become dotted columns (`coverage.score`), lists inside a row are joined with `;`
(or kept as JSON when they hold objects)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import orjson


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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return ";".join(_cell(v) for v in value)
        return orjson.dumps(value).decode()
    return str(value)


def flatten(obj: Any, prefix: str = "") -> dict[str, str]:
    if not isinstance(obj, dict):
        return {prefix or "value": _cell(obj)}
    out: dict[str, str] = {}
    for key, value in obj.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, name))
        else:
            out[name] = _cell(value)
    return out


def csv_lines(data: Any) -> Iterator[str]:
    """The CSV text, a line at a time (header first), for a streamed response."""
    rows = [flatten(item) for item in (first_list(data) or [])]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def line(values: list[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield line(list(columns))
    for row in rows:
        yield line([row.get(c, "") for c in columns])
