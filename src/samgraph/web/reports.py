"""`GET /reports/{name}`: a saved query or built-in report as JSON or CSV."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from samgraph.auth import audit
from samgraph.context import Context
from samgraph.errors import DatabaseUnavailable, NotFound, SamgraphError
from samgraph.reports import service as reports
from samgraph.reports.csvout import csv_lines
from samgraph.web.errors import error_response


def router(context_for: Callable[[Request], Context]) -> APIRouter:
    """The report routes, running as the request's caller (role, scope, limits)."""
    api = APIRouter()

    @api.get("/reports/{name}", response_model=None)
    async def report(
        name: str, request: Request, format: Literal["json", "csv"] = "json"
    ) -> JSONResponse | StreamingResponse:
        """Run a saved query or built-in report; other query parameters are its variables."""
        ctx = context_for(request)
        params = {k: request.query_params.getlist(k) for k in request.query_params if k != "format"}
        try:
            data = await reports.run(ctx, name, params=params)
        except SamgraphError as exc:
            status = 503 if isinstance(exc, DatabaseUnavailable) else 400
            status = 404 if isinstance(exc, NotFound) else status
            extensions = {k: v for k, v in exc.extensions.items() if k != "code"}
            return error_response(status, exc.code, exc.message, **extensions)
        audit.record(ctx, f"report:{name}", kind="export", accounts=audit.accounts_in(params))
        if format == "csv":
            return StreamingResponse(
                csv_lines(data),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
            )
        return JSONResponse({"data": data})

    return api
