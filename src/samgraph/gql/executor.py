"""The executor: graphql-core's, with plain leaf fields answered directly.

Most of what a list of 2,000 accounts returns is plain leaves: an id, a name, a score,
an enum, read straight off a strawberry type with no resolver (strawberry's "basic
fields"). graphql-core executes each one like any field: it builds a resolve info,
reads the arguments, calls the resolver, checks for an awaitable and completes the
value through the non-null and leaf branches. For a basic field with no arguments
whose type is a scalar or an enum (or a non-null one), this executor reads the
attribute and coerces it with the type's own output coercion, and nothing else: the
same value, without the machinery. Anything else (a resolver, arguments, a list, an
object, a null, a value the type refuses, an exception) takes graphql-core's path, so
errors, null bubbling and locations are exactly as before.

docs/benchmarks.md measures it (bench/changes.py).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema, Undefined, get_nullable_type, is_leaf_type
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

# Per schema: (type name, field name) -> (read the value, coerce it), or None when the
# field is not a plain leaf.
Leaf = tuple[Callable[[Any], Any], Callable[[Any], Any]]
_LEAVES: weakref.WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], Leaf | None]] = (
    weakref.WeakKeyDictionary()
)


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
    return (lambda source: resolver(source, attribute)), kind.coerce_output_value


class Executor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor (as strawberry configures it), plain leaves answered directly."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        if not node.arguments:
            leaves = _LEAVES.setdefault(self.schema, {})
            key = (parent_type.name, node.name.value)
            if key not in leaves:
                leaves[key] = _leaf_of(parent_type, node.name.value)
            leaf = leaves[key]
            if leaf is not None:
                read, coerce = leaf
                try:
                    value = read(source)
                    if value is not None:
                        out = coerce(value)
                        if out is not None and out is not Undefined:
                            return out
                except Exception:  # graphql-core's path below reports it, located
                    pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )
