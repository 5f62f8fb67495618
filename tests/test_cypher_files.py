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
        ("// x\n// mode: read\n// params:\n", "empty query"),
        ("// x\n// params:\nRETURN 1", "mode"),
        ("// x\n// mode: read\nRETURN 1", "params"),
        ("// x\n// mode: read\n// params:\nRETURN $a", "undeclared"),
        ("// x\n// mode: read\n// params: a, b\nRETURN $a", "unused"),
    ],
)
def test_bad_files_fail_loudly(source: str, message: str) -> None:
    with pytest.raises(CypherLoadError, match=message):
        parse_query("t.q", source)


def test_dollar_inside_string_literal_is_not_a_param() -> None:
    q = parse_query("t.q", "// x\n// mode: read\n// params:\nRETURN '$notaparam' AS s")
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
