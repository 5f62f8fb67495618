"""domain.md §12, the worked example, end to end through the real GraphQL app.

Every expected figure below is the one §12 states; the arithmetic is repeated in
comments where §12 only gives the result.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import gql

AS_OF = "2026-01-20"
IMPORT = "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }"


@pytest.fixture
async def gfc(client: httpx.AsyncClient, example_bundle: dict[str, Any]) -> httpx.AsyncClient:
    body = await gql(client, IMPORT, b=example_bundle)
    assert "errors" not in body, body
    return client


async def _account(client: httpx.AsyncClient, fields: str) -> dict[str, Any]:
    declare = "($d: Date)" if "$d" in fields else ""
    body = await gql(client, f'query{declare} {{ account(id: "gfc") {{ {fields} }} }}', d=AS_OF)
    assert "errors" not in body, body
    account: dict[str, Any] = body["data"]["account"]
    return account


async def test_engagement_via_relationships(gfc: httpx.AsyncClient) -> None:
    acc = await _account(
        gfc,
        "stakeholders { id relationships { effectiveStrength(asOf: $d) daysSinceContact(asOf: $d) overdue(asOf: $d) } }",
    )
    eng = {
        s["id"]: max((r["effectiveStrength"] for r in s["relationships"]), default=0)
        for s in acc["stakeholders"]
    }
    # Sarah Johnson: VP, 39 days, 39-30=9 < 30: no period missed, 3 stays 3.
    # Alex Kim: IC, 31 days, floor((31-7)/7) = 3 missed, 3-3 = 0. Robert Martinez: nobody.
    assert eng == {
        "jwu": 4,
        "mchen": 4,
        "dpark": 4,
        "sjohnson": 3,
        "lthompson": 2,
        "rmartinez": 0,
        "akim": 0,
    }
    sarah = next(s for s in acc["stakeholders"] if s["id"] == "sjohnson")["relationships"][0]
    assert sarah == {"effectiveStrength": 3, "daysSinceContact": 39, "overdue": True}


async def test_coverage(gfc: httpx.AsyncClient) -> None:
    c = (
        await _account(
            gfc,
            """coverage(asOf: $d) { score mappedCount engagedCount strongCount threeByThree
        cells { band group engagedCount covered } gaps { code severity stakeholderId band group } }""",
        )
    )["coverage"]
    assert (c["mappedCount"], c["engagedCount"], c["strongCount"]) == (7, 4, 3)
    counts = {(x["band"], x["group"]): x["engagedCount"] for x in c["cells"]}
    assert len(c["cells"]) == 9
    assert counts == {
        ("EXECUTIVE", "BUYING"): 2, ("EXECUTIVE", "USING"): 1, ("EXECUTIVE", "ADJACENT"): 0,
        ("DIRECTOR", "BUYING"): 0, ("DIRECTOR", "USING"): 1, ("DIRECTOR", "ADJACENT"): 0,
        ("STAFF", "BUYING"): 0, ("STAFF", "USING"): 0, ("STAFF", "ADJACENT"): 0,
    }  # fmt: skip
    # 3 covered cells: round(100 * 3 / 9) = round(33.3) = 33.
    assert c["score"] == 33 and c["threeByThree"] is False
    codes = [g["code"] for g in c["gaps"]]
    assert codes == ["BELOW_TARGET"] + ["UNCOVERED_CELL"] * 6
    assert c["gaps"][0]["severity"] == "MEDIUM"
    assert {(g["band"], g["group"]) for g in c["gaps"][1:]} == {
        k for k, v in counts.items() if v == 0
    }


async def test_champion_backups(gfc: httpx.AsyncClient) -> None:
    backups = (
        await _account(
            gfc,
            "championBackups(asOf: $d) { champion { id } hasBackup scoreIfLost backups { id } candidates { orgDistance engagement } }",
        )
    )["championBackups"]
    # Jennifer Wu (C_LEVEL, skip level: 2) before Michael Chen (VP, manager: 1), both
    # ADVOCATE at 4. Without David Park, DIRECTOR/USING is uncovered: 2 cells, round(22.2) = 22.
    assert backups == [{
        "champion": {"id": "dpark"}, "hasBackup": True, "scoreIfLost": 22,
        "backups": [{"id": "jwu"}, {"id": "mchen"}],
        "candidates": [{"orgDistance": 2, "engagement": 4}, {"orgDistance": 1, "engagement": 4}],
    }]  # fmt: skip


async def test_warm_paths(gfc: httpx.AsyncClient) -> None:
    paths = (
        await _account(
            gfc,
            'warmPaths(to: "rmartinez", asOf: $d) { hops weakestLink totalStrength nodes { id kind } edges { kind strength } }',
        )
    )["warmPaths"]
    assert [[n["id"] for n in p["nodes"]] for p in paths] == [
        ["mrodriguez", "sjohnson", "rmartinez"],
        ["vpsales", "lthompson", "sjohnson", "rmartinez"],
    ]
    assert [(p["hops"], p["weakestLink"], p["totalStrength"]) for p in paths] == [
        (2, 3, 6),
        (3, 2, 9),
    ]
    # KNOWS 3 + REPORTS_TO 3; KNOWS 2 (CFO, 97 days < 2 x 90) + INFLUENCES 4 + REPORTS_TO 3.
    assert [e["kind"] for e in paths[1]["edges"]] == ["KNOWS", "INFLUENCES", "REPORTS_TO"]
    assert (
        paths[0]["nodes"][0]["kind"] == "MEMBER" and paths[0]["nodes"][-1]["kind"] == "STAKEHOLDER"
    )


async def test_influence_map(gfc: httpx.AsyncClient) -> None:
    nodes = (
        await _account(
            gfc,
            "influenceMap(asOf: $d) { nodes { stakeholder { id } score rank engagement } edges { source target weight kind } }",
        )
    )["influenceMap"]["nodes"]
    got = [(n["stakeholder"]["id"], round(n["score"], 4), n["rank"]) for n in nodes]
    assert got == [
        ("mchen", 0.2517, 1), ("dpark", 0.2226, 2), ("jwu", 0.1695, 3), ("sjohnson", 0.1687, 4),
        ("akim", 0.0625, 5), ("lthompson", 0.0625, 6), ("rmartinez", 0.0625, 7),
    ]  # fmt: skip
    assert abs(sum(n["score"] for n in nodes) - 1) < 1e-9
    assert {n["stakeholder"]["id"]: n["engagement"] for n in nodes}["sjohnson"] == 3


async def test_influence_map_edges_to_draw(gfc: httpx.AsyncClient) -> None:
    m = (
        await _account(
            gfc,
            "influenceMap { nodes { buyingRole sentiment seniority teamId stakeholder { id } } edges { source target weight kind } }",
        )
    )["influenceMap"]
    # The relationships as stored: 2 INFLUENCES (source sways target), 4 REPORTS_TO at 3.
    assert m["edges"] == [
        {"source": "dpark", "target": "mchen", "weight": 3, "kind": "INFLUENCES"},
        {"source": "sjohnson", "target": "lthompson", "weight": 4, "kind": "INFLUENCES"},
        {"source": "akim", "target": "dpark", "weight": 3, "kind": "REPORTS_TO"},
        {"source": "dpark", "target": "mchen", "weight": 3, "kind": "REPORTS_TO"},
        {"source": "mchen", "target": "jwu", "weight": 3, "kind": "REPORTS_TO"},
        {"source": "rmartinez", "target": "sjohnson", "weight": 3, "kind": "REPORTS_TO"},
    ]
    mchen = next(n for n in m["nodes"] if n["stakeholder"]["id"] == "mchen")
    assert mchen == {"buyingRole": "TECHNICAL_EVALUATOR", "sentiment": "ADVOCATE", "seniority": "VP",
                     "teamId": "gfc-tech", "stakeholder": {"id": "mchen"}}  # fmt: skip


async def test_whitespace(gfc: httpx.AsyncClient) -> None:
    w = (
        await _account(
            gfc,
            "whitespace { cells { teamId productId status value weightedValue } totals { deployedArr pipelineAmount weightedPipeline whitespaceEstimate } }",
        )
    )["whitespace"]
    assert w["totals"] == {"deployedArr": 850000.0, "pipelineAmount": 520000.0,
                           "weightedPipeline": 356000.0, "whitespaceEstimate": 1926000.0}  # fmt: skip
    ops_adv = next(c for c in w["cells"] if (c["teamId"], c["productId"]) == ("gfc-ops", "adv"))
    assert ops_adv == {"teamId": "gfc-ops", "productId": "adv", "status": "WHITESPACE",
                       "value": 1080000.0, "weightedValue": 0.0}  # 900 seats x 1,200  # fmt: skip
    assert len(w["cells"]) == 10  # 5 teams x 2 products


async def test_whitespace_by_team_and_product(gfc: httpx.AsyncClient) -> None:
    w = (
        await _account(
            gfc,
            "whitespace { byTeam { teamId deployedArr pipelineAmount weightedPipeline whitespaceEstimate } byProduct { productId deployedArr whitespaceEstimate } }",
        )
    )["whitespace"]
    teams = {t["teamId"]: t for t in w["byTeam"]}
    # Payments: core in pipeline 400,000 (x 0.65 = 260,000); adv 60 seats x 1,200 = 72,000.
    assert teams["gfc-pay"] == {"teamId": "gfc-pay", "deployedArr": 0.0, "pipelineAmount": 400000.0,
                                "weightedPipeline": 260000.0, "whitespaceEstimate": 72000.0}  # fmt: skip
    # core: deployed 500,000 + 350,000 + pilot 0; whitespace only Finance, 150,000.
    assert {p["productId"]: p for p in w["byProduct"]}["core"] == {
        "productId": "core", "deployedArr": 850000.0, "whitespaceEstimate": 150000.0}  # fmt: skip


async def test_score_tier_renewal(gfc: httpx.AsyncClient) -> None:
    acc = await _account(
        gfc, "strategicScore tier renewal(asOf: $d) { milestone date daysToRenewal }"
    )
    # (25*10 + 20*9 + 15*10 + 15*9 + 10*8 + 10*7 + 5*8) / 10 = 905 / 10 = 90.5 >= 70.
    assert acc["strategicScore"] == 90.5 and acc["tier"] == "STRATEGIC"
    # 2026-06-30 - 2026-01-20 = 161 days; day 180 was 2026-01-01 <= asOf < day 150 (2026-01-31).
    assert acc["renewal"] == {
        "milestone": "INTERNAL_REVIEW",
        "date": "2026-01-01",
        "daysToRenewal": 161,
    }
