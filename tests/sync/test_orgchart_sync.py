"""Org-chart sync against the real Neo4j, with real files of each format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from samgraph.bundle import service as bundle_service
from samgraph.bundle.service import export_bundle
from samgraph.config import DEFAULT_CADENCE_DAYS
from samgraph.db.driver import Db
from samgraph.errors import InvalidInput
from samgraph.sync.formats import OrgFormat, infer_seniority
from samgraph.sync.orgchart import FieldChange, SyncMode, SyncPlan, sync_orgchart
from tests.factories import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DAY = dt.date(2026, 1, 20)


async def _sync(
    db: Db, name: str, fmt: OrgFormat, mode: SyncMode, dry_run: bool = False
) -> SyncPlan:
    return await sync_orgchart(
        db,
        account_id="gfc",
        fmt=fmt,
        content=(FIXTURES / name).read_text(),
        mode=mode,
        dry_run=dry_run,
        effective=DAY,
        cadence=dict(DEFAULT_CADENCE_DAYS),
    )


def _changes(plan: SyncPlan) -> dict[str, Any]:
    out = dataclasses.asdict(plan)
    out.pop("written")
    return out


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Chief Financial Officer", "C_LEVEL"),
        ("CTO", "C_LEVEL"),
        ("President, EMEA", "C_LEVEL"),
        ("SVP Sales", "VP"),
        ("Vice President of Data", "VP"),
        ("VP, Head of Data", "VP"),
        ("Director Analytics", "DIRECTOR"),
        ("Head of Payments", "DIRECTOR"),
        ("Engineering Manager", "MANAGER"),
        ("Data Engineer", "IC"),
        (None, "IC"),
    ],
)
def test_seniority_inferred_from_title(title: str | None, level: str) -> None:
    assert infer_seniority(title) == level


async def test_full_csv_sync_departs_the_champion(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    dry = await _sync(db, "gfc-orgchart.csv", OrgFormat.CSV, SyncMode.FULL, dry_run=True)
    assert dry.written is False
    # David Park is not in the file: departed (he is the champion).
    assert [p["id"] for p in dry.departed] == ["dpark"] and dry.departing_champions == ["dpark"]
    # Nora Patel is new; her blank seniority is inferred from "Director Data Platform".
    assert dry.added == [
        {
            "id": "npatel",
            "accountId": "gfc",
            "name": "Nora Patel",
            "title": "Director Data Platform",
            "email": "nora.patel@gfc.example",
            "teamId": "gfc-data",
            "managerId": "mchen",
            "seniority": "DIRECTOR",
            "status": "ACTIVE",
        }
    ]
    updated = {sid: changes for sid, _, changes in dry.updated}
    assert updated == {
        "mchen": [
            FieldChange("title", "VP Engineering", "SVP Engineering"),
            FieldChange("email", None, "michael.chen@gfc.example"),
        ],
        "akim": [FieldChange("managerId", "dpark", "mchen")],
    }
    # Before: 3 covered cells = 33. Without David Park DIRECTOR/USING is lost: 2 = 22.
    assert (dry.coverage_before, dry.coverage_after) == (33, 22)
    assert dry.gaps_added == ["NO_CHAMPION", "UNCOVERED_CELL"]
    assert (await bundle_service.export_bundle(db))["stakeholders"][1][
        "status"
    ] == "ACTIVE"  # nothing written

    real = await _sync(db, "gfc-orgchart.csv", OrgFormat.CSV, SyncMode.FULL)
    assert real.written is True and _changes(real) == _changes(dry)
    out = {s["id"]: s for s in (await bundle_service.export_bundle(db))["stakeholders"]}
    assert out["dpark"]["status"] == "DEPARTED" and out["dpark"]["departedAt"] == "2026-01-20"
    assert out["npatel"]["seniority"] == "DIRECTOR" and out["akim"]["managerId"] == "mchen"
    # Running the same file again changes nothing.
    again = await _sync(db, "gfc-orgchart.csv", OrgFormat.CSV, SyncMode.FULL, dry_run=True)
    assert (again.added, again.updated, again.departed) == ([], [], [])


async def test_history_answers_as_of_a_date(
    db: Db, example_bundle: dict[str, Any], client: Any
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await _sync(db, "gfc-orgchart.csv", OrgFormat.CSV, SyncMode.FULL)
    from tests.conftest import gql

    q = """{ stakeholder(id: "mchen") { title history { nodes { date field old new } }
               before: asOf(date: "2026-01-19") { title status } after: asOf(date: "2026-01-20") { title } }
             account(id: "gfc") { orgChart(date: "2026-01-19") { id status managerId } } }"""
    d = (await gql(client, q))["data"]
    assert d["stakeholder"]["history"]["nodes"] == [
        {"date": "2026-01-20", "field": "title", "old": "VP Engineering", "new": "SVP Engineering"}
    ]
    assert d["stakeholder"]["before"] == {"title": "VP Engineering", "status": "ACTIVE"}
    assert d["stakeholder"]["after"] == {"title": "SVP Engineering"}
    # A snapshot's id is dated (its own cache entry); references are plain.
    assert all(p["id"].endswith("@2026-01-19") for p in d["account"]["orgChart"])
    chart = {p["id"].removesuffix("@2026-01-19"): p for p in d["account"]["orgChart"]}
    # The day before the sync: David Park active, Alex Kim still under him, Nora not there yet.
    assert chart["dpark"]["status"] == "ACTIVE" and chart["akim"]["managerId"] == "dpark"
    assert "npatel" not in chart and len(chart) == 7


async def test_scim_partial_sync_with_manager_chain(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    plan = await _sync(db, "gfc-scim-users.json", OrgFormat.SCIM, SyncMode.PARTIAL)
    added = {a["id"]: a for a in plan.added}
    assert {k: (v["seniority"], v.get("managerId"), v["teamId"]) for k, v in added.items()} == {
        "gfc-u1": ("C_LEVEL", None, "gfc:executive-office"),
        "gfc-u2": ("VP", "gfc-u1", "gfc-pay"),  # "payments" matches the Payments team
        "gfc-u3": ("DIRECTOR", "gfc-u2", "gfc:treasury"),
        "gfc-u4": ("IC", "gfc-u3", "gfc:treasury"),
    }
    assert (
        added["gfc-u2"]["email"] == "p.shah@gfc.example" and added["gfc-u2"]["name"] == "Priya Shah"
    )
    # New departments become teams; Treasury hangs under the existing Finance team (division).
    assert plan.teams_added == [
        {"id": "gfc:executive-office", "accountId": "gfc", "name": "Executive Office"},
        {"id": "gfc:treasury", "accountId": "gfc", "name": "Treasury", "parentId": "gfc-fin"},
    ]
    # active: false departs Robert Martinez even in PARTIAL mode; nobody else departs.
    assert [p["id"] for p in plan.departed] == ["rmartinez"]
    out = await bundle_service.export_bundle(db)
    assert {s["id"]: s["status"] for s in out["stakeholders"]}["dpark"] == "ACTIVE"
    chain = {
        s["id"]: s.get("managerId") for s in out["stakeholders"] if s["id"].startswith("gfc-u")
    }
    assert chain == {"gfc-u1": None, "gfc-u2": "gfc-u1", "gfc-u3": "gfc-u2", "gfc-u4": "gfc-u3"}


async def test_salesforce_export_with_first_and_last_name(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    plan = await _sync(db, "gfc-salesforce.csv", OrgFormat.SALESFORCE, SyncMode.PARTIAL)
    assert [(a["id"], a["name"], a["seniority"], a["managerId"]) for a in plan.added] == [
        ("0035e00000B1", "Ana Lima", "VP", "jwu"),
        ("0035e00000B2", "Ben Ross", "DIRECTOR", "0035e00000B1"),
    ]


async def _rejected(
    db: Db, example_bundle: dict[str, Any], fmt: OrgFormat, content: str
) -> set[tuple[str, str]]:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    before = await bundle_service.export_bundle(db)
    with pytest.raises(InvalidInput) as info:
        await sync_orgchart(
            db,
            account_id="gfc",
            fmt=fmt,
            content=content,
            mode=SyncMode.FULL,
            dry_run=False,
            effective=DAY,
            cadence=dict(DEFAULT_CADENCE_DAYS),
        )
    assert await bundle_service.export_bundle(db) == before  # nothing written
    return {(p.path, p.message.split(" ")[0]) for p in info.value.problems}


async def test_salesforce_cycle_and_bad_email_write_nothing(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    content = (FIXTURES / "gfc-salesforce-cycle.csv").read_text()
    problems = await _rejected(db, example_bundle, OrgFormat.SALESFORCE, content)
    # A1 -> A3 -> A2 -> A1 is a loop (rows 2, 3, 4); A4 reports into it but is not in it.
    assert problems == {
        ("row 2, column ReportsToId", "cycle"),
        ("row 3, column ReportsToId", "cycle"),
        ("row 4, column ReportsToId", "cycle"),
        ("row 4, column Email", "'not-an-email':"),
    }


@pytest.mark.parametrize(
    ("csv_rows", "expected"),
    [
        ("a1,Ann,,,,,\na1,Ann B,,,,,", {("row 3, column id", "duplicate")}),
        ("a1,Ann,,,,,ghost", {("row 2, column managerId", "unknown")}),
        ("a1,Ann,,,INTERN,,", {("row 2, column seniority", "'INTERN':")}),
        ("a1,,,,,,", {("row 2, column name", "missing")}),
        ("a1,Ann,,bad@,,,", {("row 2, column email", "'bad@':")}),
        (
            "a1,Ann,,,,,a2\na2,Bo,,,,,a1",
            {("row 2, column managerId", "cycle"), ("row 3, column managerId", "cycle")},
        ),
        (
            "jwu,Jennifer Wu,,,,,akim",
            {("row 2, column managerId", "cycle")},
        ),  # akim -> dpark -> mchen -> jwu
    ],
)
async def test_bad_csv_rows_name_row_and_column(
    db: Db, example_bundle: dict[str, Any], csv_rows: str, expected: set[tuple[str, str]]
) -> None:
    content = "id,name,title,email,seniority,team,managerId\n" + csv_rows + "\n"
    assert await _rejected(db, example_bundle, OrgFormat.CSV, content) == expected


async def test_an_id_of_another_account_is_refused(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(
        db,
        {
            "accounts": [{"id": "other", "name": "Other"}],
            "stakeholders": [{"id": "x1", "accountId": "other", "name": "X"}],
        },
        changed_on=TODAY,
    )
    content = "id,name\nx1,X\n"
    assert await _rejected(db, example_bundle, OrgFormat.CSV, content) == {
        ("row 2, column id", "'x1'")
    }


@pytest.mark.parametrize(
    "content",
    [
        "id,name\na1,Ann\rB\n",  # a bare carriage return (found by the schema fuzzer)
        'id,name\r\na1,"Ann\nB"\r\n',  # a quoted line break inside a field
    ],
)
async def test_odd_line_breaks_never_crash(
    db: Db, example_bundle: dict[str, Any], content: str
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    try:
        plan = await sync_orgchart(
            db,
            account_id="gfc",
            fmt=OrgFormat.CSV,
            content=content,
            mode=SyncMode.PARTIAL,
            dry_run=True,
            effective=DAY,
            cadence=dict(DEFAULT_CADENCE_DAYS),
        )
    except InvalidInput as exc:  # a clear, located error is fine too
        assert exc.problems and exc.problems[0].path.startswith("row")
    else:
        assert [a["id"] for a in plan.added][:1] == ["a1"]


async def test_linkedin_urls_from_every_format(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    contents = {
        OrgFormat.CSV: "id,name,linkedinUrl\njwu,Jennifer Wu,https://www.linkedin.com/in/jwu\n",
        OrgFormat.SCIM: orjson.dumps({"Resources": [{"id": "mchen", "displayName": "Michael Chen",
                                                     "x-linkedin": "linkedin.com/in/mchen"}]}).decode(),
        OrgFormat.SALESFORCE: "Id,Name,LinkedIn_URL__c\ndpark,David Park,linkedin.com/in/dpark\n",
    }  # fmt: skip
    for fmt, content in contents.items():
        await sync_orgchart(db, account_id="gfc", fmt=fmt, content=content, mode=SyncMode.PARTIAL,
                            dry_run=False, effective=DAY, cadence=dict(DEFAULT_CADENCE_DAYS))  # fmt: skip
    exported = await export_bundle(db, ["gfc"])
    urls = {s["id"]: s.get("linkedinUrl") for s in exported["stakeholders"]}
    assert urls["jwu"] == "https://www.linkedin.com/in/jwu"
    assert urls["mchen"] == "linkedin.com/in/mchen" and urls["dpark"] == "linkedin.com/in/dpark"
    # A value that is not a URL is refused with the row and column, and nothing is written.
    with pytest.raises(InvalidInput) as bad:
        await sync_orgchart(db, account_id="gfc", fmt=OrgFormat.CSV,
                            content="id,name,linkedinUrl\njwu,Jennifer Wu,not a url\n",
                            mode=SyncMode.PARTIAL, dry_run=False, effective=DAY,
                            cadence=dict(DEFAULT_CADENCE_DAYS))  # fmt: skip
    assert "linkedinUrl" in bad.value.message


async def _people(db: Db) -> dict[str, dict[str, Any]]:
    exported = await export_bundle(db, ["gfc"])
    return {s["id"]: s for s in exported["stakeholders"]}


def _plan(db: Db, fmt: OrgFormat, content: str, mode: SyncMode, **kw: Any) -> Any:
    return sync_orgchart(db, account_id="gfc", fmt=fmt, content=content, mode=mode,
                         dry_run=kw.pop("dry_run", False), effective=DAY,
                         cadence=dict(DEFAULT_CADENCE_DAYS), **kw)  # fmt: skip


SCIM_GUIDS: dict[str, Any] = {"totalResults": 2, "Resources": [
    {"id": "2819c223-7f76-453a-919d-413861904646", "externalId": "jwu",
     "displayName": "Jennifer Wu", "title": "CTO", "emails": [{"value": "jwu@gfc.example"}]},
    {"id": "902c246b-6245-4190-8e05-00816be7344a", "displayName": "Michael Chen",
     "title": "SVP Engineering", "emails": [{"value": "Michael.Chen@GFC.example", "primary": True}],
     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
        {"manager": {"value": "2819c223-7f76-453a-919d-413861904646"}}},
]}  # fmt: skip


async def test_idp_guids_match_by_external_id_and_email(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    example_bundle["stakeholders"][1]["email"] = "michael.chen@gfc.example"  # mchen
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    plan = await _plan(db, OrgFormat.SCIM, orjson.dumps(SCIM_GUIDS).decode(), SyncMode.PARTIAL)
    # Jennifer by externalId, Michael by email (case-insensitive): nobody added.
    assert plan.added == []
    assert {(s, how) for _, s, how in plan.matches} == {("jwu", "externalId"), ("mchen", "email")}
    people = await _people(db)
    assert len(people) == 7 and people["mchen"]["title"] == "SVP Engineering"
    assert people["mchen"]["managerId"] == "jwu"  # the GUID manager reference, resolved
    # The GUIDs are remembered: the next sync matches exactly, even with the email gone.
    again = {"Resources": [{**SCIM_GUIDS["Resources"][1], "emails": [], "title": "EVP"}]}
    plan = await _plan(db, OrgFormat.SCIM, orjson.dumps(again).decode(), SyncMode.PARTIAL)
    assert [(s, how) for _, s, how in plan.matches] == [("mchen", "sourceId")]
    assert (await _people(db))["mchen"]["title"] == "EVP" and plan.added == []


async def test_a_full_scim_sync_with_guids_departs_nobody(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    users = [{"id": f"guid-{s['id']}", "externalId": s["id"], "displayName": s["name"]}
             for s in example_bundle["stakeholders"]]  # fmt: skip
    doc = orjson.dumps({"totalResults": 7, "Resources": users}).decode()
    plan = await _plan(db, OrgFormat.SCIM, doc, SyncMode.FULL)
    assert plan.departed == [] and plan.added == [] and len(plan.matches) == 7
    people = await _people(db)
    assert len(people) == 7 and all(p.get("status", "ACTIVE") == "ACTIVE" for p in people.values())


async def test_salesforce_15_and_18_character_ids_are_one_record(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    first = "Id,Name,Title\n0035e00000B1xyz,Ana Lima,VP Risk\n"
    await _plan(db, OrgFormat.SALESFORCE, first, SyncMode.PARTIAL)
    # The same record as an 18-character id (15 + a 3-character checksum): an update.
    plan = await _plan(db, OrgFormat.SALESFORCE, "Id,Name,Title\n0035e00000B1xyzAAQ,Ana Lima,SVP Risk\n",
                       SyncMode.PARTIAL)  # fmt: skip
    assert plan.added == [] and [u[0] for u in plan.updated] == ["0035e00000B1xyz"]
    people = await _people(db)
    assert len(people) == 8 and people["0035e00000B1xyz"]["title"] == "SVP Risk"


async def test_a_possible_duplicate_is_a_warning(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    csv = "id,name,email\njw-2,Jennifer  WU,jenny@elsewhere.example\n"
    plan = await _plan(db, OrgFormat.CSV, csv, SyncMode.PARTIAL, dry_run=True)
    assert [a["id"] for a in plan.added] == ["jw-2"]
    assert len(plan.warnings) == 1 and "jwu" in plan.warnings[0] and "row 2" in plan.warnings[0]


async def test_full_mode_refuses_a_partial_scim_page(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    page = {"totalResults": 50, "itemsPerPage": 2, "startIndex": 1, "Resources": [
        {"id": "jwu", "displayName": "Jennifer Wu"}, {"id": "mchen", "displayName": "Michael Chen"}]}  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        await _plan(db, OrgFormat.SCIM, orjson.dumps(page).decode(), SyncMode.FULL)
    assert refused.value.extensions["field"] == "totalResults"
    assert "totalResults is 50 but the document holds 2" in refused.value.message
    people = await _people(db)
    assert all(p.get("status", "ACTIVE") == "ACTIVE" for p in people.values())  # nothing departed


async def test_full_mode_departure_limit(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    # A file with 5 of the 7: 2 departures = 29% > 20%. The dry run names them; the
    # sync writes nothing; raised to 30% it goes ahead.
    keep = [s for s in example_bundle["stakeholders"] if s["id"] not in ("akim", "rmartinez")]
    csv = "id,name\n" + "".join(f"{s['id']},{s['name']}\n" for s in keep)
    dry = await _plan(db, OrgFormat.CSV, csv, SyncMode.FULL, dry_run=True)
    assert dry.refusal and "Alex Kim (akim)" in dry.refusal and "Robert Martinez" in dry.refusal
    with pytest.raises(InvalidInput) as refused:
        await _plan(db, OrgFormat.CSV, csv, SyncMode.FULL)
    assert refused.value.extensions["field"] == "maxDepartures"
    assert all(p.get("status", "ACTIVE") == "ACTIVE" for p in (await _people(db)).values())
    await _plan(db, OrgFormat.CSV, csv, SyncMode.FULL, max_departures=0.3)
    people = await _people(db)
    assert {s for s, p in people.items() if p.get("status") == "DEPARTED"} == {"akim", "rmartinez"}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "samgraph.cli", "sync", "orgchart", *args],
                          capture_output=True, text=True, check=False)  # fmt: skip


async def test_cli_dry_run_prints_the_whole_diff(
    db: Db, example_bundle: dict[str, Any], tmp_path: Path
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    keep = [s for s in example_bundle["stakeholders"] if s["id"] not in ("akim", "rmartinez")]
    rows = [f"{s['id']},{s['name']},{'EVP' if s['id'] == 'mchen' else s.get('title', '')}"
            for s in keep]  # fmt: skip
    file = tmp_path / "org.csv"
    file.write_text("id,name,title\n" + "\n".join(rows) + "\nnew1,Nia Obi,Analyst\n")
    base = [str(file), "--account", "gfc", "--mode", "FULL", "--date", "2026-01-20"]
    text = _cli(*base, "--dry-run")
    # The real run would be refused (2 of 7 over the 20% limit): the dry run fails too,
    # after printing the whole diff.
    assert text.returncode == 1, text.stderr
    assert "dry run: the real run would be refused" in text.stderr
    out = text.stdout
    assert "+ added new1: Nia Obi, Analyst" in out
    assert "~ updated mchen: Michael Chen" in out and "title: 'VP Engineering' -> 'EVP'" in out
    assert "- departs akim: Alex Kim" in out and "- departs rmartinez: Robert Martinez" in out
    assert "over the limit of 20%" in out  # 2 of 7 = 29%
    as_json = _cli(*base, "--dry-run", "--json")
    assert as_json.returncode == 1
    diff = orjson.loads(as_json.stdout)
    assert diff["refused"] and "over the limit of 20%" in diff["refused"]
    assert [d["id"] for d in diff["departed"]] == ["akim", "rmartinez"]
    assert {"field": "title", "old": "VP Engineering", "new": "EVP"} in diff["updated"][0][
        "changes"
    ]
    # Without --dry-run the limit refuses: exit 1, nobody departed.
    refused = _cli(*base)
    assert refused.returncode == 1 and "nothing written" in refused.stderr
    assert all(p.get("status", "ACTIVE") == "ACTIVE" for p in (await _people(db)).values())
    assert _cli(*base, "--max-departures", "0.3").returncode == 0
    assert (await _people(db))["akim"]["status"] == "DEPARTED"
