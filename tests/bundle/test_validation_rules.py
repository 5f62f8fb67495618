"""The import's checks made cheap (an import of 645,000 rows names two million ids):
ids and text are checked by patterns inside pydantic-core, a section is checked whole
before row by row, a chain of parents is walked once. Each must still refuse exactly
what the rule in words refuses, and name every offending row."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from samgraph.bundle import service
from samgraph.bundle.service import _cycles, parse_bundle
from samgraph.common import Id
from samgraph.db.driver import Db
from samgraph.errors import InvalidInput, Problem, message
from tests.factories import TODAY

ID = TypeAdapter(Id)


def is_id_in_words(value: str) -> bool:
    """The rule as docs/domain.md words it: 1 to 128 characters, no whitespace or control
    character, not ending in @YYYY-MM-DD (a dated view's name)."""
    return (
        0 < len(value) <= 128
        and not re.search(r"[\s\x00-\x1f]", value)
        and not re.search(r"@\d{4}-\d{2}-\d{2}\Z", value)
    )


def accepted(value: str) -> bool:
    try:
        ID.validate_python(value)
    except ValidationError:
        return False
    return True


# Characters that matter to the rule (digits of two scripts, @, -, spaces of three
# kinds, controls) and a few that do not.
SHARP = st.sampled_from([*"@-0912a", "٣", "\u2003", " ", "\n", "\x01", "\x7f", "é"])
DATED_END = st.tuples(st.text(SHARP, max_size=3), st.text(st.sampled_from("0123456789-a٣"),
                      min_size=10, max_size=10)).map(lambda p: f"{p[0]}@{p[1]}")  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(SHARP, max_size=16), DATED_END, st.text(max_size=140)))
def test_the_id_pattern_refuses_what_the_rule_in_words_refuses(value: str) -> None:
    assert accepted(value) == is_id_in_words(value), repr(value)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("s1@2026-06-01", "an id may not end in @YYYY-MM-DD (that names a dated view of an id)"),
        ("a b", "an id has no spaces or control characters"),
        ("ab\n", "an id has no spaces or control characters"),  # `$` of re would let it by
        ("", "String should have at least 1 character"),
    ],
)
def test_a_refused_id_is_told_in_words_not_as_a_regex(value: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        ID.validate_python(value)
    assert [message(e) for e in info.value.errors()] == [words]


def test_control_characters_are_told_with_their_code_and_position() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_bundle({
            "members": [{"id": "m1", "name": "Ann\x01"}],
            "interactions": [{"id": "i1", "summary": "line one\nline two\x07"}],
        })  # fmt: skip
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("members[0].name", "control character U+0001 at position 3 (not allowed in text)"),
        # Long text keeps its line break (position 8) and refuses the bell at 17.
        ("interactions[0].summary", "control character U+0007 at position 17 (not allowed in text)"),
    ]  # fmt: skip


def test_a_long_chain_into_a_loop_names_only_the_loop() -> None:
    # 20,000 people in a chain that ends in a loop c -> d -> e -> c, a 2-loop x <-> y, a
    # self-loop z, a tree beside them, and a manager outside the bundle (ext). Only the
    # six on a loop are named, in the bundle's order (the chain into the loop is not).
    parents: dict[str, str | None] = {f"p{i}": f"p{i + 1}" for i in range(20_000)}
    parents["p20000"] = "c"
    parents |= {"c": "d", "d": "e", "e": "c", "x": "y", "y": "x", "z": "z"}
    parents |= {"boss": None, "lead": "boss", "dev": "lead", "out": "ext"}
    named = [p.path for p in _cycles("stakeholders", parents, "managerId")]
    assert named == [f"stakeholders[id={i}].managerId" for i in ("c", "d", "e", "x", "y", "z")]
    assert _cycles("teams", {"t1": "t2", "t2": None}, "parentId") == []
    assert _cycles("teams", {"t1": "t1"}, "parentId") == [
        Problem("teams[id=t1].parentId", "parentId cycle through 't1'")
    ]


async def test_every_section_still_names_each_bad_row(db: Db) -> None:
    """One bad row among good ones in each section: the whole-section check fails, the
    row-by-row walk names exactly the bad row (and nothing is written)."""
    good: dict[str, Any] = {
        "accounts": [{"id": "a1", "name": "A"}, {"id": "a2"}],  # a2: new without a name
        "teams": [{"id": "t1", "accountId": "a1", "name": "T"},
                  {"id": "t2", "accountId": "a1", "name": "T2", "parentId": "t9"}],
        "stakeholders": [{"id": "s1", "accountId": "a1", "name": "S", "teamId": "t1"},
                         {"id": "s2", "accountId": "a1", "name": "S2", "managerId": "s2"}],
        "members": [{"id": "m1", "name": "M"}],
        "products": [{"id": "p1", "name": "P", "pricing": "PER_SEAT"}, {"id": "p2", "name": "Q"}],
        "accountTeam": [{"memberId": "m1", "accountId": "a1"},
                        {"memberId": "m9", "accountId": "a1"}],
        "relationships": [{"memberId": "m1", "stakeholderId": "s1", "strength": 3},
                          {"memberId": "m1", "stakeholderId": "s9", "strength": 3}],
        "influences": [{"fromId": "s1", "toId": "s1", "weight": 2}],
        "deployments": [{"teamId": "t1", "productId": "p1", "status": "DEPLOYED"},
                        {"teamId": "t1", "productId": "p9", "status": "PILOT"}],
        "opportunities": [{"id": "o1", "accountId": "a1", "name": "O", "productId": "p8"}],
        "interactions": [{"id": "i1", "accountId": "a1", "date": "2026-11-02", "type": "CALL",
                          "memberIds": ["m1", "m7"], "stakeholderIds": ["s1"]}],
    }  # fmt: skip
    with pytest.raises(InvalidInput) as info:
        await service.import_bundle(db, good, changed_on=TODAY)
    assert sorted(p.path for p in info.value.problems) == sorted([
        "accounts[1].name", "teams[1].parentId", "stakeholders[1].managerId",
        "stakeholders[id=s2].managerId",
        "products[1].pricing", "accountTeam[1].memberId", "relationships[1].stakeholderId",
        "influences[0].toId", "deployments[1].productId", "opportunities[0].productId",
        "interactions[0].memberIds[1]",
    ])  # fmt: skip
    exported = await service.export_bundle(db)
    assert all(rows == [] for rows in exported.values())
