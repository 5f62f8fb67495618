"""Every error on every path carries `extensions.code` (and `field` when one argument or
variable is at fault), named as the client sent it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import httpx

import samgraph
from samgraph.errors import ERROR_CODES
from samgraph.web.errors import CODES
from tests.conftest import gql


async def test_parse_validation_and_variable_errors_are_coded(client: httpx.AsyncClient) -> None:
    parse = await gql(client, "{ accounts(first: 1) { totalCount }")
    assert parse["errors"][0]["extensions"] == {"code": "GRAPHQL_PARSE_FAILED"}
    invalid = await gql(client, "{ nope }")
    assert invalid["errors"][0]["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "Cannot query field 'nope'" in invalid["errors"][0]["message"]
    # A variable of the wrong type is the client's input: BAD_USER_INPUT naming it.
    variables = await gql(client, "query($n: Int!) { accounts(first: $n) { totalCount } }", n="x")
    assert variables["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "n"}
    deep = await gql(
        client,
        "mutation($r: [AccountInput!]!) { upsertAccounts(input: $r) { id } }",
        r=[{"id": "a", "name": "A", "healthScore": "high"}],
    )
    error = deep["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "r[0].healthScore"


async def test_limits_are_coded_limit_exceeded(client: httpx.AsyncClient) -> None:
    too_deep = "{ accounts { nodes { teams { stakeholders { reports { reports { reports { reports { reports { reports { name } } } } } } } } } } }"
    body = await gql(client, too_deep)
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    tokens = await gql(client, "{ " + "__typename " * 3001 + "}")
    assert tokens["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


SRC = Path(samgraph.__file__).resolve().parent
README = SRC.parents[1] / "README.md"


def _strings(node: ast.AST) -> set[str]:
    """The string constants a code expression can take (both branches of an `if`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body) | _strings(node.orelse)
    return set()


def _produced() -> set[str]:
    """Every code the source can put in an error: a SamgraphError's `code`, a `"code"`
    entry of a dict, the code argument of error_response/error_body/persisted's _error,
    and the codes of HTTP statuses (web/errors.CODES)."""
    found: set[str] = set(CODES.values())
    positions = {"error_response": 1, "error_body": 0, "_error": 0}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef):
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "code" for t in stmt.targets
                    ):
                        found |= _strings(stmt.value)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "code":
                        found |= _strings(value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
                name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                at = positions.get(name)
                if at is not None and len(node.args) > at:
                    found |= _strings(node.args[at])
    found.discard("ERROR")  # SamgraphError's own, only ever overridden by its subclasses
    return found


def test_every_code_the_code_can_produce_is_documented() -> None:
    produced = _produced()
    assert produced == set(ERROR_CODES), (
        f"undocumented: {produced - set(ERROR_CODES)}; never produced: {set(ERROR_CODES) - produced}"
    )
    # README's error table lists exactly those codes, each once.
    table = README.read_text().split("<!-- error-codes -->")[1]
    listed = re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.M)
    assert sorted(listed) == sorted(ERROR_CODES) and len(listed) == len(set(listed))
    # And each with the status ERROR_CODES gives it.
    for code, (status, _) in ERROR_CODES.items():
        assert re.search(rf"^\| `{code}` \| {status} \|", table, flags=re.M), code
