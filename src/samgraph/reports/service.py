"""Saved queries: validated against the schema when saved, run by name with variables.

Built-in reports ship as `.graphql` files beside this module (their first `#` line
is the description); their names are reserved. Only queries can be saved: a
mutation or subscription is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSyntaxError,
    ListTypeNode,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    TypeNode,
    parse,
    print_ast,
    validate,
    value_from_ast_untyped,
)

from samgraph.auth.principal import SYSTEM, Principal
from samgraph.common import Role
from samgraph.context import Context
from samgraph.db.driver import Db
from samgraph.db.queries import queries
from samgraph.errors import Forbidden, InvalidInput, NotFound, Problem, SamgraphError, invalid
from samgraph.gql.guard import Cost, charge, fragments_of, prices_for, with_defaults
from samgraph.pages import MAX_FIRST
from samgraph.reports import csvout, direct, paging

if TYPE_CHECKING:
    import strawberry

BUILTIN_DIR = Path(__file__).resolve().parent / "builtin"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_DOCUMENT = 20_000


class ReportFailed(SamgraphError):
    """A report's field failed while running (not the caller's input): HTTP 500."""

    code = "REPORT_FAILED"


@dataclass(frozen=True)
class Ran:
    """A report's data, and the lists in it that returned fewer rows than their total."""

    data: dict[str, Any]
    cut: list[paging.Cut]
    document: str = ""  # the report's query: its table's columns (csvout.shape_of)

    def shape(self, schema: strawberry.Schema, *, explode: bool) -> csvout.Shape | None:
        """The columns its CSV or XLSX has, even with no rows."""
        return (
            csvout.shape_of(schema._schema, parse(self.document), explode=explode)
            if self.document
            else None
        )


@dataclass(frozen=True)
class SavedQuery:
    name: str
    document: str
    description: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)
    builtin: bool = False
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    owner: str | None = None
    shared: bool = False

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SavedQuery:
        return cls(
            name=row["name"], document=row["document"], description=row.get("description"),
            variables=orjson.loads(row.get("variables") or "{}"),
            created_at=row.get("createdAt"), updated_at=row.get("updatedAt"),
            owner=row.get("owner"), shared=bool(row.get("shared")),
        )  # fmt: skip

    def visible_to(self, principal: Principal) -> bool:
        """Built-in reports and shared queries are everyone's; a private one is its
        owner's (and an unbound ADMIN's, who manages them all)."""
        return (
            self.builtin
            or self.shared
            or self.owner in (None, principal.actor)
            or _manager(principal)
        )


def _manager(principal: Principal) -> bool:
    """An unbound ADMIN: the only credential that manages what others own."""
    return principal.allows(Role.ADMIN) and principal.member_id is None


@functools.cache
def builtin_reports() -> dict[str, SavedQuery]:
    """The shipped reports, by name."""
    out = {}
    for path in sorted(BUILTIN_DIR.glob("*.graphql")):
        text = path.read_text()
        first = text.splitlines()[0] if text else ""
        description = first[1:].strip() if first.startswith("#") else None
        out[path.stem] = SavedQuery(path.stem, text, description, builtin=True)
    return out


def check_document(schema: strawberry.Schema, document: str) -> OperationDefinitionNode:
    """Parse and validate against the schema; exactly one operation, and a query."""
    if len(document) > MAX_DOCUMENT:
        raise invalid([Problem("document", f"at most {MAX_DOCUMENT} characters")])
    try:
        doc = parse(document)
    except GraphQLSyntaxError as exc:
        raise invalid(
            [Problem("document", f"syntax error: {exc.message} at {_where(exc)}")]
        ) from None
    ops = [d for d in doc.definitions if isinstance(d, OperationDefinitionNode)]
    if len(ops) != 1:
        raise invalid([Problem("document", f"needs exactly one operation, found {len(ops)}")])
    if ops[0].operation != OperationType.QUERY:
        raise invalid(
            [Problem("document", f"only queries can be saved, not a {ops[0].operation.value}")]
        )
    errors = validate(schema._schema, doc)
    if errors:
        raise invalid([Problem("document", f"{e.message} at {_where(e)}") for e in errors])
    refuse_nesting(doc)
    return ops[0]


NOT_IN_SAVED = frozenset({"runSavedQuery"})
"""Fields a saved query may not select: a saved query calling saved queries (itself, or
a ping/pong pair) would run without end, or multiply its cost unseen."""


def refuse_nesting(document: DocumentNode) -> None:
    """Refuse a saved document that selects `runSavedQuery` (anywhere, fragments too)."""
    for definition in document.definitions:
        for node in _fields(getattr(definition, "selection_set", None)):
            if node.name.value in NOT_IN_SAVED:
                raise invalid([Problem("document", f"`{node.name.value}` cannot be used "
                                       "inside a saved query: a saved query may not run saved "
                                       "queries")])  # fmt: skip


def _where(error: GraphQLError) -> str:
    locs = error.locations or []
    return ", ".join(f"line {loc.line} column {loc.column}" for loc in locs) or "?"


