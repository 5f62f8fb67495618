"""GraphiQL served from the package: our own page around the bundle that `make install`
builds from frontend/ into web/static/graphiql/ (no CDN; it works offline). In
development the page sends the development admin key."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import orjson
from fastapi.responses import HTMLResponse

STATIC_DIR = Path(__file__).resolve().parent / "static"
"""Built by `npm run build` in frontend/ (`make frontend`), served under STATIC_URL."""
STATIC_URL = "/static"
ASSETS = ("graphiql/graphiql.js", "graphiql/graphiql.css")

# Nothing but this origin: the bundle, its inlined fonts and images, and the API
# (HTTP and WebSocket). React and CodeMirror set inline styles.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>samgraph GraphiQL</title>
<link rel="stylesheet" href="{static}/graphiql/graphiql.css">
<style>html, body, #graphiql {{ height: 100%; margin: 0; }}</style>
<script id="samgraph-config" type="application/json">{config}</script>
<script defer src="{static}/graphiql/graphiql.js"></script>
</head>
<body>
<div id="graphiql"></div>
</body>
</html>
"""

MISSING = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>samgraph GraphiQL: assets not built</title></head>
<body>
<h1>GraphiQL's assets are not built</h1>
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


def missing_assets() -> list[str]:
    """The bundle files that are not there (a pip install without the frontend build)."""
    return [name for name in ASSETS if not (STATIC_DIR / name).is_file()]


def render_page(headers: Mapping[str, str]) -> str:
    """The page, with `headers` in its JSON config (sent with every request)."""
    config = orjson.dumps({"headers": dict(headers)}).decode()
    # Inside <script>, "</" would end the element: JSON allows escaping "<".
    config = config.replace("<", "\\u003c")
    return PAGE.format(static=STATIC_URL, config=config)


def graphiql_response(headers: Mapping[str, str]) -> HTMLResponse:
    """The GraphiQL page, or a 503 saying how to build its assets when they are missing."""
    missing = missing_assets()
    if missing:
        names = ", ".join(html.escape(f"{STATIC_URL}/{name}") for name in missing)
        return HTMLResponse(MISSING.format(missing=names), status_code=503)
    return HTMLResponse(render_page(headers), headers={"Content-Security-Policy": CSP})
