"""The real app on a real port, for tests that need a browser (or any other HTTP client
outside the process): uvicorn in a background thread on a free localhost port."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn

from samgraph.config import Settings
from samgraph.main import create_app

STARTUP_SECONDS = 30.0


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
