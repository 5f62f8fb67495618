"""Pages of a list, without GraphQL: the page size check, opaque cursors, and `Page`,
one page cut in Cypher. Services use them; gql/pagination.py turns a page into a Relay
connection for the API."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from samgraph.errors import Problem, invalid

T = TypeVar("T")

MAX_FIRST = 100
"""`first` is capped at 100 for every caller (OWASP: bound every list)."""

MAX_PAGE_TRUSTED = 5000
"""Built-in reports, which are trusted documents, read a whole portfolio in one page."""


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
