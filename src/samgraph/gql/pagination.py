"""Cursor connections: opaque cursors and PageInfo, shared by every paged list."""

from __future__ import annotations

import base64
import binascii

import strawberry

from samgraph.errors import Problem, invalid

MAX_FIRST = 100
"""`first` is capped at 100 for every caller (OWASP: bound every list)."""

MAX_PAGE_TRUSTED = 5000
"""Built-in reports, which are trusted documents, read a whole portfolio in one page."""


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


def encode_cursor(kind: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{key}".encode()).decode()


def decode_cursor(kind: str, cursor: str, *, field: str = "after") -> str:
    """The key inside a cursor of `kind`; a clear error for anything else."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    if not text.startswith(f"{kind}:"):
        raise invalid([Problem(field, f"not a cursor returned by `{kind}s`")])
    return text.removeprefix(f"{kind}:")


def check_first(first: int, *, trusted: bool) -> None:
    cap = MAX_PAGE_TRUSTED if trusted else MAX_FIRST
    if not 1 <= first <= cap:
        raise invalid([Problem("first", f"must be between 1 and {cap} (the page size limit)")])
