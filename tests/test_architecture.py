"""The layout holds: no import cycles, no imports hidden in functions, every Cypher
query named in the code exists, the typed stub of the queries is fresh, and every
query says how member scope applies to it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

from samgraph.db.cypher import load_queries, render_stub
from samgraph.db.queries import queries
from tests import module_index

SRC = Path(__file__).resolve().parents[1] / "src" / "samgraph"


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module, module: str) -> list[tuple[str, ast.AST]]:
    """samgraph modules imported at run time (not under `if TYPE_CHECKING:`)."""
    found: list[tuple[str, ast.AST]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("samgraph"):
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                # `from samgraph.x import y` names module samgraph.x.y when that is a module.
                found.append((target if _exists(target) else node.module, node))
        elif isinstance(node, ast.Import):
            found.extend((a.name, node) for a in node.names if a.name.startswith("samgraph"))
        for inner in ast.iter_child_nodes(node):
            visit(inner)

    visit(tree)
    return found


def _exists(module: str) -> bool:
    path = SRC.parent.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _graph() -> tuple[nx.DiGraph, list[str]]:
    g: nx.DiGraph = nx.DiGraph()
    inside_functions = []
    for path in sorted(SRC.rglob("*.py")):
        module = _module(path)
        tree = ast.parse(path.read_text())
        g.add_node(module)
        for target, _node in _imports(tree, module):
            if target != module:
                g.add_edge(module, target)
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(fn):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        inside_functions.append(f"{module}.{fn.name}")
    return g, inside_functions


def test_no_import_cycles() -> None:
    g, _ = _graph()
    # Packages import nothing of their own here, so a cycle is always between modules.
    cycles = list(nx.simple_cycles(g))
    assert cycles == [], f"import cycles: {cycles[:5]}"
    assert g.number_of_nodes() > 50  # the walk saw the whole package


def test_no_imports_inside_functions() -> None:
    # A function-level import hides a dependency (and, usually, a cycle).
    _, inside = _graph()
    assert inside == []


def test_a_cycle_would_be_found() -> None:
    # The check itself can fail: two modules importing each other make a cycle.
    a = ast.parse("from samgraph.b import x\n")
    g: nx.DiGraph = nx.DiGraph()
    for target, _ in _imports(a, "samgraph.a"):
        g.add_edge("samgraph.a", target)
    g.add_edge("samgraph.b", "samgraph.a")
    assert list(nx.simple_cycles(g)) != []


def test_every_query_named_in_the_code_exists() -> None:
    # `queries.<folder>[.<sub>].<name>` anywhere in src/ names a loaded file (mypy checks
    # the same through queries.pyi; this catches it without mypy).
    named = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute):
                chain = ast.unparse(node)
                head = chain.split(".")[0]
                if head in ("queries", "q") and chain.count(".") >= 2 and "(" not in chain:
                    named.add(chain.split(".", 1)[1])
    leaves = {n for n in named if n in queries}
    folders = {n for n in named if n not in queries}
    assert len(leaves) > 60
    for folder in folders:
        # A prefix of a real name (e.g. `relationships.knows`), never an unknown query.
        assert any(name.startswith(folder + ".") for name in queries), folder


def test_query_stub_is_fresh() -> None:
    stub = SRC / "db" / "queries.pyi"
    assert stub.read_text() == render_stub(load_queries()), "run `make generate` and commit"


def test_every_query_declares_its_scope() -> None:
    by_kind: dict[str, list[str]] = {}
    for name, query in queries.items():
        by_kind.setdefault(query.scope, []).append(name)
        if query.scope == "param":
            assert "account_ids" in query.params, name
        if query.scope == "account":
            # The first path names the item's account; reads shaped key/item(s) only.
            assert query.columns is not None and ("item" in query.columns or "items" in query.columns), name  # fmt: skip
    # Every read of one account's data is scoped one way or the other.
    for name in by_kind.get("shared", []):
        assert name.split(".")[0] in ("members", "products", "reports", "bundle"), name
    assert set(by_kind) == {"account", "param", "shared", "checked", "internal"}


def test_unknown_query_name_fails_loudly() -> None:
    try:
        getattr(queries.accounts, "no_such_query")  # noqa: B009
    except AttributeError as exc:
        assert "no_such_query" in str(exc) and "get_accounts" in str(exc)
    else:
        raise AssertionError("an unknown query name must fail")


def test_architecture_md_names_every_module_and_no_other() -> None:
    # The generated index lists exactly the modules there are (a new one, or one
    # removed, makes it stale: `make generate`).
    text = module_index.DOC.read_text()
    assert module_index.written(text) == text, "run `make generate` and commit docs/architecture.md"
    # Every module the prose names (`gql/executor.py`, `driver.py` inside its folder's
    # paragraph, `tests/conftest.py`) exists: under src/samgraph/, as a module's file
    # name, or from the repository's root (or src/).
    paths = {p.relative_to(SRC).as_posix() for p in module_index.modules()}
    names = {p.rsplit("/", 1)[-1] for p in paths}
    named = set(re.findall(r"`([\w/]+\.py)`", text.split(module_index.MARK)[0]))
    roots = (module_index.ROOT, SRC.parent)
    gone = sorted(n for n in named if n not in paths and n not in names
                  and not any((r / n).exists() for r in roots))  # fmt: skip
    assert not gone, f"docs/architecture.md names modules that do not exist: {gone}"
