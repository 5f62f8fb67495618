"""Load every Cypher query from `cypher/` once, checking headers and parameters.

`cypher/accounts/get_accounts.cypher` becomes `queries.accounts.get_accounts` (an
attribute, aiosql style) and `queries["accounts.get_accounts"]` (its dotted name).
A file starts with `//` lines: a description, then

    // mode: read | write
    // params: a, b            (or `// params:` for none)
    // scope: <how member scope applies>

Loading fails loudly on a missing folder, an empty file, a missing header, a
`$param` used but not declared (and the reverse), or a bad scope. `cypher/schema/`
holds migrations, loaded by migrations.py.

The scope header tells `Db` how a member-bound caller's scope applies to the query
(db/scope.py decides what a caller sees; `Db` applies it, no service filters by
hand):

- `account <path>[, <path>...]`: each returned item (the `item` column, or every
  element of the `items` column) names its account at the first path (`id`,
  `accountId`); items of other accounts are dropped. Further paths prune nested
  lists (`stakeholders.accountId`).
- `param`: the query filters itself with `$account_ids` (null: every account);
  `Db` narrows whatever the caller passes to the scope.
- `shared`: data of no single account (members, the product catalog, saved
  queries); a member-bound caller may read it but never write it.
- `checked`: a write whose targets the service checked first (with the scope, or,
  for saved queries, their owner).
- `internal`: bookkeeping that returns no account data (migrations, API keys,
  id existence during validation).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# A string literal or a line comment, whichever starts first (an apostrophe in a comment
# starts no string; `//` inside a string starts no comment).
_STRING_OR_COMMENT = re.compile(_STRING.pattern + r"|//[^\n]*")
_IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
ScopeKind = Literal["account", "param", "shared", "checked", "internal"]
_READ_SCOPES = ("account", "param", "shared", "internal")
_WRITE_SCOPES = ("param", "shared", "checked", "internal")


class CypherLoadError(RuntimeError):
    """A Cypher file is missing, malformed or inconsistent with its header."""


@dataclass(frozen=True, eq=False)
class CypherQuery:
    """One query file (compared and hashed by identity: each is loaded once)."""

    name: str
    text: str
    mode: Literal["read", "write"]
    params: frozenset[str]
    description: str
    scope: ScopeKind
    scope_paths: tuple[tuple[str, ...], ...] = ()
    """For `account` scope: where each item names its account, then nested lists."""

    columns: tuple[str, ...] | None = None
    """For reads: the result columns, when the final RETURN names them all."""

    packed: str | None = None
    """The read wrapped to return all its rows as one record, built once at load
    (see `pack`); None when `columns` is unknown."""


def cypher_root() -> Path:
    """The `cypher/` folder: packaged inside the wheel, or at the repository root."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_cypher", here.parent.parent / "cypher"):
        if candidate.is_dir():
            return candidate
    raise CypherLoadError(f"no cypher/ folder found near {here}")


def _scope(name: str, mode: str, value: str | None, params: frozenset[str]) -> tuple[ScopeKind, tuple[tuple[str, ...], ...]]:  # fmt: skip
    if value is None:
        raise CypherLoadError(f"{name}: header needs '// scope: ...' (see db/cypher.py)")
    kind, _, rest = value.partition(" ")
    allowed = _READ_SCOPES if mode == "read" else _WRITE_SCOPES
    if kind not in allowed:
        raise CypherLoadError(f"{name}: scope of a {mode} is one of {', '.join(allowed)}")
    paths = tuple(tuple(p.strip().split(".")) for p in rest.split(",") if p.strip())
    if (kind == "account") != bool(paths):
        raise CypherLoadError(f"{name}: only `account` scope names paths, and it must")
    if (kind == "param") != ("account_ids" in params):
        raise CypherLoadError(f"{name}: `param` scope goes with an $account_ids param")
    return cast(ScopeKind, kind), paths


