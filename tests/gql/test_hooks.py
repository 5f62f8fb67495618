"""Extension hooks looked up once per class (gql/hooks.py): the same hooks run, in the
same order, with the same instance each, as under strawberry's own runner."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.extensions.runner import SchemaExtensionsRunner
from strawberry.types import ExecutionContext

from samgraph.gql import hooks

SEEN: list[tuple[str, str, int]] = []


class SyncHooks(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        SEEN.append(("sync", "operation in", id(self)))
        yield
        SEEN.append(("sync", "operation out", id(self)))

    def on_execute(self) -> Iterator[None]:
        SEEN.append(("sync", "execute in", id(self)))
        yield
        SEEN.append(("sync", "execute out", id(self)))


class AsyncHooks(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        SEEN.append(("async", "execute in", id(self)))
        yield
        SEEN.append(("async", "execute out", id(self)))

    async def on_validate(self) -> AsyncIterator[None]:
        SEEN.append(("async", "validate in", id(self)))
        yield
        SEEN.append(("async", "validate out", id(self)))


class PlainHook(SchemaExtension):
    def on_parse(self) -> None:  # type: ignore[override]  # a plain function hook
        SEEN.append(("plain", "parse", id(self)))


class Refuses(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        SEEN.append(("refuses", "execute in", id(self)))
        if SEEN:  # always: a generator hook that refuses before its yield
            raise ValueError("refused before execution")
        yield


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        SEEN.append(("resolver", "hello", 0))
        return "world"


class Looked(strawberry.Schema):
    def create_extensions_runner(
        self, execution_context: ExecutionContext, extensions: list[SchemaExtension]
    ) -> SchemaExtensionsRunner:
        return hooks.Runner(execution_context=execution_context, extensions=extensions)


def _normalised(seen: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Instance ids replaced by their order of appearance (each request has its own)."""
    order: dict[int, int] = {}
    return [(who, what, order.setdefault(ident, len(order))) for who, what, ident in seen]


async def _run(kind: type[strawberry.Schema], extensions: list[Any]) -> tuple[Any, list[Any]]:
    """Two requests: their results, and what each saw (its instances numbered in order)."""
    schema = kind(query=Query, extensions=extensions)
    results, seen = [], []
    for _ in range(2):
        SEEN.clear()
        results.append(await schema.execute("{ hello }"))
        seen.append(_normalised(SEEN))
        instances = {ident for _, _, ident in SEEN if ident}
    return results, [*seen, len(instances)]


async def test_the_hooks_run_as_under_strawberry_s_runner() -> None:
    extensions = [SyncHooks, AsyncHooks, PlainHook, SyncHooks]
    ours, ours_seen = await _run(Looked, extensions)
    theirs, theirs_seen = await _run(strawberry.Schema, extensions)
    assert [r.data for r in ours] == [r.data for r in theirs] == [{"hello": "world"}] * 2
    assert ours_seen == theirs_seen
    # The order itself, for one request: operation hooks first in, last out; the plain
    # hook at parse; the executing hooks around the resolver, in the extensions' order.
    first = ours_seen[0]
    assert [(who, what) for who, what, _ in first] == [
        ("sync", "operation in"), ("sync", "operation in"), ("plain", "parse"),
        ("async", "validate in"), ("async", "validate out"),
        ("sync", "execute in"), ("async", "execute in"), ("sync", "execute in"),
        ("resolver", "hello"),
        ("sync", "execute out"), ("async", "execute out"), ("sync", "execute out"),
        ("sync", "operation out"), ("sync", "operation out"),
    ]  # fmt: skip
    # Each hook ran on its own request's instance: the two SyncHooks are two instances
    # (and the async and plain hooks' two more).
    assert len({i for who, _, i in first if who == "sync"}) == 2
    assert ours_seen[2] == 4
    # Looked up once per (classes, hook), then reused: on_execute lists both SyncHooks
    # and the AsyncHooks, not PlainHook (it has none); its plain on_parse is left to
    # strawberry's own wrapper.
    kinds = tuple(extensions)
    assert [i for i, *_ in hooks._TABLES[(kinds, "on_execute")]] == [0, 1, 3]
    assert [(i, f) for i, f, _ in hooks._TABLES[(kinds, "on_parse")]] == [(2, hooks._PLAIN)]


async def test_a_hook_that_raises_fails_the_request_as_under_strawberry_s_runner() -> None:
    ours, ours_seen = await _run(Looked, [SyncHooks, Refuses])
    theirs, theirs_seen = await _run(strawberry.Schema, [SyncHooks, Refuses])
    assert ours_seen == theirs_seen
    assert ("resolver", "hello", 0) not in ours_seen
    assert [(r.data, [e.message for e in r.errors or []]) for r in ours] == [
        (r.data, [e.message for e in r.errors or []]) for r in theirs
    ]
    assert ours[0].errors and "refused before execution" in ours[0].errors[0].message


def test_samgraph_s_schema_runs_its_hooks_through_this_runner() -> None:
    from samgraph.schema import SamgraphSchema

    runner = SamgraphSchema.create_extensions_runner(None, None, [])  # type: ignore[arg-type]
    assert type(runner) is hooks.Runner
