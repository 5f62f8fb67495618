"""The real app on a real port, for tests that need a browser (or any other HTTP client
outside the process): uvicorn in a background thread on a free localhost port."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import uvicorn

from samgraph.config import Settings, get_settings
from samgraph.localdb import manager
from samgraph.main import create_app

STARTUP_SECONDS = 30.0


@contextlib.contextmanager
def static_site(directory: Path) -> Iterator[int]:
    """`directory` on a free port: a frontend's own origin (another than the API's)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def live_server(settings: Settings, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `create_app(settings)` (lifespan included) until the block ends; yields its
    base URL, e.g. `http://127.0.0.1:41234`. The port is bound before uvicorn starts, so
    two servers never race for it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings), host=host, port=port, lifespan="on", log_level="warning"
    )
    server = uvicorn.Server(config)
    # Uvicorn installs no signal handlers outside the main thread.
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"live-server-{port}", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the live server stopped while starting (see its log above)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the live server did not start within {STARTUP_SECONDS} s")
            time.sleep(0.05)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()


def free_port() -> int:
    """A localhost port nobody listens on (for an extra Neo4j or redis-server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_neo4j(data_dir: Path, port: int, *, heap: str = "256m", pagecache: str = "32m") -> manager.Instance:  # fmt: skip
    """An extra managed Neo4j of the test's own (fault tests kill or stop it)."""
    s = get_settings()
    return manager.start(data_dir=data_dir, port=port, version=s.samgraph_neo4j_version,
                         cache_dir=s.jar_cache_dir, heap=heap, pagecache=pagecache)  # fmt: skip
