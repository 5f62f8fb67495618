"""Saved queries read whole lists, or say what they left out.

A user's saved query selecting a connection at the root without `first` (and without
`after`) reads all of it: the runner pages through it 100 rows at a time (the API's page
limit) and hands back one list. A connection given an explicit `first` keeps it (the
author asked for a page), and nested connections are not paged (a page per parent row
would multiply the requests). Either way, every connection whose `totalCount` is above
the rows returned is named in the report's `cut` list, with both counts: a manager
never mistakes 50 rows for all of them.

It works on the document: each connection gets a hidden `totalCount` (and, when read
whole, `pageInfo` and an `after` variable), which are taken out of the data again.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NamedTypeNode,
    NameNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    get_named_type,
    visit,
)

from samgraph.pages import MAX_FIRST

TOTAL = "samgraphTotalCount"
PAGE = "samgraphPageInfo"
AFTER = "samgraphAfter"
MAX_ROWS = 10_000
"""A list read whole stops here (and is reported as cut)."""


@dataclasses.dataclass(frozen=True)
class Prepared:
    document: DocumentNode
    operation: OperationDefinitionNode
    whole: dict[str, str]
    """Response key of each root connection read whole -> its `after` variable."""


@dataclasses.dataclass(frozen=True)
class Cut:
    path: str
    returned: int
    total_count: int

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "returned": self.returned, "totalCount": self.total_count}


def _name(value: str) -> NameNode:
    return NameNode(value=value)


def _field(name: str, alias: str | None = None, *subfields: str) -> FieldNode:
    selections = tuple(FieldNode(name=_name(s)) for s in subfields)
    return FieldNode(
        name=_name(name), alias=_name(alias) if alias else None,
        selection_set=SelectionSetNode(selections=selections) if selections else None,
    )  # fmt: skip


def _is_connection(kind: Any) -> bool:
    named = get_named_type(kind)
    return isinstance(named, GraphQLObjectType) and {"pageInfo", "totalCount"} <= set(named.fields)


def _key(node: FieldNode) -> str:
    return (node.alias or node.name).value


class _Rewriter:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}  # fmt: skip
        self.done: dict[str, FragmentDefinitionNode] = {}
        self.whole: dict[str, str] = {}

    def selections(self, selection_set: SelectionSetNode, parent: Any, *, root: bool) -> SelectionSetNode:  # fmt: skip
        out: list[SelectionNode] = []
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                out.append(self.field(sel, parent, root=root))
            elif isinstance(sel, InlineFragmentNode):
                inner = self.schema.get_type(sel.type_condition.name.value) if sel.type_condition else parent  # fmt: skip
                out.append(dataclasses.replace(sel, selection_set=self.selections(sel.selection_set, inner, root=False)))  # fmt: skip
            else:
                assert isinstance(sel, FragmentSpreadNode)
                self.fragment(sel.name.value)
                out.append(sel)
        return dataclasses.replace(selection_set, selections=tuple(out))

    def fragment(self, name: str) -> None:
        if name in self.done or name not in self.fragments:
            return
        definition = self.fragments[name]
        self.done[name] = definition  # a cycle is refused by validation; stop here anyway
        kind = self.schema.get_type(definition.type_condition.name.value)
        self.done[name] = dataclasses.replace(
            definition, selection_set=self.selections(definition.selection_set, kind, root=False)
        )

    def field(self, node: FieldNode, parent: Any, *, root: bool) -> FieldNode:
        if node.selection_set is None or node.name.value.startswith("__"):
            return node
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return node
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return node  # validation names it
        kind = get_named_type(definition.type)
        selection_set = self.selections(node.selection_set, kind, root=False)
        if not _is_connection(definition.type):
            return dataclasses.replace(node, selection_set=selection_set)
        extra: list[SelectionNode] = [_field("totalCount", TOTAL)]
        given = {a.name.value for a in node.arguments or ()}
        arguments = tuple(node.arguments or ())
        if root and not given & {"first", "after"} and {"first", "after"} <= set(definition.args):
            variable = f"{AFTER}{len(self.whole)}"
            self.whole[_key(node)] = variable
            arguments += (
                ArgumentNode(name=_name("first"), value=IntValueNode(value=str(MAX_FIRST))),
                ArgumentNode(name=_name("after"), value=VariableNode(name=_name(variable))),
            )
            extra.append(_field("pageInfo", PAGE, "hasNextPage", "endCursor"))
        selection_set = dataclasses.replace(selection_set, selections=(*selection_set.selections, *extra))  # fmt: skip
        return dataclasses.replace(node, arguments=arguments, selection_set=selection_set)


def prepare(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) -> Prepared:  # fmt: skip
    """The document with hidden totals on every connection and the root connections
    without `first` read whole (see the module)."""
    rewriter = _Rewriter(schema, document)
    root = schema.query_type
    selection_set = rewriter.selections(operation.selection_set, root, root=True)
    variables = tuple(operation.variable_definitions or ()) + tuple(
        VariableDefinitionNode(variable=VariableNode(name=_name(v)), type=NamedTypeNode(name=_name("String")))
        for v in rewriter.whole.values()
    )  # fmt: skip
    op = dataclasses.replace(operation, selection_set=selection_set, variable_definitions=variables)
    fragments = [rewriter.done.get(name, d) for name, d in rewriter.fragments.items()]
    return Prepared(DocumentNode(definitions=(op, *fragments)), op, dict(rewriter.whole))


def only(prepared: Prepared, key: str) -> DocumentNode:
    """The document reduced to one root field (the next page of a list read whole), with
    the fragments it still uses."""
    op = prepared.operation
    kept = tuple(s for s in op.selection_set.selections
                 if isinstance(s, FieldNode) and _key(s) == key)  # fmt: skip
    fragments = {d.name.value: d for d in prepared.document.definitions
                 if isinstance(d, FragmentDefinitionNode)}  # fmt: skip
    selection_set = SelectionSetNode(selections=kept)
    uses = _Uses()
    visit(selection_set, uses)
    used: set[str] = set()
    while pending := (uses.spreads & fragments.keys()) - used:  # fragments using fragments
        for name in pending:
            used.add(name)
            visit(fragments[name], uses)
    # Unused variables are refused by validation: keep those the kept field still uses.
    variables = tuple(v for v in op.variable_definitions or ()
                      if v.variable.name.value in uses.variables)  # fmt: skip
    op = dataclasses.replace(op, selection_set=selection_set, variable_definitions=variables)
    return DocumentNode(definitions=(op, *(fragments[n] for n in sorted(used))))


class _Uses(Visitor):
    """The fragments spread and the variables used in what it visits."""

    def __init__(self) -> None:
        super().__init__()
        self.spreads: set[str] = set()
        self.variables: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.spreads.add(node.name.value)

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        self.variables.add(node.name.value)


def merge(whole: dict[str, Any], page: dict[str, Any]) -> None:
    """Append a further page's rows (every list in it: `nodes`, `edges`) to the first."""
    for key, value in page.items():
        if isinstance(value, list) and isinstance(whole.get(key), list):
            whole[key].extend(value)
    whole[PAGE] = page.get(PAGE)


