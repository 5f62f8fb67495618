"""Plain account reads compiled into one Cypher read (accounts/compiled.py) answer
exactly as graphql-core's executor does: data and errors, key order included, for
every selection a seeded grammar draws, for an unbound and a member-bound caller."""

from __future__ import annotations

import json
import random
from typing import Any

import orjson
import pytest
import strawberry

from samgraph.accounts import compiled
from samgraph.auth.principal import SYSTEM, Principal
from samgraph.cli import DEMO_BUNDLE
from samgraph.common import Role
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.scope import Scope
from samgraph.demo.shift import shifted
from samgraph.gql.executor import Executor
from samgraph.schema import build_schema
from tests.conftest import settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
FAST = build_schema(SETTINGS)
PLAIN = build_schema(SETTINGS, executor=Executor)  # the executor without compiled roots
# The demo's members: jlee holds nwh and contoso.
BOUND = Principal("key:test", Role.VIEWER, member_id="jlee", scope=Scope(frozenset({"nwh", "contoso"})))  # fmt: skip

# Each type's stored leaves, the one nested list the compiler reads, and fields it leaves
# to graphql-core (resolvers, arguments).
LEAVES = {
    "Account": ["id", "name", "industry", "arr", "renewalDate", "healthScore", "tier",
                "strategicScore"],
    "Team": ["id", "accountId", "name", "parentId", "functionGroup", "headcount"],
    "Stakeholder": ["id", "accountId", "name", "title", "email", "linkedinUrl", "seniority",
                    "teamId", "managerId", "buyingRole", "sentiment", "status", "departedAt"],
    "Relationship": ["id", "memberId", "stakeholderId", "strength", "lastContact"],
}  # fmt: skip
BELOW = {"Account": ("teams", "Team"), "Team": ("stakeholders", "Stakeholder"),
         "Stakeholder": ("relationships", "Relationship")}  # fmt: skip
OTHERS = {"Account": "renewal { daysToRenewal }", "Team": "parent { id }", "Stakeholder": "manager { id }",
          "Relationship": "effectiveStrength"}  # fmt: skip


# Account.whitespace's objects and their leaves (the compiler answers it on `account(id)`).
GRID = {
    "totals": ["deployedArr", "pipelineAmount", "weightedPipeline", "whitespaceEstimate"],
    "cells": ["teamId", "productId", "status", "value", "weightedValue"],
    "byTeam": ["teamId", "deployedArr", "pipelineAmount", "weightedPipeline", "whitespaceEstimate"],
    "byProduct": ["productId", "deployedArr", "whitespaceEstimate"],
}  # fmt: skip


def _whitespace(rng: random.Random) -> str:
    """A random `whitespace` selection: some of its objects (maybe aliased, maybe with
    __typename), each some of its leaves."""
    parts = [
        f"{'w' + str(i) + ': ' if rng.random() < 0.15 else ''}{name} {{ "
        f"{' '.join(rng.sample(GRID[name], rng.randint(1, len(GRID[name]))))}"
        f"{' __typename' if rng.random() < 0.2 else ''} }}"
        for i, name in enumerate(rng.sample(list(GRID), rng.randint(1, len(GRID))))
    ]
    if rng.random() < 0.2:
        parts.append("__typename")
    return f"whitespace {{ {' '.join(parts)} }}"


def _selection(
    rng: random.Random, kind: str, fragments: dict[str, str], depth: int = 0, *, one: bool = False
) -> str:
    """A random selection on `kind`: leaves (some aliased, repeated or __typename), maybe
    the nested list, rarely a field only graphql-core answers, sometimes via a fragment;
    on one account (`one`), often its whitespace."""
    parts = rng.sample(LEAVES[kind], rng.randint(1, len(LEAVES[kind])))
    parts = [f"a{i}: {p}" if rng.random() < 0.15 else p for i, p in enumerate(parts)]
    if rng.random() < 0.2:
        parts.append("__typename")
    if rng.random() < 0.1:
        parts.append(parts[0])  # the same field twice merges
    if one and rng.random() < 0.4:
        parts.insert(rng.randrange(len(parts) + 1), _whitespace(rng))
    elif kind in BELOW and rng.random() < 0.75 - 0.1 * depth:
        name, below = BELOW[kind]
        args = f"(includeDeparted: {rng.choice(['true', 'false'])})" if name == "stakeholders" and rng.random() < 0.4 else ""  # fmt: skip
        parts.insert(rng.randrange(len(parts) + 1),
                     f"{name}{args} {{ {_selection(rng, below, fragments, depth + 1)} }}")  # fmt: skip
    if rng.random() < 0.05:
        parts.append(OTHERS[kind])
    if rng.random() < 0.15:
        name = f"F{len(fragments)}"
        fragments[name] = f"fragment {name} on {kind} {{ {' '.join(parts)} }}"
        return f"id ...{name}"
    return " ".join(parts)


