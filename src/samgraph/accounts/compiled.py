"""Plain reads of accounts compiled into one Cypher read and shaped straight into JSON.

`account(id)` and `accounts(...)` are most often asked for stored values only: the
account's fields, its teams, their stakeholders and the KNOWS edges into each (the
peer's nested read, a list with teams). Through graphql-core such a read builds a
strawberry object per row and dispatches every field of every object; here the
selection is compiled, per request, into the properties each level needs, read in one
query (accounts/account_trees.cypher: lists of values, only the selected properties)
and shaped into the response's dicts in selection order, as the Neo4j GraphQL Library
compiles a selection into one Cypher projection.

Only what it can answer exactly as graphql-core would is compiled: stored leaves of
Account, Team, Stakeholder and Relationship (`gql/rows.py`'s reading of a row, the
type's own output coercion), `__typename`, what is computed from stored values alone
(`Relationship.id`, `Account.strategicScore` and `tier`), the nested lists
`teams`, `stakeholders(includeDeparted)` and `relationships`, and on the connection
`nodes`, `edges { cursor node }`, `pageInfo` and `totalCount`; and, on `account(id)`
without teams, the analyses whose answer is a grid of plain objects (`whitespace`):
the account read as its resolver reads it (with its change counter, so the kept
inputs are checked without a read of their own), the entry called as its field calls
it, and the grid's objects shaped by the executor's plans. Anything else (another
analysis or any other resolver, `asOf`, `filter`, @defer, a field asked twice with
different selections) and any surprise at run time (a null in a non-null field, an
error of the page's arguments) leave the whole root field to graphql-core, which
answers it, errors and all, as before. tests/accounts/test_compiled.py compares the
two paths' answers byte for byte.
"""

from __future__ import annotations

import functools
import inspect
import weakref
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from graphql import (
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLObjectType,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)
from graphql.execution.values import get_argument_values
from strawberry.types.field import StrawberryField

from samgraph.accounts import service
from samgraph.accounts.inputs import AccountFilter
from samgraph.accounts.types import page_info
from samgraph.analyses import entries
from samgraph.analyses import service as analyses
from samgraph.analyses.scores import SCORE_PREFIX
from samgraph.common import SCORE_INPUTS, AccountSort, edge_id
from samgraph.db.cypher import CypherQuery
from samgraph.db.queries import queries as q
from samgraph.errors import SamgraphError
from samgraph.gql.executor import REFER, Plan, Refer, answer, coercion, make
from samgraph.gql.identity import ByIdentity
from samgraph.gql.loading import start_loads
from samgraph.gql.rows import column
from samgraph.gql.validation import child_nodes
from samgraph.pages import Page, encode_cursor

if TYPE_CHECKING:
    from samgraph.context import Context
    from samgraph.gql.executor import Executor

# Each type's one nested list that compiles, with the type below it.
_NESTED = {"Account": "teams", "Team": "stakeholders", "Stakeholder": "relationships"}
_DEPTH = {"Account": 0, "Team": 1, "Stakeholder": 2, "Relationship": 3}
_KEYS = ("account_keys", "team_keys", "person_keys", "knows_keys")


# Scalars whose values come from Neo4j as its temporal types.
_TEMPORAL = frozenset({"Date", "DateTime"})