def rows(connection: dict[str, Any]) -> int:
    return max((len(v) for v in connection.values() if isinstance(v, list)), default=0)


def strip(data: Any) -> list[Cut]:
    """Take the hidden fields out of the data; the connections that returned fewer rows
    than their total, outer ones first. Only objects and lists are walked (a report of
    2,000 rows holds some 100,000 scalars), and a path is spelled only for a cut."""
    cuts: list[Cut] = []
    _strip(data, (), cuts)
    return cuts


def _strip(data: Any, path: tuple[str | int, ...], cuts: list[Cut]) -> None:
    if isinstance(data, list):
        for n, item in enumerate(data):
            if isinstance(item, dict | list):
                _strip(item, (*path, n), cuts)
        return
    if not isinstance(data, dict):
        return
    total = data.pop(TOTAL, None)
    data.pop(PAGE, None)
    at = len(cuts)
    for key, value in data.items():
        if isinstance(value, dict | list):
            _strip(value, (*path, key), cuts)
    listed = [v for v in data.values() if isinstance(v, list)]
    if isinstance(total, int) and listed and total > rows(data):
        cuts.insert(at, Cut(_spelled(path), rows(data), total))


def _spelled(path: tuple[str | int, ...]) -> str:
    """`accounts.nodes[3].history`."""
    out = ""
    for part in path:
        out = f"{out}[{part}]" if isinstance(part, int) else (f"{out}.{part}" if out else part)
    return out
