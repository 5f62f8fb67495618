"""The browser pages served from the package (GraphiQL, the explorer): our own HTML
around a bundle that `make install` builds from frontend/ into web/static/<page>/ (no
CDN; they work offline), with the page's settings in a JSON config element, a strict
Content-Security-Policy, and a 503 saying how to build the bundle when it is missing."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import orjson
from fastapi.responses import HTMLResponse
from starlette.requests import HTTPConnection

from samgraph.config import Settings

STATIC_DIR = Path(__file__).resolve().parent / "static"
"""Built by `npm run build` in frontend/ (`make frontend`), served under STATIC_URL."""
STATIC_URL = "/static"

# Nothing but this origin: the bundle, its inlined fonts and images, and the API
# (HTTP and WebSocket). React, CodeMirror and Cytoscape set inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{static}/{page}/{page}.css">
<style>{style}</style>
<script id="samgraph-config" type="application/json">{config}</script>
<script defer src="{static}/{page}/{page}.js"></script>
</head>
<body>
<div id="{page}"></div>
</body>
</html>
"""

MISSING = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}: assets not built</title></head>
<body>
<h1>{title}: the page's assets are not built</h1>
<p>Missing: {missing}.</p>
<p>They are built from <code>frontend/</code> with npm when samgraph is installed: run
<code>make install</code> (or <code>make frontend</code>) in the samgraph checkout, then
reload this page. The API itself works without them.</p>
</body>
</html>
"""


def inject_key(headers: Mapping[str, str], key: str) -> dict[str, str]:
    """`headers` plus the development key as the Authorization header (none without a key)."""
    return {**headers, "Authorization": f"Bearer {key}"} if key else dict(headers)


_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def _loopback(value: str | None, *, url: bool) -> bool:
    """A Host header (`host[:port]`) or an Origin (`scheme://host[:port]`) naming this
    machine's loopback interface."""
    if not value:
        return False
    host = value.split("://", 1)[1] if url and "://" in value else value
    host = host.split("/", 1)[0]
    if host.startswith("["):
        host = host[: host.find("]") + 1]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.lower() in _LOOPBACK


def development_headers(settings: Settings, request: HTTPConnection | None = None) -> dict[str, str]:  # fmt: skip
    """What a page sends with every request: in development the development admin key
    (`samgraph serve` writes it to settings.dev_key_file), otherwise nothing. Only to a
    page asked for by loopback Host (and Origin, when sent): a DNS-rebinding page on
    `evil.example` that resolves to 127.0.0.1 gets no key."""
    if settings.samgraph_env != "development" or request is None:
        return {}
    origin = request.headers.get("origin")
    if not _loopback(request.headers.get("host"), url=False) or (
        origin is not None and not _loopback(origin, url=True)
    ):
        return {}
    path = settings.dev_key_file
    return inject_key({}, path.read_text().strip() if path.exists() else "")


def assets(page: str) -> tuple[str, str]:
    """The bundle files of a page, relative to STATIC_DIR."""
    return (f"{page}/{page}.js", f"{page}/{page}.css")


def missing_assets(page: str) -> list[str]:
    """The bundle files that are not there (a pip install without the frontend build)."""
    return [name for name in assets(page) if not (STATIC_DIR / name).is_file()]


def render_page(page: str, title: str, config: Mapping[str, object], style: str = "") -> str:
    """The page's HTML, with `config` as JSON in `<script id="samgraph-config">`."""
    text = orjson.dumps(dict(config)).decode()
    # Inside <script>, "</" would end the element: JSON allows escaping "<".
    text = text.replace("<", "\\u003c")
    return PAGE.format(
        static=STATIC_URL, page=page, title=html.escape(title), style=style, config=text
    )


def page_response(
    page: str, title: str, config: Mapping[str, object], style: str = ""
) -> HTMLResponse:
    """The page, or a 503 saying how to build its assets when they are missing."""
    missing = missing_assets(page)
    if missing:
        names = ", ".join(html.escape(f"{STATIC_URL}/{name}") for name in missing)
        return HTMLResponse(
            MISSING.format(title=html.escape(title), missing=names), status_code=503
        )
    return HTMLResponse(
        render_page(page, title, config, style), headers={"Content-Security-Policy": CSP}
    )
