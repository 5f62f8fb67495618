"""The two XLSX writers (rust_xlsxwriter through the `speedups` extra, and XlsxWriter
without it) write the same cells: text stays text whatever it looks like (a formula, a
number, a link, a date, TRUE), numbers stay numbers, blanks (and empty text) stay blank, an empty
report keeps its header, text over Excel's limit is cut there, and control characters
become U+FFFD. Read back with openpyxl."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from samgraph.reports import csvout

WRITERS = {"rust": csvout.xlsx_rust, "python": csvout.xlsx_python}


def _read(book: bytes) -> tuple[str, list[tuple[Any, ...]]]:
    sheet = load_workbook(io.BytesIO(book)).active
    assert sheet is not None
    return sheet.title, list(sheet.iter_rows(values_only=True))


def test_the_speedups_writer_is_the_one_used() -> None:
    # `make install` installs the extra: the reports the other tests read come from it.
    assert csvout.XLSX_WRITER is csvout.xlsx_rust


@pytest.mark.parametrize("writer", WRITERS)
def test_both_writers_write_the_same_cells(writer: str) -> None:
    rows: list[dict[str, Any]] = [
        {"text": "=1+1", "n": 850000, "x": -2.5, "flag": True, "list": ["a", "=b"]},
        {"text": "123", "n": 0, "x": 10**20, "flag": None, "list": []},
        {"text": "http://example.com", "n": -5, "x": float("nan"), "flag": False},
        {"text": "2026-06-30", "n": None, "x": 1e308, "flag": "TRUE"},
        {"text": "a\x01b\x1fc", "n": 7, "x": 0.5, "flag": ""},
        {"text": "é😀" + "x" * 40_000, "n": 1, "x": 2.0, "flag": "-1"},
        {"text": "x" * 32_766 + "😀", "n": 2, "x": 3.0},  # the pair would straddle the cut
    ]
    columns = ["text", "n", "x", "flag", "list"]
    values = [[row.get(c) for row in rows] for c in columns]  # a column at a time
    title, got = _read(WRITERS[writer](csvout.xlsx_grid(columns, values), "overdue-touches"))
    assert title == "overdue-touches"
    assert got[0] == tuple(columns)
    assert [r[0] for r in got[1:5]] == ["'=1+1", "123", "http://example.com", "2026-06-30"]
    assert got[5][0] == "a\ufffdb\ufffdc"  # no control character reaches the XML
    long = got[6][0]
    # Cut at 32,767 UTF-16 units: é 1 + 😀 2 + 32,764 x.
    assert long == "é😀" + "x" * 32_764
    assert got[7][0] == "x" * 32_766  # the emoji's pair dropped whole, not cut in half
    assert [r[1] for r in got[1:]] == [850000, 0, -5, None, 7, 1, 2]  # numbers, one blank
    assert all(isinstance(v, int | float) for v in (got[1][1], got[2][2], got[4][2]))
    # 10**20 a number, NaN text (_cell's str), booleans as the CSV writes them.
    assert got[2][2] == 1e20 and got[3][2] == "nan" and got[4][2] == 1e308
    assert [r[3] for r in got[1:]] == ["true", None, "false", "TRUE", None, "'-1", None]
    assert got[1][4] == "a;'=b" and got[2][4] is None  # each made safe, then joined; [] blank


@pytest.mark.parametrize("writer", WRITERS)
def test_an_empty_report_keeps_its_header(writer: str) -> None:
    title, got = _read(WRITERS[writer](csvout.xlsx_grid(["name", "arr"], [[], []]), "r"))
    assert title == "r" and got == [("name", "arr")]
