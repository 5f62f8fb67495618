"""The browser pages' own checks (frontend/), run by `make test`: the unit tests of the
explorer's pure graph code (node's test runner, `npm test`), the generated operation
types current with schema.graphql and frontend/operations/*.graphql, and tsc --noEmit.
Needs Node.js and npm (`make install` has run `npm ci` in frontend/), not Neo4j."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = ROOT / "frontend"
STALE = "run `make frontend-types` and commit"


def npm(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("npm") is None:
        pytest.fail("npm is not on PATH: the frontend needs Node.js 18+ and npm")
    if not (FRONTEND / "node_modules").is_dir():
        pytest.fail("frontend/node_modules is missing: run `make install`")
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    return subprocess.run(
        ["npm", "run", "--silent", *args],
        cwd=FRONTEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_graph_code_unit_tests_pass() -> None:
    run = npm("test")
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "# fail 0" in output and "# pass " in output, output


def test_generated_operation_types_are_current() -> None:
    # --check writes nothing and exits 1 when the generated file would change.
    run = npm("generate:check")
    assert run.returncode == 0, (
        f"src/explorer/generated/graphql.ts is stale: {STALE}\n{run.stdout}{run.stderr}"
    )


def test_frontend_typechecks() -> None:
    run = npm("typecheck")
    assert run.returncode == 0, run.stdout + run.stderr
