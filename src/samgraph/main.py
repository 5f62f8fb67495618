"""The ASGI app: FastAPI with the GraphQL router, health and readiness probes, reports."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Literal

import orjson
import strawberry
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.requests import HTTPConnection
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.base import BaseRequestProtocol
from strawberry.types.execution import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from samgraph import __version__
from samgraph.auth.principal import NOBODY
from samgraph.config import Settings, get_settings
from samgraph.context import Context
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate
from samgraph.db.queries import queries
from samgraph.live import service as live_service
from samgraph.localdb.connection import resolve_connection
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshot_service
from samgraph.web import errors, media, sockets, warmup
from samgraph.web import reports as report_routes
from samgraph.web.edge import Edge
from samgraph.web.explorer import PATH as EXPLORER_PATH
from samgraph.web.explorer import explorer_response
from samgraph.web.gate import AuthGate, request_id_of
from samgraph.web.graphiql import graphiql_response
from samgraph.web.pages import STATIC_DIR, STATIC_URL, development_headers
from samgraph.webhooks import dispatch as webhook_dispatch

# What Apollo Client and urql add to requests (CSRF prevention, client awareness).
APOLLO_HEADERS = [
    "Apollo-Require-Preflight",
    "Apollographql-Client-Name",
    "Apollographql-Client-Version",
]


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view of the schema at /graphql, routed by Starlette without
    FastAPI's endpoint machinery (its dependency solving and per-route wrappers were about
    a tenth of a one-read request: docs/benchmarks.md). It answers with orjson (a nested
    read's 15 KB body encodes several times faster than with the standard library); in
    development its GraphiQL page sends the development admin key printed by `samgraph
    serve`."""

    graphql_transport_ws_handler_class = sockets.TransportHandler

    def __init__(
        self,
        schema: strawberry.Schema,
        *,
        settings: Settings,
        gate: AuthGate,
        context_getter: Callable[[HTTPConnection], Context],
    ) -> None:
        ide: Literal["graphiql"] | None = "graphiql" if settings.graphiql else None
        # WebSockets are open to the page's own origin and SAMGRAPH_CORS_ORIGINS (strawberry
        # refuses other origins: cross-site WebSocket hijacking).
        super().__init__(
            schema, graphql_ide=ide, allowed_origins=settings.cors_origins,
            connection_init_wait_timeout=timedelta(seconds=settings.samgraph_ws_init_seconds),
        )  # fmt: skip
        self.settings, self.gate, self.context_getter = settings, gate, context_getter

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> Context:  # fmt: skip
        # An HTTP request, or a WebSocket (authenticated in on_ws_connect, which reads it
        # back from the context). The HTTP sub-response is where gql/extensions.py's
        # UnavailableIs503 sets its status.
        context = self.context_getter(request)
        context.request = request
        context.response = response if isinstance(response, Response) else None
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """A WebSocket is authenticated once, by `connection_init`'s payload
        (`{"Authorization": "Bearer <key or JWT>"}`, what browsers can send) or else the
        upgrade request's own Authorization header; refused with 4403 otherwise."""
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        given = params.get("Authorization") or params.get("authorization")
        socket = context.request
        assert socket is not None  # a WebSocket's context always has its connection
        if not isinstance(given, str):
            given = socket.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        token = token.strip() if scheme.lower() == "bearer" else given.strip()
        principal = (
            await self.gate.principal_of(socket.app.state, token, context.request_id)
            if token
            else None
        )
        if principal is None:
            raise ConnectionRejectionError(
                {"message": "missing or invalid credentials", "code": "UNAUTHENTICATED"}
            )
        assert isinstance(socket, WebSocket)
        sockets.admit(self.settings, principal, socket)
        context.bind(principal)
        context.recheck = sockets.rechecker(self.gate, socket, token, context)
        accepted: UnsetType = UNSET
        return accepted

    def encode_json(self, data: object) -> str:
        # Text: WebSocket messages must be text frames (graphql-transport-ws; browsers'
        # clients parse `event.data` as a string). HTTP bodies skip it: create_response.
        return orjson.dumps(data).decode()

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub = await super().get_sub_response(request)
        request.state.sub_response = sub  # for process_result: the status and media type
        return sub

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:  # fmt: skip
        """The GraphQL over HTTP specification's answer (web/media.py): for a client that
        accepts application/graphql-response+json, a request error has a 4xx status and
        no `data`; application/json stays as it was."""
        answer = await super().process_result(request, result)
        if media.answer_type(request.headers.get("accept")) == media.GRAPHQL_RESPONSE:
            sub: Response = request.state.sub_response
            sub.headers["content-type"] = media.GRAPHQL_RESPONSE
            status = media.request_error_status(dict(answer))
            if status is not None:
                answer.pop("data", None)
                sub.status_code = status
        return answer

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        kind = sub_response.headers.get("content-type") or media.JSON
        response = Response(
            orjson.dumps(response_data), media_type=kind, status_code=sub_response.status_code or 200
        )  # fmt: skip
        response.headers.raw.extend(
            (k, v) for k, v in sub_response.headers.raw if k.lower() != b"content-type"
        )
        return response

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        # A GET of a persisted query carries `extensions` and no `query`: it is a query.
        # (strawberry's check first: it looks at the method before the query string.)
        return super().should_render_graphql_ide(request) and (
            "extensions" not in request.query_params
        )

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        return graphiql_response(development_headers(self.settings, request))


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the lifespan opens the driver and migrates."""
    settings = settings or get_settings()
    schema = build_schema(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        conn = resolve_connection(settings)
        driver = create_driver(conn, retry_seconds=settings.samgraph_db_retry_seconds,
                               pool_size=settings.samgraph_db_pool_size)  # fmt: skip
        # WebSockets' share of the pool: a flood of subscription events waits its turn
        # here and leaves the rest of the pool to HTTP requests (and the key check).
        app.state.socket_slots = asyncio.Semaphore(
            max(1, int(settings.samgraph_db_pool_size * settings.samgraph_ws_pool_share))
        )
        app.state.driver, app.state.database = driver, conn.database
        refresher: asyncio.Task[None] | None = None
        sender: asyncio.Task[None] | None = None
        try:
            await migrate(Db(driver, conn.database))
            if settings.samgraph_warmup:
                app.state.warmed = await warmup.warm(schema, Db(driver, conn.database), settings)
            warmup.settle(settings.samgraph_gc_threshold)
            live_service.wake_refresher_at(settings.samgraph_refresher_pid)
            if (
                settings.samgraph_snapshot_seconds > 0
                and settings.samgraph_snapshot_refresher == "worker"
            ):
                ctx = Context(Db(driver, conn.database), settings, schema, request_id="snapshots")
                refresher = asyncio.create_task(
                    snapshot_service.refresher(ctx, settings.samgraph_snapshot_seconds)
                )
            if settings.samgraph_webhook_seconds > 0:
                sender = asyncio.create_task(
                    webhook_dispatch.dispatcher(Db(driver, conn.database), settings)
                )
            yield
        finally:
            # Background work stops before its driver closes (never mid-query on a closed one).
            background = [t for t in (refresher, sender) if t is not None]
            for task in [*background, *live_service.watcher_tasks(driver)]:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await driver.close()

    # No OpenAPI pages: the API is GraphQL (its schema is schema.graphql).
    app = FastAPI(
        title="samgraph", version=__version__, lifespan=lifespan,
        docs_url=None, redoc_url=None, openapi_url=None,
    )  # fmt: skip
    errors.install(app)

    def context_for(request: HTTPConnection) -> Context:
        state = request.app.state
        # Only the GraphiQL page itself is served without a credential; it runs nothing.
        principal = getattr(request.state, "principal", NOBODY)
        socket = isinstance(request, WebSocket)
        db = Db(state.driver, state.database, timeout=settings.samgraph_tx_timeout,
                slots=state.socket_slots if socket else None)  # fmt: skip
        # An HTTP request's time budget starts now; a socket's operations each start
        # their own (gql/guard.py).
        if not socket:
            db.deadline.start(settings.samgraph_request_seconds)
        return Context(db, settings, schema, principal=principal, request_id=request_id_of(request))

    gate = AuthGate(settings)
    graphql = GraphQLApp(schema, settings=settings, gate=gate, context_getter=context_for)
    app.router.routes += [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
    ]
    app.include_router(report_routes.router(context_for))
    # GraphiQL's bundle (built from frontend/ at install time; public, read-only).
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")

    # Body limit, credentials, rate limit, request ids, recoded refusals (web/edge.py).
    app.add_middleware(Edge, gate=gate, max_body_bytes=settings.samgraph_max_body_bytes)

    # Outermost, so a browser's preflight is answered before authentication (it carries
    # no credentials by design) and every answer, refusals included, has the headers.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID", "Accept", *APOLLO_HEADERS],
        expose_headers=["X-Request-ID", "Retry-After", "X-Samgraph-Cut"],
        max_age=600,
    )

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """The process is alive."""
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        """Neo4j answers."""
        state = request.app.state
        try:
            await Db(state.driver, state.database).read(queries.db.ping)
        except Exception as exc:  # any driver failure means "not ready"
            body = errors.error_body(
                "DATABASE_UNAVAILABLE", f"the database does not answer ({type(exc).__name__})"
            )
            return JSONResponse({"status": "unavailable", **body}, 503)
        return JSONResponse({"status": "ready"})

    @app.get(EXPLORER_PATH, response_model=None)
    async def explorer(request: Request) -> Response:
        """The graph explorer page (SAMGRAPH_EXPLORER); its API calls carry the key."""
        return explorer_response(settings, request)

    return app
