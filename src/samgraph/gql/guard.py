"""Operation-level checks, run once per request before any resolver: the caller's
role against the root fields asked for, and the query cost; after execution, the
audit line of every mutation. One pass over the document, no per-field hooks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
    value_from_ast_untyped,
)
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from samgraph.auth import audit
from samgraph.common import Role
from samgraph.errors import Forbidden, LimitExceeded, SamgraphError

# Root fields above the default role (VIEWER for queries, EDITOR for mutations).
ADMIN_FIELDS = frozenset({"apiKeys", "createApiKey", "revokeApiKey", "exportPerson", "erasePerson"})


def required_role(operation: str, field: str) -> Role:
    if field in ADMIN_FIELDS:
        return Role.ADMIN
    return Role.EDITOR if operation == "mutation" else Role.VIEWER


def fragments_of(document: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def root_fields(
    selection_set: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]
) -> Iterator[FieldNode]:
    """The root fields of an operation, through fragments (validation ruled out cycles)."""
    for sel in selection_set.selections:
        if isinstance(sel, FieldNode):
            yield sel
        elif isinstance(sel, InlineFragmentNode):
            yield from root_fields(sel.selection_set, fragments)
        elif isinstance(sel, FragmentSpreadNode) and sel.name.value in fragments:
            yield from root_fields(fragments[sel.name.value].selection_set, fragments)


class Cost:
    """Each selected field costs 1 per item of its parent. Under a field with `first`,
    items multiply by `first` (its page: `edges` and `nodes` are that page); under any
    other list field, by `list_size` (an estimate; most nested lists are short)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        list_size: int,
    ) -> None:
        self.schema, self.fragments, self.variables = schema, fragments, variables
        self.list_size = list_size

    def of(self, sel_set: SelectionSetNode, parent: Any, items: int, paged: bool = False) -> int:
        total = 0
        for sel in sel_set.selections:
            if isinstance(sel, FieldNode):
                total += self._field(sel, parent, items, paged)
            elif isinstance(sel, InlineFragmentNode):
                cond = sel.type_condition
                kind = self.schema.get_type(cond.name.value) if cond else parent
                total += self.of(sel.selection_set, kind, items, paged)
            elif isinstance(sel, FragmentSpreadNode) and sel.name.value in self.fragments:
                frag = self.fragments[sel.name.value]
                kind = self.schema.get_type(frag.type_condition.name.value)
                total += self.of(frag.selection_set, kind, items, paged)
        return total

    def _first(self, field: Any, node: FieldNode) -> int:
        """`first` as sent (literal or variable), else its default; at least 1."""
        value: Any = field.args["first"].default_value
        for arg in node.arguments or ():
            if arg.name.value == "first":
                value = value_from_ast_untyped(arg.value, self.variables)
        return max(value, 1) if isinstance(value, int) else 1

    def _field(self, node: FieldNode, parent: Any, items: int, paged: bool) -> int:
        if node.name.value.startswith("__"):
            return 0  # introspection and __typename: not data
        field = (
            parent.fields.get(node.name.value) if isinstance(parent, GraphQLObjectType) else None
        )
        if field is None:
            return items
        if node.selection_set is None:
            return items
        inner = items
        child_paged = False
        if "first" in field.args:
            inner, child_paged = items * self._first(field, node), True
        else:
            kind = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if isinstance(kind, GraphQLList) and not paged:
                inner = items * self.list_size
        return items + self.of(node.selection_set, get_named_type(field.type), inner, child_paged)


class Guard(SchemaExtension):
    """Role check and cost limit before execution; audit lines after mutations."""

    def on_execute(self) -> Iterator[None]:
        ec = self.execution_context
        ctx = ec.context
        document = ec.graphql_document
        op = get_operation_ast(document, ec.operation_name) if document else None
        if op is None or not hasattr(ctx, "principal"):
            yield
            return
        fragments = fragments_of(document)
        kind = op.operation.value
        fields = list(root_fields(op.selection_set, fragments))
        refusal = self._refusal(ctx, op, kind, fields, fragments)
        if refusal is not None:
            ec.result = ExecutionResult(
                data=None, errors=[GraphQLError(refusal.message, original_error=refusal)]
            )
            if kind == "mutation":
                for f in fields:
                    self._audit(ctx, f, "refused", refusal.code)
            yield
            return
        yield
        if kind == "mutation":
            failed = self._failed_fields(ec.result)
            for f in fields:
                key = (f.alias or f.name).value
                code = failed.get(key)
                self._audit(ctx, f, "ok" if key not in failed else "error", code)

    def _refusal(
        self,
        ctx: Any,
        op: OperationDefinitionNode,
        kind: str,
        fields: list[FieldNode],
        fragments: dict[str, FragmentDefinitionNode],
    ) -> SamgraphError | None:
        principal = ctx.principal
        for f in fields:
            name = f.name.value
            if name.startswith("__"):
                continue
            need = required_role(kind, name)
            if not principal.allows(need):
                return Forbidden(f"`{name}` needs the {need.value} role; this credential is "
                                 f"{principal.role.value}")  # fmt: skip
        if getattr(ctx, "trusted", False):
            return None
        schema = self.execution_context.schema._schema
        root = schema.get_root_type(op.operation)
        limit = ctx.settings.samgraph_max_cost
        cost = Cost(
            schema, fragments, self.execution_context.variables or {},
            ctx.settings.samgraph_list_size,
        ).of(op.selection_set, root, 1)  # fmt: skip
        self.cost = cost
        if cost > limit:
            err = LimitExceeded(
                f"query cost {cost} is over the limit of {limit} (SAMGRAPH_MAX_COST): "
                "ask for fewer items with `first` or fewer nested lists"
            )
            err.extensions.update(cost=cost, limit=limit)
            return err
        return None

    def get_results(self) -> dict[str, Any]:
        cost = getattr(self, "cost", None)
        return {"cost": cost} if cost is not None else {}

    @staticmethod
    def _failed_fields(result: Any) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in getattr(result, "errors", None) or []:
            if e.path:
                code = (e.extensions or {}).get("code") or "INTERNAL_SERVER_ERROR"
                out.setdefault(str(e.path[0]), str(code))
        return out

    def _audit(self, ctx: Any, node: FieldNode, outcome: str, code: str | None) -> None:
        args = self._arguments(node)
        audit.record(ctx, node.name.value, kind="mutation", accounts=audit.accounts_in(args),
                     outcome=outcome, code=code)  # fmt: skip

    def _arguments(self, node: FieldNode) -> dict[str, Any]:
        """The arguments as sent (GraphQL names, variables filled in)."""
        variables = self.execution_context.variables or {}
        args = {
            a.name.value: value_from_ast_untyped(a.value, variables) for a in node.arguments or ()
        }
        if node.name.value in ("deleteAccount", "upsertAccounts"):
            # An account's own id is its account.
            return {"accounts": args.get("input") or [{"id": args.get("id")}]}
        return args
