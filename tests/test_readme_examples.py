"""Every GraphQL example in the README runs without errors against the demo portfolio."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from samgraph.cli import DEMO_BUNDLE
from tests.conftest import gql

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLES = re.findall(r"```graphql\n(.*?)```", README.read_text(), re.S)


async def test_readme_examples_run_on_the_demo(client: httpx.AsyncClient) -> None:
    body = await gql(
        client,
        "mutation($b: JSON!) { importBundle(bundle: $b) { accounts } }",
        b=json.loads(DEMO_BUNDLE.read_text()),
    )
    assert body["data"]["importBundle"]["accounts"] == 4
    assert len(EXAMPLES) >= 6
    for example in EXAMPLES:
        body = await gql(client, example)
        assert "errors" not in body, (example, body["errors"])
        assert body["data"], example
