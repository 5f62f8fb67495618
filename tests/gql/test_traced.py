"""Walk results kept per operation by the variable values each walk read
(gql/traced.py), as the Guard keeps its cost: a variable the walk never read does not
split the record, one it read does, and a record is never reused for other values."""

from __future__ import annotations

from typing import Any

from graphql import parse, value_from_ast_untyped

from samgraph.gql.traced import Traced

DOC = parse("query($id: ID!, $n: Int, $deep: Boolean) { a(id: $id, first: $n, deep: $deep) }")
FIELD = DOC.definitions[0].selection_set.selections[0]  # type: ignore[attr-defined]


def walker(calls: list[dict[str, Any]]) -> Any:
    """A walk like the cost's: reads `first`, and `deep` only when `first` is over 10
    (a branch); the result is first x (2 if deep else 1), 1 when `first` is not given."""

    def walk(variables: dict[str, Any]) -> int:
        args = {a.name.value: a for a in FIELD.arguments}
        first = value_from_ast_untyped(args["first"].value, variables)
        calls.append(dict(variables))
        if not isinstance(first, int):
            return 1
        deep = first > 10 and value_from_ast_untyped(args["deep"].value, variables) is True
        return first * (2 if deep else 1)

    return walk


def test_an_unread_variable_does_not_split_and_a_read_one_does() -> None:
    kept, calls = Traced(), list[dict[str, Any]]()
    walk = walker(calls)
    # Ten account ids, first 5: walked once (the id is never read), 5 each time.
    assert [kept.get(DOC, "x", {"id": f"a{i}", "n": 5}, walk) for i in range(10)] == [5] * 10
    assert len(calls) == 1
    # first 50 (over 10: `deep` is read too, absent): 50; deep true: 50 x 2 = 100.
    assert kept.get(DOC, "x", {"id": "a1", "n": 50}, walk) == 50
    assert kept.get(DOC, "x", {"id": "a1", "n": 50, "deep": True}, walk) == 100
    assert len(calls) == 3
    # Back to first 5 with deep true: the first record read only `n`, so it answers 5.
    assert kept.get(DOC, "x", {"id": "a2", "n": 5, "deep": True}, walk) == 5
    assert len(calls) == 3
    # Another `extra` (other prices) is walked afresh.
    assert kept.get(DOC, "y", {"id": "a2", "n": 5}, walk) == 5
    assert len(calls) == 4


def test_no_variables_then_some_and_look_alike_values_are_told_apart() -> None:
    kept, calls = Traced(), list[dict[str, Any]]()
    walk = walker(calls)
    # No variables at all: graphql-core answers Undefined without asking an empty
    # mapping, so the ask must still be noted or the next call would reuse 1.
    assert kept.get(DOC, "x", None, walk) == 1
    assert kept.get(DOC, "x", {"n": 40}, walk) == 40
    # 7 and 7.0 (and True, equal to 1 in Python) take different branches: 7, then 1
    # (a float is not an int), then 1 again for True, each walked.
    assert kept.get(DOC, "x", {"n": 7}, walk) == 7
    assert kept.get(DOC, "x", {"n": 7.0}, walk) == 1
    assert kept.get(DOC, "x", {"n": True}, walk) == True  # noqa: E712 (True is the int 1)
    assert len(calls) == 5


def test_records_and_operations_are_bounded() -> None:
    kept, calls = Traced(size=2, variants=3), list[dict[str, Any]]()
    walk = walker(calls)
    # Twenty values of `first` (1..20; over 10 `deep` is read, absent): each answer is
    # its value, and only 3 records are kept for the node.
    assert [kept.get(DOC, "x", {"n": n}, walk) for n in range(1, 21)] == list(range(1, 21))
    assert len(calls) == 20
    records = kept.kept.get((DOC,))
    assert records is not None and len(records) == 3
    # Three operations: the least recently used goes.
    others = [parse("{ a }"), parse("{ b }")]
    for node in others:
        kept.get(node, "x", {}, lambda v: 0)
    assert kept.kept.get((DOC,)) is None and len(list(kept.kept.items())) == 2
