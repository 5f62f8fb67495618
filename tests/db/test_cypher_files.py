"""Every Cypher file loads, declares its mode and exactly the params it uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from samgraph.db.cypher import CypherLoadError, load_queries, parse_query
from samgraph.db.migrations import load_migrations


def test_every_query_file_loads_with_matching_params() -> None:
    # load_queries raises on any declared/used mismatch (test_bad_files_fail_loudly).
    queries = load_queries()
    assert len(queries) > 50
    for name, query in queries.items():
        assert query.mode in ("read", "write"), name
        assert query.description, f"{name} has no description line"
    assert queries["accounts.list_accounts"].params == {
        "industry", "name_contains", "member_id", "min_arr", "max_arr", "account_ids",
    }  # fmt: skip


def test_read_queries_do_not_write() -> None:
    for name, query in load_queries().items():
        if query.mode == "read":
            text = query.text.upper()
            for verb in ("CREATE ", "MERGE ", "DELETE ", " SET "):
                assert verb not in text, f"{name} is declared read but has {verb.strip()}"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("// x\n// mode: read\n// params:\n// scope: shared\n", "empty query"),
        ("// x\n// params:\n// scope: shared\nRETURN 1", "mode"),
        ("// x\n// mode: read\n// scope: shared\nRETURN 1", "params"),
        ("// x\n// mode: read\n// params:\n// scope: shared\nRETURN $a", "undeclared"),
        ("// x\n// mode: read\n// params: a, b\n// scope: shared\nRETURN $a", "unused"),
        ("// x\n// mode: read\n// params:\nRETURN 1", "scope"),
        ("// x\n// mode: read\n// params:\n// scope: checked\nRETURN 1", "scope of a read"),
        ("// x\n// mode: write\n// params:\n// scope: account id\nRETURN 1", "scope of a write"),
        ("// x\n// mode: read\n// params:\n// scope: param\nRETURN 1", "account_ids"),
        ("// x\n// mode: read\n// params:\n// scope: account\nRETURN 1", "paths"),
    ],
)
def test_bad_files_fail_loudly(source: str, message: str) -> None:
    with pytest.raises(CypherLoadError, match=message):
        parse_query("t.q", source)


def test_dollar_inside_string_literal_is_not_a_param() -> None:
    q = parse_query(
        "t.q", "// x\n// mode: read\n// params:\n// scope: shared\nRETURN '$notaparam' AS s"
    )
    assert q.params == frozenset()


def test_duplicate_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(CypherLoadError, match="missing"):
        load_queries(tmp_path / "nope")
    (tmp_path / "a").mkdir()
    with pytest.raises(CypherLoadError, match="no Cypher queries"):
        load_queries(tmp_path)


def test_migrations_are_ordered_and_unique() -> None:
    migrations = load_migrations()
    versions = [m.version for m in migrations]
    assert versions == sorted(versions) and versions[0] == 1
    assert all(m.statements for m in migrations)


@pytest.mark.parametrize(
    ("body", "columns"),
    [
        (
            "UNWIND $ids AS key\nRETURN key, COLLECT { MATCH (x) RETURN x } AS items",
            ("key", "items"),
        ),
        # An inner RETURN (inside braces) and a trailing ORDER BY are not the columns.
        (
            "MATCH (a)\nRETURN a {.*, n: COLLECT {\nRETURN 1 AS z\n}} AS item ORDER BY a.id",
            ("item",),
        ),
        ("MATCH (a)\nRETURN DISTINCT a.id AS id, 'x, y' AS s SKIP 1", ("id", "s")),
        # Items without a name cannot be packed: the query runs as written.
        ("MATCH (a)\nRETURN a.id", None),
        ("MATCH (a) RETURN a AS b", None),  # RETURN not at a line start
    ],
)
def test_return_columns(body: str, columns: tuple[str, ...] | None) -> None:
    q = parse_query(
        "t.q",
        "// x\n// mode: read\n// params:"
        + (" ids" * ("$ids" in body))
        + "\n// scope: shared\n"
        + body,
    )
    assert q.columns == columns
    if columns:
        assert (
            q.packed == f"CALL () {{\n{q.text}\n}}\nRETURN collect([{', '.join(columns)}]) AS rows"
        )


def test_every_read_returns_one_packed_record() -> None:
    # SHOW cannot run inside CALL; it is the only read left unpacked.
    unpacked = [n for n, q in load_queries().items() if q.mode == "read" and q.packed is None]
    assert unpacked == ["db.list_constraints"]


def test_a_comment_with_an_apostrophe_or_a_return_leaves_the_columns_found() -> None:
    # An apostrophe in a comment once opened a "string" to the end of the query, and the
    # read went unpacked (one record per row) without a word.
    text = (
        "MATCH (a:Account)\n"
        "// the account's id; RETURN nothing here\n"
        "WITH a // a comment after code\n"
        "RETURN a.id AS id, 'x//y' AS s"
    )
    q = parse_query("t.q", "// x\n// mode: read\n// params:\n// scope: shared\n" + text)
    assert q.columns == ("id", "s") and q.packed is not None
