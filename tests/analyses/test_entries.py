"""Every analysis of an account has one service entry (analyses/entries.py) that owns
"snapshot or compute" and declares its reads; Account's fields only shape the answer."""

from __future__ import annotations

import inspect

from strawberry.utils.str_converters import to_camel_case

from samgraph.analyses import entries
from samgraph.db.queries import queries as q
from samgraph.schema import schema


def _fields(test: str) -> set[str]:
    """Account's fields whose resolver's source holds `test`."""
    found = set()
    for field in schema.get_type_by_name("Account").fields:  # type: ignore[union-attr]
        func = field.base_resolver.wrapped_func if field.base_resolver else None
        if callable(func) and test in inspect.getsource(func):
            found.add(to_camel_case(field.python_name))
    return found


def test_each_analysis_field_of_account_calls_its_entry() -> None:
    # Every field answering a type of analyses/types.py calls an entry, but renewal (a
    # date sum, no read); overdueTouches answers Relationships and calls one too.
    analyses = _fields("strawberry.lazy(_ANALYSES)") - {"renewal"}
    calling = _fields("await entries.")
    assert analyses <= calling, analyses - calling
    assert calling == set(entries.READS), (calling, set(entries.READS))
    assert len(entries.READS) == 10


def test_a_drawing_holds_the_analyses_subgraph_so_it_is_read_once() -> None:
    # graph + coverage: the drawing's read alone; coverage + whitespace: two reads.
    today = [("graph", False), ("coverage", False)]
    assert entries.reads_of(today) == {q.analyses.account_drawing}
    assert entries.reads_of([("coverage", False), ("whitespace", False)]) == {
        q.analyses.account_graphs, q.analyses.whitespace_inputs,
    }  # fmt: skip
    assert entries.reads_of([("name", False), ("teams", False)]) == set()


def test_a_past_day_analysis_reads_the_drawing_not_the_subgraph() -> None:
    # coverage on a past day rebuilds the org from the drawing's recorded changes; the
    # whitespace grid has no day. Coverage today beside warm paths on a past day: the
    # drawing holds today's subgraph too, so it alone is read.
    assert entries.reads_of([("coverage", True), ("whitespace", True)]) == {
        q.analyses.account_drawing, q.analyses.whitespace_inputs,
    }  # fmt: skip
    assert entries.reads_of([("coverage", False), ("warmPaths", True)]) == {
        q.analyses.account_drawing
    }