def parse_query(name: str, source: str) -> CypherQuery:
    """Parse one file's text into a CypherQuery, validating its header."""
    header: list[str] = []
    body: list[str] = []
    for line in source.splitlines():
        if not body and line.startswith("//"):
            header.append(line[2:].strip())
        elif line.strip() or body:
            body.append(line)
    text = "\n".join(body).strip()
    if not text:
        raise CypherLoadError(f"{name}: empty query")
    fields = {k.strip(): v.strip() for k, _, v in (h.partition(":") for h in header) if _}
    mode = fields.get("mode")
    if mode != "read" and mode != "write":
        raise CypherLoadError(f"{name}: header needs '// mode: read' or '// mode: write'")
    if "params" not in fields:
        raise CypherLoadError(f"{name}: header needs '// params: ...' (empty for none)")
    declared = frozenset(p.strip() for p in fields["params"].split(",") if p.strip())
    used = frozenset(_PARAM.findall(_STRING.sub("''", text)))
    if used - declared:
        raise CypherLoadError(f"{name}: uses undeclared params {sorted(used - declared)}")
    if declared - used:
        raise CypherLoadError(f"{name}: declares unused params {sorted(declared - used)}")
    scope, paths = _scope(name, mode, fields.get("scope"), declared)
    description = " ".join(h for h in header if not h.startswith(("mode:", "params:", "scope:")))
    columns = return_columns(text) if mode == "read" else None
    packed = pack(text, columns) if columns else None
    kind = cast(Literal["read", "write"], mode)
    return CypherQuery(name, text, kind, declared, description, scope, paths, columns, packed)


def pack(text: str, columns: tuple[str, ...]) -> str:
    """`text` returning all its rows as one record of `[col, ...]` lists.

    The Python driver spends about 60 us per record it receives (async I/O per
    message) but decodes a list inside one record natively: 1,000 rows come back
    in about 4 ms packed instead of 68 ms (docs/benchmarks.md).
    """
    return f"CALL () {{\n{text}\n}}\nRETURN collect([{', '.join(columns)}]) AS rows"


