"""Results of a walk over an operation that reads some of its variables, kept per
operation (gql/guard.py's cost and whether it needs the portfolio's size).

A walk is a function of the operation's nodes, some fixed inputs (`extra`: the schema,
the prices) and the values of the variables it reads. Each kept result records which
variables its walk read, in order, and their values; a later request whose variables
hold the same values for those names would take the same branches, read the same names
and reach the same result, so it is answered from the record. A variable the walk never
read (an account id) does not split the record; one it read (`first`, `asOf`, a filter)
does. An operation is kept by its node's identity (gql/identity.py), at most `size`
operations and `variants` records each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from graphql import Undefined

from samgraph.gql.identity import ByIdentity

T = TypeVar("T")


class Noting(dict[str, Any]):
    """The request's variables, noting each name a walk asks for (through `get`, as
    graphql-core's `value_from_ast_untyped` does). Always true: graphql-core answers
    Undefined without asking an empty mapping, and that answer depends on it being
    empty, so the ask is noted."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        super().__init__(values)
        self.read: dict[str, None] = {}

    def __bool__(self) -> bool:
        return True

    def get(self, name: str, default: Any = None) -> Any:
        self.read[name] = None
        return super().get(name, default)


def _values(variables: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str, ...]:
    # By repr: 1 and 1.0 and True take different branches; lists and objects are not
    # hashable.
    return tuple(repr(variables.get(n, Undefined)) for n in names)


class Traced:
    """Walk results per operation node, each with the variable values it read."""

    def __init__(self, size: int = 256, variants: int = 16) -> None:
        self.variants = variants
        self.kept: ByIdentity[list[tuple[Any, ...]]] = ByIdentity(size)

    def get(
        self, node: Any, extra: Any, variables: Mapping[str, Any] | None,
        walk: Callable[[Noting], T],
    ) -> T:  # fmt: skip
        """`walk(noting variables)` for `node`, or the kept result of an earlier walk
        that read the same values under the same `extra` (compared with ==)."""
        variables = variables or {}
        records = self.kept.get((node,))
        if records is None:
            records = self.kept.put((node,), [])
        for kept_extra, names, values, result in records:
            if kept_extra == extra and _values(variables, names) == values:
                found: T = result
                return found
        noting = Noting(variables)
        result = walk(noting)
        if len(records) < self.variants:
            names = tuple(noting.read)
            records.append((extra, names, _values(variables, names), result))
        return result
