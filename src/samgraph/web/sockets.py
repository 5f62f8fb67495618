"""WebSockets held to what HTTP requests are held to (issues 23 and 24).

A socket is authenticated by its connection_init; after that every operation on it
checks its credential again (through the same cache as HTTP: revocation takes effect
within SAMGRAPH_AUTH_CACHE_SECONDS), takes the caller's current scope (a member taken
off an account stops seeing it), and counts against the caller's rate limit. A revoked
credential's socket is closed with 4403, the code of a refused connection_init. Each
credential may hold SAMGRAPH_WS_SOCKETS_PER_KEY open sockets (per process).
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.websockets import WebSocket, WebSocketState
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)

from samgraph.auth.principal import Principal
from samgraph.config import Settings
from samgraph.errors import RateLimited, SamgraphError, Unauthenticated
from samgraph.web.gate import AuthGate

log = logging.getLogger("samgraph.auth")
REFUSED = 4403
"""The close code of a refused or revoked credential (graphql-transport-ws: Forbidden)."""

_OPEN: dict[str, weakref.WeakSet[WebSocket]] = {}

Recheck = Callable[[], Awaitable[SamgraphError | None]]


def admit(settings: Settings, principal: Principal, socket: WebSocket) -> None:
    """Count the socket against its credential's cap; refuse it over the cap."""
    sockets = _OPEN.setdefault(principal.actor, weakref.WeakSet())
    live = [s for s in sockets if s.client_state != WebSocketState.DISCONNECTED]
    if len(live) >= settings.samgraph_ws_sockets_per_key:
        raise ConnectionRejectionError({
            "message": f"at most {settings.samgraph_ws_sockets_per_key} open WebSockets per "
            "credential (SAMGRAPH_WS_SOCKETS_PER_KEY)", "code": "LIMIT_EXCEEDED"})  # fmt: skip
    sockets.add(socket)


def rechecker(gate: AuthGate, socket: WebSocket, token: str, context: Any) -> Recheck:
    """What an operation on this socket runs first: the refusal, or None (the context
    then serves the credential's current role and scope)."""

    async def recheck() -> SamgraphError | None:
        principal = await gate.principal_of(socket.app.state, token, context.request_id)
        if principal is None:
            log.info("closing a WebSocket: its credential was revoked",
                     extra={"request_id": context.request_id})  # fmt: skip
            with contextlib.suppress(Exception):
                await socket.close(code=REFUSED, reason="credentials revoked or expired")
            return Unauthenticated("this credential was revoked or has expired")
        if principal != context.principal:
            context.bind(principal)  # a new role or scope applies from now on
        if not await gate.allow(principal):
            return RateLimited(
                f"over the rate limit of {gate.settings.samgraph_rate_limit} (SAMGRAPH_RATE_LIMIT)"
            )
        return None

    return recheck


class TransportHandler(BaseGraphQLTransportWSHandler[Any, Any]):
    """Strawberry's graphql-transport-ws handler, whose refusal of an operation over the
    in-flight cap (strawberry's `max_subscriptions_per_connection`, 100: queries and
    mutations in flight count too) carries a code like every other error."""

    async def handle_subscribe(self, message: Any) -> None:
        cap = self.max_subscriptions_per_connection
        if (
            self.connection_acknowledged
            and cap is not None
            and message["id"] not in self.operations
            and len(self.operations) >= cap
        ):
            await self.send_message({"id": message["id"], "type": "error", "payload": [{
                "message": f"at most {cap} operations in flight per WebSocket: wait for "
                "answers before sending more", "extensions": {"code": "LIMIT_EXCEEDED"}}]})  # fmt: skip
            return
        await super().handle_subscribe(message)
