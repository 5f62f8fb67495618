"""Persisted queries: Apollo's automatic persisted queries (APQ) and an allow-list.

A client sends `extensions.persistedQuery = {version: 1, sha256Hash}`, with the
document the first time and the hash alone after that (Apollo Client's
persisted-queries link, urql's persistedExchange). Documents are kept in Neo4j
(`(:PersistedQuery {hash})`), so every worker and instance knows them, with a
per-process cache in front.

SAMGRAPH_PERSISTED_QUERIES:
- `apq` (default): any client may register a document by sending it with its hash;
- `allowlist`: only documents an operator registered (`samgraph persisted add`) run,
  whether sent whole or by hash; anything else is refused (PERSISTED_QUERY_NOT_ALLOWED);
- `off`: the extension is refused (PERSISTED_QUERY_NOT_SUPPORTED).

What clients register is bounded (issue 23): a document of more than
SAMGRAPH_PERSISTED_MAX_BYTES (comments included) is refused, each credential may
register SAMGRAPH_PERSISTED_RATE documents (a `limits` rate, per process), and the store
keeps at most SAMGRAPH_PERSISTED_MAX_DOCUMENTS client documents, evicting the least
recently used (an operator's allow-list is never evicted).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator

from graphql import GraphQLError
from limits import parse as parse_limit
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from strawberry.extensions import SchemaExtension

from samgraph.db.driver import Db
from samgraph.db.queries import queries as q
from samgraph.gql.guard import refuse

CACHE_SIZE = 1024


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _error(code: str, message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


class Store:
    """Documents by hash: Neo4j, with an LRU of this process in front."""

    def __init__(self) -> None:
        self._cache: OrderedDict[str, tuple[str, bool]] = OrderedDict()

    def _remember(self, digest: str, document: str, registered: bool) -> None:
        self._cache[digest] = (document, registered)
        self._cache.move_to_end(digest)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    async def get(self, db: Db, digest: str, *, allowed: bool = False) -> tuple[str, bool] | None:
        """The document and whether it is on the allow-list. With `allowed`, a cached
        "not on the list" is read again: an operator may have added it since. A read
        from Neo4j marks it used (the eviction order)."""
        if digest in self._cache and (self._cache[digest][1] or not allowed):
            self._cache.move_to_end(digest)
            return self._cache[digest]
        rows = await db.read(q.persisted.get_document, hash=digest)
        if not rows or rows[0]["document"] is None:
            return None
        found = (str(rows[0]["document"]), bool(rows[0]["registered"]))
        await db.write(q.persisted.touch_document, hash=digest)
        self._remember(digest, *found)
        return found

    async def put(self, db: Db, document: str, *, registered: bool, keep: int | None = None) -> str:  # fmt: skip
        """Store a document; with `keep`, then evict client documents beyond that many."""
        digest = sha256(document)
        await db.write(q.persisted.put_document, hash=digest, document=document,
                       registered=registered)  # fmt: skip
        if keep is not None:
            await db.write(q.persisted.evict_documents, keep=keep)
        self._cache.pop(digest, None)  # `registered` may have changed; read it again
        return digest


STORE = Store()


def persisted_queries(
    mode: str,
    store: Store = STORE,
    *,
    max_bytes: int = 100_000,
    max_documents: int = 10_000,
    rate: str = "100/hour",
) -> type[SchemaExtension]:
    """The extension for SAMGRAPH_PERSISTED_QUERIES = `mode`, with the bounds above."""
    limit = parse_limit(rate) if rate else None
    limiter = MovingWindowRateLimiter(MemoryStorage())

    class PersistedQueries(SchemaExtension):
        unknown: str | None = None  # a new document sent with its hash, kept if it is valid
        valid = False  # it parsed and validated: execution began

        refused: GraphQLError | None = None  # a WebSocket's refusal, answered at execution

        def on_execute(self) -> Iterator[None]:
            if self.refused is not None:
                refuse(self.execution_context, self.refused)
            else:
                self.valid = True
            yield

        async def on_operation(self) -> AsyncIterator[None]:
            try:
                await self._resolve()
            except GraphQLError as exc:
                # Raised here, strawberry's WebSocket handler drops it and completes the
                # operation silently; an operation over a socket is refused at execution.
                if getattr(self.execution_context.context, "recheck", None) is None:
                    raise
                self.refused = exc
            yield
            # Only a document that parsed and validated is kept (junk never reaches Neo4j).
            if self.unknown and self.valid:
                ctx = self.execution_context.context
                await store.put(ctx.db, self.unknown, registered=False, keep=max_documents)

        async def _resolve(self) -> None:
            ec = self.execution_context
            ctx = ec.context
            if getattr(ctx, "trusted", False):
                return  # built-in reports run inside the server
            given = (ec.operation_extensions or {}).get("persistedQuery")
            if given is None:
                if mode == "allowlist":
                    if not ec.query:
                        return  # strawberry reports the missing query
                    found = await store.get(ctx.db, sha256(ec.query), allowed=True)
                    if found is None or not found[1]:
                        raise _error("PERSISTED_QUERY_NOT_ALLOWED", _NOT_ALLOWED)
                return
            if mode == "off":
                raise _error("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported")
            digest = given.get("sha256Hash") if isinstance(given, dict) else None
            if not isinstance(digest, str) or given.get("version", 1) != 1:
                raise _error("BAD_USER_INPUT", "extensions.persistedQuery: version 1 with a "
                             "sha256Hash (hex) is the only supported form")  # fmt: skip
            if ec.query:
                if sha256(ec.query) != digest.lower():
                    raise _error("BAD_USER_INPUT", "provided sha does not match query")
                found = await store.get(ctx.db, digest.lower(), allowed=mode == "allowlist")
                if mode == "allowlist":
                    if found is None or not found[1]:
                        raise _error("PERSISTED_QUERY_NOT_ALLOWED", _NOT_ALLOWED)
                elif found is None:
                    await self._may_register(ctx, ec.query)
                    self.unknown = ec.query
                return
            found = await store.get(ctx.db, digest.lower(), allowed=mode == "allowlist")
            if found is None or (mode == "allowlist" and not found[1]):
                # Apollo Client and urql resend with the document on exactly this message.
                raise _error("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
            ec.query = found[0]

        @staticmethod
        async def _may_register(ctx: object, document: str) -> None:
            size = len(document.encode())
            if size > max_bytes:
                raise _error("LIMIT_EXCEEDED", f"a persisted document of {size} bytes: at most "
                             f"{max_bytes} (SAMGRAPH_PERSISTED_MAX_BYTES, comments included)")  # fmt: skip
            actor = getattr(getattr(ctx, "principal", None), "actor", "-")
            if limit is not None and not await limiter.hit(limit, "apq", actor):
                raise _error("RATE_LIMITED", f"over {rate} persisted-document registrations "
                             "(SAMGRAPH_PERSISTED_RATE); send the document itself meanwhile")  # fmt: skip

    return PersistedQueries


_NOT_ALLOWED = (
    "this server runs registered documents only (SAMGRAPH_PERSISTED_QUERIES=allowlist): "
    "register it with `samgraph persisted add`"
)
