"""Values kept per parsed document (or its nodes) by identity, least recently used out.

ParserCache gives the same document object for the same query text, so what is derived
from a document (its validation, its cost, a compiled selection) can be kept by the
identity of its nodes: comparing them by value would hash the whole tree on every
request (graphql-core's nodes are frozen dataclasses that do not keep their hash). Each
entry holds its objects, so an identity is never reused while it is kept; a document
parsed again (out of ParserCache) is a new entry.
"""

from __future__ import annotations

import collections
from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class ByIdentity(Generic[V]):
    """At most `size` values, each under a tuple of objects compared by identity and a
    hashable key compared by value."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: collections.OrderedDict[Any, tuple[tuple[Any, ...], V]] = (
            collections.OrderedDict()
        )

    def get(self, objects: tuple[Any, ...], key: Hashable = None) -> V | None:
        """The value kept under `objects` and `key` (now the most recently used)."""
        slot = (tuple(map(id, objects)), key)
        entry = self._kept.get(slot)
        if entry is None or any(a is not b for a, b in zip(entry[0], objects, strict=True)):
            return None
        self._kept.move_to_end(slot)
        return entry[1]

    def put(self, objects: tuple[Any, ...], value: V, key: Hashable = None) -> V:
        """Keep `value` under `objects` and `key`; the least recently used goes past size."""
        slot = (tuple(map(id, objects)), key)
        self._kept[slot] = (objects, value)
        self._kept.move_to_end(slot)
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return value

    def items(self) -> Iterator[tuple[tuple[Any, ...], V]]:
        """(objects, value) of each kept entry, least recently used first."""
        return iter(list(self._kept.values()))
