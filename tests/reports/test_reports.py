"""Saved queries, built-in reports, and the /reports HTTP endpoint (JSON and CSV)."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import subprocess
import sys
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from samgraph.cli import DEMO_BUNDLE, app
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.reports.service import BUILTIN_DIR
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.conftest import gql, settings_for_tests
from tests.factories import TODAY, load

SAVE = """mutation($n: String!, $d: String!, $v: JSON) {
  saveQuery(name: $n, document: $d, description: "test", variables: $v) { name builtin variables url } }"""
SETTINGS = settings_for_tests()
BUILTINS = len(list(BUILTIN_DIR.glob("*.graphql")))  # the built-in reports
BY_ARR = """query Big($minArr: Float, $first: Int = 10) {
  accounts(filter: {minArr: $minArr}, first: $first, sortBy: ARR, descending: true) { nodes { id name arr tier } } }"""


async def _demo(client: httpx.AsyncClient) -> None:
    body = await gql(
        client,
        "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }",
        b=json.loads(DEMO_BUNDLE.read_text()),
    )
    assert "errors" not in body, body


async def test_save_list_run_delete(client: httpx.AsyncClient) -> None:
    await _demo(client)
    saved = (await gql(client, SAVE, n="big-accounts", d=BY_ARR, v={"minArr": 300000}))["data"][
        "saveQuery"
    ]
    assert saved == {
        "name": "big-accounts",
        "builtin": False,
        "variables": {"minArr": 300000},
        "url": "/reports/big-accounts",
    }
    names = [
        q["name"]
        for q in (await gql(client, "{ savedQueries { nodes { name builtin } } }"))["data"][
            "savedQueries"
        ]["nodes"]
    ]
    assert names == [
        "champion-moves",
        "champions-without-backup",
        "coverage-trend",
        "member-dependency",
        "overdue-touches-by-member",
        "plays-by-member",
        "portfolio-coverage",
        "reachable-whitespace-by-account",
        "renewals-next-180-days",
        "whitespace-by-account",
        "big-accounts",
    ]
    run = 'query($v: JSON) { runSavedQuery(name: "big-accounts", variables: $v) }'
    data = (await gql(client, run))["data"]["runSavedQuery"]
    # Saved default minArr 300,000: Acme 1,200,000, GFC 850,000, Northwind 310,000.
    assert [n["id"] for n in data["accounts"]["nodes"]] == ["acme", "gfc", "nwh"]
    data = (await gql(client, run, v={"minArr": 900000}))["data"]["runSavedQuery"]
    assert [n["id"] for n in data["accounts"]["nodes"]] == ["acme"]
    deleted = await gql(
        client,
        'mutation { a: deleteSavedQuery(name: "big-accounts") { deleted } b: deleteSavedQuery(name: "big-accounts") { deleted } }',
    )
    assert deleted["data"] == {"a": {"deleted": True}, "b": {"deleted": False}}


@pytest.mark.parametrize(
    ("name", "document", "field", "reason"),
    [
        ("m", 'mutation { deleteAccount(id: "gfc") { deleted } }', "document", "only queries"),
        ("s", "subscription { x }", "document", "only queries"),
        ("x", "query { accounts { nope } }", "document", "Cannot query field"),
        ("x", "query {", "document", "syntax error"),
        (
            "x",
            "query A { members { nodes { id } } } query B { members { nodes { id } } }",
            "document",
            "exactly one operation",
        ),
        ("Bad Name", "{ members { nodes { id } } }", "name", "lower-case"),
        ("portfolio-coverage", "{ members { nodes { id } } }", "name", "built-in"),
    ],
)
async def test_bad_saved_queries_are_refused(
    client: httpx.AsyncClient, name: str, document: str, field: str, reason: str
) -> None:
    body = await gql(client, SAVE, n=name, d=document)
    ext = body["errors"][0]["extensions"]
    assert ext["code"] == "BAD_USER_INPUT" and ext["field"] == field
    assert reason in ext["problems"][0]["message"]
    stored = await gql(client, "{ savedQueries { totalCount } }")
    assert stored["data"]["savedQueries"]["totalCount"] == BUILTINS  # nothing stored
    body = await gql(
        client, 'mutation { deleteSavedQuery(name: "portfolio-coverage") { deleted } }'
    )
    assert body["errors"][0]["extensions"]["field"] == "name"


async def test_report_csv_quoting_parsed_back(client: httpx.AsyncClient) -> None:
    tricky = 'Smith, "Jones" & Co; Ltd'  # (line breaks are refused in names)
    await gql(
        client,
        "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }",
        b={
            "accounts": [
                {"id": "a1", "name": tricky, "arr": 5.5},
                {"id": "a2", "name": "Plain", "arr": 1.0},
            ]
        },
    )
    await gql(client, SAVE, n="by-arr", d=BY_ARR)
    response = await client.get(
        "/reports/by-arr", params={"format": "csv", "minArr": "0", "first": "5"}
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows == [
        {"id": "a1", "name": tricky, "arr": "5.5", "tier": "STANDARD"},
        {"id": "a2", "name": "Plain", "arr": "1.0", "tier": "STANDARD"},
    ]
    as_json = await client.get("/reports/by-arr", params={"minArr": "2"})
    assert as_json.json() == {
        "data": {
            "accounts": {"nodes": [{"id": "a1", "name": tricky, "arr": 5.5, "tier": "STANDARD"}]}
        }
    }


@pytest.mark.parametrize(
    ("path", "params", "status", "field"),
    [
        ("/reports/nope", {}, 404, "name"),
        ("/reports/by-arr", {"first": "ten"}, 400, "first"),
    ],
)
async def test_report_errors(
    client: httpx.AsyncClient, path: str, params: dict[str, str], status: int, field: str
) -> None:
    await gql(client, SAVE, n="by-arr", d=BY_ARR)
    response = await client.get(path, params=params)
    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["field"] == field


async def test_builtin_reports_on_the_demo(client: httpx.AsyncClient) -> None:
    await _demo(client)
    as_of = {"asOf": "2026-01-20"}

    async def rows(name: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
        response = await client.get(f"/reports/{name}", params={"format": "csv", **(params or {})})
        assert response.status_code == 200, response.text
        return list(csv.DictReader(io.StringIO(response.text)))

    coverage = await rows("portfolio-coverage", as_of)
    # Worst first: Northwind (champion departed, 1 cell) and Contoso (1 cell) at 11, then GFC 33.
    assert [(r["id"], r["coverage.score"]) for r in coverage][:3] == [
        ("contoso", "11"),
        ("nwh", "11"),
        ("gfc", "33"),
    ]
    assert set(coverage[0]) >= {
        "id",
        "name",
        "tier",
        "arr",
        "coverage.score",
        "coverage.threeByThree",
    }
    # An account without an owner leaves `owner.name` blank; no `owner` column beside it.
    assert "owner.name" in coverage[0] and "owner" not in coverage[0]
    lonely = await rows("champions-without-backup", as_of)
    assert [(r["account.id"], r["stakeholder.id"]) for r in lonely] == [("contoso", "contoso-vp")]
    touches = await rows("overdue-touches-by-member", {**as_of, "memberId": "mrodriguez"})
    assert {r["member.id"] for r in touches} == {"mrodriguez"}
    # Maria on 2026-01-20: Alex Kim (IC, 31 days: 24 past 7) then Sarah Johnson (VP, 39 days:
    # 9 past 30); everyone else she knows is within cadence (the QBR moved mchen to 01-08).
    assert [(r["stakeholder.id"], r["daysSinceContact"]) for r in touches] == [
        ("akim", "31"),
        ("sjohnson", "39"),
    ]
    renewals = await rows("renewals-next-180-days", as_of)
    # 2026-01-20 + 180 = 2026-07-19: Northwind (2026-03-31, 70 days) then GFC (2026-06-30, 161).
    assert [(r["id"], r["renewal.daysToRenewal"], r["renewal.milestone"]) for r in renewals] == [
        ("nwh", "70", "NEGOTIATION"),
        ("gfc", "161", "INTERNAL_REVIEW"),
    ]
    whitespace = await rows("whitespace-by-account")
    gfc = next(r for r in whitespace if r["id"] == "gfc")
    assert gfc["whitespace.totals.deployedArr"] == "850000.0"


async def test_cli_export_report_csv(db: Db) -> None:
    from samgraph.bundle import service as bundle_service

    await bundle_service.import_bundle(db, DEMO_BUNDLE.read_bytes(), changed_on=TODAY)
    result = await asyncio.to_thread(
        CliRunner().invoke,
        app,
        [
            "export",
            "--report",
            "renewals-next-180-days",
            "--format",
            "csv",
            "--var",
            "asOf=2026-01-20",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in csv.DictReader(io.StringIO(result.stdout))] == ["nwh", "gfc"]
    bad = await asyncio.to_thread(CliRunner().invoke, app, ["export", "--format", "csv"])
    assert bad.exit_code == 1 and "--report" in bad.output


@pytest.mark.parametrize(
    ("name", "trips", "with_snapshots"),
    [
        # These run through reports/direct.py (the same service reads as their GraphQL
        # fields). Each report whose whole account list is priced (`first` over the
        # public page cap) counts the portfolio once (gql/guard.py). Without fresh
        # snapshots the list's page query says so and the list is computed; the figures'
        # read from today's snapshots finds none, and the analysis entries compute them
        # (their reads batch in the loaders). With snapshots: the count, the page sorted
        # on them, one read of the figures the report shows, then the names it shows.
        ("portfolio-coverage", 8, 4),  # with: + the account teams' SAMs with their names
        ("champions-without-backup", 5, 2),  # with: the gap page, its stakeholders
        # the first page (member by member, its edges with their member's and
        # stakeholder's names) beside the count (the snapshots' sum: none fresh yet, so
        # the graph's too; with them, the sum alone); then the accounts' names
        ("overdue-touches-by-member", 4, 3),
        ("whitespace-by-account", 6, 3),  # with: the count, the page by name, the totals
        ("renewals-next-180-days", 2, 2),  # the count, the page
        ("reachable-whitespace-by-account", 10, 4),  # with: + both totals' figures
        ("member-dependency", 6, 4),  # with: + the score and dependency figures (one read), members
        ("champion-moves", 1, 1),  # the stakeholders with a LinkedIn URL
        # the portfolio count (a whole list is priced), the play index (stale: no snapshots
        # yet), accounts, today's fresh plays (none), then computed; with: the play
        # index's page, the page's accounts, the members' names (the stakeholders' come
        # with the stored plays)
        ("plays-by-member", 8, 3),
    ],
)
async def test_builtin_reports_cost_a_bounded_number_of_round_trips(
    client: httpx.AsyncClient, db: Db, name: str, trips: int, with_snapshots: int
) -> None:
    await _demo(client)
    q = "query($n: String!) { runSavedQuery(name: $n) }"
    body = await gql(client, q, n=name)
    assert "errors" not in body, body
    # The same on 4 demo accounts as on 2,000 (measured in docs/benchmarks.md).
    assert body["extensions"]["dbRoundTrips"] == trips
    # Once today's snapshots are fresh, the figures they hold are not computed (§16).
    await snapshots.refresh(Context(db, SETTINGS, build_schema(SETTINGS), request_id="test"))
    again = await gql(client, q, n=name)
    assert again["data"] == body["data"]
    assert again["extensions"]["dbRoundTrips"] == with_snapshots


async def test_reports_are_listed_with_their_parameters(client: httpx.AsyncClient) -> None:
    await gql(client, SAVE, n="by-arr", d=BY_ARR)
    listing = (await client.get("/reports")).json()["reports"]
    names = [r["name"] for r in listing]
    assert names[0] == "champion-moves" and names[-1] == "by-arr"  # built-ins first
    by_arr = listing[-1]
    assert by_arr["builtin"] is False and by_arr["url"] == "/reports/by-arr"
    assert {p["name"]: p["type"] for p in by_arr["parameters"]} == {
        "minArr": "Float",
        "first": "Int",
    }
    coverage = next(r for r in listing if r["name"] == "portfolio-coverage")
    assert {p["name"]: p["type"] for p in coverage["parameters"]} == {
        "asOf": "Date",
        "memberId": "ID",
    }
    cli = subprocess.run([sys.executable, "-m", "samgraph.cli", "reports", "list", "--json"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert [r["name"] for r in json.loads(cli.stdout)["reports"]] == names


async def test_unknown_parameters_are_ignored_with_a_warning(client: httpx.AsyncClient) -> None:
    await gql(client, SAVE, n="by-arr", d=BY_ARR)
    response = await client.get("/reports/by-arr", params={"color": "red", "minArr": "1"})
    assert response.status_code == 200
    assert response.headers["x-samgraph-ignored"] == "color"
    assert "unknown parameters ignored: color" in response.headers["warning"]
    # A dashboard adding ?asOf= to a report that does not declare it: the same.
    ok = await client.get("/reports/whitespace-by-account", params={"asOf": "2026-01-20"})
    assert ok.status_code == 200 and ok.headers["x-samgraph-ignored"] == "asOf"


async def test_nested_lists_explode_into_rows_and_xlsx_keeps_numbers(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    # member-dependency: one account (gfc) with two members. Joined: one row, the list as
    # JSON in a cell; exploded: one row per member, the account's columns repeated.
    joined = await client.get("/reports/member-dependency", params={"format": "csv"})
    assert len(list(csv.DictReader(io.StringIO(joined.text)))) == 1
    # On 2026-01-20 Maria's row holds a nested list too (soleEngaged: dpark, jwu, mchen,
    # sjohnson): only the first list explodes, the inner one stays one cell (2 rows, not 5).
    exploded = await client.get(
        "/reports/member-dependency",
        params={"format": "csv", "rows": "explode", "asOf": "2026-01-20"},
    )
    rows = list(csv.DictReader(io.StringIO(exploded.text)))
    assert [r["memberDependency.member.id"] for r in rows] == ["mrodriguez", "vpsales"]
    assert {r["name"] for r in rows} == {"Global Financial Corp"}
    assert "dpark" in rows[0]["memberDependency.soleEngaged"]
    book = await client.get("/reports/portfolio-coverage", params={"format": "xlsx"})
    assert book.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(book.content)).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["name"] == "Global Financial Corp" and values["arr"] == 850000  # a number
    assert values["owner.name"] == "Maria Rodriguez" and values["renewalDate"] == "2026-06-30"
    assert "coverage.gapCounts.medium" in header


async def test_a_page_over_the_cap_fails_when_saved(client: httpx.AsyncClient) -> None:
    # Saved with first: 500, it used to save fine and fail on every run.
    body = await gql(client, SAVE, n="too-big", d="{ accounts(first: 500) { totalCount } }")
    error = body["errors"][0]
    assert error["extensions"]["field"] == "document"
    assert "accounts(first: 500) is over the page size limit of 100" in error["message"]
    # Through a variable's saved default too.
    body = await gql(client, "mutation($d: String!, $v: JSON) { saveQuery(name: \"v\", document: $d, "
                             "variables: $v) { name } }",
                     d="query($n: Int) { accounts(first: $n) { totalCount } }", v={"n": 1000})  # fmt: skip
    assert "over the page size limit" in body["errors"][0]["message"]


async def test_the_coverage_trend_report_reads_the_days_snapshots(
    client: httpx.AsyncClient, db: Db
) -> None:
    await _demo(client)
    ctx = Context(db, SETTINGS, build_schema(SETTINGS), request_id="test")
    day1, day2 = dt.date(2026, 1, 20), dt.date(2026, 1, 21)
    assert await snapshots.refresh(ctx, today=day1) == 4
    listed = await gql(client, '{ accounts(asOf: "2026-01-20", first: 10) { nodes { coverage { score } } } }')  # fmt: skip
    scores = [n["coverage"]["score"] for n in listed["data"]["accounts"]["nodes"]]
    # The departure of contoso's VP (its only engaged person), on day 2, shows on day 2
    # (day 2 is a past day for the org: it answers from the history, §18).
    body = await gql(
        client, 'mutation { markDeparted(stakeholderId: "contoso-vp", date: "2026-01-21") { id } }'
    )
    assert "errors" not in body, body
    ctx.forget()
    assert await snapshots.refresh(ctx, today=day2) == 4
    response = await client.get("/reports/coverage-trend", params={
        "from": "2026-01-19", "to": "2026-01-31", "format": "csv"})  # fmt: skip
    assert response.status_code == 200, response.text
    found = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["date"] for r in found] == ["2026-01-20", "2026-01-21"]
    assert [r["accounts"] for r in found] == ["4", "4"]
    # Day 1 is the demo on 2026-01-20: acme 56, contoso 11, gfc 33, nwh 11 = 111 / 4.
    assert sorted(scores) == [11, 11, 33, 56]
    assert float(found[0]["meanCoverageScore"]) == 27.75
    # Day 2: contoso lost its only engaged person (11 -> 0): 100 / 4. It counted among
    # the accounts with a CRITICAL gap already, so that count stays at 2.
    assert float(found[1]["meanCoverageScore"]) == 25.0
    assert [r["accountsWithCriticalGaps"] for r in found] == ["2", "2"]
    # Without the dates: the last 90 days ending today, none of them snapshotted yet. The
    # CSV is its header alone (pandas reads an empty frame with these columns, where an
    # empty body raised EmptyDataError), and the XLSX has the same header row.
    header = "date,accounts,meanCoverageScore,accountsWithCriticalGaps,reachableWhitespace\r\n"
    empty = await client.get("/reports/coverage-trend", params={"format": "csv"})
    assert empty.status_code == 200 and empty.text == header
    book = await client.get("/reports/coverage-trend", params={"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(book.content)).active
    assert sheet is not None
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [header.strip().split(",")]
    # Today's snapshots made, today is the window's one day.
    ctx.forget()
    assert await snapshots.refresh(ctx) == 4
    latest = await client.get("/reports/coverage-trend", params={"format": "csv"})
    assert [r["date"] for r in csv.DictReader(io.StringIO(latest.text))] == [
        SETTINGS.today().isoformat()
    ]
