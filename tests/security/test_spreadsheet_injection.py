"""CSV injection: text a CRM or an org-chart file wrote into names, titles and ids never
reaches a spreadsheet as a formula (reports/csvout.py). Every built-in report and a saved
name report, downloaded as CSV (joined and exploded) and XLSX and exported by the CLI,
with formula payloads planted in every text field reports show."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

import httpx
from openpyxl import load_workbook
from typer.testing import CliRunner

from samgraph.cli import DEMO_BUNDLE, app
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.demo.shift import shifted
from samgraph.reports.service import builtin_reports
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.conftest import gql, settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
# Tab and carriage return are refused in names now (control characters); what input
# still takes: formulas behind a zero-width space, and full-width look-alikes.
PAYLOADS = ['=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1:A9)", "\u200b=1+1",
            "\uff1d1+1"]  # fmt: skip
FORMULA = ("=", "+", "-", "@", "\t", "\r", "\u200b", "\uff1d")
# Ids cannot hold spaces or control characters, but may start like a formula.
ID_PREFIXES = ["=", "+", "-", "@"]
NAMES = """query Names { accounts { nodes { id name stakeholders { id name title } } } }"""


def _planted() -> dict[str, Any]:
    """The demo (on today's dates) with a payload in every name and title, a formula-like
    id for every account, member and stakeholder, and a champion who moved (§15) so the
    champion-moves report has a row."""
    bundle: dict[str, Any] = shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today())
    ids: dict[str, str] = {}
    for section in ("accounts", "members", "stakeholders", "teams"):
        for n, row in enumerate(bundle[section]):
            ids[row["id"]] = ID_PREFIXES[n % 4] + row["id"]
    n = 0
    for section in ("accounts", "teams", "stakeholders", "members", "products", "opportunities"):
        for row in bundle[section]:
            for key in ("name", "title"):
                if key in row:
                    row[key] = PAYLOADS[n % len(PAYLOADS)] + " " + row[key]
                    n += 1
    moved = next(s for s in bundle["stakeholders"] if s["id"] == "nwh-dir")
    moved["linkedinUrl"] = "https://www.linkedin.com/in/moved-champion"
    acme_team = next(t["id"] for t in bundle["teams"] if t["accountId"] == "acme")
    bundle["stakeholders"].append({
        "id": "acme-moved", "accountId": "acme", "teamId": acme_team, "name": "=1+2 Moved",
        "title": "@Director", "seniority": "DIRECTOR", "status": "ACTIVE",
        "linkedinUrl": moved["linkedinUrl"]})  # fmt: skip

    def rename(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return ids.get(value, value) if isinstance(value, str) else value

    return rename(bundle)  # type: ignore[no-any-return]


def _cells_of_csv(text: str) -> Iterator[str]:
    for row in csv.reader(io.StringIO(text, newline="")):
        yield from row


def _unsafe(cells: Iterator[Any]) -> list[Any]:
    """Cells a spreadsheet would run: text starting like a formula (numbers are numbers,
    a negative one too)."""
    bad = []
    for cell in cells:
        if isinstance(cell, str) and cell.startswith(FORMULA):
            try:
                float(cell)
            except ValueError:
                bad.append(cell)
    return bad


async def _setup(client: httpx.AsyncClient, db: Db) -> None:
    await load(db, _planted())
    ctx = Context(db, SETTINGS, build_schema(SETTINGS), request_id="test")
    assert await snapshots.refresh(ctx) == 4  # the trend report has today's row
    saved = await gql(client, "mutation($d: String!) { saveQuery(name: \"names\", document: $d) { name } }", d=NAMES)  # fmt: skip
    assert "errors" not in saved, saved


async def test_no_report_cell_is_a_formula(client: httpx.AsyncClient, db: Db) -> None:
    await _setup(client, db)
    today = SETTINGS.today()
    params = {"from": (today - dt.timedelta(days=1)).isoformat(), "to": today.isoformat()}
    seen: list[str] = []
    for name in [*builtin_reports(), "names"]:
        for rows in ("joined", "explode"):
            response = await client.get(f"/reports/{name}", params={**params, "format": "csv", "rows": rows})  # fmt: skip
            assert response.status_code == 200, (name, response.text)
            cells = list(_cells_of_csv(response.text))
            assert len(cells) > 1, f"{name}: no rows, nothing shown"
            assert _unsafe(iter(cells)) == [], (name, rows)
            seen += cells
        workbook = await client.get(f"/reports/{name}", params={**params, "format": "xlsx"})
        sheet = load_workbook(io.BytesIO(workbook.content)).active
        assert sheet is not None
        values = [c for row in sheet.iter_rows() for c in row]
        assert all(c.data_type != "f" for c in values), name  # no formula cell at all
        assert _unsafe(c.value for c in values) == [], name
    # The payloads did reach the files: shown as text behind the quote, in names, titles
    # and ids, and in the reports with people (champion moves, the name report).
    text = "\n".join(seen)
    for payload in PAYLOADS:
        # Names are stored trimmed: a leading tab or carriage return is gone by then,
        # and the formula behind it is what reaches the file.
        assert "'" + payload.lstrip("\t\r") in text, payload
    assert "'=gfc" in text or "'+gfc" in text or "'-gfc" in text or "'@gfc" in text
    assert "'=1+2 Moved" in text  # the champion who moved to acme


async def test_the_cli_export_is_safe_too(client: httpx.AsyncClient, db: Db) -> None:
    await _setup(client, db)
    for name in ["portfolio-coverage", "champion-moves", "member-dependency", "names"]:
        result = await asyncio.to_thread(
            CliRunner().invoke, app, ["export", "--report", name, "--format", "csv"]
        )
        assert result.exit_code == 0, result.output
        cells = list(_cells_of_csv(result.stdout))
        assert len(cells) > 1 and _unsafe(iter(cells)) == [], name
        assert any(c.startswith("'") for c in cells), name


def test_each_formula_start_is_neutralised_and_numbers_stay_numbers() -> None:
    """The cell rule itself, for the starts a stored name cannot have (tab, CR)."""
    from samgraph.reports.csvout import csv_text, xlsx_bytes

    data = {"rows": [{"a": p, "n": -5, "x": 1.5, "l": ["=1", "b"]} for p in PAYLOADS]}
    lines = list(csv.reader(io.StringIO(csv_text(data), newline="")))
    assert lines[0] == ["a", "n", "x", "l"]
    # (the csv module reads a carriage return inside a quoted cell back as a newline)
    assert [r[0].replace("\n", "\r") for r in lines[1:]] == ["'" + p for p in PAYLOADS]
    assert {r[1] for r in lines[1:]} == {"-5"} and {r[3] for r in lines[1:]} == {"'=1;b"}
    sheet = load_workbook(io.BytesIO(xlsx_bytes(data))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [str(r[0]).replace("\n", "\r") for r in rows] == [
        "'" + p for p in PAYLOADS
    ]  # XML: CR read as LF
    assert {r[1] for r in rows} == {-5} and {r[2] for r in rows} == {1.5}  # numbers as numbers
