"""Property fuzzing of the whole schema (hypothesis-graphql) on the demo portfolio: every
generated query and mutation gets an answer without a 500 and without a masked
(unexpected) error, as an ADMIN and as a VIEWER bound to one member, and the bound
VIEWER never sees an id of an account outside its member's (nor of its teams,
stakeholders, opportunities or interactions) in any response.

SAMGRAPH_FUZZ_EXAMPLES cases of each of the four kinds (150 by default; `.ci/run` and
`make fuzz` run more)."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from samgraph.cli import DEMO_BUNDLE
from samgraph.db.driver import Db
from samgraph.schema import schema
from tests.conftest import api_key, app_client, settings_for_tests
from tests.factories import load

EXAMPLES = int(os.environ.get("SAMGRAPH_FUZZ_EXAMPLES", "150"))
SDL = schema.as_str()
SCALARS: dict[str, Any] = {
    "Date": st.dates().map(lambda d: nodes.String(d.isoformat())),
    "DateTime": st.datetimes().map(lambda d: nodes.String(d.isoformat())),
    "JSON": st.one_of(
        st.text(max_size=20), st.just("{}"), st.just('{"accounts": [{"id": "x"}]}')
    ).map(nodes.String),
}
# Fields left out of the fuzz: the org-chart sync's content parsing has its own tests,
# and deleting everything at random would only make the other cases trivial.
SKIP_MUTATIONS = {"deleteAccount"}
MUTATION_FIELDS = sorted(set(schema._schema.mutation_type.fields) - SKIP_MUTATIONS)  # type: ignore[union-attr]
MASKED = "Unexpected error."


DEMO: dict[str, Any] = json.loads(DEMO_BUNDLE.read_text())
MEMBER = "jlee"
SEEN = {a["accountId"] for a in DEMO["accountTeam"] if a["memberId"] == MEMBER}
FOREIGN = {a["id"] for a in DEMO["accounts"] if a["id"] not in SEEN} | {
    row["id"]
    for section in ("teams", "stakeholders", "opportunities", "interactions")
    for row in DEMO[section]
    if row["accountId"] not in SEEN
}


def _strings(value: Any) -> Iterator[str]:
    """Every string in a response, and the parts of edge ids (`member:stakeholder`)."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value
        yield from value.split(":")


def _check(response: httpx.Response, document: str, foreign: set[str] | None = None) -> None:
    assert response.status_code < 500, (response.status_code, document, response.text[:500])
    body = response.json()
    for error in body.get("errors") or []:
        assert error["message"] != MASKED, (document, body)
    if foreign is not None:
        # An id the document itself names may come back in its own error message.
        leaked = {s for s in _strings(body) if s in foreign and s not in document}
        assert not leaked, (leaked, document, body)


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
QUERIES = queries(SDL, custom_scalars=SCALARS)
MUTATIONS = mutations(SDL, fields=MUTATION_FIELDS, custom_scalars=SCALARS)


@pytest.fixture
async def admin(db: Db) -> AsyncIterator[httpx.AsyncClient]:
    """An ADMIN on the demo portfolio (its writes change it as the run goes on)."""
    await load(db, DEMO)
    async with app_client(settings_for_tests(), await api_key(db)) as c:
        yield c


@pytest.fixture
async def bound_viewer(db: Db) -> AsyncIterator[httpx.AsyncClient]:
    """A VIEWER bound to a member on some of the demo's accounts."""
    assert SEEN and FOREIGN  # the member sees part of the portfolio, not all of it
    await load(db, DEMO)
    async with app_client(settings_for_tests(), await api_key(db, "VIEWER", MEMBER)) as c:
        yield c


@FUZZ
@given(document=QUERIES)
async def test_fuzz_queries(admin: httpx.AsyncClient, document: str) -> None:
    _check(await admin.post("/graphql", json={"query": document}), document)


@FUZZ
@given(document=MUTATIONS)
async def test_fuzz_mutations(admin: httpx.AsyncClient, document: str) -> None:
    _check(await admin.post("/graphql", json={"query": document}), document)


@FUZZ
@given(document=QUERIES)
async def test_fuzz_queries_as_a_bound_viewer(bound_viewer: httpx.AsyncClient, document: str) -> None:  # fmt: skip
    _check(await bound_viewer.post("/graphql", json={"query": document}), document, FOREIGN)


@FUZZ
@given(document=MUTATIONS)
async def test_fuzz_mutations_as_a_bound_viewer(bound_viewer: httpx.AsyncClient, document: str) -> None:  # fmt: skip
    _check(await bound_viewer.post("/graphql", json={"query": document}), document, FOREIGN)


def test_the_check_finds_a_foreign_id() -> None:
    """The leak check is not vacuous: a foreign stakeholder in an edge id is caught."""
    outside = sorted(FOREIGN)[0]
    body = {"data": {"x": [{"id": f"{MEMBER}:{outside}"}]}}
    response = httpx.Response(200, json=body)
    with pytest.raises(AssertionError):
        _check(response, "{ x { id } }", FOREIGN)
    _check(response, f'{{ x(id: "{outside}") {{ id }} }}', FOREIGN)  # named by the document