def _document(rng: random.Random) -> str:
    fragments: dict[str, str] = {}
    if rng.random() < 0.5:
        target = rng.choice(['"gfc"', '"nwh"', '"acme"', '"contoso"', '"nobody"'])
        root = f"account(id: {target}) {{ {_selection(rng, 'Account', fragments, one=True)} }}"
    else:
        args = [f"first: {rng.randint(1, 5)}"]
        if rng.random() < 0.3:
            args.append(f"after: {json.dumps(rng.choice([_cursor('acme'), _cursor('gfc'), 'nonsense']))}")  # fmt: skip
        if rng.random() < 0.3:
            args.append(f"sortBy: {rng.choice(['ID', 'NAME', 'ARR'])}")
        if rng.random() < 0.2:
            args.append("descending: true")
        accounts = _selection(rng, "Account", fragments)
        parts = ["totalCount"] if rng.random() < 0.6 else []
        if rng.random() < 0.5:
            parts.append("pageInfo { hasNextPage endCursor hasPreviousPage startCursor }")
        parts.append(rng.choice([f"nodes {{ {accounts} }}", f"edges {{ cursor node {{ {accounts} }} }}"]))  # fmt: skip
        root = f"accounts({', '.join(args)}) {{ {' '.join(parts)} }}"
    return "\n".join(["{ " + root + " }", *fragments.values()])


def _cursor(account_id: str) -> str:
    from samgraph.pages import encode_cursor

    return encode_cursor("account", account_id)


async def _both(db: Db, document: str, principal: Principal) -> tuple[Any, Any]:
    answers = []
    for schema in (FAST, PLAIN):
        ctx = Context(db, SETTINGS, schema, principal=principal, request_id="test")
        found = await schema.execute(document, context_value=ctx)
        answers.append((found.data, [e.formatted for e in found.errors or []]))
    return answers[0], answers[1]


