"""Bundle import/export against the real Neo4j: round trip, idempotence, partial
updates, and validation that writes nothing on failure."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from samgraph.bundle import service
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.demo.generate import generate
from samgraph.errors import InvalidInput
from tests.factories import TODAY


async def test_export_wipe_import_export_is_identical(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await service.import_bundle(db, example_bundle, changed_on=TODAY)
    first = await service.export_bundle(db)
    await wipe_data(db)
    await service.import_bundle(db, first, changed_on=TODAY)
    second = await service.export_bundle(db)
    assert service.dumps(first) == service.dumps(second)
    # And the export holds what we imported: 7 stakeholders, 6 KNOWS edges, the scores.
    assert len(first["stakeholders"]) == 7
    assert len(first["relationships"]) == 6
    assert first["accounts"][0]["scores"]["currentRevenue"] == 10.0
    assert first["teams"][0] == {
        "accountId": "gfc", "functionGroup": "USING", "headcount": 35, "id": "gfc-data",
        "name": "Data Science", "parentId": "gfc-tech",
    }  # fmt: skip


async def test_import_is_idempotent(db: Db, example_bundle: dict[str, Any]) -> None:
    await service.import_bundle(db, example_bundle, changed_on=TODAY)
    once = await service.export_bundle(db)
    await service.import_bundle(db, example_bundle, changed_on=TODAY)
    assert await service.export_bundle(db) == once


async def test_example_round_trips_field_for_field(db: Db, example_bundle: dict[str, Any]) -> None:
    await service.import_bundle(db, example_bundle, changed_on=TODAY)
    exported = await service.export_bundle(db)
    by_id = {s["id"]: s for s in exported["stakeholders"]}
    for original in example_bundle["stakeholders"]:
        assert by_id[original["id"]] == dict(sorted(original.items()))


async def test_omitted_field_keeps_value_and_null_clears(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await service.import_bundle(db, example_bundle, changed_on=TODAY)
    # Only the title is sent: seniority etc. stay; email null clears nothing that was
    # absent; managerId null removes the REPORTS_TO edge too.
    await service.import_bundle(
        db,
        {"stakeholders": [{"id": "dpark", "title": "Senior Director", "managerId": None}]},
        changed_on=TODAY,
    )
    out = await service.export_bundle(db)
    dpark = next(s for s in out["stakeholders"] if s["id"] == "dpark")
    assert dpark["title"] == "Senior Director"
    assert dpark["seniority"] == "DIRECTOR" and dpark["teamId"] == "gfc-data"
    assert "managerId" not in dpark
    reports = await db.read(
        queries.stakeholders.reports_by_stakeholder, ids=["mchen"], include_departed=True
    )
    assert reports[0]["items"] == []


async def test_interaction_moves_last_contact_forward_never_back(
    db: Db, example_bundle: dict[str, Any]
) -> None:
    await service.import_bundle(db, example_bundle, changed_on=TODAY)
    # jwu lastContact 2026-01-08: a later meeting moves it, an earlier one does not.
    await service.import_bundle(db, {"interactions": [
        {"id": "i-late", "accountId": "gfc", "date": "2026-01-15", "type": "CALL",
         "memberIds": ["mrodriguez"], "stakeholderIds": ["jwu"]},
        {"id": "i-early", "accountId": "gfc", "date": "2025-12-01", "type": "EMAIL",
         "memberIds": ["mrodriguez"], "stakeholderIds": ["mchen"]},
    ]}, changed_on=TODAY)  # fmt: skip
    rels = {
        (r["memberId"], r["stakeholderId"]): r
        for r in (await service.export_bundle(db))["relationships"]
    }
    assert rels[("mrodriguez", "jwu")]["lastContact"] == "2026-01-15"
    assert rels[("mrodriguez", "mchen")]["lastContact"] == "2026-01-05"


def _bad(bundle: dict[str, Any], section: str, index: int, **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(bundle)
    out[section][index].update(changes)
    return out


@pytest.mark.parametrize(
    ("section", "index", "changes", "path"),
    [
        ("relationships", 2, {"strength": 6}, "relationships[2].strength"),
        ("relationships", 0, {"lastContact": "2026-13-01"}, "relationships[0].lastContact"),
        ("stakeholders", 3, {"seniority": "INTERN"}, "stakeholders[3].seniority"),
        ("stakeholders", 1, {"email": "not-an-email"}, "stakeholders[1].email"),
        ("stakeholders", 1, {"managerId": "ghost"}, "stakeholders[1].managerId"),
        ("stakeholders", 1, {"managerId": "mchen"}, "stakeholders[1].managerId"),
        ("stakeholders", 0, {"id": "x" * 129}, "stakeholders[0].id"),
        ("stakeholders", 0, {"status": None}, "stakeholders[0].status"),
        ("opportunities", 0, {"probability": 1.5}, "opportunities[0].probability"),
        ("deployments", 0, {"arr": -1}, "deployments[0].arr"),
        ("teams", 1, {"accountId": "nope"}, "teams[1].accountId"),
        ("influences", 0, {"weight": 0}, "influences[0].weight"),
        ("accounts", 0, {"healthScore": 101}, "accounts[0].healthScore"),
        ("accounts", 0, {"color": "red"}, "accounts[0].color"),
    ],
)
async def test_bad_row_names_its_path_and_writes_nothing(
    db: Db,
    example_bundle: dict[str, Any],
    section: str,
    index: int,
    changes: dict[str, Any],
    path: str,
) -> None:
    await service.import_bundle(db, {"products": example_bundle["products"]}, changed_on=TODAY)
    before = await service.export_bundle(db)
    with pytest.raises(InvalidInput) as info:
        await service.import_bundle(
            db, _bad(example_bundle, section, index, **changes), changed_on=TODAY
        )
    assert path in {p.path for p in info.value.problems}, info.value.problems
    assert await service.export_bundle(db) == before


async def test_cycle_in_reporting_lines_is_rejected(db: Db, example_bundle: dict[str, Any]) -> None:
    bad = _bad(
        example_bundle, "stakeholders", 0, managerId="akim"
    )  # jwu -> akim -> dpark -> mchen -> jwu
    with pytest.raises(InvalidInput, match="cycle"):
        await service.import_bundle(db, bad, changed_on=TODAY)
    assert (await service.export_bundle(db))["stakeholders"] == []


async def test_duplicate_ids_and_missing_required_fields(db: Db) -> None:
    with pytest.raises(InvalidInput) as info:
        await service.import_bundle(db, {
            "accounts": [{"id": "a", "name": "A"}, {"id": "a", "name": "A again"}],
            "stakeholders": [{"id": "s1", "name": "No account"}],
        }, changed_on=TODAY)  # fmt: skip
    paths = {p.path for p in info.value.problems}
    assert paths == {"accounts[1]", "stakeholders[0].accountId"}


async def test_not_json_and_not_an_object(db: Db) -> None:
    with pytest.raises(InvalidInput, match="not valid JSON"):
        await service.import_bundle(db, b"{nope", changed_on=TODAY)
    with pytest.raises(InvalidInput, match="JSON object"):
        await service.import_bundle(db, [1, 2], changed_on=TODAY)


async def test_batches_are_used_for_large_sections(db: Db) -> None:
    accounts = [{"id": f"acc-{i:04d}", "name": f"Account {i}"} for i in range(25)]
    summary = await service.import_bundle(
        db, {"accounts": accounts}, batch_size=10, changed_on=TODAY
    )
    # 25 rows in batches of 10: 3 write transactions.
    assert summary.batches == 3
    assert len((await service.export_bundle(db))["accounts"]) == 25


async def test_batches_written_two_at_a_time_give_the_graph_of_one_transaction(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Node sections are written two batches at once (service.PARALLEL_SAFE): the graph
    is that of the same bundle written in one transaction, and every row is counted once."""
    bundle = generate(accounts=4, stakeholders_per_account=10, seed=11)
    rows = sum(len(v) for v in bundle.values() if isinstance(v, list))
    await service.import_bundle(db, bundle, batch_size=rows, changed_on=TODAY)  # one transaction
    whole = service.dumps(await service.export_bundle(db))
    await wipe_data(db)
    # Each write transaction still goes to Neo4j; this only counts those under way at once.
    under_way, most = 0, 0
    write_steps = db.write_steps

    async def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal under_way, most
        under_way += 1
        most = max(most, under_way)
        try:
            return await write_steps(*args, **kwargs)
        finally:
            under_way -= 1

    monkeypatch.setattr(db, "write_steps", counted)
    summary = await service.import_bundle(db, bundle, batch_size=3, changed_on=TODAY)
    assert most == service.PARALLEL_BATCHES == 2
    assert service.dumps(await service.export_bundle(db)) == whole
    # 40 stakeholders in batches of 3: 14 transactions (13 of 3, one of 1), in 7 pairs.
    assert summary.committed["stakeholders.upsert_stakeholders"] == 40
    assert summary.batches == sum(-(-n // 3) for n in summary.committed.values())


async def test_a_large_import_creates_new_people_and_upserts_stored_ones(
    db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batched, the rows of people not stored when the bundle was checked go to
    `create_stakeholders`, the others to `upsert_stakeholders` (which records changes);
    both in one transaction per batch. The graph is the one the upsert alone gives."""
    base = {"accounts": [{"id": "a", "name": "A"}],
            "stakeholders": [{"id": f"s{i}", "accountId": "a", "name": f"S{i}", "title": "Old"}
                             for i in (1, 2)]}  # fmt: skip
    await service.import_bundle(db, base, changed_on=TODAY)
    ran: list[list[str]] = []
    write_steps = db.write_steps

    async def seen(steps: Any, **kwargs: Any) -> Any:
        ran.append([s.query.name for s in steps])
        return await write_steps(steps, **kwargs)

    monkeypatch.setattr(db, "write_steps", seen)
    # s1, s2 stored (a new title each); s3, s4 new, one of them DEPARTED.
    people = [{"id": "s1", "title": "New"}, {"id": "s2", "title": "New"},
              {"id": "s3", "accountId": "a", "name": "S3", "title": "T"},
              {"id": "s4", "accountId": "a", "name": "S4", "status": "DEPARTED"}]  # fmt: skip
    await service.import_bundle(db, {"stakeholders": people}, batch_size=3, changed_on=TODAY)
    # Batches of 3 (rows in id order): [s1, s2, s3] -> the CREATE of s3, then the upsert
    # of s1 and s2 in the same transaction; [s4] -> the CREATE alone.
    assert ran == [
        ["stakeholders.create_stakeholders", "stakeholders.upsert_stakeholders"],
        ["stakeholders.create_stakeholders"],
    ]
    exported = await service.export_bundle(db)
    status = {s["id"]: (s.get("title"), s["status"]) for s in exported["stakeholders"]}
    assert status == {"s1": ("New", "ACTIVE"), "s2": ("New", "ACTIVE"), "s3": ("T", "ACTIVE"),
                      "s4": (None, "DEPARTED")}  # fmt: skip
    # Changes only for the people that existed: title Old -> New, twice.
    assert [(h["stakeholderId"], h["field"], h["old"], h["new"]) for h in exported["history"]] == [
        ("s1", "title", "Old", "New"), ("s2", "title", "Old", "New")
    ]  # fmt: skip
