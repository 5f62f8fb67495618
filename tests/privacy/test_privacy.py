"""Personal data requests: exportPerson (access) and erasePerson (erasure), ADMIN only."""

from __future__ import annotations

from typing import Any

import httpx

from samgraph.bundle import service as bundle_service
from samgraph.db.driver import Db
from tests.conftest import api_key, client_for, gql
from tests.factories import TODAY

EXTRA: dict[str, Any] = {
    "interactions": [
        {"id": "i1", "accountId": "gfc", "date": "2026-01-10", "type": "MEETING",
         "summary": "Alex Kim walked us through the model; Alex Kim wants a pilot.",
         "memberIds": ["mrodriguez"], "stakeholderIds": ["akim", "dpark"]},
        {"id": "i2", "accountId": "gfc", "date": "2026-01-11", "type": "CALL",
         "summary": "David only.", "memberIds": ["mrodriguez"], "stakeholderIds": ["dpark"]},
    ],
    "history": [
        {"stakeholderId": "akim", "date": "2025-06-01", "field": "title", "old": "Analyst",
         "new": "Data Scientist", "recordedAt": "2025-06-01T09:00:00Z"},
        {"stakeholderId": "dpark", "date": "2025-07-01", "field": "managerId", "old": "akim",
         "new": "mchen", "recordedAt": "2025-07-01T09:00:00Z"},
    ],
}  # fmt: skip


async def test_export_person_holds_everything_about_them(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(db, EXTRA, changed_on=TODAY)
    d = (await gql(client, '{ exportPerson(stakeholderId: "akim") }'))["data"]["exportPerson"]
    assert d["stakeholder"]["id"] == "akim" and d["stakeholder"]["name"] == "Alex Kim"
    assert d["managers"] == ["dpark"]  # the §12 example: Alex reports to David Park
    assert [r["memberId"] for r in d["relationships"]] == ["mrodriguez"]
    assert [h["new"] for h in d["history"]] == ["Data Scientist"]
    assert [i["id"] for i in d["interactions"]] == ["i1"]
    missing = await gql(client, '{ exportPerson(stakeholderId: "nobody") }')
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_erase_person_removes_them_their_edges_history_and_name(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)
    await bundle_service.import_bundle(db, EXTRA, changed_on=TODAY)
    async with client_for(client, await api_key(db, "EDITOR")) as editor:
        refused = await gql(
            editor, 'mutation { erasePerson(stakeholderId: "akim") { edgesRemoved } }'
        )
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = await gql(
        client,
        """mutation { erasePerson(stakeholderId: "akim") { stakeholderId accountId edgesRemoved
          historyRemoved interactionsScrubbed reportsUnlinked otherHistoryCleared } }""",
    )
    # Alex's edges: MEMBER_OF gfc-data, REPORTS_TO dpark, KNOWS from mrodriguez, ATTENDED i1
    # = 4 (the CHANGED edge goes with the history entry). One own history entry; i1 scrubbed; nobody reports to Alex; David's
    # recorded manager change named Alex once.
    assert body["data"]["erasePerson"] == {
        "stakeholderId": "akim", "accountId": "gfc", "edgesRemoved": 4, "historyRemoved": 1,
        "interactionsScrubbed": 1, "reportsUnlinked": 0, "otherHistoryCleared": 1,
    }  # fmt: skip
    after = await bundle_service.export_bundle(db)
    assert "akim" not in {s["id"] for s in after["stakeholders"]}
    assert all(r["stakeholderId"] != "akim" for r in after["relationships"])
    i1 = next(i for i in after["interactions"] if i["id"] == "i1")
    assert i1["summary"] == "[erased] walked us through the model; [erased] wants a pilot."
    assert i1["stakeholderIds"] == ["dpark"]
    assert all(h["stakeholderId"] != "akim" for h in after["history"])
    dpark = [h for h in after["history"] if h["stakeholderId"] == "dpark"]
    assert [(h["field"], h.get("old"), h["new"]) for h in dpark] == [("managerId", None, "mchen")]
    assert "Alex Kim" not in str(after)
    again = await gql(client, 'mutation { erasePerson(stakeholderId: "akim") { edgesRemoved } }')
    assert again["errors"][0]["extensions"]["code"] == "NOT_FOUND"
