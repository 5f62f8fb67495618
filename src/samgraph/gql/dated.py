"""Dated views carry dated ids, so a normalised client cache never mixes two dates.

Apollo Client's `InMemoryCache` and urql's Graphcache store every object under
`__typename` and `id`. `account(id: "gfc")` and `account(id: "gfc", asOf: "2026-06-01")`
would both be `Account:gfc`, and the second answer's argument-less `coverage` (and each
stakeholder's title of that day) would overwrite the first's. So, under a lookup given
`asOf` (`account`, `accounts`, `stakeholder`, `member`), every `id` in the answer
is `<id>@<asOf>`: `Account:gfc@2026-06-01` is its own cache entry, today's stays
`Account:gfc`. References to other objects (`stakeholderId`, `teamId`, `source`...)
stay plain, and so does every answer without a root `asOf`: the analyses' own `asOf`
argument (`coverage(asOf:)`, domain §11) is already part of the field's cache key.

A dated id is accepted wherever an ID is taken in variables: `@YYYY-MM-DD` is dropped,
so an id read from a dated view can be passed to `warmPaths(to:)` or a mutation as it
is. No stored id ends that way (common.Id refuses it).

Built-in and saved reports run their documents with plain ids (a CSV's ids are the
graph's): only the request's own execution is dated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLID,
    GraphQLInputType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_nullable_type,
    get_operation_ast,
    is_input_object_type,
    is_list_type,
    type_from_ast,
    value_from_ast,
)
from strawberry.extensions import SchemaExtension

from samgraph.common import DATED_ID

DATED_ROOTS = frozenset({"account", "accounts", "stakeholder", "member"})
"""The lookups whose `asOf` dates the objects they return. The analyses' own roots
(`plays`, `championMoves`, `portfolioGaps`, `overdueTouches`: domain §15-§18) answer
lists that are keyed by their arguments in a cache already, and their ids stay plain
as the contract gives them."""


def plain(value: str) -> str:
    """The id without its date: `s1@2026-06-01` -> `s1`."""
    found = DATED_ID.search(value)
    return value[: found.start()] if found else value


class DatedIds(SchemaExtension):
    """Drop the date of dated ids in the variables; date the ids of dated root fields."""

    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        document, schema = ec.graphql_document, self.execution_context.schema._schema
        operation = get_operation_ast(document, ec.operation_name) if document else None
        if operation is None:
            yield
            return
        if ec.variables and operation.variable_definitions:
            ec.variables = _plain_variables(schema, operation, ec.variables)
        yield
        ctx = ec.context
        if getattr(ctx, "prepaid", False) or getattr(ctx, "trusted", False):
            return  # a report's document: its rows keep the graph's ids
        result = ec.result
        data = getattr(result, "data", None)
        if not isinstance(data, dict):
            return
        for key, on in _dated_roots(schema, document, operation, ec.variables or {}):
            found = data.get(key)
            if found is not None:
                _date_ids(found, "@" + on.isoformat())


def _plain_variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, variables: dict[str, Any]
) -> dict[str, Any]:
    out = dict(variables)
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        kind = type_from_ast(schema, definition.type)
        if name in out and kind is not None:
            out[name] = _plain_value(kind, out[name])  # type: ignore[arg-type]
    return out


def _plain_value(kind: GraphQLInputType, value: Any) -> Any:
    kind = get_nullable_type(kind)  # type: ignore[assignment]
    if value is None:
        return None
    if is_list_type(kind):
        inner = kind.of_type
        return [_plain_value(inner, v) for v in value] if isinstance(value, list) else _plain_value(inner, value)  # fmt: skip
    if is_input_object_type(kind) and isinstance(value, dict):
        fields = kind.fields
        return {k: _plain_value(fields[k].type, v) if k in fields else v for k, v in value.items()}
    if kind is GraphQLID and isinstance(value, str):
        return plain(value)
    return value


def _dated_roots(
    schema: GraphQLSchema,
    document: Any,
    operation: OperationDefinitionNode,
    variables: dict[str, Any],
) -> Iterator[tuple[str, dt.date]]:
    """(response key, date) of each root field given a non-null `asOf`."""
    root = schema.get_root_type(operation.operation)
    if root is None:
        return
    defaults = {
        d.variable.name.value: value_from_ast(d.default_value, type_from_ast(schema, d.type))  # type: ignore[arg-type]
        for d in operation.variable_definitions or ()
        if d.default_value is not None
    }
    values = {**defaults, **variables}
    fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
    for node in _root_fields(operation.selection_set, fragments, set()):
        field = root.fields.get(node.name.value)
        if node.name.value not in DATED_ROOTS or field is None or "asOf" not in field.args:
            continue
        given = next((a for a in node.arguments or () if a.name.value == "asOf"), None)
        if given is None:
            continue
        on = value_from_ast(given.value, field.args["asOf"].type, values)
        if isinstance(on, str):  # a variable's value, not yet coerced
            try:
                on = dt.date.fromisoformat(on)
            except ValueError:
                continue
        if isinstance(on, dt.date):
            yield (node.alias or node.name).value, on


def _root_fields(
    selections: SelectionSetNode, fragments: dict[str, Any], seen: set[str]
) -> Iterator[FieldNode]:
    for node in selections.selections:
        if isinstance(node, FieldNode):
            yield node
        elif isinstance(node, InlineFragmentNode):
            yield from _root_fields(node.selection_set, fragments, seen)
        elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
            seen.add(node.name.value)
            fragment = fragments.get(node.name.value)
            if fragment is not None:
                yield from _root_fields(fragment.selection_set, fragments, seen)


def _date_ids(node: Any, suffix: str) -> None:
    if isinstance(node, list):
        for item in node:
            _date_ids(item, suffix)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                if not DATED_ID.search(value):  # a view with its own date keeps it
                    node[key] = value + suffix
            elif isinstance(value, dict | list):
                _date_ids(value, suffix)
