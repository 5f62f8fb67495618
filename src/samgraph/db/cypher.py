"""Load every Cypher query from `cypher/` once, checking headers and parameters.

`cypher/accounts/get_accounts.cypher` becomes `queries["accounts.get_accounts"]`.
A file starts with `//` lines: a description, `// mode: read|write` and
`// params: a, b` (or `// params:` for none). Loading fails loudly on a missing
folder, an empty file, a missing header, or a `$param` used but not declared
(and the reverse). `cypher/schema/` holds migrations, loaded by migrations.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


class CypherLoadError(RuntimeError):
    """A Cypher file is missing, malformed or inconsistent with its header."""


@dataclass(frozen=True)
class CypherQuery:
    """One query file."""

    name: str
    text: str
    mode: Literal["read", "write"]
    params: frozenset[str]
    description: str
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
    if mode not in ("read", "write"):
        raise CypherLoadError(f"{name}: header needs '// mode: read' or '// mode: write'")
    if "params" not in fields:
        raise CypherLoadError(f"{name}: header needs '// params: ...' (empty for none)")
    declared = frozenset(p.strip() for p in fields["params"].split(",") if p.strip())
    used = frozenset(_PARAM.findall(_STRING.sub("''", text)))
    if used - declared:
        raise CypherLoadError(f"{name}: uses undeclared params {sorted(used - declared)}")
    if declared - used:
        raise CypherLoadError(f"{name}: declares unused params {sorted(declared - used)}")
    description = " ".join(h for h in header if not h.startswith(("mode:", "params:")))
    columns = return_columns(text) if mode == "read" else None
    packed = pack(text, columns) if columns else None
    return CypherQuery(name, text, mode, declared, description, columns, packed)  # type: ignore[arg-type]


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
    """The text with string literals' insides blanked (same length)."""
    return _STRING.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[0], text)


def return_columns(text: str) -> tuple[str, ...] | None:
    """The column names of the last top-level `RETURN` at a line start, or None when
    an item is neither a plain variable nor aliased with AS."""
    blank, depth, level = _blank(text), [], 0
    for ch in blank:
        depth.append(level)
        level += (ch in "({[") - (ch in ")}]")
    starts = [m.start() for m in _RETURN.finditer(blank) if depth[m.start()] == 0]
    if not starts:
        return None
    start = starts[-1] + len("RETURN ")
    tail = blank[start:]
    cut = next((m.start() for m in _TAIL.finditer(tail) if depth[start + m.start()] == 0), None)
    items, begin = [], 0
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


class Queries(Mapping[str, CypherQuery]):
    """All queries by dotted name."""

    def __init__(self, queries: dict[str, CypherQuery]) -> None:
        self._queries = queries

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
        name = ".".join((*rel.parts[:-1], path.stem))
        if name in found:
            raise CypherLoadError(f"duplicate query name {name}")
        found[name] = parse_query(name, path.read_text(encoding="utf-8"))
    if not found:
        raise CypherLoadError(f"no Cypher queries under {root}")
    return Queries(found)


_cache: Queries | None = None


def queries() -> Queries:
    """The process-wide set of queries, loaded on first use."""
    global _cache
    if _cache is None:
        _cache = load_queries()
    return _cache