_RETURN = re.compile(r"^RETURN\s", re.MULTILINE)
_TAIL = re.compile(r"\s(ORDER\s+BY|SKIP|LIMIT|OFFSET)\s", re.IGNORECASE)
_ALIAS = re.compile(r"(?s).*\sAS\s+([A-Za-z_][A-Za-z0-9_]*)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _blank(text: str) -> str:
    """The text with string literals' insides and line comments blanked (same length)."""

    def blank(m: re.Match[str]) -> str:
        found = m.group()
        if found.startswith("//"):
            return " " * len(found)
        return found[0] + " " * (len(found) - 2) + found[0]

    return _STRING_OR_COMMENT.sub(blank, text)


def return_columns(text: str) -> tuple[str, ...] | None:
    """The column names of the last top-level `RETURN` at a line start, or None when
    an item is neither a plain variable nor aliased with AS."""
    blank, level = _blank(text), 0
    depth: list[int] = []
    for ch in blank:
        depth.append(level)
        level += (ch in "({[") - (ch in ")}]")
    starts = [m.start() for m in _RETURN.finditer(blank) if depth[m.start()] == 0]
    if not starts:
        return None
    start = starts[-1] + len("RETURN ")
    tail = blank[start:]
    cut = next((m.start() for m in _TAIL.finditer(tail) if depth[start + m.start()] == 0), None)
    items: list[str] = []
    begin = 0
    for i, ch in enumerate(tail[:cut]):
        if ch == "," and depth[start + i] == 0:
            items.append(text[start + begin : start + i])
            begin = i + 1
    items.append(text[start + begin : start + (len(tail) if cut is None else cut)])
    names = []
    for item in (x.strip() for x in items):
        item = item.removeprefix("DISTINCT ").strip()
        alias = _ALIAS.fullmatch(item)
        name = alias.group(1) if alias else item if _NAME.fullmatch(item) else None
        if name is None:
            return None
        names.append(name)
    return tuple(names)


class Namespace:
    """The queries of one folder as attributes; sub-folders are namespaces too."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._members: dict[str, CypherQuery | Namespace] = {}

    def __getattr__(self, name: str) -> CypherQuery | Namespace:
        # Only called for names not set in __init__ (so never for _members itself).
        members: dict[str, CypherQuery | Namespace] = self.__dict__.get("_members", {})
        if name in members:
            return members[name]
        where = self.__dict__.get("_path") or "cypher/"
        known = ", ".join(sorted(members))
        raise AttributeError(f"no Cypher query {name!r} in {where} (has: {known})")

    def __dir__(self) -> list[str]:
        return sorted(self._members)


class Queries(Mapping[str, CypherQuery], Namespace):
    """All queries: by dotted name (`queries["accounts.get_accounts"]`) and as
    attributes (`queries.accounts.get_accounts`)."""

    def __init__(self, found: dict[str, CypherQuery]) -> None:
        Namespace.__init__(self, "")
        self._queries = found
        for name, query in found.items():
            *folders, leaf = name.split(".")
            space: Namespace = self
            for i, folder in enumerate(folders):
                child = space._members.setdefault(folder, Namespace(".".join(folders[: i + 1])))
                if not isinstance(child, Namespace):
                    raise CypherLoadError(f"{name}: {folder} is both a query and a folder")
                space = child
            if leaf in space._members:
                raise CypherLoadError(f"{name}: {leaf} is both a query and a folder")
            space._members[leaf] = query

    def __getitem__(self, name: str) -> CypherQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise KeyError(f"no Cypher query named {name!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)


def load_queries(root: Path | None = None) -> Queries:
    """Read and check every `*.cypher` file below `root` except `schema/`."""
    root = root or cypher_root()
    if not root.is_dir():
        raise CypherLoadError(f"missing Cypher folder {root}")
    found: dict[str, CypherQuery] = {}
    for path in sorted(root.rglob("*.cypher")):
        rel = path.relative_to(root)
        if rel.parts[0] == "schema":
            continue
        parts = (*rel.parts[:-1], path.stem)
        bad = [p for p in parts if not _IDENT.match(p) or keyword.iskeyword(p)]
        if bad:
            raise CypherLoadError(f"{rel}: {bad[0]!r} is not a usable attribute name")
        name = ".".join(parts)
        if name in found:
            raise CypherLoadError(f"duplicate query name {name}")
        found[name] = parse_query(name, path.read_text(encoding="utf-8"))
    if not found:
        raise CypherLoadError(f"no Cypher queries under {root}")
    return Queries(found)


@dataclass
class _Tree:
    folders: dict[str, _Tree] = field(default_factory=dict)
    leaves: list[str] = field(default_factory=list)


def render_stub(found: Mapping[str, CypherQuery]) -> str:
    """The typed stub of `samgraph.db.queries` (queries.pyi), so mypy checks every
    `queries.<folder>.<name>` in the code; a test fails when it is stale."""
    tree = _Tree()
    for name in sorted(found):
        *folders, leaf = name.split(".")
        node = tree
        for folder in folders:
            node = node.folders.setdefault(folder, _Tree())
        node.leaves.append(leaf)
    lines = [
        "# Generated from cypher/ by `make generate` (samgraph.db.cypher.render_stub): do not edit.",
        "# Plain classes (no __getattr__), so mypy rejects a query name that has no file.",
        "from collections.abc import Iterator, Mapping",
        "",
        "from samgraph.db.cypher import CypherQuery",
    ]

    def emit(node: _Tree, cls: str, base: str) -> None:
        for key, child in sorted(node.folders.items()):
            emit(child, f"{cls}_{key}", "")
        lines.extend(["", f"class {cls}{base}:"])
        members = [(k, f"{cls}_{k}") for k in node.folders]
        members += [(leaf, "CypherQuery") for leaf in node.leaves]
        lines.extend(f"    {key}: {kind}" for key, kind in sorted(members))

    emit(tree, "_Q", "(Mapping[str, CypherQuery])")
    lines.extend([
        "    def __getitem__(self, name: str, /) -> CypherQuery: ...",
        "    def __iter__(self) -> Iterator[str]: ...",
        "    def __len__(self) -> int: ...",
    ])  # fmt: skip
    lines.extend(["", "queries: _Q", ""])
    return "\n".join(lines)
