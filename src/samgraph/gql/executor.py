"""The executor: graphql-core's, with plain leaves and plain objects answered directly.

Most of what a list of 2,000 accounts returns is plain leaves: an id, a name, a score,
an enum, read straight off a strawberry type with no resolver (strawberry's "basic
fields"). graphql-core executes each one like any field: it builds a resolve info,
reads the arguments, calls the resolver, checks for an awaitable and completes the
value through the non-null and leaf branches. For a basic field with no arguments
whose type is a scalar or an enum (or a non-null one), this executor reads the
attribute and coerces it with the type's own output coercion, and nothing else: the
same value, without the machinery. An object whose whole selection is such leaves
(and `__typename`), like each team of `teams { id name headcount }`, is made in one
step: no path, no per-field dispatch. A list of such objects (each cell of
`whitespace { cells { value } }`) is made in one loop the same way, rather than
completed item by item through graphql-core's list, non-null and object branches,
each with its path. Anything else (a resolver, arguments, a list of anything
else, a deferred fragment, a null in a non-null field, a value the type refuses, an
exception) takes graphql-core's path for that field or object, so errors, null
bubbling and locations are exactly as before.

docs/benchmarks.md measures it (bench/changes.py).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

# Per schema: (type name, field name) -> (read the value, coerce it, non-null), or None
# when the field is not a plain leaf.
Leaf = tuple[Callable[[Any], Any], Callable[[Any], Any], bool]
_LEAVES: weakref.WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], Leaf | None]] = (
    weakref.WeakKeyDictionary()
)
# A plain object's selection: (response name, leaf) per field; `__typename` as a constant.
Plan = list[tuple[str, Leaf]]


def _leaf_of(parent_type: GraphQLObjectType, name: str) -> Leaf | None:
    field = parent_type.fields.get(name)
    if field is None or field.args:
        return None
    definition = (field.extensions or {}).get("strawberry-definition")
    kind = get_nullable_type(field.type)
    if not isinstance(definition, StrawberryField) or not definition.is_basic_field:
        return None
    if not is_leaf_type(kind):
        return None
    resolver, attribute = definition.default_resolver, definition.python_name
    coerce = coercion(kind.name, kind.coerce_output_value)
    return (lambda source: resolver(source, attribute)), coerce, is_non_null_type(field.type)


_INT = 2**31


def coercion(scalar: str, coerce: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The type's output coercion, skipped for the values it returns unchanged (a str
    for String and ID, an int within 32 bits for Int, a finite float for Float, a bool
    for Boolean): most values, each spared a call through graphql-core's checks."""
    if scalar in ("String", "ID"):
        return lambda v: v if type(v) is str else coerce(v)
    if scalar == "Int":
        return lambda v: v if type(v) is int and -_INT <= v < _INT else coerce(v)
    if scalar == "Float":
        return lambda v: v if type(v) is float and math.isfinite(v) else coerce(v)
    if scalar == "Boolean":
        return lambda v: v if type(v) is bool else coerce(v)
    return coerce


class Refer(Exception):
    """A compiled root field handed back: graphql-core's path answers it."""


Compiler = Callable[["Executor", GraphQLField, Any], "Awaitable[Any] | None"]


def _typename(name: str) -> Leaf:
    return (lambda _: name), (lambda value: value), True


