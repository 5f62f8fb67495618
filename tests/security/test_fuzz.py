"""Property fuzzing of the whole schema (hypothesis-graphql): every generated query and
mutation gets an answer without a 500 and without a masked (unexpected) error."""

from __future__ import annotations

import os
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from samgraph.schema import schema

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


def _check(response: httpx.Response, document: str) -> None:
    assert response.status_code < 500, (response.status_code, document, response.text[:500])
    body = response.json()
    for error in body.get("errors") or []:
        assert error["message"] != MASKED, (document, body)


FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(document=queries(SDL, custom_scalars=SCALARS))
async def test_fuzz_queries(client: httpx.AsyncClient, document: str) -> None:
    _check(await client.post("/graphql", json={"query": document}), document)


@FUZZ
@given(document=mutations(SDL, fields=MUTATION_FIELDS, custom_scalars=SCALARS))
async def test_fuzz_mutations(client: httpx.AsyncClient, document: str) -> None:
    _check(await client.post("/graphql", json={"query": document}), document)
