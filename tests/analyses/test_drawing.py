"""Account.graph: the worked example drawn (domain.md §12 figures), ids shared with warm
paths, one read, the org of a past day, departed people on request, and scope."""

from __future__ import annotations

from typing import Any

import httpx

from samgraph.db.driver import Db
from tests.conftest import api_key, client_for, gql, plain_ids
from tests.factories import account, load

GRAPH = """query($d: Date, $i: [GraphInclude!]) { account(id: "gfc", asOf: $d) {
  graph(include: $i) {
    nodes { id kind label group engagement influenceRank flags status }
    edges { id source target kind strength effectiveStrength overdue }
    groups { id label parent functionGroup } } } }"""


async def _graph(client: httpx.AsyncClient, **variables: Any) -> dict[str, Any]:
    body = await gql(client, GRAPH, **variables)
    assert "errors" not in body, body
    graph: dict[str, Any] = plain_ids(body["data"]["account"]["graph"])  # a dated root dates ids
    return graph


async def test_the_worked_example_drawn(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    body = await gql(client, GRAPH, d="2026-01-20")
    assert body["data"]["account"]["graph"]["nodes"][0]["id"].endswith("@2026-01-20")
    g = plain_ids(body["data"]["account"]["graph"])
    nodes = {n["id"]: n for n in g["nodes"]}
    # 7 stakeholders and the 2 members of the account team.
    assert len(nodes) == 9
    assert {n for n, v in nodes.items() if v["kind"] == "MEMBER"} == {"mrodriguez", "vpsales"}
    # §12 engagement: jwu, mchen, dpark 4, sjohnson 3, lthompson 2, rmartinez and akim 0.
    assert {n: v["engagement"] for n, v in nodes.items() if v["kind"] == "STAKEHOLDER"} == {
        "jwu": 4, "mchen": 4, "dpark": 4, "sjohnson": 3, "lthompson": 2, "rmartinez": 0, "akim": 0}  # fmt: skip
    # §12 influence ranks 1-4: mchen, dpark, jwu, sjohnson.
    ranked = sorted((v["influenceRank"], n) for n, v in nodes.items() if v["influenceRank"])
    assert [n for _, n in ranked[:4]] == ["mchen", "dpark", "jwu", "sjohnson"]
    # Flags on 2026-01-20. OVERDUE: sjohnson 39 d > 30 (VP), akim 31 d > 7 (IC),
    # lthompson 97 d > 90 (C_LEVEL). SOLE_ENGAGED_THROUGH_ONE_MEMBER: the engaged (>= 3)
    # jwu, mchen, dpark, sjohnson are engaged through Maria alone (§14 soleEngaged).
    # dpark, the champion, has backups (jwu, mchen): no CHAMPION_WITHOUT_BACKUP.
    flags = {n: set(v["flags"]) for n, v in nodes.items() if v["flags"]}
    assert flags == {
        "sjohnson": {"OVERDUE", "SOLE_ENGAGED_THROUGH_ONE_MEMBER"},
        "akim": {"OVERDUE"}, "lthompson": {"OVERDUE"},
        "jwu": {"SOLE_ENGAGED_THROUGH_ONE_MEMBER"}, "mchen": {"SOLE_ENGAGED_THROUGH_ONE_MEMBER"},
        "dpark": {"SOLE_ENGAGED_THROUGH_ONE_MEMBER"},
    }  # fmt: skip
    # 6 KNOWS + 4 REPORTS_TO (mchen->jwu, dpark->mchen, rmartinez->sjohnson, akim->dpark)
    # + 2 INFLUENCES = 12 edges, each once, with the warm paths' ids.
    edges = {e["id"]: e for e in g["edges"]}
    assert len(edges) == len(g["edges"]) == 12
    assert sorted(e["kind"] for e in g["edges"]).count("REPORTS_TO") == 4
    assert edges["mchen:jwu:REPORTS_TO"]["strength"] == 3
    assert edges["sjohnson:lthompson"] == {"id": "sjohnson:lthompson", "source": "sjohnson",
        "target": "lthompson", "kind": "INFLUENCES", "strength": 4, "effectiveStrength": None,
        "overdue": None}  # fmt: skip
    # akim: strength 3, 31 days, IC cadence 7: floor((31 - 7) / 7) = 3 missed -> 0, overdue.
    assert (
        edges["mrodriguez:akim"]["effectiveStrength"] == 0 and edges["mrodriguez:akim"]["overdue"]
    )
    # lthompson: strength 2, 97 days, C_LEVEL 90: floor(7 / 90) = 0 missed -> 2, overdue.
    assert edges["vpsales:lthompson"]["effectiveStrength"] == 2
    groups = {x["id"]: x for x in g["groups"]}
    assert len(groups) == 5 and groups["gfc-data"]["parent"] == "gfc-tech"
    assert nodes["dpark"]["group"] == "gfc-data" and nodes["mrodriguez"]["group"] is None
    # Every warm-path edge and node is on the drawing, by id.
    paths = await gql(client, '{ account(id: "gfc", asOf: "2026-01-20") { warmPaths(to: "rmartinez") '
                              "{ nodes { id } edges { id } } } }")  # fmt: skip
    for path in plain_ids(paths["data"]["account"]["warmPaths"]):
        assert {e["id"] for e in path["edges"]} <= set(edges)
        assert {n["id"] for n in path["nodes"]} <= set(nodes)


async def test_one_read_for_the_graph_and_its_analyses(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    body = await gql(
        client,
        """{ account(id: "gfc", asOf: "2026-01-20") {
      graph { nodes { id } } coverage { score } championBackups { hasBackup } } }""",
    )
    assert body["data"]["account"]["coverage"]["score"] == 33  # §12
    # The account and its drawing (read at once); coverage reuses the drawing.
    assert body["extensions"]["dbRoundTrips"] == 2


async def test_departed_people_and_the_org_of_a_past_day(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    await gql(client, 'mutation { markDeparted(stakeholderId: "akim", date: "2026-02-01") { id } }')
    today = await _graph(client)
    assert "akim" not in {n["id"] for n in today["nodes"]}
    with_departed = await _graph(client, i=["MEMBERS", "DEPARTED"])
    akim = next(n for n in with_departed["nodes"] if n["id"] == "akim")
    assert akim["status"] == "DEPARTED" and "DEPARTED" in akim["flags"]
    # Without members, no KNOWS edges either (their other end is not drawn).
    bare = await _graph(client, i=[])
    assert {n["kind"] for n in bare["nodes"]} == {"STAKEHOLDER"}
    assert "KNOWS" not in {e["kind"] for e in bare["edges"]}
    # On 2026-01-20, before the departure, akim was on the org, active, under dpark.
    before = await _graph(client, d="2026-01-20")
    akim = next(n for n in before["nodes"] if n["id"] == "akim")
    assert akim["status"] == "ACTIVE" and "DEPARTED" not in akim["flags"]
    assert "akim:dpark:REPORTS_TO" in {e["id"] for e in before["edges"]}
    assert "akim:dpark:REPORTS_TO" not in {e["id"] for e in today["edges"]}


async def test_a_bound_key_cannot_draw_another_account(
    client: httpx.AsyncClient, db: Db, example_bundle: dict[str, Any]
) -> None:
    await load(db, {**example_bundle, "accounts": [*example_bundle["accounts"], account(id="oth")]})
    other = await api_key(db, role="VIEWER", member="vpsales")
    async with client_for(client, other) as c:
        mine = await gql(c, '{ account(id: "gfc") { graph { nodes { id } } } }')
        assert len(mine["data"]["account"]["graph"]["nodes"]) == 9
        theirs = await gql(c, '{ account(id: "oth") { graph { nodes { id } } } }')
        assert theirs["data"]["account"] is None
