"""Validation with limits: fields per document, directives per field and per document,
and the number of validation errors a response may carry (graphql-core's `max_errors`).

Without them a document of 1,500 unknown directives inside the token limit
(`{ __typename @aa@aa@aa... }`) made 1,500 validation errors: work and bytes for
nothing (the "directive overloading" of scanners like graphql-cop). Now a document over
a directive cap gets one LIMIT_EXCEEDED error and no further validation, and any
document gets at most `max_errors` errors and graphql-core's "Too many validation
errors" (also LIMIT_EXCEEDED).

It replaces strawberry's ValidationCache (which cannot pass `max_errors`): results are
kept per (document, rules) in an LRU, as there, but by the document's identity
(gql/identity.py): its hash by value walked the whole tree, 11 us for the nested read,
each request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    Node,
    OperationDefinitionNode,
    validate,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from samgraph.gql.identity import ByIdentity

FIELDS_IN_DOCUMENT = "fields in the document"
DIRECTIVES_ON_NODE = "directives on one field"
DIRECTIVES_IN_DOCUMENT = "directives in the document"
TOO_MANY_ERRORS = "Too many validation errors"
Rules = tuple[type[ASTValidationRule], ...]


def child_nodes(node: Node) -> Iterator[Node]:
    """The AST nodes directly below `node` (graphql-core's `keys` of it)."""
    for key in node.keys:
        value = getattr(node, key, None)
        if isinstance(value, Node):
            yield value
        elif isinstance(value, tuple | list):
            yield from (v for v in value if isinstance(v, Node))


def _counts(document: DocumentNode) -> tuple[int, int, Node | None, int]:
    """(most directives on one node, directives in all, that node, fields in all)."""
    most, total, where, fields = 0, 0, None, 0
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        fields += isinstance(node, FieldNode)
        directives = getattr(node, "directives", None) or ()
        if len(directives) > most:
            most, where = len(directives), node
        total += len(directives)
        stack.extend(child_nodes(node))
    return most, total, where, fields


def validator(
    *,
    max_field_directives: int,
    max_directives: int,
    max_errors: int,
    cache_size: int,
    max_fields: int = 500,
) -> Callable[[GraphQLSchema, DocumentNode, Rules], list[GraphQLError]]:
    """A cached validate with the field and directive caps checked first (one linear
    walk: a document padded to miss the cache costs no validation over the caps)."""
    kept: ByIdentity[list[GraphQLError]] = ByIdentity(cache_size)

    def run(schema: GraphQLSchema, document: DocumentNode, rules: Rules) -> list[GraphQLError]:
        found = kept.get((schema, document), rules)
        if found is not None:
            return found
        return kept.put((schema, document), check(schema, document, rules), rules)

    def check(schema: GraphQLSchema, document: DocumentNode, rules: Rules) -> list[GraphQLError]:
        most, total, where, fields = _counts(document)
        if fields > max_fields:
            return [GraphQLError(f"{fields} {FIELDS_IN_DOCUMENT}: at most {max_fields} "
                                 "(SAMGRAPH_MAX_FIELDS)", extensions={"code": "LIMIT_EXCEEDED"})]  # fmt: skip
        if most > max_field_directives:
            return [GraphQLError(f"{most} {DIRECTIVES_ON_NODE}: at most {max_field_directives}",
                                 where, extensions={"code": "LIMIT_EXCEEDED"})]  # fmt: skip
        if total > max_directives:
            return [GraphQLError(f"{total} {DIRECTIVES_IN_DOCUMENT}: at most {max_directives}",
                                 extensions={"code": "LIMIT_EXCEEDED"})]  # fmt: skip
        every = (*rules, MaybeNullValidationRule, OneOfInputValidationRule)
        errors = validate(schema, document, every, max_errors=max_errors)
        for error in errors:
            if error.message.startswith(TOO_MANY_ERRORS):
                error.extensions = {**(error.extensions or {}), "code": "LIMIT_EXCEEDED"}
        return errors

    return run


class Validation(SchemaExtension):
    """Validate each document once (per process and document) under the limits."""

    def __init__(self, run: Callable[[GraphQLSchema, DocumentNode, Rules], list[GraphQLError]]) -> None:  # fmt: skip
        super().__init__()
        self.run = run

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        assert ec.graphql_document is not None
        errors = self.run(ec.schema._schema, ec.graphql_document, tuple(ec.validation_rules))
        operations = sum(
            isinstance(d, OperationDefinitionNode) for d in ec.graphql_document.definitions
        )
        if not errors and operations > 1 and ec._provided_operation_name is None:
            # graphql-core would refuse it; strawberry runs the first: neither is what
            # the caller meant (GraphQL over HTTP: a request error). The name as given:
            # strawberry's `operation_name` falls back to the first operation's.
            errors = [GraphQLError(
                f"the document holds {operations} operations: name the one to run with "
                "operationName", extensions={"code": "OPERATION_RESOLUTION_FAILURE"})]  # fmt: skip
        ec.pre_execution_errors = errors
        yield