def _native(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: read(value.to_native() if hasattr(value, "to_native") else value)


# A step of a level's shaping: (response name, kind, payload).
VALUE, CONST, DERIVED, CHILD, ANALYSIS = range(5)


@dataclass
class Level:
    """One object type's selection: the stored properties it reads (in order) and how
    each response key is made from them."""

    type_name: str
    keys: list[str] = field(default_factory=list)
    steps: list[tuple[str, int, Any]] = field(default_factory=list)
    child: Level | None = None
    include_departed: bool = False
    # Analyses answered by their entries before the shaping, by response name.
    analyses: dict[str, Analysis] = field(default_factory=dict)
    # Whether a step holds something of the request it was compiled in (its context):
    # such a level is not kept for other requests (`_Levels`).
    of_request: bool = False

    def key_index(self, key: str) -> int:
        if key not in self.keys:
            self.keys.append(key)
        return self.keys.index(key)

    def shape(
        self, values: list[Any], children: list[Any] | None, answers: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, kind, payload in self.steps:
            if kind == VALUE:
                index, leaf = payload
                value = answer(leaf, values[index])
                if value is REFER:
                    raise Refer
                out[name] = value
            elif kind == CONST:
                out[name] = payload
            elif kind == DERIVED:  # computed from stored values (it cannot be null)
                out[name] = payload(values)
            elif kind == ANALYSIS:
                out[name] = (answers or {})[name]
            else:
                below = self.child
                assert below is not None
                out[name] = [below.shape(v, c) for v, c in (children or [])]
        return out


def _leaf(parent: GraphQLObjectType, name: str, gql_field: GraphQLField) -> tuple[str, Any]:
    """(row key, (read, coerce, non-null)) of a stored leaf, else Refer."""
    definition = (gql_field.extensions or {}).get("strawberry-definition")
    kind = get_nullable_type(gql_field.type)
    owner = (parent.extensions or {}).get("strawberry-definition")
    if (
        gql_field.args
        or not isinstance(definition, StrawberryField)
        or not definition.is_basic_field
        or not is_leaf_type(kind)
        or owner is None
    ):
        raise Refer
    found = column(owner.origin, definition.python_name)
    if found is None:
        raise Refer
    key, read = found
    if not isinstance(kind, GraphQLEnumType) and get_named_type(kind).name in _TEMPORAL:
        read = _native(read)  # the reads leave Neo4j's dates as they are: converted here
    coerce = coercion(get_named_type(kind).name, kind.coerce_output_value)
    return key, (read, coerce, is_non_null_type(gql_field.type))


Derive = Callable[[list[Any]], Any]


def _edge_id(ex: Executor, level: Level, gql_field: GraphQLField) -> Derive:
    """Relationship.id: `memberId:stakeholderId`."""
    member, person = level.key_index("memberId"), level.key_index("stakeholderId")
    return lambda values: edge_id(values[member], values[person])


def _strategic(pick: int) -> Callable[[Executor, Level, GraphQLField], Derive]:
    """Account.strategicScore (0) or Account.tier (1): §8 from the account's stored
    score inputs, under the request's settings, as the resolvers compute them."""

    def compile_field(ex: Executor, level: Level, gql_field: GraphQLField) -> Derive:
        ctx: Context = ex.context_value
        level.of_request = True  # the score's settings are the request context's
        keys = [(SCORE_PREFIX + k, level.key_index(SCORE_PREFIX + k)) for k in SCORE_INPUTS]
        coerce = get_nullable_type(gql_field.type).coerce_output_value  # type: ignore[union-attr]

        def derive(values: list[Any]) -> Any:
            row = {key: values[i] for key, i in keys}
            return coerce(analyses.strategic(ctx, row)[pick])

        return derive

    return compile_field


# Fields computed from stored values, by (type, field).
_DERIVED: dict[tuple[str, str], Callable[[Executor, Level, GraphQLField], Derive]] = {
    ("Relationship", "id"): _edge_id,
    ("Account", "strategicScore"): _strategic(0),
    ("Account", "tier"): _strategic(1),
}


class _Shaped:
    """Shaped answers by the identity of the value they were shaped from and the
    selection's key: a kept account's grid (live/kept.py keeps it with the account's
    inputs, until a write moves the account's counter) asked again with the same
    selection is the same answer, and is not shaped again. An entry goes with its value
    (a weak reference: a grid replaced after a write, or one made for a single request,
    takes its shaped answers with it). The answers are shared: nothing downstream writes
    into a response's data (the report paging pops only its own hidden keys, which a
    grid never holds)."""

    def __init__(self) -> None:
        self.by_value: dict[int, tuple[weakref.ref[Any], dict[Any, dict[str, Any]]]] = {}

    def answer(self, value: Any, key: Any, shape: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
        held = self.by_value.get(id(value))
        if held is None or held[0]() is not value:
            ident = id(value)

            def gone(ref: weakref.ref[Any]) -> None:
                if self.by_value.get(ident, (None,))[0] is ref:
                    del self.by_value[ident]

            held = self.by_value[ident] = (weakref.ref(value, gone), {})
        answers = held[1]
        if key not in answers:
            answers[key] = shape(value)
        return answers[key]


_SHAPED = _Shaped()


@dataclass
class Analysis:
    """An analysis field of one account compiled: the reads its entry makes (started
    with the account's own), the entry's answer, and its selection's shaping (with the
    selection's key, the same in every request that asks the same selection)."""

    reads: tuple[CypherQuery, ...]
    run: Callable[[Context, str], Awaitable[Any]]
    shape: Callable[[Any], dict[str, Any]]
    key: Any

    async def answer(self, ctx: Context, account_id: str) -> dict[str, Any]:
        return _SHAPED.answer(await self.run(ctx, account_id), self.key, self.shape)


def _plain_value(
    ex: Executor, gql_type: Any, details: Any
) -> tuple[Callable[[Any], Any], tuple[Any, ...]]:
    """How a value of `gql_type` (a plain object or a list of them, non-null at each
    level) is made from what a resolver returned: the executor's plans; Refer when the
    selection is not plain leaves, or at run time when a value needs graphql-core. With
    the key of that making (the plan's leaves are kept per schema: the same selection
    has the same key in every request)."""
    listed = is_non_null_type(gql_type) and isinstance(gql_type.of_type, GraphQLList)
    inner = gql_type.of_type.of_type if listed else gql_type
    kind = get_nullable_type(inner)
    if not is_non_null_type(inner) or type(kind) is not GraphQLObjectType or kind.is_type_of:
        raise Refer
    plan = ex.plan(kind, details)
    if plan is None:
        raise Refer

    def one(value: Any, plan: Plan = plan) -> Any:
        made = REFER if value is None else make(plan, value)
        if made is REFER:
            raise Refer
        return made

    key = (listed, tuple(plan))
    if listed:
        return (lambda values: [one(v) for v in values]), key
    return one, key


@functools.cache
def _of_self_alone(func: Callable[..., Any]) -> bool:
    """Whether a resolver takes its object and nothing else (no info, no argument)."""
    return list(inspect.signature(func).parameters) == ["self"]


def _grid(
    ex: Executor, gql_field: GraphQLField, details: Any
) -> tuple[Callable[[Any], dict[str, Any]], tuple[Any, ...]]:
    """An analysis object's selection whose fields are resolvers of the object alone
    (`Whitespace.cells`: no arguments, no info), each a plain object or list of them:
    the object made by the type's `from_data`, each field's resolver called, and its
    value shaped by the executor's plans; Refer otherwise."""
    parent = get_nullable_type(gql_field.type)
    if not is_non_null_type(gql_field.type) or type(parent) is not GraphQLObjectType:
        raise Refer
    origin = (parent.extensions or {})["strawberry-definition"].origin
    # (response name, the field's resolver and its value's shaping), or None: __typename.
    steps: list[tuple[str, tuple[Callable[[Any], Any], Callable[[Any], Any]] | None]] = []
    keys: list[tuple[Any, ...]] = []
    for response_name, found in _fields(ex, parent, details).items():
        node = found[0].node
        if node.name.value == "__typename":
            steps.append((response_name, None))
            keys.append((response_name,))
            continue
        below = parent.fields.get(node.name.value)
        definition = (below.extensions or {}).get("strawberry-definition") if below else None
        resolver = getattr(definition, "base_resolver", None)
        if below is None or node.arguments or resolver is None:
            raise Refer
        func = resolver.wrapped_func
        if not _of_self_alone(func):
            raise Refer
        made, key = _plain_value(ex, below.type, found)
        steps.append((response_name, (func, made)))
        keys.append((response_name, func, key))

    def shape(data: Any) -> dict[str, Any]:
        obj = origin.from_data(data)
        return {response_name: parent.name if field is None else field[1](field[0](obj))
                for response_name, field in steps}  # fmt: skip

    return shape, (parent.name, *keys)


def _whitespace(ex: Executor, gql_field: GraphQLField, details: Any) -> Analysis:
    """Account.whitespace, as its resolver answers it: the totals alone from today's
    snapshot when nothing else is asked (the entry decides), else the grid."""
    kind = get_nullable_type(gql_field.type)
    if type(kind) is not GraphQLObjectType:
        raise Refer
    names = {found[0].node.name.value for found in _fields(ex, kind, details).values()}
    totals_only = names <= {"totals", "__typename"}

    def run(ctx: Context, account_id: str) -> Awaitable[Any]:
        return entries.whitespace(ctx, account_id, totals_only=totals_only)

    shape, key = _grid(ex, gql_field, details)
    return Analysis(entries.READS["whitespace"], run, shape, key)


# Analysis fields of one account compiled, by (type, field).
_ANALYSES: dict[tuple[str, str], Callable[[Executor, GraphQLField, Any], Analysis]] = {
    ("Account", "whitespace"): _whitespace,
}


def _fields(ex: Executor, parent: GraphQLObjectType, details: Any) -> dict[str, Any]:
    """The selection on `parent` by response name (fragments, @skip and @include
    applied, as graphql-core collects it); Refer when any of it is deferred."""
    grouped, defer_usages, _ = ex.collect_subfields(parent, details)
    if defer_usages:
        raise Refer
    return dict(grouped)


def _args(ex: Executor, gql_field: GraphQLField, details: Any) -> dict[str, Any]:
    """A field's arguments, coerced as graphql-core coerces them for its resolver."""
    first = details[0]
    return get_argument_values(gql_field, first.node, ex.variable_values, first.fragment_variable_values)  # fmt: skip


def _level(
    ex: Executor, parent: GraphQLObjectType, details: Any, *, analyses_ok: bool = False
) -> Level:
    """The selection `details` on `parent` compiled, or Refer (analyses only where
    `analyses_ok`: one account's, not a page's)."""
    grouped = _fields(ex, parent, details)
    level = Level(parent.name)
    for response_name, found in grouped.items():
        node = found[0].node
        name = node.name.value
        if name == "__typename":
            level.steps.append((response_name, CONST, parent.name))
            continue
        gql_field = parent.fields.get(name)
        if gql_field is None:
            raise Refer
        if name == _NESTED.get(parent.name):
            if level.child is not None:
                raise Refer  # the same list twice under different names
            args = _args(ex, gql_field, found)
            below = get_named_type(gql_field.type)
            assert isinstance(below, GraphQLObjectType)
            level.child = _level(ex, below, found)
            level.include_departed = bool(args.get("includeDeparted", False))
            level.steps.append((response_name, CHILD, None))
        elif (parent.name, name) in _DERIVED and not node.arguments:
            derive = _DERIVED[parent.name, name](ex, level, gql_field)
            level.steps.append((response_name, DERIVED, derive))
        elif (parent.name, name) in _ANALYSES and not node.arguments and analyses_ok:
            level.analyses[response_name] = _ANALYSES[parent.name, name](ex, gql_field, found)
            level.steps.append((response_name, ANALYSIS, None))
        elif node.arguments:
            raise Refer
        else:
            key, leaf = _leaf(parent, name, gql_field)
            level.steps.append((response_name, VALUE, (level.key_index(key), leaf)))
    return level


def _read_params(account: Level) -> dict[str, Any]:
    """account_trees' parameters for an Account level: each depth's keys, how deep."""
    params: dict[str, Any] = {k: [] for k in _KEYS}
    params["include_departed"] = False
    level: Level | None = account
    depth = 0
    while level is not None:
        depth = _DEPTH[level.type_name]
        params[_KEYS[depth]] = level.keys
        if level.type_name == "Team":
            params["include_departed"] = level.include_departed
        level = level.child
    params["depth"] = depth
    return params


async def _trees(ctx: Context, account: Level, ids: list[str]) -> dict[str, Any]:
    rows = await ctx.db.read_as_is(q.accounts.account_trees, ids=ids, **_read_params(account))
    return {r["key"]: r for r in rows}


def _type(ex: Executor, name: str) -> GraphQLObjectType:
    found = ex.schema.get_type(name)
    assert isinstance(found, GraphQLObjectType)
    return found


class _Levels:
    """`account(id)`'s compiled selections, kept by the identity of the schema and the
    field's nodes (gql/identity.py) and the values of the variables used below the
    field (an @include, a list's includeDeparted); the field's own arguments (the id)
    are read per request. A level that holds something of its request
    (`Level.of_request`) is compiled each time. The least recently used of `size`
    selections goes first."""

    def __init__(self, size: int) -> None:
        # (schema, *nodes) -> (the variables below the field, compiled level by their values)
        self.kept: ByIdentity[tuple[tuple[str, ...], dict[tuple[str, ...], Any]]] = ByIdentity(size)

    def level(self, ex: Executor, details: Any, compile_level: Callable[[], Level]) -> Level:
        """The compiled level (Refer as compiling it raises it)."""
        if any(d.fragment_variable_values is not None for d in details):
            return compile_level()
        objects = (ex.schema, *(d.node for d in details))
        entry = self.kept.get(objects)
        if entry is None:
            entry = self.kept.put(objects, (_variables_below(objects[1:], ex.fragments), {}))
        names, compiled = entry
        # By their repr: a list or an input object is not hashable, and the values are
        # few (an @include's flag, a list's includeDeparted).
        values = tuple(repr(ex.variable_values.coerced.get(name)) for name in names)
        found = compiled.get(values)
        if found is None:
            try:
                level = compile_level()
            except Refer:
                if len(compiled) < _VARIANTS:
                    compiled[values] = REFER
                raise
            # At most _VARIANTS per document: a caller varying a value below the field
            # (a date, a string) must not grow the entry without bound.
            if not _of_request(level) and len(compiled) < _VARIANTS:
                compiled[values] = level
            return level
        if found is REFER:
            raise Refer
        level_found: Level = found
        return level_found


def _of_request(level: Level | None) -> bool:
    while level is not None:
        if level.of_request:
            return True
        level = level.child
    return False


def _variables_below(nodes: tuple[Any, ...], fragments: Mapping[str, Any]) -> tuple[str, ...]:
    """The names of the variables used in the selections of `nodes` (through the
    fragments they spread), sorted."""
    names: set[str] = set()
    seen: set[str] = set()
    stack: list[Any] = [n.selection_set for n in nodes if n.selection_set is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, VariableNode):
            names.add(node.name.value)
            continue
        if isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
            seen.add(node.name.value)
            if node.name.value in fragments:  # graphql-core's FragmentDetails
                stack.append(fragments[node.name.value].definition)
        stack.extend(child_nodes(node))
    return tuple(sorted(names))


_LEVELS = _Levels(256)
_VARIANTS = 16  # compiled levels kept per document, by the values below the field


def account(ex: Executor, gql_field: GraphQLField, details: Any) -> Awaitable[Any] | None:
    """`account(id)` compiled, or None."""
    args = _args(ex, gql_field, details)
    if args.get("asOf") is not None:
        return None
    try:
        level = _LEVELS.level(
            ex, details, lambda: _level(ex, _type(ex, "Account"), details, analyses_ok=True)
        )
    except Refer:
        return None
    ctx: Context = ex.context_value
    account_id = str(args["id"])
    if level.analyses:
        # Teams come from their own read: with analyses, graphql-core's path.
        return _analysed(ctx, level, account_id) if level.child is None else None

    async def answer() -> Any:
        found = (await _trees(ctx, level, [account_id])).get(account_id)
        if found is None:
            return None
        return level.shape(found["values"], found["teams"])

    return answer()


async def _analysed(ctx: Context, level: Level, account_id: str) -> Any:
    """One account with analyses: its row read as the `account` resolver reads it,
    with the change counter that lets kept inputs answer without a read (read at once,
    not batched: nothing else is asked before it), the analyses' reads started beside
    it (as `_prefetch_inputs` starts them) unless they are all kept, then each entry."""
    kept = ctx.loaders.kept
    reads = {query for a in level.analyses.values() for query in a.reads}
    if kept is None or not all(kept.holds(query, account_id) for query in reads):
        start_loads(ctx, reads, account_id)
    # (What is kept is checked against the counter the account's read brings: a read of
    # it started now would wait for that read anyway.)
    row = await ctx.loaders.account_now(account_id)
    if row is None:
        return None
    try:
        answers = {name: await a.answer(ctx, account_id) for name, a in level.analyses.items()}
    except SamgraphError as e:  # graphql-core's path reports it, located
        raise Refer from e
    return level.shape([row.get(k) for k in level.keys], None, answers)


def accounts(ex: Executor, gql_field: GraphQLField, details: Any) -> Awaitable[Any] | None:
    """`accounts(first, after, sortBy, descending)` compiled, or None."""
    args = _args(ex, gql_field, details)
    if args.get("asOf") is not None or args.get("filter") is not None:
        return None
    try:
        shape = _connection(ex, details)
    except Refer:
        return None
    ctx: Context = ex.context_value
    sort_by = args.get("sortBy", AccountSort.ID)
    if not isinstance(sort_by, AccountSort):
        return None
    first, after = args.get("first", 50), args.get("after")
    descending = bool(args.get("descending", False))
    level = shape.accounts or Level("Account")

    async def answer() -> Any:
        try:
            if sort_by == AccountSort.ID and not descending:
                page = await service.page_with_trees(
                    ctx, first=first, after=after, reads=_read_params(level)
                )
            else:
                page = await _sorted(ctx, level, first, after, sort_by, descending)
        except SamgraphError as e:  # graphql-core's path reports it, located
            raise Refer from e
        return shape.shape(page, after)

    return answer()


async def _sorted(
    ctx: Context, level: Level, first: int, after: str | None, sort_by: AccountSort,
    descending: bool,
) -> Page[list[Any]]:  # fmt: skip
    """Another order's page (the service's), each account as page_trees gives one."""
    listed = await service.list_accounts(
        ctx, account_filter=AccountFilter().plain(), first=first, after=after,
        sort_by=sort_by, descending=descending, as_of=ctx.today_or(None),
    )  # fmt: skip
    ids = [r["id"] for r in listed.rows]
    trees = await _trees(ctx, level, ids) if level.child is not None else {}
    rows = [
        [r["id"], [r.get(k) for k in level.keys], (trees.get(r["id"]) or {}).get("teams")]
        for r in listed.rows
    ]
    return Page(rows, has_next=listed.has_next, total=listed.total)


@dataclass
class _Connection:
    """An AccountConnection selection: its steps and the accounts' level (nodes or
    edges' node), shaping a page of [id, values, teams] rows."""

    steps: list[tuple[str, str, Any]]
    accounts: Level | None

    def shape(self, page: Page[list[Any]], after: str | None) -> dict[str, Any]:
        cursors = [encode_cursor("account", row[0]) for row in page.rows]
        level = self.accounts
        nodes = [level.shape(row[1], row[2]) if level else None for row in page.rows]
        out: dict[str, Any] = {}
        for response_name, kind, payload in self.steps:
            if kind == "nodes":
                out[response_name] = nodes
            elif kind == "edges":
                out[response_name] = [
                    {n: cursor if k == "cursor" else node if k == "node" else k for n, k in payload}
                    for cursor, node in zip(cursors, nodes, strict=True)
                ]
            elif kind == "pageInfo":
                out[response_name] = payload(page_info(page, cursors, after=after))
            elif kind == "totalCount":
                out[response_name] = page.total
            else:
                out[response_name] = "AccountConnection"
        return out


def _connection(ex: Executor, details: Any) -> _Connection:
    """The AccountConnection selection compiled, or Refer."""
    connection = _type(ex, "AccountConnection")
    grouped = _fields(ex, connection, details)
    accounts: Level | None = None
    steps: list[tuple[str, str, Any]] = []
    for response_name, found in grouped.items():
        name = found[0].node.name.value
        if name in ("nodes", "edges"):
            if accounts is not None:
                raise Refer  # two account selections: two reads, leave it to graphql-core
            if name == "nodes":
                accounts = _level(ex, _type(ex, "Account"), found)
                steps.append((response_name, "nodes", None))
            else:
                edge, accounts = _edges(ex, found)
                steps.append((response_name, "edges", edge))
        elif name == "pageInfo":
            steps.append((response_name, "pageInfo", _plain(ex, _type(ex, "PageInfo"), found)))
        elif name in ("totalCount", "__typename") and not found[0].node.arguments:
            steps.append((response_name, name, None))
        else:
            raise Refer
    return _Connection(steps, accounts)


def _edges(ex: Executor, details: Any) -> tuple[list[tuple[str, str]], Level | None]:
    """An `edges { cursor node { ... } __typename }` selection: each response name with
    what it holds ("cursor", "node" or the type name), and the node's level."""
    edge_type = _type(ex, "AccountEdge")
    grouped = _fields(ex, edge_type, details)
    steps: list[tuple[str, str]] = []
    accounts: Level | None = None
    for response_name, found in grouped.items():
        name = found[0].node.name.value
        if name == "cursor":
            steps.append((response_name, "cursor"))
        elif name == "node":
            if accounts is not None:
                raise Refer
            accounts = _level(ex, _type(ex, "Account"), found)
            steps.append((response_name, "node"))
        elif name == "__typename":
            steps.append((response_name, "AccountEdge"))
        else:
            raise Refer
    return steps, accounts


def _plain(
    ex: Executor, parent: GraphQLObjectType, details: Any
) -> Callable[[Any], dict[str, Any]]:
    """A selection of an object's plain leaves (PageInfo), read off the object as the
    executor reads plain objects (its plan and its leaves)."""
    plan = ex.plan(parent, details)
    if plan is None:
        raise Refer

    def shape(source: Any) -> dict[str, Any]:
        made = make(plan, source)
        if made is REFER:
            raise Refer
        return cast("dict[str, Any]", made)

    return shape


ROOTS = {"account": account, "accounts": accounts}