async def test_compiled_reads_answer_as_graphql_core_does(db: Db, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    ran: list[str] = []  # the compiled answers that answered (not handed back)

    async def watched(answer: Any, name: str) -> Any:
        found = await answer  # a Refer propagates: graphql-core's path answers
        ran.append(name)
        return found

    for name, compile_root in list(compiled.ROOTS.items()):

        def spied(ex: Any, field: Any, details: Any, _c: Any = compile_root, _n: str = name) -> Any:
            found = _c(ex, field, details)
            return None if found is None else watched(found, _n)

        monkeypatch.setitem(compiled.ROOTS, name, spied)
    rng = random.Random(28)
    documents = [_document(rng) for _ in range(150)]
    grids = 0  # documents whose whitespace was answered compiled
    for n, document in enumerate(documents):
        for principal in (SYSTEM, BOUND) if n % 3 == 0 else (SYSTEM,):
            before = len(ran)
            fast, plain = await _both(db, document, principal)
            assert orjson.dumps(fast) == orjson.dumps(plain), document
            grids += "whitespace" in document and len(ran) > before and principal is SYSTEM
    # Most documents were answered compiled (the rest asked for a field only graphql-core
    # answers, or for a page whose cursor graphql-core refuses), whitespace among them.
    assert ran.count("account") > 70 and ran.count("accounts") > 70, (len(ran), len(documents))
    assert grids > 15, grids


async def test_the_nested_read_is_one_round_trip_with_only_its_properties(db: Db) -> None:
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    document = """{ account(id: "gfc") { id name teams { id name stakeholders {
      id name title relationships { memberId strength lastContact } } } } }"""
    ctx = Context(db, SETTINGS, FAST, request_id="test")
    before = ctx.db.round_trips
    found = await FAST.execute(document, context_value=ctx)
    assert found.errors is None and found.data is not None
    assert ctx.db.round_trips - before == 1  # graphql-core's path: the account, then its teams
    teams = found.data["account"]["teams"]
    # gfc (the demo bundle): 5 teams, 7 stakeholders, all active, each on a team.
    assert len(teams) == 5
    assert sum(len(t["stakeholders"]) for t in teams) == 7
    jwu = next(s for t in teams for s in t["stakeholders"] if s["id"] == "jwu")
    assert set(jwu) == {"id", "name", "title", "relationships"}
    assert all(set(r) == {"memberId", "strength", "lastContact"} for r in jwu["relationships"])


async def test_a_null_in_a_non_null_field_refers_the_field_to_graphql_core(db: Db) -> None:
    """A stored value its type refuses (a headcount that is no Int) cannot be compiled:
    graphql-core answers, with its error at its path, exactly as without the compiler."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    await db.driver.execute_query(
        "MATCH (t:Team {id: $id}) SET t.headcount = 'many'", id="gfc-tech", database_=db.database
    )
    document = '{ account(id: "gfc") { id teams { id headcount } } }'
    fast, plain = await _both(db, document, SYSTEM)
    assert orjson.dumps(fast) == orjson.dumps(plain)
    # Technology, gfc-tech, is the 5th team by name.
    assert [e["path"] for e in fast[1]] == [["account", "teams", 4, "headcount"]]


def test_every_compiled_root_is_a_query_field() -> None:
    query = FAST._schema.query_type
    assert query is not None and set(compiled.ROOTS) <= set(query.fields)
    assert isinstance(FAST, strawberry.Schema)


VARIED = """query($id: ID!, $t: Boolean!, $d: Boolean!) { account(id: $id) { id
  name @include(if: $t) teams { id stakeholders(includeDeparted: $d) { id status } } } }"""


def _kept_levels(document: str) -> list[Any]:
    """The kept entries (variables below the field, levels by their values) of FAST's
    `account(id)` in `document`."""
    return [value for objects, value in compiled._LEVELS.kept.items()
            if objects[0] is FAST._schema and objects[1].loc.source.body == document]  # fmt: skip


async def test_a_kept_compilation_is_reused_only_for_the_same_values_below_the_field(
    db: Db,
) -> None:
    """`account(id)`'s compiled selection is kept per document (compiled._LEVELS), one per
    set of values of the variables below the field (@include's flag, includeDeparted);
    the id is read per request. Each answer is graphql-core's."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    asks = [("gfc", True, False), ("nwh", False, True), ("gfc", False, False),
            ("nwh", True, False), ("gfc", False, True)]  # fmt: skip
    answers: list[list[bytes]] = []
    for account_id, t, d in asks:
        answers.append([])
        for schema in (FAST, PLAIN):
            ctx = Context(db, SETTINGS, schema, request_id="test")
            found = await schema.execute(VARIED, {"id": account_id, "t": t, "d": d}, context_value=ctx)  # fmt: skip
            answers[-1].append(orjson.dumps((found.data, found.errors)))
    assert all(fast == plain for fast, plain in answers)
    # Each ask answered as it asked: the name only with t, a different account per id.
    shown = [orjson.loads(fast)[0]["account"] for fast, _ in answers]
    assert [("name" in a, a["id"]) for a in shown] == [(t, i) for i, t, _ in asks]
    # One entry for the document: the variables below the field are d and t (not id),
    # and the three distinct (d, t) pairs were compiled once each.
    kept = _kept_levels(VARIED)
    assert len(kept) == 1
    names, levels = kept[0]
    assert names == ("d", "t")
    assert len(levels) == 3


async def test_a_selection_holding_its_request_is_compiled_each_time(db: Db) -> None:
    """strategicScore is computed under the request's settings: its level is not kept."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    document = '{ account(id: "gfc") { id strategicScore tier } }'
    for _ in range(2):
        fast, plain = await _both(db, document, SYSTEM)
        assert orjson.dumps(fast) == orjson.dumps(plain)
    kept = _kept_levels(document)
    assert len(kept) == 1 and kept[0][1] == {}


async def test_a_document_keeps_a_bounded_number_of_compilations(db: Db) -> None:
    """A caller varying a value below the field (here a date: coverage is left to
    graphql-core, so each value compiles to a refusal) keeps at most _VARIANTS of them."""
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    document = 'query($d: Date) { account(id: "gfc") { id coverage(asOf: $d) { score } } }'
    for day in range(1, 21):  # 20 distinct dates
        ctx = Context(db, SETTINGS, FAST, request_id="test")
        found = await FAST.execute(document, {"d": f"2026-06-{day:02d}"}, context_value=ctx)
        assert found.errors is None and found.data is not None
    kept = _kept_levels(document)
    assert len(kept) == 1 and kept[0][0] == ("d",)
    assert len(kept[0][1]) == compiled._VARIANTS == 16
