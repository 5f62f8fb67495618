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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
import xlsxwriter
from graphql import (
    DocumentNode,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    is_object_type,
)

from samgraph.gql.guard import fragments_of, root_fields


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


# The first characters that need a closer look: a formula's, or one a spreadsheet skips
# (every one `_INVISIBLE_LEAD` matches lies among these candidates: a test checks the
# whole of Unicode). Any other first character makes a text safe as it is, which is
# most texts: a 5,000-row report's cells skip the two regular expressions.
_RISKY_FIRST = frozenset(FORMULA_START) | frozenset(
    c for c in (*map(chr, range(0x3001)), "\ufeff") if _INVISIBLE_LEAD.match(c)
)


def safe_text(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula: a leading `'` when it starts
    like one, after any leading whitespace or invisible characters, full-width look-alikes
    (U+FF1D) included (OWASP's advice; the spreadsheet hides the quote and shows the text)."""
    if not text or text[0] not in _RISKY_FIRST:
        return text
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


@dataclass(frozen=True)
class Shape:
    """The columns a report's document makes, whatever its data (an empty report keeps
    its header; a null object keeps its dotted columns blank, never a column of its own
    beside them), and, when exploding, the list column that becomes rows."""

    columns: list[str]
    exploded: str | None = None
    # No column holds a JSON value (whose keys would become columns of their own): each
    # column is a path read off every row (`walk`), without flattening rows into dicts.
    plain: bool = True


def shape_of(schema: GraphQLSchema, document: DocumentNode, *, explode: bool) -> Shape | None:
    """The table shape of a query's first list (as `first_list` finds it in the data:
    depth-first in selection order), from the schema's types; None without a list."""
    op = next((d for d in document.definitions if isinstance(d, OperationDefinitionNode)), None)
    if op is None or schema.query_type is None:
        return None
    fragments = fragments_of(document)
    found = _first_list(schema.query_type, op.selection_set, fragments)
    if found is None:
        return None
    item, selection = found
    if not isinstance(item, GraphQLObjectType) or selection is None:
        return Shape(["value"])
    columns: list[str] = []
    exploded: list[str] = []
    leaves: set[str] = set()
    _columns(item, selection, "", fragments, columns, exploded if explode else None, leaves)
    return Shape(columns, exploded[0] if exploded else None, plain=JSON_SCALAR not in leaves)


def _first_list(parent: GraphQLObjectType, selection: SelectionSetNode, fragments: Any) -> tuple[Any, SelectionSetNode | None] | None:  # fmt: skip
    for field in root_fields(selection, fragments):
        if field.name.value not in parent.fields:  # __typename
            continue
        kind = get_nullable_type(parent.fields[field.name.value].type)
        if is_list_type(kind):
            return get_named_type(kind), field.selection_set
        if is_object_type(kind) and field.selection_set is not None:
            found = _first_list(kind, field.selection_set, fragments)
            if found is not None:
                return found
    return None


# The scalar whose values may be objects: a column of it may spread into more columns.
JSON_SCALAR = "JSON"


def _columns(parent: GraphQLObjectType, selection: SelectionSetNode, prefix: str, fragments: Any,
             out: list[str], exploded: list[str] | None, leaves: set[str]) -> None:  # fmt: skip
    """The dotted columns of one row of `parent`, as `flatten` names them; the first list
    of objects is exploded into its own columns when `exploded` collects its name.
    `leaves` collects the names of the leaf columns' types."""
    for field in root_fields(selection, fragments):
        name = prefix + (field.alias or field.name).value
        if name in out:
            continue
        definition = parent.fields.get(field.name.value)
        kind = get_nullable_type(definition.type) if definition else None
        inner = get_named_type(kind) if kind is not None else None
        nested = isinstance(inner, GraphQLObjectType) and field.selection_set is not None
        if kind is not None and is_list_type(kind):
            if nested and exploded is not None and not exploded:
                exploded.append(name)
                _columns(inner, field.selection_set, name + ".", fragments, out, None, leaves)  # type: ignore[arg-type]
            else:
                out.append(name)
        elif nested:
            _columns(inner, field.selection_set, name + ".", fragments, out, exploded, leaves)  # type: ignore[arg-type]
        else:
            out.append(name)
            leaves.add(getattr(inner, "name", ""))


def _explode(row: dict[str, Any], column: str | None = None) -> list[dict[str, Any]]:
    """One row per element of the row's list `column` (by default its first list of
    objects); without one, the row itself; an empty list: the row once, columns blank."""
    for name, value in row.items():
        if column is not None and name != column:
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            rest = {k: v for k, v in row.items() if k != name}
            # Only this list: other lists (beside it or inside its items) stay one cell,
            # so two lists never multiply into a cross product.
            return [{**rest, **flatten(item, name)} for item in value]
    return [row]


def table(data: Any, *, explode: bool = False, shape: Shape | None = None) -> tuple[list[str], list[dict[str, Any]]]:  # fmt: skip
    """(columns, rows) of a result: the shape's columns when given (any other the data
    holds after them: a JSON value's keys), else the data's in first-seen order."""
    rows = [flatten(item) for item in (first_list(data) or [])]
    if explode:
        rows = [out for row in rows for out in _explode(row, shape.exploded if shape else None)]
    columns: dict[str, None] = dict.fromkeys(shape.columns) if shape else {}
    parents = {c[:i] for c in columns for i, ch in enumerate(c) if ch == "."}  # owner of owner.name
    for row in rows:
        for key in row:
            if key not in columns and (
                shape is None or (key not in parents and key != shape.exploded)
            ):
                columns[key] = None
    return list(columns), rows


def walk(items: list[Any], columns: list[str]) -> list[list[Any]]:
    """Each column's values down the rows, read along its dotted path (a null object on
    the way: blank), each path's prefix read once for all the columns under it. A column
    at a time in comprehensions: at 5,000 rows x 12 columns about a third of the time of
    flattening each row into a dict of dotted names."""
    read: dict[str, list[Any]] = {}

    def down(path: str) -> list[Any]:
        found = read.get(path)
        if found is None:
            owner, dot, key = path.rpartition(".")
            if dot:
                found = [None if x is None else x.get(key) for x in down(owner)]
            else:
                found = [x.get(key) for x in items]
            read[path] = found
        return found

    return [down(c) for c in columns]


def table_columns(data: Any, *, explode: bool = False, shape: Shape | None = None) -> tuple[list[str], list[list[Any]]]:  # fmt: skip
    """(columns, each column's values): as `table`, read down the shape's paths when no
    row needs flattening (no rows exploded, no JSON values, every row an object)."""
    if shape is not None and shape.plain and not explode:
        items = first_list(data) or []
        if all(type(item) is dict for item in items):
            return shape.columns, walk(items, shape.columns)
    columns, rows = table(data, explode=explode, shape=shape)
    return columns, [[row.get(c) for row in rows] for c in columns]


def csv_cells(values: list[Any]) -> list[Any]:
    """A column's cells as `_cell` makes them; numbers and text that needs no quote are
    kept as they are (the CSV writer writes them so), with no call per cell."""
    risky = _RISKY_FIRST
    return [
        v if (c := v.__class__) is int or c is float or (c is str and (not v or v[0] not in risky))
        else _cell(v)
        for v in values
    ]  # fmt: skip


def csv_text(data: Any, *, explode: bool = False, shape: Shape | None = None) -> str:
    """The CSV text, header first. Written whole: the report is in memory already, and a
    response streamed a line at a time crossed into a worker thread for every line
    (about 0.8 s for 2,000 rows, docs/benchmarks.md)."""
    columns, values = table_columns(data, explode=explode, shape=shape)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(zip(*map(csv_cells, values), strict=True))
    return buffer.getvalue()


Cell = str | int | float | None
"""One XLSX cell: text (made safe), a number, or blank."""

# Excel's limit on one cell's text, in UTF-16 code units (an emoji counts two); longer
# text is cut there.
EXCEL_TEXT_MAX = 32_767


def _excel_cut(text: str) -> str:
    if len(text) <= EXCEL_TEXT_MAX // 2:  # short enough however it is encoded
        return text
    units = text.encode("utf-16-le")
    if len(units) <= 2 * EXCEL_TEXT_MAX:
        return text
    return units[: 2 * EXCEL_TEXT_MAX].decode("utf-16-le", errors="ignore")  # no half pair


def _xlsx_text(value: Any) -> str | None:
    """A cell's text as XLSX holds it (None: a blank cell)."""
    return _excel_cut(_XLSX_ILLEGAL.sub("\ufffd", _cell(value))) or None


class _Texts(dict[str, str | None]):
    """Each distinct text made safe once: names, titles and enums repeat down a column."""

    def __missing__(self, text: str) -> str | None:
        made = self[text] = _xlsx_text(text)
        return made


def xlsx_cells(values: list[Any], texts: dict[str, str | None]) -> list[Cell]:
    """A column's cells: finite numbers stay numbers (`v - v == 0` is false for NaN and
    the infinities, which become text as in CSV), text comes from `texts`."""
    return [
        v if (c := v.__class__) is int or (c is float and v - v == 0)
        else texts[v] if c is str
        else None if v is None
        else _xlsx_text(v)
        for v in values
    ]  # fmt: skip


def xlsx_grid(columns: list[str], values: list[list[Any]]) -> list[list[Cell]]:
    """The sheet's cells of each column's values (`table_columns`), header first: numbers stay numbers, any other value is text
    made safe as in CSV, cut at Excel's limit, with the control characters XML cannot
    hold replaced; None and empty text are blank cells."""
    texts = _Texts()
    cells = [xlsx_cells(column, texts) for column in values]
    return [list(columns), *map(list, zip(*cells, strict=True))]


def xlsx_python(grid: list[list[Cell]], sheet: str) -> bytes:
    """The workbook written by XlsxWriter (pure Python): in memory, with the table of
    shared strings; about 5 µs a cell (a 5,000 x 12 report in 330-420 ms)."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False})  # fmt: skip
    ws = book.add_worksheet(sheet)
    text, number = ws.write_string, ws.write_number
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if isinstance(v, str):
                text(i, j, v)
            elif v is not None:
                number(i, j, v)
    book.close()
    return out.getvalue()


def xlsx_rust(grid: list[list[Cell]], sheet: str) -> bytes:
    """The workbook written by rust_xlsxwriter (the `speedups` extra: the
    rvgsrust-xlsxwriter bindings), which types each cell by its Python type only (a
    text is never read as a formula, number or link) and writes the file with the GIL
    released: the same 5,000 x 12 report in 85-100 ms."""
    book = _rust.Workbook()
    book.add_worksheet(sheet).write_rows(0, 0, grid)
    data: bytes = book.save_to_buffer()
    return data


try:  # the `speedups` extra
    import rvgsrust_xlsxwriter as _rust
except ImportError:  # pragma: no cover - installed by `make install` and the image
    XLSX_WRITER: Callable[[list[list[Cell]], str], bytes] = xlsx_python
else:
    XLSX_WRITER = xlsx_rust


def xlsx_bytes(data: Any, *, explode: bool = False, sheet: str = "report", shape: Shape | None = None) -> bytes:  # fmt: skip
    """The same table as an Excel workbook: numbers stay numbers, text stays text (made
    safe as in CSV, and never read as a formula, a number or a link). Written by
    rust_xlsxwriter when the `speedups` extra is installed, else by XlsxWriter: the same
    cells either way (tests/reports/test_xlsx_writers.py)."""
    columns, values = table_columns(data, explode=explode, shape=shape)
    return XLSX_WRITER(xlsx_grid(columns, values), sheet[:31])
