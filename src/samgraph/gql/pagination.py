"""Cursor connections for the API: PageInfo, Edge and Connection (the Relay spec), made
from a list read whole (`paginate`) or a page cut in Cypher (`connection`); the plain
cursors and page checks they use are samgraph/pages.py's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from samgraph.errors import Problem, invalid
from samgraph.pages import check_first, decode_cursor, encode_cursor

T = TypeVar("T")


@strawberry.type(description="Where a page sits in its list (the Relay connection spec).")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None
    has_previous_page: bool = strawberry.field(
        default=False, description="True when the page was asked `after` a cursor."
    )
    start_cursor: str | None = None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(
    description="A page of a list that grows with the portfolio: `first` items (1-100) "
    "`after` a cursor; `nodes` is the page without cursors, `edges` the same with them."
)
class Connection(Generic[T]):
    edges: list[Edge[T]]
    nodes: list[T]
    page_info: PageInfo
    total_count: int = strawberry.field(description="Items in the whole list, not the page.")


def paginate(
    items: Sequence[T],
    *,
    first: int,
    after: str | None,
    kind: str,
    key: Callable[[T], str] | None = None,
    trusted: bool = False,
) -> Connection[T]:
    """A page of an ordered list read whole. A cursor names its item by `key` (an id),
    so a page asked after it starts right behind that item even when the list changed
    in between; without `key`, by position."""
    check_first(first, trusted=trusted)
    keys = [key(i) if key else str(n) for n, i in enumerate(items)]
    start = 0
    if after is not None:
        wanted = decode_cursor(kind, after)
        if wanted not in keys:
            raise invalid([Problem("after", "cursor is not in this list any more")])
        start = keys.index(wanted) + 1
    return connection(
        list(items[start : start + first]), keys[start : start + first], kind=kind,
        has_next=start + first < len(items), has_previous=start > 0, total=len(items),
    )  # fmt: skip


def connection(
    page: list[T], keys: Sequence[str], *, kind: str, has_next: bool, has_previous: bool,
    total: int,
) -> Connection[T]:  # fmt: skip
    """A connection of one page already cut (in Cypher, or by `paginate`), its items
    named by `keys`."""
    cursors = [encode_cursor(kind, k) for k in keys]
    info = PageInfo(
        has_next_page=has_next, end_cursor=cursors[-1] if cursors else None,
        has_previous_page=has_previous, start_cursor=cursors[0] if cursors else None,
    )  # fmt: skip
    edges = [Edge(cursor=c, node=n) for c, n in zip(cursors, page, strict=True)]
    return Connection(edges=edges, nodes=page, page_info=info, total_count=total)
