"""Resolver helpers: nested fields load through the request's DataLoaders (no N+1)."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

from samgraph.context import Context
from samgraph.db.cypher import CypherQuery

Ctx = Info[Context, None]
"""What every resolver receives as `info`."""


R = TypeVar("R", covariant=True)


class RowType(Protocol[R]):
    """A strawberry type (the class itself): it makes its objects from rows."""

    def from_row(self, row: dict[str, Any], /) -> R: ...


class Later(Generic[R]):
    """A type of another domain, imported on first use: the run-time side of
    `strawberry.lazy`, so two domains' types can refer to each other without an
    import cycle (tests/test_architecture.py)."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name
        self._type: Any = None

    def get(self) -> type[R]:
        """The type itself (its module is imported on the first call)."""
        if self._type is None:
            self._type = getattr(importlib.import_module(self.module), self.name)
        found: type[R] = self._type
        return found


def start_loads(ctx: Context, queries: Iterable[CypherQuery], key: str) -> None:
    """Start loading `key` through each query's by-id DataLoader, not awaited: whoever
    needs the row later finds the load under way. Each outcome is marked as seen (if
    nobody awaits it, e.g. the account does not exist; a failure is reported by the
    field that awaits it)."""
    for query in sorted(queries, key=lambda x: x.name):
        loading = asyncio.ensure_future(ctx.loaders.one(query).load(key))
        loading.add_done_callback(_seen)


def _seen(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


async def load_one(info: Ctx, query: CypherQuery, key: str, kind: RowType[R]) -> R | None:
    """The node `key` through the request's by-id DataLoader for `query`."""
    row = await info.context.loaders.one(query).load(key)
    if row is None:
        return None
    return kind.from_row(row)


async def load_many(
    info: Ctx, query: CypherQuery, key: str, kind: RowType[R], **params: Any
) -> list[R]:
    """The children of `key` through the request's grouped DataLoader for `query`."""
    rows = await info.context.loaders.many(query, **params).load(key)
    return [kind.from_row(r) for r in rows]


def many_now(
    info: Ctx, query: CypherQuery, key: str, kind: RowType[R], **params: Any
) -> list[R] | Awaitable[list[R]]:
    """`load_many`, but answered on the spot when the rows are already loaded (a
    nested read primes them): a plain list instead of a coroutine spares the
    event loop a task per parent row. GraphQL awaits whichever it gets."""
    rows = info.context.loaders.many(query, **params).loaded(key)
    if rows is not None:
        return [kind.from_row(r) for r in rows]
    return load_many(info, query, key, kind, **params)


def selects_only(info: Ctx, allowed: frozenset[str]) -> bool:
    """Whether the field's selection (through fragments) asks for nothing but `allowed`
    subfields (and `__typename`): e.g. `whitespace { totals { ... } }`, which a stored
    snapshot answers without computing the grid."""

    def within(selections: Sequence[Selection]) -> bool:
        for sel in selections:
            if isinstance(sel, SelectedField):
                if sel.name not in allowed and sel.name != "__typename":
                    return False
            elif not within(sel.selections):  # a fragment: its own selections
                return False
        return True

    return all(within(f.selections) for f in info.selected_fields)
