"""The TypeScript client (clients/typescript) is current with README.md and schema.graphql,
and it compiles under `tsc --strict`. Needs Node.js and npm, not Neo4j; installs the npm
packages (`make types-deps`) when they are missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_readme_examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
CLIENT = ROOT / "clients" / "typescript"
STALE = "run `make types` and commit"


def run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    # Not the outer `make test`'s jobserver and flags: the inner make runs on its own.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def node_modules() -> Path:
    for tool in ("node", "npm", "make"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not on PATH: the TypeScript client needs Node.js 18+ and npm")
    installed = run(["make", "--no-print-directory", "types-deps"], cwd=ROOT)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return CLIENT / "node_modules"


def test_readme_operations_are_current(tmp_path: Path) -> None:
    fresh = tmp_path / "readme.graphql"
    extracted = run([sys.executable, CLIENT / "extract_operations.py", "--out", fresh], cwd=CLIENT)
    assert extracted.returncode == 0, extracted.stderr
    text = fresh.read_text()
    # The same blocks as the README test runs: one entry (named or skipped) for each.
    assert len(re.findall(r"^# README example \d+:", text, re.M)) == len(EXAMPLES)
    committed = CLIENT / "operations" / "readme.graphql"
    assert committed.exists(), f"{committed} is missing: {STALE}"
    assert committed.read_text() == text, f"{committed} is stale: {STALE}"


def test_generated_types_are_current(node_modules: Path) -> None:
    # --check writes nothing and exits 1 when src/generated/graphql.ts would change.
    codegen = node_modules / ".bin" / "graphql-codegen"
    checked = run([codegen, "--config", "codegen.ts", "--check"], cwd=CLIENT)
    output = checked.stdout + checked.stderr
    assert checked.returncode == 0, f"src/generated/graphql.ts is stale: {STALE}\n{output}"


def test_types_and_example_compile_strict(node_modules: Path) -> None:
    compiled = run([node_modules / ".bin" / "tsc", "--strict", "--noEmit", "-p", "."], cwd=CLIENT)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
