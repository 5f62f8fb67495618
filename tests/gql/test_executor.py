"""The executor answers plain leaf fields directly (gql/executor.py): every answer, data
and errors alike, equals graphql-core's own executor's."""

from __future__ import annotations

import datetime as dt
import enum
import json

import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from samgraph.cli import DEMO_BUNDLE
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.demo.shift import shifted
from samgraph.gql.executor import Executor
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshots
from tests.conftest import settings_for_tests
from tests.factories import load

SETTINGS = settings_for_tests()
# Leaves of every kind (ID, String, Int, Float, Boolean, Date, enums), leaves behind
# resolvers and arguments, lists of leaves, and nested objects, through a fragment.
DOCUMENT = """
fragment person on Stakeholder { id name title seniority buyingRole sentiment status departedAt managerId
  relationships { memberId strength lastContact effectiveStrength } }
query($d: Date) {
  accounts(first: 10, sortBy: COVERAGE_SCORE) { totalCount pageInfo { hasNextPage endCursor }
    nodes { id name industry arr renewalDate tier strategicScore
      coverage(asOf: $d) { score threeByThree mappedCount
        cells { band group engagedCount covered } gaps { code severity band group } }
      teams { id name stakeholders { ...person } } } }
  portfolioGaps(first: 50) { totalCount nodes { code severity account { id name } } }
}"""


def _ctx(db: Db, schema: strawberry.Schema) -> Context:
    return Context(db, SETTINGS, schema, request_id="test")


async def test_the_api_answers_as_graphql_cores_executor(db: Db) -> None:
    await load(db, shifted(json.loads(DEMO_BUNDLE.read_text()), SETTINGS.today()))
    fast = build_schema(SETTINGS)
    plain = build_schema(SETTINGS, executor=StrawberryGraphQLCoreExecutionContext)
    for day in (None, SETTINGS.today().isoformat(), "2026-01-15"):
        ours = await fast.execute(
            DOCUMENT, variable_values={"d": day}, context_value=_ctx(db, fast)
        )
        theirs = await plain.execute(DOCUMENT, variable_values={"d": day},
                                     context_value=_ctx(db, plain))  # fmt: skip
        assert ours.errors is None and theirs.errors is None, (ours.errors, theirs.errors)
        assert ours.data == theirs.data
        assert json.dumps(ours.data) == json.dumps(theirs.data)  # the same key order too
    # And from today's snapshots (the coverage leaves then come from stored rows).
    assert await snapshots.refresh(_ctx(db, fast)) == 4
    ours = await fast.execute(DOCUMENT, context_value=_ctx(db, fast))
    theirs = await plain.execute(DOCUMENT, context_value=_ctx(db, plain))
    assert json.dumps(ours.data) == json.dumps(theirs.data) and ours.errors is None


@strawberry.enum
class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Item:
    id: strawberry.ID
    name: str  # non-null: a None here is an error, and nulls the item
    color: Color | None
    when: dt.date | None
    count: int


@strawberry.type
class Box:
    label: str | None
    items: list[Item | None]


def _items() -> list[Item | None]:
    return [
        Item(id=strawberry.ID("1"), name="one", color=Color.RED, when=dt.date(2026, 1, 2), count=3),
        Item(id=strawberry.ID("2"), name=None, color=None, when=None, count=1),  # type: ignore[arg-type]
        Item(id=strawberry.ID("3"), name="three", color="green", when=None, count=2),  # type: ignore[arg-type]
        Item(id=strawberry.ID("4"), name="four", color=Color.BLUE, when=None, count="x"),  # type: ignore[arg-type]
    ]  # fmt: skip


@strawberry.type
class Cell:
    value: float
    share: float | None


