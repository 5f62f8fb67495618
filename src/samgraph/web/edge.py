"""The HTTP edge: one plain ASGI middleware in front of every HTTP route.

In order: a body over SAMGRAPH_MAX_BODY_BYTES is refused before it is read (413) when
its Content-Length says so, and as its bytes arrive otherwise (chunked transfer); the
gate admits the request or refuses it (web/gate.py: 405, 401, 503, 429); every answer
carries the request id (`X-Request-ID`); and strawberry's plain-text refusals are
recoded into the error body of every other path. It is plain ASGI rather than three
`@app.middleware("http")` functions because Starlette runs each of those through its
own task and memory streams, a cost every request paid three times
(docs/benchmarks.md). WebSockets pass through (they are admitted in `on_ws_connect`).
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from samgraph.web.errors import error_response, recoded
from samgraph.web.gate import AuthGate, request_id_of


class _TooLarge(Exception):
    """The body grew past the limit while it was being read."""


def _counted(receive: Receive, limit: int) -> Receive:
    """`receive`, counting body bytes as they arrive: past `limit` it raises instead of
    handing the app more (a chunked body has no Content-Length to refuse up front)."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message

    return counted


def _too_large(limit: int) -> ASGIApp:
    return error_response(413, "PAYLOAD_TOO_LARGE", f"request body over {limit} bytes "
                          "(SAMGRAPH_MAX_BODY_BYTES); use the CLI for big imports")  # fmt: skip


class Edge:
    def __init__(self, app: ASGIApp, *, gate: AuthGate, max_body_bytes: int) -> None:
        self.app, self.gate, self.max_body_bytes = app, gate, max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > self.max_body_bytes:
            await _too_large(self.max_body_bytes)(scope, receive, send)
            return
        refusal = await self.gate.admit(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        started = False
        answer = _answering(scope, receive, send, request_id_of(request))

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await answer(message)

        try:
            await self.app(scope, _counted(receive, self.max_body_bytes), tracked)
        except _TooLarge:
            if started:
                raise
            await _too_large(self.max_body_bytes)(scope, receive, tracked)
        except (UnicodeDecodeError, RecursionError) as exc:
            # A body that is not UTF-8, or JSON nested past what the parser recurses
            # through: the caller's mistake, answered as one (never a plain-text 500).
            if started:
                raise
            why = "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else "nested too deeply"
            await error_response(400, "BAD_REQUEST", f"the request body is {why}")(
                scope, receive, tracked
            )


def _answering(scope: Scope, receive: Receive, send: Send, rid: str) -> Send:
    """`send`, with the request id on the answer and a plain-text refusal recoded."""
    held: list[Message] = []  # a plain-text refusal's start, then its body so far
    body = bytearray()

    async def answer(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            headers["X-Request-ID"] = rid
            if message["status"] >= 400 and headers.get("content-type", "").startswith(
                "text/plain"
            ):
                held.append(message)
                return
        elif held and message["type"] == "http.response.body":
            body.extend(message.get("body", b""))
            if message.get("more_body", False):
                return
            start = held[0]
            await recoded(start["status"], Headers(raw=start["headers"]), bytes(body))(
                scope, receive, send
            )
            return
        await send(message)

    return answer