class Executor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor (as strawberry configures it), plain leaves answered
    directly, and objects whose selection is nothing but plain leaves made in one step."""

    # Root fields of Query compiled by their domain (accounts/compiled.py), by name: each
    # returns the field's finished answer to await, or None for graphql-core's path.
    compiled: Mapping[str, Compiler] = {}

    # Made on first use in each request (graphql-core's constructor is not ours to extend).
    _leaves: dict[tuple[str, str], Leaf | None]
    _plans: dict[tuple[GraphQLObjectType, int], tuple[Any, Plan | None]]

    def leaf(self, parent_type: GraphQLObjectType, name: str) -> Leaf | None:
        try:
            leaves = self._leaves
        except AttributeError:
            leaves = self._leaves = _LEAVES.setdefault(self.schema, {})
        key = (parent_type.name, name)
        if key not in leaves:
            leaves[key] = _typename(parent_type.name) if name == "__typename" else _leaf_of(parent_type, name)  # fmt: skip
        return leaves[key]

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        if self.compiled and parent_type is self.schema.query_type:
            compile_root = self.compiled.get(node.name.value)
            gql_field = parent_type.fields.get(node.name.value)
            if compile_root is not None and gql_field is not None:
                whole = compile_root(self, gql_field, field_details_list)
                if whole is not None:
                    args = (parent_type, source, field_details_list, path, position_context)
                    return self._compiled(whole, args)
        if not node.arguments:
            leaf = self.leaf(parent_type, node.name.value)
            if leaf is not None:
                answered = answer(leaf, source)
                if answered is not REFER:
                    return answered
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def collect_and_execute_subfields(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        plan = self.plan(return_type, field_details_list)
        if plan is not None:
            made = make(plan, result)
            if made is not REFER:
                return made
        return super().collect_and_execute_subfields(
            return_type, field_details_list, path, result, position_context
        )

    def complete_iterable_value(
        self,
        item_type: Any,
        field_details_list: Any,
        info: Any,
        path: Path,
        items: Any,
        position_context: Any,
    ) -> Any:
        whole = self.plain_list(item_type, field_details_list, path, items)
        if whole is not None:
            return whole
        return super().complete_iterable_value(
            item_type, field_details_list, info, path, items, position_context
        )

    def plain_list(
        self, item_type: Any, field_details_list: Any, path: Path, items: Any
    ) -> list[Any] | None:
        """A list (or tuple) of objects whose selection is plain leaves, made in one
        loop; None when graphql-core must complete it (another kind of item, a type
        with `is_type_of`, a streamed list, an awaitable, an exception or a null where
        the item type refuses one, a leaf it must answer)."""
        if type(items) is not list and type(items) is not tuple:
            return None
        non_null = is_non_null_type(item_type)
        kind = item_type.of_type if non_null else item_type
        if type(kind) is not GraphQLObjectType or kind.is_type_of is not None:
            return None
        plan = self.plan(kind, field_details_list)
        if plan is None or self.get_stream_usage(field_details_list, path) is not None:
            return None
        out: list[Any] = []
        for item in items:
            if item is None:
                if non_null:
                    return None
                out.append(None)
                continue
            made = REFER if isinstance(item, BaseException) else make(plan, item)
            if made is REFER:
                return None
            out.append(made)
        return out

    async def _compiled(self, whole: Awaitable[Any], args: tuple[Any, ...]) -> Any:
        """A compiled root field's answer; graphql-core's when it refers the field back."""
        try:
            return await whole
        except Refer:
            pass
        found = super().execute_field(*args)
        return await found if self.is_awaitable(found) else found

    def plan(self, return_type: GraphQLObjectType, field_details_list: Any) -> Plan | None:
        """The selection on `return_type` as plain leaves, or None (kept per selection, as
        graphql-core keeps the collected fields: by the identity of the field list)."""
        try:
            plans = self._plans
        except AttributeError:
            plans = self._plans = {}
        key = (return_type, id(field_details_list))
        if key not in plans:
            grouped, defer_usages, _ = self.collect_subfields(return_type, field_details_list)
            steps: Plan = []
            for response_name, details in grouped.items():
                node = details[0].node
                leaf = None if node.arguments else self.leaf(return_type, node.name.value)
                if leaf is None:
                    break
                steps.append((response_name, leaf))
            plan = steps if len(steps) == len(grouped) and not defer_usages else None
            plans[key] = (field_details_list, plan)
        return plans[key][1]


REFER = object()
"""Not answered here: graphql-core's own path answers it (and reports any error)."""


def answer(leaf: Leaf, source: Any) -> Any:
    """A plain leaf's value read off `source` and coerced, or REFER when graphql-core
    must answer it (a null in a non-null field, a value its type refuses)."""
    read, coerce, non_null = leaf
    try:
        value = read(source)
        if value is None:
            return REFER if non_null else None
        out = coerce(value)
    except Exception:  # graphql-core's path reports it, located
        return REFER
    return REFER if out is None or out is Undefined else out


def make(plan: Plan, source: Any) -> Any:
    """The object `plan` selects, its leaves read off `source`; REFER when one of them
    must be answered by graphql-core."""
    out: dict[str, Any] = {}
    for response_name, leaf in plan:
        answered = answer(leaf, source)
        if answered is REFER:
            return REFER
        out[response_name] = answered
    return out
