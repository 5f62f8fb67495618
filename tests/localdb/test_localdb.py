"""The managed local Neo4j: start, status, stop, restart keeps data, and the
one-line errors (port taken, stale pid, missing java or mvn)."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from typer.testing import CliRunner

from samgraph.cli import app
from samgraph.config import get_settings
from samgraph.localdb import manager


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def instance_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data_dir = tmp_path_factory.mktemp("neo4j-launcher")
    yield data_dir
    manager.stop(data_dir)


def _start(data_dir: Path, port: int) -> manager.Instance:
    s = get_settings()
    return manager.start(
        data_dir=data_dir, port=port, version=s.samgraph_neo4j_version,
        cache_dir=s.jar_cache_dir, heap="256m", pagecache="32m",
    )  # fmt: skip


def _run(instance: manager.Instance, cypher: str) -> list[dict[str, object]]:
    with GraphDatabase.driver(instance.uri, auth=(instance.user, instance.password)) as d:
        records, _, _ = d.execute_query(cypher, database_="neo4j")
        return [r.data() for r in records]


@pytest.mark.slow
def test_start_status_stop_restart_keeps_data(instance_dir: Path) -> None:
    port = _free_port()
    inst = _start(instance_dir, port)
    assert inst.uri == f"bolt://127.0.0.1:{port}"
    assert stat.S_IMODE((instance_dir / "password").stat().st_mode) == 0o600
    assert manager.status(instance_dir) == inst
    _run(inst, "CREATE (:Probe {v: 42})")
    # Starting again while running is a no-op that returns the same instance.
    assert _start(instance_dir, port).pid == inst.pid

    assert manager.stop(instance_dir) is True
    assert manager.status(instance_dir) is None
    assert manager.stop(instance_dir) is False

    again = _start(instance_dir, port)
    assert again.password == inst.password  # kept in the data dir
    assert _run(again, "MATCH (p:Probe) RETURN p.v AS v") == [{"v": 42}]


@pytest.mark.slow
def test_cli_prints_eval_lines_and_status(instance_dir: Path) -> None:
    inst = manager.status(instance_dir) or _start(instance_dir, _free_port())
    result = CliRunner().invoke(
        app, ["neo4j", "start", "--data-dir", str(instance_dir), "--port", str(inst.port)]
    )
    assert result.exit_code == 0, result.output
    out = subprocess.run(
        ["bash", "-c", 'eval "$1"; echo "$NEO4J_URI|$NEO4J_USER|$NEO4J_PASSWORD"; env | grep -c ^NEO4J_', "_", result.stdout],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    assert out[0] == f"{inst.uri}|neo4j|{inst.password}"
    assert out[1] == "3"  # exported for child processes
    status = CliRunner().invoke(app, ["neo4j", "status", "--data-dir", str(instance_dir)])
    assert status.exit_code == 0 and inst.uri in status.stdout


@pytest.mark.slow
def test_port_taken_gives_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(manager.LocalNeo4jError) as info:
            _start(tmp_path, port)
    message = str(info.value)
    assert f"port {port} is already in use" in message
    assert "NEO4J_URI" in message and "docker compose up" in message and "\n" not in message
    result = CliRunner().invoke(app, ["neo4j", "status", "--data-dir", str(tmp_path)])
    assert result.exit_code == 3


def test_stale_pid_file_is_cleared(tmp_path: Path) -> None:
    proc = subprocess.Popen(["true"])
    proc.wait()
    (tmp_path / "neo4j.pid").write_text(str(proc.pid))
    (tmp_path / "instance.json").write_text('{"port": 1, "version": "5.26.30"}')
    assert manager.had_stale_pid(tmp_path)
    assert manager.status(tmp_path) is None
    assert not (tmp_path / "neo4j.pid").exists()


def test_missing_java_and_mvn_say_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(
        manager.LocalNeo4jError, match=r"`java` not found: install Java 17\+.*NEO4J_URI"
    ):
        manager.start(
            data_dir=tmp_path / "d", port=_free_port(), version="5.26.30", cache_dir=tmp_path / "c"
        )
    with pytest.raises(
        manager.LocalNeo4jError, match=r"`mvn` not found: install Maven.*docker compose up"
    ):
        manager.fetch_jars("5.26.30", tmp_path / "empty-cache")


def test_newer_line_needs_newer_java(tmp_path: Path) -> None:
    java17 = Path("/usr/lib/jvm/java-17-openjdk-amd64")
    if not (java17 / "bin" / "java").exists():
        java17 = Path(os.environ.get("JAVA_HOME", "/usr"))
    with pytest.raises(manager.LocalNeo4jError, match="needs Java 25"):
        manager.start(data_dir=tmp_path, port=_free_port(), version="2025.10.1",
                      cache_dir=tmp_path / "c", java_home=str(java17))  # fmt: skip


def test_memory_sizes() -> None:
    assert manager._size_to_bytes("128m") == 128 * 1024 * 1024
    assert manager._size_to_bytes("1g") == 1024**3
    with pytest.raises(manager.LocalNeo4jError):
        manager._size_to_bytes("lots")
