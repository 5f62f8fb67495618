"""Dated views carry dated ids (gql/dated.py): under a root field given `asOf`, every `id`
is `<id>@<asOf>`, so Apollo's and urql's normalised caches keep two dates apart; the
analyses' own `asOf` argument (domain §11) leaves ids plain; a dated id passed in the
variables names the plain one; no stored id may end like a dated one."""

from __future__ import annotations

from typing import Any

import httpx

from samgraph.db.driver import Db
from tests.conftest import gql
from tests.factories import load

PAST = "2026-01-20"
PEOPLE = '{ account(id: "gfc") { stakeholders(includeDeparted: true) { id } } }'


def _ids(node: Any) -> list[str]:
    """Every `id` value in an answer, depth first."""
    if isinstance(node, list):
        return [i for item in node for i in _ids(item)]
    if isinstance(node, dict):
        found: list[str] = []
        for key, value in node.items():
            found += [value] if key == "id" else _ids(value)
        return found
    return []


async def test_a_dated_root_dates_every_id_and_only_ids(
    db: Db, client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    selection = """id name coverage { score gaps { stakeholderId } }
        championBackups { champion { id } backups { id } }
        graph { nodes { id group } edges { id source target } }"""
    today = (await gql(client, f'{{ account(id: "gfc") {{ {selection} }} }}'))["data"]["account"]
    body = await gql(client, f"""query($d: Date) {{ account(id: "gfc", asOf: $d) {{ {selection} }}
        plain: account(id: "gfc") {{ id }} }}""", d=PAST)  # fmt: skip
    past = body["data"]["account"]
    assert body["data"]["plain"] == {"id": "gfc"}  # the same account today, in one request
    assert all("@" not in i for i in _ids(today)) and len(_ids(today)) > 20
    ids = _ids(past)
    assert len(ids) > 20 and all(i.endswith(f"@{PAST}") for i in ids)
    assert past["id"] == f"gfc@{PAST}" and past["name"] == "Global Financial Corp"
    # References stay plain: they name an object, the `id` is the cache's key for this one.
    refs = [g["stakeholderId"] for g in past["coverage"]["gaps"] if g["stakeholderId"]]
    refs += [e["source"] for e in past["graph"]["edges"]]
    assert refs and all("@" not in r for r in refs)
    # The argument-less coverage is that day's: §12's worked example scores 33 on 2026-01-20.
    assert past["coverage"]["score"] == 33


async def test_field_level_as_of_and_fragments(
    db: Db, client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    # §11's own form: the date is an argument of the field, so ids stay as they are.
    contract = await gql(client, f"""{{ account(id: "gfc") {{ id
        championBackups(asOf: "{PAST}") {{ champion {{ id }} backups {{ id }} }}
        warmPaths(to: "lthompson", asOf: "{PAST}") {{ nodes {{ id }} }} }} }}""")  # fmt: skip
    ids = _ids(contract["data"])
    assert "gfc" in ids and "lthompson" in ids and all("@" not in i for i in ids)
    # The analyses' roots (§17 plays here) take asOf as their own argument: ids stay plain.
    plays = await gql(client, f'{{ plays(asOf: "{PAST}", first: 3) {{ nodes {{ stakeholder {{ id }} }} }} }}')  # fmt: skip
    ids = _ids(plays["data"])
    assert "akim" in ids and all("@" not in i for i in ids)
    # A root field reached through a fragment (named or inline) is dated the same way.
    spread = await gql(client, """query($d: Date) { ...A ... on Query { b: account(id: "gfc", asOf: $d) { id } } }
        fragment A on Query { a: account(id: "gfc", asOf: $d) { id } }""", d=PAST)  # fmt: skip
    assert spread["data"] == {"a": {"id": f"gfc@{PAST}"}, "b": {"id": f"gfc@{PAST}"}}
    # A variable's default is a given date; an explicit null is not.
    defaulted = await gql(client, """query($d: Date = "2026-01-20") { account(id: "gfc", asOf: $d) { id } }""")  # fmt: skip
    assert defaulted["data"]["account"]["id"] == f"gfc@{PAST}"
    null = await gql(client, 'query($d: Date) { account(id: "gfc", asOf: $d) { id } }', d=None)
    assert null["data"]["account"]["id"] == "gfc"
    # A stakeholder on a date is a dated view of its own, whatever the root says.
    person = await gql(client, f"""{{ stakeholder(id: "mchen") {{ id then: asOf(date: "{PAST}") {{ id }} }}
        account(id: "gfc") {{ orgChart(date: "{PAST}") {{ id managerId }} }} }}""")  # fmt: skip
    assert person["data"]["stakeholder"] == {"id": "mchen", "then": {"id": f"mchen@{PAST}"}}
    chart = person["data"]["account"]["orgChart"]
    assert f"mchen@{PAST}" in [p["id"] for p in chart] and {"managerId": "jwu", "id": f"mchen@{PAST}"} in chart  # fmt: skip


async def test_a_dated_id_in_the_variables_names_the_plain_one(
    db: Db, client: httpx.AsyncClient, example_bundle: dict[str, Any]
) -> None:
    await load(db, example_bundle)
    paths = """query($to: ID!) { account(id: "gfc") { warmPaths(to: $to, asOf: "2026-01-20") {
        hops nodes { id } } } }"""
    plain = await gql(client, paths, to="lthompson")
    dated = await gql(client, paths, to=f"lthompson@{PAST}")
    assert dated == plain and plain["data"]["account"]["warmPaths"]
    # Inside a list of input objects too: the edit reaches jwu, no `jwu@...` is made.
    edit = """mutation($input: [StakeholderInput!]!) { upsertStakeholders(input: $input) { id title } }"""
    done = await gql(
        client, edit, input=[{"id": f"jwu@{PAST}", "title": "Chief Technology Officer"}]
    )
    assert done["data"]["upsertStakeholders"] == [
        {"id": "jwu", "title": "Chief Technology Officer"}
    ]
    people = [p["id"] for p in (await gql(client, PEOPLE))["data"]["account"]["stakeholders"]]
    assert "jwu" in people and not [p for p in people if "@" in p]
    # Written literally (not a variable), a dated id is an id no stakeholder may have.
    refused = await gql(client, """mutation { upsertStakeholders(input: [{id: "new@2026-01-01",
        accountId: "gfc", name: "New Person"}]) { id } }""")  # fmt: skip
    error = refused["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "@YYYY-MM-DD" in error["message"]
    assert "id" in error["extensions"]["field"]
    assert (await gql(client, PEOPLE))["data"]["account"]["stakeholders"] == [
        {"id": p} for p in people
    ]
