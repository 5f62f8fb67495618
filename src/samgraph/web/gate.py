"""Authentication at the HTTP edge: request ids, credentials, rate limits."""

from __future__ import annotations

import logging
import math
import re
import time
import uuid
from typing import Any

import redis.asyncio
from fastapi import Request
from fastapi.responses import Response
from limits import parse as parse_limit
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from starlette.requests import HTTPConnection

from samgraph.auth.keys import verify_key
from samgraph.auth.principal import Principal
from samgraph.auth.tokens import TokenRejected, looks_like_jwt, verify_token
from samgraph.config import Settings
from samgraph.db.driver import Db
from samgraph.errors import DatabaseUnavailable
from samgraph.web.errors import error_response
from samgraph.web.explorer import PATH as EXPLORER_PATH

log = logging.getLogger("samgraph.auth")
PUBLIC_PATHS = frozenset({"/healthz", "/readyz"})
# Read-only public files (GraphiQL's bundle); they carry no data.
PUBLIC_PREFIXES = ("/static/",)
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id_of(request: HTTPConnection) -> str:
    """The caller's X-Request-ID when it is sane, else a new one (kept on the request)."""
    rid = getattr(request.state, "request_id", None)
    if rid is None:
        given = request.headers.get("x-request-id", "")
        rid = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        request.state.request_id = rid
    return str(rid)


def limit_storage(uri: str) -> Storage:
    """The counters' storage: this process's memory, or Redis (redis:// or rediss://,
    through the redis package's asyncio client) shared by every worker and instance."""
    if uri in ("", "memory://"):
        return MemoryStorage()
    if uri.startswith(("redis://", "rediss://")):
        # A bounded pool whose callers wait for a free connection: a burst of requests
        # (a thousand operations sent at once on one socket) queues here instead of
        # failing with "Too many connections" once the pool's default size is reached.
        pool = redis.asyncio.BlockingConnectionPool.from_url(uri, max_connections=50, timeout=10)
        return RedisStorage("async+" + uri, implementation="redispy", connection_pool=pool)  # type: ignore[arg-type]
    raise ValueError(f"SAMGRAPH_RATE_LIMIT_STORAGE: {uri!r} is not memory:// or a redis:// URL")


def bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


class AuthGate:
    """Every request but the probes (and the GraphiQL and explorer pages and their static
    files) needs a valid bearer credential: an API key (`sgk_...`) or, when configured, a
    JWT. Then the per-actor rate limit applies (moving window, in this process)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.limit = (
            parse_limit(settings.samgraph_rate_limit) if settings.samgraph_rate_limit else None
        )
        self.limiter = MovingWindowRateLimiter(limit_storage(settings.samgraph_rate_limit_storage))

    def _is_ide_page(self, request: Request) -> bool:
        return (
            self.settings.graphiql
            and request.method == "GET"
            and request.scope["path"].rstrip("/") == "/graphql"
            and "text/html" in request.headers.get("accept", "")
            and "query" not in request.query_params
            and "extensions" not in request.query_params
        )

    def _is_get_query(self, request: Request) -> bool:
        """A document sent over GET when that is off (production's default): only a
        persisted query's hash may come that way (a link or an image tag cannot then
        run a query of its choosing)."""
        return (
            not self.settings.get_queries
            and request.method == "GET"
            and request.scope["path"].rstrip("/") == "/graphql"
            and "query" in request.query_params
        )

    @staticmethod
    def _is_explorer_page(request: Request) -> bool:
        # The page runs nothing by itself: every API call it makes carries the key.
        # Off (SAMGRAPH_EXPLORER), its route answers 404 to anyone.
        return request.method == "GET" and request.scope["path"].rstrip("/") == EXPLORER_PATH

    async def principal(self, request: Request) -> Principal | None:
        token = bearer(request)
        if token is None:
            return None
        return await self.principal_of(request.app.state, token, request_id_of(request))

    async def principal_of(self, state: Any, token: str, rid: str) -> Principal | None:
        """The caller a bearer credential names (None: unknown, revoked or expired)."""
        # Before a caller is known, the lookup of its credential runs unscoped.
        db = Db(state.driver, state.database, timeout=self.settings.samgraph_tx_timeout)
        if looks_like_jwt(token):
            if not self.settings.jwt_enabled:
                return None
            try:
                return await verify_token(db, self.settings, token)
            except TokenRejected as exc:
                log.info("token refused: %s", exc, extra={"request_id": rid})
                return None
        principal = await verify_key(
            db, token, cache_seconds=self.settings.samgraph_auth_cache_seconds
        )
        if (
            principal is not None
            and principal.development
            and self.settings.samgraph_env == "production"
        ):
            log.info("development key refused in production", extra={"request_id": rid})
            return None
        return principal

    async def allow(self, principal: Principal) -> bool:
        """One more request (or WebSocket operation) of this caller: within the limit?"""
        return self.limit is None or await self.limiter.hit(self.limit, principal.actor)

    async def admit(self, request: Request) -> Response | None:
        """The refusal of a request (405 for a query over GET when off, 401 without a
        valid credential, 503 when credentials cannot be checked, 429 over the rate
        limit), or None: it may go on, its caller on `request.state.principal`."""
        rid = request_id_of(request)
        # The scope's path, not `request.url.path`: the same for these comparisons, without
        # building a URL (host header, query string) on every request.
        path = request.scope["path"]
        if self._is_get_query(request):
            return error_response(
                405, "METHOD_NOT_ALLOWED",
                "queries over GET are off (SAMGRAPH_GET_QUERIES): POST them, or GET a "
                "persisted query by its hash",
                {"Allow": "POST", "X-Request-ID": rid},
            )  # fmt: skip
        if (
            path in PUBLIC_PATHS
            or path.startswith(PUBLIC_PREFIXES)
            or self._is_ide_page(request)
            or self._is_explorer_page(request)
        ):
            return None
        try:
            principal = await self.principal(request)
        except DatabaseUnavailable as exc:
            return error_response(503, exc.code, exc.message, {"X-Request-ID": rid})
        if principal is None:
            return error_response(
                401, "UNAUTHENTICATED",
                "missing or invalid credentials: send `Authorization: Bearer <API key or JWT>`",
                {"WWW-Authenticate": 'Bearer realm="samgraph"', "X-Request-ID": rid},
            )  # fmt: skip
        if self.limit is not None and not await self.allow(principal):
            reset, _ = await self.limiter.get_window_stats(self.limit, principal.actor)
            retry = max(1, math.ceil(reset - time.time()))
            return error_response(
                429, "RATE_LIMITED",
                f"over the rate limit of {self.settings.samgraph_rate_limit} (SAMGRAPH_RATE_LIMIT); "
                f"retry in {retry} s",
                {"Retry-After": str(retry), "X-Request-ID": rid},
            )  # fmt: skip
        request.state.principal = principal
        return None
