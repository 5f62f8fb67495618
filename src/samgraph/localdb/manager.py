"""Run Neo4j Community as a background process owned by samgraph.

The jars come from Maven Central through `mvn` into a per-version cache; a tiny
Java launcher (SamgraphNeo4j.java, kept beside this file) starts Neo4j embedded
with only the Bolt connector, bound to 127.0.0.1. Everything an instance owns
lives in its data dir: the store, `password` (mode 600), `neo4j.pid`,
`instance.json` and `neo4j.log`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAUNCHER_SOURCE = HERE / "SamgraphNeo4j.java"
POM = HERE / "pom.xml"
READY_LINE = "samgraph-neo4j ready"
ALTERNATIVES = "or set NEO4J_URI to your own Neo4j, or `docker compose up`"


class LocalNeo4jError(RuntimeError):
    """A one-line, actionable error about the managed local Neo4j."""


@dataclass(frozen=True)
class Instance:
    """A running managed Neo4j."""

    data_dir: Path
    pid: int
    port: int
    version: str
    password: str
    user: str = "neo4j"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def _size_to_bytes(size: str) -> int:
    match = re.fullmatch(r"(\d+)([kmg]?)", size.strip().lower())
    if not match:
        raise LocalNeo4jError(f"bad memory size {size!r}: use a number with k, m or g, e.g. 128m")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2)]
    return int(match.group(1)) * factor


def _java(java_home: str | None) -> Path:
    home = java_home or os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return Path(home) / "bin" / "java"
    found = shutil.which("java")
    if not found:
        raise LocalNeo4jError(
            f"`java` not found: install Java 17+ (or set JAVA_HOME), {ALTERNATIVES}"
        )
    return Path(found)


def _java_major(java: Path) -> int:
    out = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return 0
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _required_java(version: str) -> int:
    # Neo4j 5.x runs on Java 17; the calendar-versioned line (2025.01+) needs 21,
    # and 2025.10+ is built for Java 25.
    if version.startswith("5."):
        return 17
    if version >= "2025.10":
        return 25
    return 21


def fetch_jars(version: str, cache_dir: Path) -> Path:
    """Download the Neo4j Community jars for `version` once; return the lib dir."""
    lib = cache_dir / version / "lib"
    marker = cache_dir / version / ".complete"
    if marker.exists():
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalNeo4jError(f"`mvn` not found: install Maven to fetch Neo4j, {ALTERNATIVES}")
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    cmd = [
        mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
        f"-Dneo4j.version={version}", f"-DoutputDirectory={lib}", "-DincludeScope=runtime",
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["(no output)"]
        raise LocalNeo4jError(
            f"mvn could not fetch Neo4j {version} ({tail[0].strip()}); check the version "
            f"and your Maven access, {ALTERNATIVES}"
        )
    marker.write_text(version)
    return lib


def _launcher_classes(java: Path, cache_dir: Path, lib: Path) -> Path:
    """Compile the launcher once per source version; return its class dir."""
    digest = hashlib.sha256(LAUNCHER_SOURCE.read_bytes()).hexdigest()[:12]
    out = cache_dir / "launcher" / f"{digest}-java{_java_major(java)}"
    if (out / "SamgraphNeo4j.class").exists():
        return out
    javac = java.parent / "javac"
    if not javac.exists():
        raise LocalNeo4jError(f"`javac` not found beside {java}: install a JDK 17+, {ALTERNATIVES}")
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [str(javac), "-cp", f"{lib}/*", "-d", str(out), str(LAUNCHER_SOURCE)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise LocalNeo4jError(f"could not compile the Neo4j launcher: {proc.stderr.strip()[:300]}")
    return out


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A pid that was reused by an unrelated process does not count.
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        return b"SamgraphNeo4j" in cmdline.read_bytes()
    return True


def _password(data_dir: Path) -> str:
    path = data_dir / "password"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(24))
    os.chmod(path, 0o600)
    return path.read_text().strip()


def status(data_dir: Path) -> Instance | None:
    """The running instance of `data_dir`, or None. Removes a stale pid file."""
    pid_file = data_dir / "neo4j.pid"
    info_file = data_dir / "instance.json"
    if not pid_file.exists():
        return None
    try:
        pid = int(pid_file.read_text().strip())
        info = json.loads(info_file.read_text())
    except (ValueError, OSError):
        pid, info = -1, {}
    if pid <= 0 or not _pid_alive(pid):
        pid_file.unlink(missing_ok=True)
        return None
    return Instance(
        data_dir=data_dir,
        pid=pid,
        port=int(info["port"]),
        version=str(info["version"]),
        password=_password(data_dir),
    )


def had_stale_pid(data_dir: Path) -> bool:
    """True when the pid file names a process that is gone."""
    pid_file = data_dir / "neo4j.pid"
    if not pid_file.exists():
        return False
    try:
        return not _pid_alive(int(pid_file.read_text().strip()))
    except ValueError:
        return True


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start(
    *,
    data_dir: Path,
    port: int,
    version: str,
    cache_dir: Path,
    heap: str = "512m",
    pagecache: str = "128m",
    timeout: float = 120.0,
    java_home: str | None = None,
) -> Instance:
    """Start (or find already running) the instance of `data_dir` and wait until it answers."""
    data_dir = data_dir.resolve()
    running = status(data_dir)
    if running:
        if running.port != port:
            raise LocalNeo4jError(
                f"Neo4j for {data_dir} already runs on port {running.port}: "
                f"stop it first with `samgraph neo4j stop --data-dir {data_dir}`"
            )
        return running
    if not _port_free(port):
        raise LocalNeo4jError(
            f"port {port} is already in use: choose another with --port, {ALTERNATIVES}"
        )
    java = _java(java_home)
    need = _required_java(version)
    have = _java_major(java)
    if have < need:
        raise LocalNeo4jError(
            f"Neo4j {version} needs Java {need}+ but {java} is Java {have}: set JAVA_HOME "
            f"to a newer JDK, {ALTERNATIVES}"
        )
    lib = fetch_jars(version, cache_dir)
    classes = _launcher_classes(java, cache_dir, lib)
    password = _password(data_dir)
    log_path = data_dir / "neo4j.log"
    log_offset = log_path.stat().st_size if log_path.exists() else 0
    cmd = [
        str(java), f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseG1GC",
        "-cp", f"{classes}{os.pathsep}{lib}/*",
        "SamgraphNeo4j", str(data_dir / "home"), str(port), str(data_dir / "password"),
        str(_size_to_bytes(pagecache)),
    ]  # fmt: skip
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=data_dir,
        )  # fmt: skip
    (data_dir / "instance.json").write_text(json.dumps({"port": port, "version": version}))
    (data_dir / "neo4j.pid").write_text(str(proc.pid))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            (data_dir / "neo4j.pid").unlink(missing_ok=True)
            raise LocalNeo4jError(
                f"Neo4j exited with code {proc.returncode} during start-up: see {log_path}"
            )
        with open(log_path, "rb") as fh:
            fh.seek(log_offset)
            if READY_LINE.encode() in fh.read():
                return Instance(data_dir, proc.pid, port, version, password)
        time.sleep(0.25)
    _terminate(proc.pid, grace=10)
    (data_dir / "neo4j.pid").unlink(missing_ok=True)
    raise LocalNeo4jError(f"Neo4j did not answer within {timeout:.0f}s: see {log_path}")


def _terminate(pid: int, grace: float) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return
        # Reap it when it is our own child, so it does not linger as a zombie.
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def stop(data_dir: Path, grace: float = 60.0) -> bool:
    """Shut the instance down cleanly (SIGTERM runs Neo4j's shutdown). False if none ran."""
    data_dir = data_dir.resolve()
    running = status(data_dir)
    if not running:
        return False
    _terminate(running.pid, grace)
    (data_dir / "neo4j.pid").unlink(missing_ok=True)
    return True
