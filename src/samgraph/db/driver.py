"""The async driver, connection resolution and a small query runner."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, unit_of_work
from neo4j.exceptions import (
    ClientError,
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from neo4j.time import Date, DateTime

from samgraph.db.cypher import CypherQuery
from samgraph.db.scope import EVERYTHING, Scope
from samgraph.errors import DatabaseUnavailable, LimitExceeded

log = logging.getLogger("samgraph.db")


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str


def create_driver(
    conn: Connection, *, retry_seconds: float = 30.0, pool_size: int = 100
) -> AsyncDriver:
    """The async driver; managed transactions are retried for up to `retry_seconds`, and
    a caller waits as long for a free connection of the `pool_size` (then a coded 503)."""
    return AsyncGraphDatabase.driver(
        conn.uri,
        auth=(conn.user, conn.password),
        notifications_min_severity="OFF",
        max_transaction_retry_time=retry_seconds,
        connection_acquisition_timeout=max(retry_seconds, 1.0),
        max_connection_pool_size=pool_size,
    )


@dataclass(frozen=True)
class Step:
    """One query of a multi-query write transaction (`Db.write_steps`). `refuse` sees its
    rows and raises (an InvalidInput) to roll the whole transaction back: a guard that
    reads the graph as this transaction leaves it, after its locks are taken."""

    query: CypherQuery
    params: dict[str, Any] = field(default_factory=dict)
    refuse: Callable[[list[dict[str, Any]]], None] | None = None


_CONVERT = (Date, DateTime)
_ROUTING = {"read": neo4j.RoutingControl.READ, "write": neo4j.RoutingControl.WRITE}


def to_native(value: Any) -> Any:
    """Neo4j temporal values to Python's, recursively (only containers and temporal
    values are visited: this runs over every row of every read)."""
    kind = type(value)
    if kind is dict:
        return {k: v if type(v) in _PLAIN else to_native(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _PLAIN else to_native(v) for v in value]
    if isinstance(value, _CONVERT):
        return value.to_native()
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _as_is(row: dict[str, Any]) -> dict[str, Any]:
    return row


@dataclass
class Deadline:
    """A request's time budget (SAMGRAPH_REQUEST_SECONDS), shared by every runner of the
    request: each transaction's timeout is what is left of it, so Neo4j itself stops a
    query that would run past it, and a call after it is refused before it starts."""

    seconds: float | None = None
    at: float | None = None

    def start(self, seconds: float | None) -> None:
        """A new operation (a WebSocket's context serves many, a subscription's event
        starts afresh): the whole budget again."""
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds

    def timeout(self, cap: float | None) -> float | None:
        if self.at is None:
            return cap
        left = self.at - time.monotonic()
        if left <= 0:
            raise self.exceeded()
        return left if cap is None else min(cap, left)

    def exceeded(self) -> LimitExceeded:
        return LimitExceeded(
            f"the request ran past its time budget of {self.seconds:g} s "
            "(SAMGRAPH_REQUEST_SECONDS): ask for fewer accounts, items or analyses"
        )


@dataclass
class Chain:
    """The bookmarks of one request's writes, shared by its runners (`Db.within`): made
    at its first write, then carried by each later transaction, so that in a Neo4j
    cluster a read after a write of the same request (a mutation's payload) waits for
    that write on whichever server answers it. A request that only reads carries none."""

    bookmarks: neo4j.AsyncBookmarkManager | None = None

    def for_mode(self, mode: str) -> neo4j.AsyncBookmarkManager | None:
        if mode != "read" and self.bookmarks is None:
            self.bookmarks = AsyncGraphDatabase.bookmark_manager()
        return self.bookmarks


class KeyTaken(Exception):
    """A write refused by a uniqueness constraint: another writer stored the key first
    (a CREATE of an id that a concurrent write created since it was looked up)."""


@contextlib.contextmanager
def _coded(deadline: Deadline | None = None) -> Iterator[None]:
    """Driver failures that outlast its retries, as the coded 503 a client may retry:
    Neo4j away, or a transient error (a deadlock between concurrent writers, a lock
    wait) still there. Never the address or the credentials."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise DatabaseUnavailable("the database is unavailable; try again shortly") from exc
    except TransientError as exc:
        raise DatabaseUnavailable(
            "the database is busy with conflicting writes; try again shortly"
        ) from exc
    except ConstraintError as exc:
        raise KeyTaken(exc.message or "a key is taken") from exc
    except ClientError as exc:
        # Neo4j stopped the transaction at its timeout: the request's budget, or
        # SAMGRAPH_TX_TIMEOUT (rolled back: a write leaves nothing behind).
        if "TransactionTimedOut" not in (exc.code or ""):
            raise
        if deadline is not None and deadline.at is not None:
            raise deadline.exceeded() from exc
        raise LimitExceeded("a database call ran past SAMGRAPH_TX_TIMEOUT") from exc
    except ConnectionAcquisitionTimeoutError as exc:
        # No connection free in the pool within the acquisition timeout: busy, not broken.
        raise DatabaseUnavailable("the server is busy: every database connection is in "
                                  "use; try again shortly") from exc  # fmt: skip


class Db:
    """Runs Cypher queries in managed transactions, within a caller's scope, and counts
    round trips.

    A single query runs through `driver.execute_query` (a managed transaction, retried
    by the driver, routed by its mode): its BEGIN goes out with the query, one network
    round trip fewer than a session's `execute_read` (BEGIN, then RUN, then COMMIT),
    about 0.4 ms of every read on loopback (docs/benchmarks.md). `write_steps` runs
    several queries in one session's transaction.

    One Db per request: `round_trips` is what the N+1 test reads, and `scope` is the
    caller's (db/scope.py), applied to every query as its `// scope:` header says.
    """

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        *,
        scope: Scope = EVERYTHING,
        timeout: float | None = None,
        deadline: Deadline | None = None,
        slots: asyncio.Semaphore | None = None,
        chain: Chain | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.scope = scope
        self.timeout = timeout
        self.deadline = deadline or Deadline()
        # A bound on this runner's transactions at once, shared with others (a
        # WebSocket's share of the driver pool, SAMGRAPH_WS_POOL_SHARE).
        self.slots = slots
        self.chain = chain or Chain()
        self.round_trips = 0

    def within(self, scope: Scope) -> Db:
        """A runner on the same connection for another scope (its own round trips; the
        same deadline, slots and bookmarks)."""
        return Db(self.driver, self.database, scope=scope, timeout=self.timeout,
                  deadline=self.deadline, slots=self.slots, chain=self.chain)  # fmt: skip

    def _slot(self) -> contextlib.AbstractAsyncContextManager[Any]:
        return self.slots if self.slots is not None else contextlib.nullcontext()

    @contextlib.asynccontextmanager
    async def _session(self) -> AsyncIterator[neo4j.AsyncSession]:
        bookmarks = self.chain.for_mode("write")
        with _coded(self.deadline):
            async with (
                self._slot(),
                self.driver.session(database=self.database, bookmark_manager=bookmarks) as session,
            ):
                yield session

    def _prepare(self, query: CypherQuery, params: dict[str, Any]) -> dict[str, Any]:
        if query.scope == "param":
            params = {**params, "account_ids": self.scope.narrow(params.get("account_ids"))}
        elif query.scope == "shared" and query.mode == "write":
            self.scope.refuse_shared_write(query.name.split(".")[0])
        missing = query.params - params.keys()
        if missing:
            raise TypeError(f"{query.name}: missing params {sorted(missing)}")
        return params

    async def _run(
        self, query: CypherQuery, params: dict[str, Any], *, native: bool = True
    ) -> list[dict[str, Any]]:
        params = self._prepare(query, params)
        convert = to_native if native else _as_is
        packed, columns = query.packed, query.columns

        # Packed: one record holds every row, as lists in `columns`' order.
        text, whole = (packed, columns) if packed is not None and columns is not None else (query.text, None)  # fmt: skip

        async def rows_of(result: neo4j.AsyncResult) -> list[dict[str, Any]]:
            if whole is not None:
                record = await result.single(strict=True)
                return [convert(dict(zip(whole, row, strict=True))) for row in record[0]]
            return [convert(r) for r in await result.data()]

        # The metadata tags the transaction so `SHOW TRANSACTIONS` names the query.
        statement = neo4j.Query(
            text,
            metadata={"query": query.name},
            timeout=self.deadline.timeout(self.timeout),
        )
        self.round_trips += 1
        with _coded(self.deadline):
            async with self._slot():
                rows: list[dict[str, Any]] = await self.driver.execute_query(
                    statement,
                    params,
                    routing_=_ROUTING[query.mode],
                    database_=self.database,
                    bookmark_manager_=self.chain.for_mode(query.mode),
                    result_transformer_=rows_of,
                )
        if query.scope == "account":
            return self.scope.prune(rows, query.scope_paths)
        return rows

    async def write_steps(self, steps: Sequence[Step], *, name: str) -> list[list[dict[str, Any]]]:
        """Run `steps` in order in one write transaction (all or nothing; the driver
        retries it whole on a transient error such as a deadlock). Returns each step's rows."""
        prepared = [(step, self._prepare(step.query, step.params)) for step in steps]

        @unit_of_work(metadata={"query": name}, timeout=self.deadline.timeout(self.timeout))
        async def work(tx: AsyncManagedTransaction) -> list[list[dict[str, Any]]]:
            out = []
            for step, params in prepared:
                rows = [to_native(r) for r in await (await tx.run(step.query.text, params)).data()]
                if step.refuse is not None:
                    step.refuse(rows)
                out.append(rows)
            return out

        self.round_trips += 1
        async with self._session() as session:
            result: list[list[dict[str, Any]]] = await session.execute_write(work)
        return result

    async def read(self, query: CypherQuery, /, **params: Any) -> list[dict[str, Any]]:
        if query.mode != "read":
            raise TypeError(f"{query.name} is a write query")
        return await self._run(query, params)

    async def read_as_is(self, query: CypherQuery, /, **params: Any) -> list[dict[str, Any]]:
        """`read`, its values left as the driver gives them (Neo4j's temporal types): for
        a caller that visits every value anyway and converts the few dates it meets."""
        if query.mode != "read":
            raise TypeError(f"{query.name} is a write query")
        return await self._run(query, params, native=False)

    async def write(self, query: CypherQuery, /, **params: Any) -> list[dict[str, Any]]:
        if query.mode != "write":
            raise TypeError(f"{query.name} is a read query")
        return await self._run(query, params)


__all__ = [
    "Chain",
    "Connection",
    "Db",
    "Deadline",
    "KeyTaken",
    "Step",
    "create_driver",
    "neo4j",
    "to_native",
]