def _check_name(name: str) -> None:
    if not NAME.match(name):
        raise invalid(
            [
                Problem(
                    "name", "lower-case letters, digits, - and _, at most 64, starting alphanumeric"
                )
            ]
        )


def _may_change(principal: Principal, saved: SavedQuery) -> None:
    """Saved queries of others are changed or deleted by an unbound ADMIN only; a private
    one reads as missing to anyone else."""
    if saved.owner in (None, principal.actor) or _manager(principal):
        return
    if not saved.visible_to(principal):
        raise NotFound(f"no saved query {saved.name!r}", [Problem("name", "not found")])
    raise Forbidden(f"saved query {saved.name!r} belongs to another credential; "
                    "needs an ADMIN key bound to no member")  # fmt: skip


async def save(
    db: Db, *, schema: strawberry.Schema, name: str, document: str, description: str | None,
    variables: Any, principal: Principal = SYSTEM, shared: bool = False,
) -> SavedQuery:  # fmt: skip
    _check_name(name)
    if name in builtin_reports():
        raise invalid([Problem("name", f"{name!r} is a built-in report")])
    if variables is not None and not isinstance(variables, dict):
        raise invalid([Problem("variables", "must be a JSON object of default values")])
    if description is not None and len(description) > 2000:
        raise invalid([Problem("description", "at most 2000 characters")])
    _check_pages(check_document(schema, document), variables or {})
    existing = await db.read(queries.reports.get_saved_query, name=name)
    if existing:
        _may_change(principal, SavedQuery.from_row(existing[0]["item"]))
    rows = await db.write(
        queries.reports.save_query, name=name, document=document, description=description,
        variables=orjson.dumps(variables or {}).decode(), owner=principal.actor, shared=shared,
    )  # fmt: skip
    return SavedQuery.from_row(rows[0]["item"])


def _check_pages(op: OperationDefinitionNode, defaults: dict[str, Any]) -> None:
    """A `first` over the page cap fails at save time, not every time the report runs."""
    problems = []
    for node in _fields(op.selection_set):
        for arg in node.arguments or ():
            if arg.name.value == "first":
                value = value_from_ast_untyped(arg.value, defaults)
                if isinstance(value, int) and value > MAX_FIRST:
                    problems.append(Problem("document", f"{node.name.value}(first: {value}) is "
                                            f"over the page size limit of {MAX_FIRST}"))  # fmt: skip
    if problems:
        raise invalid(problems)


def _fields(selection_set: Any) -> Iterator[FieldNode]:
    for sel in getattr(selection_set, "selections", None) or ():
        if isinstance(sel, FieldNode):
            yield sel
        yield from _fields(getattr(sel, "selection_set", None))


async def list_all(db: Db, principal: Principal = SYSTEM) -> list[SavedQuery]:
    """The built-in reports, then the saved queries the caller may see, by name."""
    saved = [SavedQuery.from_row(r["item"]) for r in await db.read(queries.reports.list_saved_queries)]  # fmt: skip
    return [*builtin_reports().values(), *(q for q in saved if q.visible_to(principal))]


async def get(db: Db, name: str, principal: Principal = SYSTEM) -> SavedQuery:
    """A built-in report or a saved query the caller may see (another's private one reads
    as missing)."""
    if name in builtin_reports():
        return builtin_reports()[name]
    rows = await db.read(queries.reports.get_saved_query, name=name)
    found = SavedQuery.from_row(rows[0]["item"]) if rows else None
    if found is None or not found.visible_to(principal):
        raise NotFound(f"no saved query {name!r}", [Problem("name", "not found")])
    return found


async def delete(db: Db, name: str, *, principal: Principal = SYSTEM) -> bool:
    if name in builtin_reports():
        raise invalid([Problem("name", f"{name!r} is a built-in report and cannot be deleted")])
    existing = await db.read(queries.reports.get_saved_query, name=name)
    if existing:
        try:
            _may_change(principal, SavedQuery.from_row(existing[0]["item"]))
        except NotFound:
            return False  # another's private query: as if there were none
    rows = await db.write(queries.reports.delete_saved_query, name=name)
    return bool(rows and rows[0]["existed"])


def _coerce(name: str, type_node: TypeNode, values: list[str]) -> Any:
    """A URL parameter's text as the variable's GraphQL type (lists: repeat the parameter)."""
    if isinstance(type_node, NonNullTypeNode):
        type_node = type_node.type
    if isinstance(type_node, ListTypeNode):
        return [_coerce(name, type_node.type, [v]) for v in values]
    assert isinstance(type_node, NamedTypeNode)
    kind, text = type_node.name.value, values[-1]
    try:
        if kind == "Int":
            return int(text)
        if kind == "Float":
            return float(text)
        if kind == "Boolean":
            if text.lower() not in ("true", "false", "1", "0"):
                raise ValueError(text)
            return text.lower() in ("true", "1")
        if kind == "JSON":
            return orjson.loads(text)
    except (ValueError, orjson.JSONDecodeError):
        raise invalid([Problem(name, f"{text!r} is not a valid {kind}")]) from None
    return text


