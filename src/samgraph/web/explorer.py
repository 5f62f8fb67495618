"""The graph explorer at /explorer: a SAM's portfolio, then one account's relationship
graph, coverage grid, champion backups, warm paths and whitespace, drawn in the
browser from the public GraphQL API with the caller's key (frontend/src/explorer.tsx,
bundled into web/static/explorer/). The page runs nothing by itself, so it is served
without a credential; in development it carries the development admin key, otherwise
it asks for a key and sends it with every request."""

from __future__ import annotations

from fastapi.responses import Response
from starlette.requests import HTTPConnection

from samgraph.config import Settings
from samgraph.web.errors import error_response
from samgraph.web.pages import development_headers, page_response

PATH = "/explorer"
PAGE = "explorer"
TITLE = "samgraph explorer"


def explorer_response(settings: Settings, request: HTTPConnection | None = None) -> Response:
    """The explorer page; 404 with the coded error body when SAMGRAPH_EXPLORER is off."""
    if not settings.explorer:
        return error_response(
            404, "NOT_FOUND", "the explorer is off here (SAMGRAPH_EXPLORER=true turns it on)"
        )
    config = {
        "headers": development_headers(settings, request),
        "development": settings.samgraph_env == "development",
    }
    return page_response(PAGE, TITLE, config)
