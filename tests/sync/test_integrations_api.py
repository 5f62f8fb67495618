"""The integrations through GraphQL and the command line."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
from typer.testing import CliRunner

from samgraph.bundle import service as bundle_service
from samgraph.cli import app
from samgraph.db.driver import Db
from tests.conftest import gql
from tests.factories import TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SYNC = """mutation($c: String!, $dry: Boolean!) {
  syncOrgChart(accountId: "gfc", format: CSV, content: $c, mode: FULL, dryRun: $dry, effectiveDate: "2026-01-20") {
    written rows added { id name } updated { id changes { field old new } } departed { id buyingRole }
    teamsAdded { id } impact { departingChampions coverageBefore coverageAfter gapsAdded } } }"""


async def _gfc(client: httpx.AsyncClient, bundle: dict[str, Any]) -> None:
    body = await gql(
        client, "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }", b=bundle
    )
    assert "errors" not in body, body


async def test_sync_mutation_dry_run_equals_real_run(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _gfc(client, example_bundle)
    content = (FIXTURES / "gfc-orgchart.csv").read_text()
    dry = (await gql(client, SYNC, c=content, dry=True))["data"]["syncOrgChart"]
    real = (await gql(client, SYNC, c=content, dry=False))["data"]["syncOrgChart"]
    assert dry.pop("written") is False and real.pop("written") is True
    assert dry == real
    assert real["departed"] == [{"id": "dpark", "buyingRole": "CHAMPION"}]
    assert real["impact"] == {
        "departingChampions": ["dpark"],
        "coverageBefore": 33,
        "coverageAfter": 22,
        "gapsAdded": ["NO_CHAMPION", "UNCOVERED_CELL"],
    }
    # The gap appears in the account's coverage.
    gaps = await gql(
        client, '{ account(id: "gfc") { coverage(asOf: "2026-01-20") { gaps { code } } } }'
    )
    assert "NO_CHAMPION" in [g["code"] for g in gaps["data"]["account"]["coverage"]["gaps"]]


async def test_sync_mutation_reports_every_bad_row(
    client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await _gfc(client, example_bundle)
    content = "id,name,email,managerId\nz1,Zed,zed@,\nz1,Zed,,ghost\n"
    body = await gql(client, SYNC, c=content, dry=False)
    ext = body["errors"][0]["extensions"]
    assert ext["code"] == "BAD_USER_INPUT"
    assert [p["path"] for p in ext["problems"]] == ["row 2, column email", "row 3, column id"]


async def test_log_interaction_creates_weak_knows_and_moves_contact(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await _gfc(client, example_bundle)
    q = """mutation { logInteraction(input: {id: "i-new", accountId: "gfc", date: "2026-01-19", type: CALL,
      memberIds: ["mrodriguez"], stakeholderIds: ["jwu", "rmartinez"]}) { id memberIds stakeholderIds } }"""
    body = await gql(client, q)
    assert body["data"]["logInteraction"] == {
        "id": "i-new",
        "memberIds": ["mrodriguez"],
        "stakeholderIds": ["jwu", "rmartinez"],
    }
    rels = {
        (r["memberId"], r["stakeholderId"]): r
        for r in (await bundle_service.export_bundle(db))["relationships"]
    }
    # jwu: known at 4 since 2026-01-08, moves to 2026-01-19; rmartinez: new edge at 2.
    assert rels[("mrodriguez", "jwu")] == {
        "memberId": "mrodriguez",
        "stakeholderId": "jwu",
        "strength": 4,
        "lastContact": "2026-01-19",
    }
    assert rels[("mrodriguez", "rmartinez")] == {
        "memberId": "mrodriguez",
        "stakeholderId": "rmartinez",
        "strength": 2,
        "lastContact": "2026-01-19",
    }
    before = await bundle_service.export_bundle(db)
    bad = await gql(
        client,
        'mutation { logInteraction(input: {id: "i2", accountId: "gfc", type: CALL, date: "2026-01-19", memberIds: ["vpsales"], stakeholderIds: ["jwu", "nobody"]}) { id } }',
    )
    assert bad["errors"][0]["extensions"]["field"] == "input[0].stakeholderIds[1]"
    assert await bundle_service.export_bundle(db) == before  # no interaction, no new KNOWS


async def test_cli_import_interactions_and_sync(db: Db, example_bundle: dict[str, Any]) -> None:
    await bundle_service.import_bundle(db, example_bundle, changed_on=TODAY)

    async def invoke(*args: str) -> Any:
        # The CLI runs its own event loop: call it from a worker thread.
        return await asyncio.to_thread(CliRunner().invoke, app, list(args))

    result = await invoke("import", "interactions", str(FIXTURES / "gfc-interactions.csv"))
    assert result.exit_code == 0, result.output
    rels = {
        (r["memberId"], r["stakeholderId"]): r
        for r in (await bundle_service.export_bundle(db))["relationships"]
    }
    # sjohnson known by mrodriguez since 2025-12-12 -> 2026-01-18; vpsales meets two new people
    # (strength 2); the November email does not move jwu's 2026-01-08 back.
    assert rels[("mrodriguez", "sjohnson")]["lastContact"] == "2026-01-18"
    assert rels[("vpsales", "rmartinez")] == {
        "memberId": "vpsales",
        "stakeholderId": "rmartinez",
        "strength": 2,
        "lastContact": "2026-01-18",
    }
    assert rels[("mrodriguez", "jwu")]["lastContact"] == "2026-01-08"

    dry = await invoke(
        "sync",
        "orgchart",
        "--account",
        "gfc",
        "--mode",
        "full",
        "--dry-run",
        "--date",
        "2026-01-20",
        str(FIXTURES / "gfc-orgchart.csv"),
    )
    assert dry.exit_code == 0, dry.output
    assert "would change" in dry.output and "1 added, 2 updated, 1 departed" in dry.output
    assert "champion departing: dpark" in dry.output
    real = await invoke(
        "sync", "orgchart", "--account", "gfc", "--mode", "full", str(FIXTURES / "gfc-orgchart.csv")
    )
    assert real.exit_code == 0, real.output
    assert {s["id"]: s["status"] for s in (await bundle_service.export_bundle(db))["stakeholders"]}[
        "dpark"
    ] == "DEPARTED"
    bad = await invoke(
        "sync", "orgchart", "--account", "gfc", str(FIXTURES / "gfc-salesforce-cycle.csv")
    )
    assert bad.exit_code == 1 and "row 2, column ReportsToId: cycle" in bad.output
