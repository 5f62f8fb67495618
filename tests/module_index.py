"""docs/architecture.md's module index: every module of src/samgraph/ with the first
sentence of its docstring, between two markers. `make generate` writes it
(`python -m tests.module_index`); tests/test_architecture.py fails when it is stale, so
the document never names a module that is gone nor misses a new one."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "samgraph"
DOC = ROOT / "docs" / "architecture.md"
MARK = "<!-- module index: `make generate` writes it -->"


def modules() -> list[Path]:
    """Every Python module of the package (the bundled static files aside)."""
    return sorted(p for p in SRC.rglob("*.py") if "static" not in p.relative_to(SRC).parts)


def _summary(path: Path) -> str:
    """The docstring's first sentence (up to a `.`, `:` or `;` outside parentheses)."""
    doc = ast.get_docstring(ast.parse(path.read_text())) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    depth = 0
    for i, ch in enumerate(first):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and ch in ".:;" and (i + 1 == len(first) or first[i + 1] == " "):
            return first[:i]
    return first or "(package marker)"


def index() -> str:
    """The index: one line per module, by folder."""
    lines = [MARK, ""]
    for path in modules():
        rel = path.relative_to(SRC).as_posix()
        lines.append(f"- `{rel}`: {_summary(path)}")
    return "\n".join([*lines, "", MARK])


def written(text: str) -> str:
    """`text` (the document) with its index replaced by the current one."""
    before, _, rest = text.partition(MARK)
    _, _, after = rest.partition(MARK)
    return before + index() + after


if __name__ == "__main__":
    DOC.write_text(written(DOC.read_text()))
