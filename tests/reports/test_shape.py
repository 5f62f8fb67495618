"""A report's table shape comes from its document and the schema, not from its rows:
an empty report keeps its header, a null object its dotted columns (and no column of its
own beside them), and exploding follows the first list of objects the query selects."""

from __future__ import annotations

from graphql import parse

from samgraph.reports.csvout import csv_text, shape_of, table
from samgraph.schema import schema

DOC = parse("""query { accounts { totalCount nodes { id owner { name } ...More
  memberDependency { member { id } soleEngaged { id } } } } }
  fragment More on Account { tier coverage { score } }""")


def test_the_columns_come_from_the_document() -> None:
    shape = shape_of(schema._schema, DOC, explode=False)
    assert shape is not None
    # Selection order, through the fragment; a list stays one column.
    assert shape.columns == ["id", "owner.name", "tier", "coverage.score", "memberDependency"]
    exploded = shape_of(schema._schema, DOC, explode=True)
    assert exploded is not None and exploded.exploded == "memberDependency"
    assert exploded.columns == ["id", "owner.name", "tier", "coverage.score",
                                "memberDependency.member.id", "memberDependency.soleEngaged"]  # fmt: skip


def test_no_rows_and_null_objects_keep_the_columns() -> None:
    shape = shape_of(schema._schema, DOC, explode=False)
    empty = {"accounts": {"totalCount": 0, "nodes": []}}
    assert csv_text(empty, shape=shape) == "id,owner.name,tier,coverage.score,memberDependency\r\n"
    # Without the shape (the old way) an empty report had no header at all.
    assert csv_text(empty) == "\r\n"
    rows = {"accounts": {"totalCount": 2, "nodes": [
        {"id": "a", "owner": None, "tier": "KEY", "coverage": {"score": 1}, "memberDependency": []},
        {"id": "b", "owner": {"name": "Ann"}, "tier": "KEY", "coverage": {"score": 2},
         "memberDependency": []}]}}  # fmt: skip
    columns, _ = table(rows, shape=shape)
    assert columns == ["id", "owner.name", "tier", "coverage.score", "memberDependency"]
    assert "owner" in table(rows)[0]  # the old way: `owner` beside `owner.name`
