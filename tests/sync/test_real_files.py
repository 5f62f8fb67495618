"""Files shaped like real exports: an activity feed from a CRM, a Salesforce Data Loader
export, SCIM documents with the wrong shapes, and files over the caps. Each must either
be written exactly or refused with its row named and nothing written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import orjson
import pytest

from samgraph.bundle import service as bundle_service
from samgraph.config import DEFAULT_CADENCE_DAYS
from samgraph.db.driver import Db
from samgraph.errors import InvalidInput
from samgraph.sync import activity
from samgraph.sync.formats import Caps, OrgFormat, detect
from samgraph.sync.orgchart import SyncMode, sync_orgchart
from tests.conftest import gql
from tests.factories import TODAY

DAY = dt.date(2026, 1, 20)


async def _gfc_and_acme(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(db, {
        "accounts": [{"id": "acme", "name": "Acme Manufacturing"}],
        "stakeholders": [{"id": "acme-cfo", "accountId": "acme", "name": "Ada Moss"}],
    }, changed_on=TODAY)  # fmt: skip


async def _edges(db: Db, stakeholder: str) -> list[dict[str, Any]]:
    bundle = await bundle_service.export_bundle(db)
    return [r for r in bundle["relationships"] if r["stakeholderId"] == stakeholder]


# An activity export: a QBR and a follow-up call, both with Maria and with Robert Martinez,
# whom nobody on our side knew (no KNOWS edge).
FEED = """id,accountId,date,type,summary,memberIds,stakeholderIds
act-1,gfc,2026-01-10,QBR,Quarterly review,mrodriguez,rmartinez;jwu
act-2,gfc,2026-01-14,CALL,"Follow-up, pricing",mrodriguez,rmartinez
"""


async def test_one_file_with_two_meetings_of_a_new_pair_makes_one_edge(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _gfc_and_acme(db, example_bundle)
    logged = await activity.log_interactions(
        db, activity.parse_interactions(FEED, fmt="csv"), today=TODAY
    )
    assert logged == 2
    # One edge for (mrodriguez, rmartinez), new at strength 2, last contact the later
    # of the two meetings (2026-01-14).
    assert await _edges(db, "rmartinez") == [
        {"memberId": "mrodriguez", "stakeholderId": "rmartinez", "strength": 2,
         "lastContact": "2026-01-14"}
    ]  # fmt: skip


async def test_an_attendee_of_another_account_is_refused_by_row_and_nothing_is_written(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _gfc_and_acme(db, example_bundle)
    before = await bundle_service.export_bundle(db)
    # Row 3 (the header is line 1) logs a meeting on acme attended by jwu, who is gfc's.
    content = FEED.replace("act-2,gfc,2026-01-14,CALL", "act-2,acme,2026-01-14,CALL").replace(
        ",mrodriguez,rmartinez\n", ",mrodriguez,acme-cfo;jwu\n"
    )
    with pytest.raises(InvalidInput) as refused:
        await activity.log_interactions(
            db, activity.parse_interactions(content, fmt="csv"), today=TODAY
        )
    assert [(p.path, p.message) for p in refused.value.problems] == [
        ("row 3, column stakeholderIds[1]", "stakeholder 'jwu' is not of account 'acme'")
    ]
    # Row 2 was valid, but nothing of the file was written: jwu's last contact unmoved.
    assert await bundle_service.export_bundle(db) == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        # No stakeholderIds column: refused, not "logged 1 interactions" with no attendee.
        ("id,accountId,date,type,memberIds\nx1,gfc,2026-01-10,CALL,mrodriguez\n",
         ("column stakeholderIds", "required in the header")),
        # A bad type on the third line names that line and the column.
        ("id,accountId,date,type,memberIds,stakeholderIds\n"
         "x1,gfc,2026-01-10,CALL,mrodriguez,jwu\nx2,gfc,2026-01-11,LUNCH,mrodriguez,jwu\n",
         ("row 3, column type", None)),
        ("id,accountId,date,type,memberIds,stakeholderIds\n"
         "x1,gfc,2026-13-01,CALL,mrodriguez,jwu\n", ("row 2, column date", None)),
    ],
)  # fmt: skip
async def test_feed_errors_name_the_files_row_and_column(
    db: Db, example_bundle: dict[str, Any], content: str, problem: tuple[str, str | None]
) -> None:
    await _gfc_and_acme(db, example_bundle)
    with pytest.raises(InvalidInput) as refused:
        await activity.log_interactions(
            db, activity.parse_interactions(content, fmt="csv"), today=TODAY
        )
    path, message = problem
    first = refused.value.problems[0]
    assert first.path == path
    assert message is None or first.message == message
    assert (await bundle_service.export_bundle(db))["interactions"] == []


async def _sync(db: Db, fmt: OrgFormat, content: str, **kw: Any) -> Any:
    return await sync_orgchart(db, account_id="gfc", fmt=fmt, content=content,
                               mode=kw.pop("mode", SyncMode.PARTIAL),
                               dry_run=kw.pop("dry_run", False), effective=DAY,
                               cadence=dict(DEFAULT_CADENCE_DAYS), **kw)  # fmt: skip


# A Data Loader export: upper-case headers, 18-character Ids, a 15-character ReportsToId
# (as reports write them), and a manager outside the export (it was filtered by account).
DATA_LOADER = """\
"ID","FIRSTNAME","LASTNAME","TITLE","DEPARTMENT","REPORTSTOID","EMAIL","ACCOUNTID"
"0035e00000B1xyzAAQ","Ana","Lima","VP Risk","Risk","0035e00000Zz999","ana@gfc.example","0015e00000GFCabAAA"
"0035e00000B2xyzAAQ","Ben","Ross","Director Risk","Risk","0035e00000B1xyz","ben@gfc.example","0015e00000GFCab"
"""


async def test_a_data_loader_export_is_read_as_salesforce(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _gfc_and_acme(db, example_bundle)
    assert detect("contacts.csv", DATA_LOADER) == OrgFormat.SALESFORCE
    plan = await _sync(db, OrgFormat.SALESFORCE, DATA_LOADER)
    # Both people added under their 15-character ids; Ben reports to Ana (15 = 18); the
    # two AccountId spellings are one account; Ana's manager is outside the file: a
    # warning, and her reporting line stays unset.
    assert [(p["id"], p.get("managerId")) for p in plan.added] == [
        ("0035e00000B1xyz", None), ("0035e00000B2xyz", "0035e00000B1xyz")]  # fmt: skip
    assert any("'0035e00000Zz999' (ReportsToId) is neither in the file" in w for w in plan.warnings)
    # "Risk" is a new team: without a function group its people count as ADJACENT.
    assert any(w.startswith("new team gfc:risk ('Risk') has no function group")
               for w in plan.warnings)  # fmt: skip
    people = {p["id"]: p for p in (await bundle_service.export_bundle(db))["stakeholders"]}
    assert people["0035e00000B2xyz"]["managerId"] == "0035e00000B1xyz"
    assert "managerId" not in people["0035e00000B1xyz"]
    # The same export again (now with a changed title and an email differing only in
    # case): Ana is one update of her title, not an email change.
    again = DATA_LOADER.replace('"VP Risk"', '"SVP Risk"').replace("ana@gfc", "Ana@GFC")
    plan = await _sync(db, OrgFormat.SALESFORCE, again)
    assert plan.added == []
    # (Seniority inferred from "SVP Risk" is VP, as from "VP Risk": unchanged.)
    assert [(sid, [(c.field, c.new) for c in ch]) for sid, _, ch in plan.updated] == [
        ("0035e00000B1xyz", [("title", "SVP Risk")])
    ]


@pytest.mark.parametrize(
    ("user", "column"),
    [
        ({"id": "u1", "name": "Ana Lima"}, "name"),
        ({"id": "u1", "displayName": "Ana", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "x"},
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
        ({"id": "u1", "displayName": "Ana", "emails": "ana@x.example"}, "emails"),
        ({"id": "u1", "displayName": "Ana", "emails": ["ana@x.example"]}, "emails"),
        ({"id": ["u1"], "displayName": "Ana"}, "id"),
        ({"id": "u1", "displayName": {"a": 1}}, "displayName"),
        ({"id": "u1", "displayName": "Ana", "active": "yes"}, "active"),
    ],
)  # fmt: skip
async def test_every_malformed_scim_shape_is_a_row_error_over_the_api(
    client: httpx.AsyncClient,
    db: Db,
    example_bundle: dict[str, Any],
    user: dict[str, Any],
    column: str,
) -> None:
    await _gfc_and_acme(db, example_bundle)
    doc = orjson.dumps({"Resources": [{"id": "ok", "displayName": "Fine"}, user]}).decode()
    body = await gql(
        client,
        """mutation($c: String!) {
      syncOrgChart(accountId: "gfc", format: SCIM, content: $c) { written } }""",
        c=doc,
    )
    error = body["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert error["extensions"]["field"] == f"row 2, column {column}"


async def test_files_over_the_caps_are_refused_before_parsing(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await _gfc_and_acme(db, example_bundle)
    rows = "id,name\n" + "".join(f"p{i},Person {i}\n" for i in range(6))
    with pytest.raises(InvalidInput, match=r"over 5 rows \(SAMGRAPH_SYNC_MAX_ROWS\)"):
        await _sync(db, OrgFormat.CSV, rows, caps=Caps(rows=5, bytes=10_000))
    with pytest.raises(InvalidInput, match=r"over 2048 bytes \(SAMGRAPH_SYNC_MAX_BYTES\)"):
        await _sync(db, OrgFormat.CSV, rows + "x" * 3000, caps=Caps(rows=5, bytes=2048))
    with pytest.raises(InvalidInput, match=r"over 5 rows"):
        activity.parse_interactions(
            "id,accountId,date,type,memberIds,stakeholderIds\n" + "x,gfc,2026-01-01,CALL,,\n" * 6,
            fmt="csv",
            caps=Caps(rows=5, bytes=10_000),
        )
    # Exactly at the cap is fine: five people added.
    plan = await _sync(db, OrgFormat.CSV, "id,name\n" + "".join(f"p{i},P{i}\n" for i in range(5)),
                       caps=Caps(rows=5, bytes=10_000))  # fmt: skip
    assert len(plan.added) == 5
