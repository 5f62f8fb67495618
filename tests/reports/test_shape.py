"""A report's table shape comes from its document and the schema, not from its rows:
an empty report keeps its header, a null object its dotted columns (and no column of its
own beside them), and exploding follows the first list of objects the query selects."""

from __future__ import annotations

import dataclasses

from graphql import parse

from samgraph.reports.csvout import csv_text, shape_of, table, table_columns, xlsx_grid
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


def test_columns_read_down_their_paths_match_the_flattened_rows() -> None:
    """The plain shape reads each column along its path; forcing the flattening way
    (`plain=False`) on the same rows must give the same CSV and the same cells: null
    objects, formulas, booleans, lists, NaN and the infinities included."""
    shape = shape_of(schema._schema, DOC, explode=False)
    assert shape is not None and shape.plain
    flattened = dataclasses.replace(shape, plain=False)
    nodes = [
        {"id": "=cmd()", "owner": None, "tier": None, "coverage": {"score": float("nan")},
         "memberDependency": [{"member": {"id": "m1"}, "soleEngaged": []}]},
        {"id": "b", "owner": {"name": " -2"}, "tier": "KEY", "coverage": None,
         "memberDependency": []},
        {"id": "", "owner": {"name": None}, "tier": True, "coverage": {"score": float("inf")},
         "memberDependency": ["x", "+y"]},
        {"id": "d", "owner": {"name": "Ann"}, "tier": 3, "coverage": {"score": -0.5},
         "memberDependency": None},
    ]  # fmt: skip
    data = {"accounts": {"totalCount": 4, "nodes": nodes}}
    assert csv_text(data, shape=shape) == csv_text(data, shape=flattened)
    lines = csv_text(data, shape=shape).split("\r\n")
    # A formula-like id gets its quote; a null owner and a null coverage are blank cells;
    # a list of plain values is joined, each made safe first (`+y` -> `'+y`).
    assert lines[1] == '\'=cmd(),,,nan,"[{""member"":{""id"":""m1""},""soleEngaged"":[]}]"'
    assert lines[2] == "b,' -2,KEY,,"
    assert lines[3] == ",,true,inf,x;'+y"
    assert lines[4] == "d,Ann,3,-0.5,"
    fast, slow = table_columns(data, shape=shape), table_columns(data, shape=flattened)
    assert fast == slow
    cells = xlsx_grid(*fast)
    assert cells[1][:4] == ["'=cmd()", None, None, "nan"]  # NaN is text, as in CSV
    assert cells[3][2:4] == ["true", "inf"] and cells[4][2:4] == [3, -0.5]
