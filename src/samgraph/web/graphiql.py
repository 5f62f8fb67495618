"""GraphiQL served from the package: our own page around the bundle that `make install`
builds from frontend/ into web/static/graphiql/ (no CDN; it works offline). In
development the page sends the development admin key."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi.responses import HTMLResponse

from samgraph.web.pages import STATIC_DIR, STATIC_URL, inject_key, missing_assets, page_response

__all__ = ["STATIC_DIR", "STATIC_URL", "graphiql_response", "inject_key", "missing_assets"]

PAGE = "graphiql"
TITLE = "samgraph GraphiQL"
STYLE = "html, body, #graphiql { height: 100%; margin: 0; }"


def graphiql_response(headers: Mapping[str, str]) -> HTMLResponse:
    """The GraphiQL page (sending `headers` with every request), or a 503 saying how to
    build its assets when they are missing."""
    return page_response(PAGE, TITLE, {"headers": dict(headers)}, STYLE)