@strawberry.type
class Query:
    @strawberry.field
    def cells(self, bad: bool = False) -> list[Cell]:
        # 2 is an int in a Float field (answered 2.0); inf is refused (an error).
        return [Cell(value=1.5, share=None), Cell(value=2, share=0.25),
                *([Cell(value=float("inf"), share=None)] if bad else [])]  # fmt: skip

    @strawberry.field
    def boxes(self) -> list[Box]:
        return [Box(label=None, items=_items()), Box(label="b", items=[])]

    @strawberry.field
    def items(self) -> list[Item | None]:
        return _items()


def test_nulls_and_refused_values_take_graphql_cores_path() -> None:
    # Item 2's null name, item 3's color that is no Color and item 4's count that is no
    # Int are errors, with the same message, path and location: a non-null field's error
    # nulls its item (2 and 4), a nullable one's only the field (3's color).
    document = "{ items { id name color when count } }"
    ours = strawberry.Schema(query=Query, execution_context_class=Executor).execute_sync(document)
    theirs = strawberry.Schema(query=Query).execute_sync(document)
    assert ours.data == theirs.data == {"items": [
        {"id": "1", "name": "one", "color": "RED", "when": "2026-01-02", "count": 3}, None,
        {"id": "3", "name": "three", "color": None, "when": None, "count": 2}, None]}  # fmt: skip
    assert [e.formatted for e in ours.errors or []] == [e.formatted for e in theirs.errors or []]
    assert [e.path for e in ours.errors or []] == [["items", 1, "name"], ["items", 2, "color"],
                                                   ["items", 3, "count"]]  # fmt: skip
    # Objects whose selection is all plain leaves (aliases, __typename, nullable nulls
    # included) are made in one step; a refused value sends the object to the general
    # path, with the same errors at the same paths.
    document = """{ boxes { label __typename items { __typename key: id name when color count }
      again: items { id } } }"""
    ours = strawberry.Schema(query=Query, execution_context_class=Executor).execute_sync(document)
    theirs = strawberry.Schema(query=Query).execute_sync(document)
    assert ours.data == theirs.data and ours.data is not None
    assert ours.data["boxes"][0]["items"][0] == {"__typename": "Item", "key": "1", "name": "one",
                                                 "when": "2026-01-02", "color": "RED", "count": 3}  # fmt: skip
    assert ours.data["boxes"][0]["label"] is None and ours.data["boxes"][1] == {
        "label": "b", "__typename": "Box", "items": [], "again": []}  # fmt: skip
    assert [e.formatted for e in ours.errors or []] == [e.formatted for e in theirs.errors or []]
    assert len(ours.errors or []) == 3


class Counting(Executor):
    """The executor, counting the list items graphql-core completes one by one."""

    items = 0

    def complete_list_item_value(self, *args: object) -> bool:
        Counting.items += 1
        return super().complete_list_item_value(*args)  # type: ignore[arg-type]


def test_a_list_of_plain_objects_is_made_in_one_loop() -> None:
    ours = strawberry.Schema(query=Query, execution_context_class=Counting)
    theirs = strawberry.Schema(query=Query)
    document = "{ cells { value share __typename } }"
    Counting.items = 0
    answered = ours.execute_sync(document)
    assert answered.data == theirs.execute_sync(document).data == {"cells": [
        {"value": 1.5, "share": None, "__typename": "Cell"},
        {"value": 2.0, "share": 0.25, "__typename": "Cell"}]}  # fmt: skip
    assert answered.errors is None and Counting.items == 0  # no item took the long path
    # A value Float refuses (inf) sends the whole list to graphql-core's path: the same
    # error at the same path; the null bubbles up through the non-null item and the
    # non-null list to the whole answer.
    document = "{ cells(bad: true) { value share } }"
    answered, expected = ours.execute_sync(document), theirs.execute_sync(document)
    assert Counting.items == 3
    assert answered.data is None and expected.data is None
    assert [e.formatted for e in answered.errors or []] == [
        e.formatted for e in expected.errors or []
    ]
    assert [e.path for e in answered.errors or []] == [["cells", 2, "value"]]