def variables_from_params(
    schema: strawberry.Schema, document: str, params: dict[str, list[str]]
) -> tuple[dict[str, Any], list[str]]:
    """Turn `?var=value` parameters into typed variables of the query; parameters the
    query does not declare are returned apart (ignored, with a warning to the caller:
    a dashboard link that adds `?asOf=` to every report must not break those without)."""
    op = check_document(schema, document)
    defs = {v.variable.name.value: v.type for v in op.variable_definitions or ()}
    unknown = sorted(set(params) - set(defs))
    return {k: _coerce(k, defs[k], v) for k, v in params.items() if k in defs}, unknown


def parameters(schema: strawberry.Schema, saved: SavedQuery) -> list[dict[str, Any]]:
    """A report's variables: name, GraphQL type, saved default (for `GET /reports`)."""
    op = check_document(schema, saved.document)
    return [
        {"name": v.variable.name.value, "type": print_ast(v.type),
         "required": isinstance(v.type, NonNullTypeNode) and v.default_value is None,
         "default": saved.variables.get(v.variable.name.value)}
        for v in op.variable_definitions or ()
    ]  # fmt: skip


def describe(schema: strawberry.Schema, saved: SavedQuery) -> dict[str, Any]:
    """What `GET /reports` and `samgraph reports list` tell of one report."""
    return {"name": saved.name, "description": saved.description, "builtin": saved.builtin,
            "url": f"/reports/{saved.name}", "parameters": parameters(schema, saved)}  # fmt: skip


async def run(
    ctx: Context,
    name: str,
    *,
    variables: dict[str, Any] | None = None,
    params: dict[str, list[str]] | None = None,
    saved: SavedQuery | None = None,
) -> Ran:
    """Run a saved or built-in query; its saved variables are defaults for the given ones.
    It runs through the request's own schema, with the caller's role, scope and limits.
    `saved` is the query when the caller already read it."""
    schema = ctx.schema
    saved = saved or await get(ctx.db, name, ctx.principal)
    if saved.builtin:
        ctx = ctx.as_trusted()
    if params:
        given, _ = variables_from_params(schema, saved.document, params)
    else:
        given = variables or {}
    if not isinstance(given, dict):
        raise invalid([Problem("variables", "must be a JSON object")])
    values = {**saved.variables, **given}
    document = parse(saved.document)
    refuse_nesting(document)  # also for documents saved before the rule
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    prepared = paging.prepare(schema._schema, document, operation)
    start = {v: None for v in prepared.whole.values()}
    priced = with_defaults(prepared.operation, {**values, **start})
    # The run costs its document's cost (its first page), drawn from the request's budget
    # with whatever else it asked for: 30 aliased runs cost 30 documents. Its pages then
    # run prepaid.
    # A built-in report answered from the services (reports/direct.py) costs its rows
    # (one each, however many columns) and the analyses it computes on a past date,
    # not each cell: at 2,000 accounts its cells alone are over the default limit.
    answered = saved.builtin and direct.has_answer(saved.name)
    cost = Cost(
        schema._schema, fragments_of(prepared.document), priced,
        ctx.settings.samgraph_list_size, await prices_for(ctx, prepared.document, priced),
        items=not answered,
    ).of(prepared.operation.selection_set, schema._schema.query_type, 1) + (direct.PAGE if answered else 0)  # fmt: skip
    refusal = charge(ctx, cost)
    if refusal is not None:
        raise refusal
    ctx = ctx.as_prepaid()
    found = await direct.answer(ctx, saved.name, operation, values) if answered else None
    if found is not None:  # a built-in report answered without GraphQL execution
        return Ran(*found, saved.document)
    data = await _execute(ctx, name, print_ast(prepared.document), {**values, **start})
    for key, variable in prepared.whole.items():  # root lists read whole, page by page
        text = print_ast(paging.only(prepared, key))
        found = data.get(key)
        while isinstance(found, dict) and paging.rows(found) < paging.MAX_ROWS:
            more = found.get(paging.PAGE) or {}
            if not more.get("hasNextPage"):
                break
            page = await _execute(ctx, name, text, {**values, variable: more["endCursor"]})
            paging.merge(found, page[key])
    return Ran(data, paging.strip(data), saved.document)


async def _execute(ctx: Context, name: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    result = await ctx.schema.execute(document, variable_values=variables, context_value=ctx)
    if result.errors:
        first = result.errors[0]
        original = first.original_error
        if isinstance(original, SamgraphError):
            raise original
        # A variable the document refuses (a bad `?asOf=`: no path, whatever raised it)
        # is the caller's input; only a field that failed is the report's own failure.
        failed = original is not None and bool(first.path)
        raise (ReportFailed if failed else InvalidInput)(
            f"report {name!r}: {first.message}",
            [
                Problem(".".join(map(str, first.path or [])) or "variables", e.message)
                for e in result.errors
            ],
        )
    return result.data or {}
