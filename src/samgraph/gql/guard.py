"""Operation-level checks, run once per request before any resolver: the caller's
role against the root fields asked for, and the query cost; after execution, the
audit line of every mutation. One pass over the document, no per-field hooks.

The cost prices work, not only items: an analysis of an account costs
SAMGRAPH_ANALYSIS_COST per account; a root field whose work grows with the portfolio
rather than with its page (portfolioGaps or an analysis-sorted account list on a past
date, exportBundle) costs that much per account it computes or exports; and a saved
query's run costs its document's cost (reports/service.py charges it). Every execution
of one request (a saved query's pages included) draws on the request's one budget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass
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
    Undefined,
    get_named_type,
    value_from_ast_untyped,
)
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from samgraph.auth import audit
from samgraph.common import Role
from samgraph.db.queries import queries
from samgraph.errors import Forbidden, LimitExceeded, SamgraphError
from samgraph.gql.slots import key_slots
from samgraph.gql.traced import Traced

# Reads audited when they run (auth/audit.py), and so when they are refused too.
AUDITED_READS = frozenset({"exportPerson", "exportBundle", "runSavedQuery"})

# Root fields above the default role (VIEWER for queries, EDITOR for mutations).
ADMIN_FIELDS = frozenset({
    "apiKeys", "createApiKey", "revokeApiKey", "exportPerson", "erasePerson",
    "webhookEndpoints", "webhookDeliveries", "createWebhookEndpoint", "deleteWebhookEndpoint",
    "redeliverWebhook",
})  # fmt: skip


def required_role(operation: str, field: str) -> Role:
    if field in ADMIN_FIELDS:
        return Role.ADMIN
    return Role.EDITOR if operation == "mutation" else Role.VIEWER


def fragments_of(document: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def with_defaults(op: OperationDefinitionNode, given: Mapping[str, Any] | None) -> dict[str, Any]:
    """The variables as `op` runs with them: one not given takes its default from the
    document, as graphql-core's coercion does. The cost must see them: `query($n: Int =
    100) { accounts(first: $n) ... }` sent without variables was priced as a page of 1
    (`$n` Undefined) and ran as a page of 100."""
    values = dict(given or {})
    for definition in op.variable_definitions or ():
        name = definition.variable.name.value
        if name not in values and definition.default_value is not None:
            values[name] = value_from_ast_untyped(definition.default_value)
    return values


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


ANALYSIS_FIELDS = frozenset({
    "coverage", "championBackups", "warmPaths", "influenceMap", "reachableWhitespace",
    "memberDependency", "graph", "whitespace", "plays", "orgChart",
})  # fmt: skip
"""Account fields computed by an analysis (§2-§17) rather than read."""

PORTFOLIO_FIELDS = frozenset({"portfolioGaps", "accounts", "exportBundle", "plays"})
"""Root fields that may compute or export the whole portfolio whatever their page."""

# Account orders and filters on an analysis value (the others read stored properties).
_ANALYSIS_SORTS = frozenset({"COVERAGE_SCORE", "REACHABLE_WHITESPACE"})
_ANALYSIS_FILTERS = frozenset({"maxCoverageScore", "hasGap"})


@dataclass(frozen=True)
class Prices:
    """What work costs beyond 1 per item (settings), and the caller's portfolio size."""

    analysis: int = 100
    export: int = 200
    portfolio: int | None = None  # None: not counted (no portfolio-wide field asked for)
    today: dt.date | None = None


class Cost:
    """Each selected field costs 1 per item of its parent. Under a field with `first`,
    items multiply by `first` (its page: `edges` and `nodes` are that page); under any
    other list field, by `list_size` (an estimate; most nested lists are short). An
    Account analysis field adds `prices.analysis` per account; a portfolio-wide root
    field adds its price per account of the portfolio (module docstring)."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        list_size: int,
        prices: Prices | None = None,
        *,
        items: bool = True,
    ) -> None:
        self.schema, self.fragments, self.variables = schema, fragments, variables
        self.list_size = list_size
        self.prices = prices or Prices()
        # False: only the work is priced, not each item (a built-in report answered
        # from the services prices its rows itself: reports/service.py).
        self.items = items
        self.root_past = False  # the root field being priced has a past asOf

    def _arg(self, node: FieldNode, name: str) -> Any:
        for arg in node.arguments or ():
            if arg.name.value == name:
                return value_from_ast_untyped(arg.value, self.variables)
        return None

    def _past(self, node: FieldNode) -> bool:
        day = self._arg(node, "asOf")  # a variable not given is Undefined: today
        return day is not None and day is not Undefined and str(day) != str(self.prices.today)

    def needs_portfolio(self, node: FieldNode) -> bool:
        """Whether pricing this (root) field needs the portfolio's size."""
        name = node.name.value
        if name == "exportBundle":
            return not isinstance(self._arg(node, "accountIds"), list)
        if name == "portfolioGaps":
            return self._past(node)
        if name == "plays":
            return self._past(node)
        if name != "accounts":
            return False
        first = self._arg(node, "first")
        big = isinstance(first, int) and first > 100  # a built-in report's whole list
        return big or (self._past(node) and self._on_analyses(node))

    def _on_analyses(self, node: FieldNode) -> bool:
        """An account list sorted or filtered on an analysis value."""
        filters = self._arg(node, "filter")
        derived = isinstance(filters, dict) and bool(_ANALYSIS_FILTERS & filters.keys())
        return derived or self._arg(node, "sortBy") in _ANALYSIS_SORTS

    def work(self, node: FieldNode, parent: Any, items: int) -> int:
        """The price of the analysis or portfolio-wide work a field asks for: an Account
        analysis computed on a past date (its own asOf or its root field's; today's
        figures are snapshot reads), or a portfolio-wide root field."""
        name, p = node.name.value, self.prices
        if isinstance(parent, GraphQLObjectType) and parent.name == "Account":
            computed = name in ANALYSIS_FIELDS and (self._past(node) or self.root_past)
            return items * p.analysis if computed else 0
        if parent is not self.schema.query_type:
            return 0
        self.root_past = self._past(node)
        if name not in PORTFOLIO_FIELDS:
            return 0
        if name == "exportBundle":
            ids = self._arg(node, "accountIds")
            return (len(ids) if isinstance(ids, list) else p.portfolio or 0) * p.export
        if name in ("portfolioGaps", "plays") and self._past(node):
            return (p.portfolio or 0) * p.analysis
        if name == "accounts" and self._past(node) and self._on_analyses(node):
            return (p.portfolio or 0) * p.analysis
        return 0

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
        counted = items if self.items else 0
        if field is None:
            return counted
        items_cost = counted + self.work(node, parent, items)
        if node.selection_set is None:
            return items_cost
        inner = items
        child_paged = False
        if "first" in field.args:
            page = self._first(field, node)
            portfolio = self.prices.portfolio
            root = parent is self.schema.query_type
            if root and node.name.value == "accounts" and portfolio is not None:
                page = max(1, min(page, portfolio))  # no page holds more than there are
            inner, child_paged = items * page, True
        else:
            kind = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if isinstance(kind, GraphQLList) and not paged:
                inner = items * self.list_size
        return items_cost + self.of(
            node.selection_set, get_named_type(field.type), inner, child_paged
        )


async def portfolio_size(ctx: Any) -> int:
    """How many accounts the caller sees: a bound key's scope, else one count (Neo4j
    answers a label count from its count store)."""
    accounts = ctx.principal.scope.accounts
    if accounts is not None:
        return len(accounts)
    rows = await ctx.db.read(queries.accounts.count_accounts, account_ids=None)
    return int(rows[0]["accounts"])


# Per document and per operation: whether it needs the portfolio's size, and its cost,
# by the values of the variables each walk read (gql/traced.py).
_WIDE, _COSTS = Traced(), Traced()


async def prices_for(ctx: Any, document: Any, variables: dict[str, Any]) -> Prices:
    """The prices of a request; the portfolio is counted (one read) only when a root
    field's work depends on it (`Cost.needs_portfolio`)."""
    s = ctx.settings
    schema, today = ctx.schema._schema, s.today()

    def walk(noting: dict[str, Any]) -> bool:
        probe = Cost(schema, {}, noting, s.samgraph_list_size, Prices(today=today))
        # Portfolio-wide fields are root fields: only those are looked at (through
        # fragments).
        fragments = fragments_of(document)
        return any(probe.needs_portfolio(f)
                   for d in document.definitions if isinstance(d, OperationDefinitionNode)
                   for f in root_fields(d.selection_set, fragments))  # fmt: skip

    wide = _WIDE.get(document, (schema, today), variables, walk)
    return Prices(s.samgraph_analysis_cost, s.samgraph_export_cost,
                  await portfolio_size(ctx) if wide else None, today)  # fmt: skip


def charge(ctx: Any, cost: int) -> LimitExceeded | None:
    """Draw `cost` from the request's budget (SAMGRAPH_MAX_COST for all its executions);
    the refusal when it is over."""
    limit = ctx.settings.samgraph_max_cost
    spent = ctx.budget.spent + cost
    if spent > limit:
        err = LimitExceeded(
            f"query cost {spent} is over the limit of {limit} (SAMGRAPH_MAX_COST): ask for "
            "fewer items with `first`, fewer nested lists or analyses, or a smaller portfolio"
        )
        err.extensions.update(cost=spent, limit=limit)
        return err
    ctx.budget.spent = spent
    return None


def refuse(ec: Any, error: GraphQLError) -> None:
    """Answer `error` instead of executing, from an extension's `on_execute`. A query or
    mutation takes it as its result; strawberry ignores a result set before a
    subscription starts (it would run anyway), so a subscription's refusal is raised,
    which strawberry sends as the operation's error."""
    if ec.operation_type is OperationType.SUBSCRIPTION:
        raise error
    ec.result = ExecutionResult(data=None, errors=[error])


class Guard(SchemaExtension):
    """Role check and cost limit before execution; audit lines after mutations."""

    async def on_execute(self) -> AsyncIterator[None]:
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
        self.variables = with_defaults(op, ec.variables)
        recheck = getattr(ctx, "recheck", None)
        refused = await recheck() if recheck is not None else None  # a WebSocket's operation
        if refused is not None:
            self._audit_refusal(ctx, kind, fields, refused.code)
            refuse(ec, GraphQLError(refused.message, original_error=refused))
            yield
            return
        prices = None
        if not (getattr(ctx, "trusted", False) or getattr(ctx, "prepaid", False)):
            ctx.budget.spent = 0  # a new operation (a WebSocket's context serves many)
            try:
                prices = await prices_for(ctx, document, self.variables)
            except SamgraphError as exc:
                refuse(ec, GraphQLError(exc.message, original_error=exc))
                yield
                return
        refusal = self._refusal(ctx, op, kind, fields, fragments, prices)
        if refusal is not None:
            self._audit_refusal(ctx, kind, fields, refusal.code)
            refuse(ec, GraphQLError(refusal.message, original_error=refusal))
            yield
            return
        # A user's operation: its time budget (each of a socket's operations has its
        # own), then one of its credential's slots; a saved query's run inside a request
        # already holds both.
        slots = None
        if not getattr(ctx, "prepaid", False) and getattr(ctx, "db", None) is not None:
            if recheck is not None:
                ctx.db.deadline.start(ctx.settings.samgraph_request_seconds)
            slots = key_slots(ctx.settings.samgraph_key_concurrency)
            try:
                await slots.acquire(ctx.principal.actor, ctx.db.deadline)
            except LimitExceeded as exc:
                self._audit_refusal(ctx, kind, fields, exc.code)
                refuse(ec, GraphQLError(exc.message, original_error=exc))
                yield
                return
        try:
            yield
        finally:
            if slots is not None:
                slots.release(ctx.principal.actor)
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
        prices: Prices | None,
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
        if prices is None:  # a built-in report, or a saved query's run already charged
            return None
        schema = self.execution_context.schema._schema
        root = schema.get_root_type(op.operation)
        size = ctx.settings.samgraph_list_size

        def walk(noting: dict[str, Any]) -> int:
            return Cost(schema, fragments, noting, size, prices).of(op.selection_set, root, 1)

        cost = _COSTS.get(op, (schema, size, prices), self.variables, walk)
        self.cost = cost
        return charge(ctx, cost)

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

    def _audit_refusal(self, ctx: Any, kind: str, fields: list[FieldNode], code: str) -> None:
        """A refused mutation, or a refused read of what is audited when it runs (exports
        and report runs), leaves its audit line with the refusal's code."""
        for f in fields:
            if kind == "mutation":
                self._audit(ctx, f, "refused", code)
            elif f.name.value in AUDITED_READS:
                self._audit(ctx, f, "refused", code, kind="export")

    def _audit(
        self, ctx: Any, node: FieldNode, outcome: str, code: str | None, kind: str = "mutation"
    ) -> None:
        args = self._arguments(node)
        audit.record(ctx, node.name.value, kind=kind, accounts=audit.accounts_in(args),
                     outcome=outcome, code=code)  # fmt: skip

    def _arguments(self, node: FieldNode) -> dict[str, Any]:
        """The arguments as sent (GraphQL names, variables and their defaults filled in)."""
        args = {
            a.name.value: value_from_ast_untyped(a.value, self.variables)
            for a in node.arguments or ()
        }
        if node.name.value in ("deleteAccount", "upsertAccounts"):
            # An account's own id is its account.
            return {"accounts": args.get("input") or [{"id": args.get("id")}]}
        return args
