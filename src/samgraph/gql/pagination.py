"""Cursor connections: opaque cursors and PageInfo, shared by every paged list."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry

from samgraph.errors import Problem, invalid

T = TypeVar("T")

MAX_FIRST = 100
"""`first` is capped at 100 for every caller (OWASP: bound every list)."""

MAX_PAGE_TRUSTED = 5000
"""Built-in reports, which are trusted documents, read a whole portfolio in one page."""


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


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list cut in Cypher: its rows (at most `first`), whether more follow,
    and the whole list's count."""

    rows: list[T]
    has_next: bool
    total: int


def page_of(
    record: Mapping[str, Any], first: int, shape: Callable[[Any], T] | None = None, *,
    noun: str = "list",
) -> Page[T]:  # fmt: skip
    """The page a page query answered in one record (`cursorFound`, `total`, and `page`:
    up to `first` + 1 rows, the extra one saying a next page exists), each row through
    `shape`; the `after` error when the cursor's item is gone."""
    if not record["cursorFound"]:
        raise invalid([Problem("after", f"cursor is not in this {noun} any more")])
    found = record["page"]
    rows = [shape(r) for r in found[:first]] if shape else list(found[:first])
    return Page(rows, has_next=len(found) > first, total=record["total"])


def encode_cursor(kind: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{key}".encode()).decode()


def decode_cursor(kind: str, cursor: str, *, field: str = "after") -> str:
    """The key inside a cursor of `kind`; a clear error for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith(f"{kind}:"):
        raise invalid([Problem(field, f"not a cursor of this list ({kind})")])
    return text.removeprefix(f"{kind}:")


def check_first(first: int, *, trusted: bool) -> None:
    cap = MAX_PAGE_TRUSTED if trusted else MAX_FIRST
    if not 1 <= first <= cap:
        raise invalid([Problem("first", f"must be between 1 and {cap} (the page size limit)")])
