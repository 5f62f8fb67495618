"""Settings read from the environment (and an optional `.env` file)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from samgraph import clock

DEFAULT_NEO4J_VERSION = "5.26.30"
# Dev servers of Vite (5173, 4173), Create React App / Next.js (3000) and webpack (8080).
DEV_PORTS = (5173, 4173, 3000, 8080)
# domain.md §2 and §8.
DEFAULT_CADENCE_DAYS = {"C_LEVEL": 90, "VP": 30, "DIRECTOR": 14, "MANAGER": 7, "IC": 7}
DEFAULT_SCORE_WEIGHTS = {
    "currentRevenue": 25.0,
    "expansionPotential": 20.0,
    "strategicFit": 15.0,
    "marketInfluence": 15.0,
    "relationshipStrength": 10.0,
    "productAdoption": 10.0,
    "partnershipPotential": 5.0,
}


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "samgraph"


class Settings(BaseSettings):
    """Every setting has an env var of the same name in upper case (see README)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Connection. Unset NEO4J_URI means: use the managed local Neo4j.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    # The managed local Neo4j (`samgraph neo4j start`).
    samgraph_home: Path = Field(default_factory=_default_home)
    samgraph_neo4j_version: str = DEFAULT_NEO4J_VERSION
    samgraph_neo4j_port: int = Field(default=7687, ge=1, le=65535)
    samgraph_neo4j_heap: str = "512m"
    samgraph_neo4j_pagecache: str = "128m"
    samgraph_start_timeout: float = Field(default=120.0, gt=0)

    # The API.
    samgraph_env: Literal["development", "production"] = "development"
    samgraph_graphiql: bool | None = None
    # The graph explorer page at /explorer (same default as GraphiQL).
    samgraph_explorer: bool | None = None
    # Queries sent over GET with a `query` parameter: on in development, off in
    # production (405) unless turned on; a persisted-query hash over GET always works.
    samgraph_get_queries: bool | None = None
    # Browser origins allowed to call the API (CORS), exact, comma-separated
    # ("https://app.example.com,http://localhost:5173"). Unset: the local dev-server
    # ports in development, none in production.
    samgraph_cors_origins: Annotated[list[str] | None, NoDecode] = None
    # Persisted queries (Apollo APQ): `apq` any client may register a document by its
    # SHA-256; `allowlist` only documents registered with `samgraph persisted add` run;
    # `off` refuses the extension.
    samgraph_persisted_queries: Literal["apq", "allowlist", "off"] = "apq"
    # What clients may register (APQ): bytes per document (comments included), documents
    # kept (least recently used evicted; the allow-list never), registrations per
    # credential (`limits` syntax, per process; "" = unlimited).
    samgraph_persisted_max_bytes: int = Field(default=100_000, ge=1)
    samgraph_persisted_max_documents: int = Field(default=10_000, ge=1)
    samgraph_persisted_rate: str = "100/hour"
    # Seconds between two reads of the change counters of subscribed accounts (one read
    # per process for all of them): how soon `accountChanged` fires after a write through
    # another process or instance (one through this process wakes the reader at once).
    samgraph_subscription_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    # WebSockets: seconds to send connection_init; open sockets per credential;
    # subscriptions per socket and per credential (per process).
    samgraph_ws_init_seconds: float = Field(default=5.0, gt=0)
    samgraph_ws_sockets_per_key: int = Field(default=20, ge=1)
    samgraph_ws_subscriptions_per_socket: int = Field(default=50, ge=1)
    samgraph_ws_subscriptions_per_key: int = Field(default=200, ge=1)
    # Run the built-in reports and the README's example queries once at start-up, so
    # the first request of each is as fast as the next (web/warmup.py).
    samgraph_warmup: bool = True
    # The warm start begins no further document after this many seconds (a portfolio of
    # thousands of accounts makes each built-in report take seconds).
    samgraph_warmup_seconds: float = Field(default=20.0, ge=0)
    # After start-up the heap built so far is frozen out of garbage collection and the
    # young generation is collected every this many allocations (Python's default: 700);
    # 0 leaves the collector as Python sets it.
    samgraph_gc_threshold: int = Field(default=10_000, ge=0)
    # Accounts whose analysis inputs (subgraph, drawing, whitespace inputs) each worker
    # keeps between requests, checked against the account's change counter on every
    # use (live/kept.py); 0 reads them every time. About 1 MB an account of 100 people.
    samgraph_kept_accounts: int = Field(default=200, ge=0)
    # Seconds between two passes of the snapshot refresher (today's account snapshots,
    # domain §16); 0 turns it off (`samgraph snapshots refresh` still works).
    samgraph_snapshot_seconds: float = Field(default=1.0, ge=0)
    # Where the refresher runs: `worker`, in each app process (one process: `make run`,
    # tests); `external`, in a process of its own that `samgraph serve` starts beside its
    # workers (never a day's full pass in a request worker), which each write wakes by
    # a signal to SAMGRAPH_REFRESHER_PID. `samgraph serve` sets both for its workers.
    samgraph_snapshot_refresher: Literal["worker", "external"] = "worker"
    samgraph_refresher_pid: int | None = None
    # Outbound webhooks: seconds between two passes of the dispatcher (0 turns it off);
    # a coverage score crossing a multiple of the step is a `coverage.changed` event;
    # failed deliveries are retried with exponential backoff from the base seconds for
    # the retry hours, then marked FAILED; each POST waits at most the timeout; finished
    # deliveries (and their events) are forgotten after the keep days. Endpoint
    # URLs on loopback or private addresses (and http://) are refused unless allowed
    # (default: allowed in development, refused in production).
    samgraph_webhook_seconds: float = Field(default=1.0, ge=0)
    samgraph_webhook_coverage_step: int = Field(default=10, ge=1, le=100)
    samgraph_webhook_backoff_seconds: float = Field(default=5.0, gt=0)
    samgraph_webhook_retry_hours: float = Field(default=24.0, gt=0)
    samgraph_webhook_timeout: float = Field(default=10.0, gt=0)
    samgraph_webhook_keep_days: float = Field(default=30.0, gt=0)
    samgraph_webhook_allow_private: bool | None = None
    samgraph_import_batch_size: int = Field(default=1000, ge=1, le=100_000)
    # The zone of "today" (default asOf, change and sync dates): an IANA name.
    samgraph_timezone: str = "UTC"

    # GraphQL hardening (OWASP GraphQL cheat sheet); each rejection names its limit.
    samgraph_max_depth: int = Field(default=10, ge=1)
    samgraph_max_aliases: int = Field(default=30, ge=0)
    samgraph_max_tokens: int = Field(default=3000, ge=1)
    # Directives: at most this many on one field (or fragment, operation), and in the
    # whole document; and at most this many validation errors returned per request.
    samgraph_max_field_directives: int = Field(default=4, ge=1)
    samgraph_max_directives: int = Field(default=50, ge=1)
    samgraph_max_errors: int = Field(default=10, ge=1)
    # Fields (selections) in one document, counted before validation.
    samgraph_max_fields: int = Field(default=500, ge=1)
    samgraph_max_body_bytes: int = Field(default=25_000_000, ge=1024)
    # Seconds: a Cypher call's transaction timeout, and how long the driver keeps
    # retrying while Neo4j is unreachable before the request answers 503.
    samgraph_tx_timeout: float = Field(default=60.0, gt=0)
    # Seconds one request (or one WebSocket operation, or one subscription event) may run:
    # every transaction's timeout is what is left of it, so Neo4j stops the Cypher; then
    # LIMIT_EXCEEDED. And how many operations one credential runs at once per process
    # (the next ones wait their turn within their budget).
    samgraph_request_seconds: float = Field(default=30.0, gt=0)
    samgraph_key_concurrency: int = Field(default=4, ge=1)
    # Connections in the driver's pool, and the share of them WebSockets' operations and
    # subscription events may hold at once (the rest stays free for HTTP requests).
    samgraph_db_pool_size: int = Field(default=100, ge=2)
    samgraph_ws_pool_share: float = Field(default=0.25, gt=0, le=1)
    samgraph_db_retry_seconds: float = Field(default=5.0, ge=0)
    # Query cost: every selected field costs 1 per parent item; a field with `first`
    # multiplies what is under it by `first`, another list field by SAMGRAPH_LIST_SIZE.
    samgraph_max_cost: int = Field(default=200_000, ge=1)
    samgraph_list_size: int = Field(default=10, ge=1)
    # What work costs: one account's analysis (an Account analysis field, or each account
    # a portfolio-wide field computes on a past date), and one account exported.
    samgraph_analysis_cost: int = Field(default=100, ge=0)
    samgraph_export_cost: int = Field(default=200, ge=0)
    # Rows per GraphQL write: upsert inputs, and all sections of an importBundle
    # (bigger bundles go through `samgraph import`, which batches them).
    samgraph_max_input_rows: int = Field(default=1000, ge=1)
    samgraph_max_bundle_rows: int = Field(default=20_000, ge=1)
    # Org-chart and activity files (sync, feeds; API and CLI): at most this many rows and
    # bytes, refused before anything is parsed past the cap.
    samgraph_sync_max_rows: int = Field(default=100_000, ge=1)
    samgraph_sync_max_bytes: int = Field(default=50_000_000, ge=1024)
    # Per API key or token subject, `limits` syntax ("600/minute", "20/second"); "" = off.
    samgraph_rate_limit: str = "600/minute"
    # Where the rate-limit counters live: "memory://" (this process: N workers or
    # instances each allow the whole limit) or a Redis URL (`redis://host:6379/0`),
    # shared by every worker and instance.
    samgraph_rate_limit_storage: str = "memory://"
    # Seconds a verified API key is remembered per process (0: read it on every request).
    samgraph_auth_cache_seconds: float = Field(default=5.0, ge=0)
    # Audit log of mutations and exports (JSON lines): a file path, or "-" for stderr.
    samgraph_audit_log: str = "-"

    # JWT bearer tokens from an identity provider (API keys need none of this).
    # The key is an HMAC secret or a PEM public key (text or file); or a JWKS file.
    samgraph_jwt_issuer: str | None = None
    samgraph_jwt_audience: str | None = None
    samgraph_jwt_key: SecretStr | None = None
    samgraph_jwt_key_file: Path | None = None
    samgraph_jwt_jwks_file: Path | None = None
    samgraph_jwt_algorithms: list[str] = Field(default_factory=lambda: ["RS256", "ES256"])
    samgraph_jwt_role_claim: str = "samgraph_role"
    samgraph_jwt_member_claim: str = "samgraph_member"
    # Tokens of a role below ADMIN must carry the member claim (a token without it would
    # see every account): on in production unless turned off, off in development.
    samgraph_jwt_require_member: bool | None = None

    # Analyses (domain.md §2, §8): JSON in the env var, e.g. SAMGRAPH_CADENCE_DAYS='{"VP": 21}'.
    samgraph_cadence_days: dict[str, int] = Field(
        default_factory=lambda: dict(DEFAULT_CADENCE_DAYS)
    )
    samgraph_score_weights: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_SCORE_WEIGHTS)
    )
    samgraph_tier_strategic: float = 70.0
    samgraph_tier_key: float = 50.0

    @field_validator("samgraph_cadence_days")
    @classmethod
    def _cadence_complete(cls, value: dict[str, int]) -> dict[str, int]:
        merged = {**DEFAULT_CADENCE_DAYS, **value}
        unknown = set(merged) - set(DEFAULT_CADENCE_DAYS)
        if unknown or any(days < 1 for days in merged.values()):
            raise ValueError("cadence days: seniority keys only, each at least 1 day")
        return merged

    @field_validator("samgraph_score_weights")
    @classmethod
    def _weights_complete(cls, value: dict[str, float]) -> dict[str, float]:
        merged = {**DEFAULT_SCORE_WEIGHTS, **value}
        if set(merged) - set(DEFAULT_SCORE_WEIGHTS) or any(w < 0 for w in merged.values()):
            raise ValueError("score weights: the seven score inputs only, each >= 0")
        return merged

    @field_validator("samgraph_cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    @field_validator("samgraph_cors_origins")
    @classmethod
    def _exact_origins(cls, value: list[str] | None) -> list[str] | None:
        for origin in value or []:
            if origin == "*" or not origin.startswith(("http://", "https://")):
                raise ValueError(
                    f"CORS origin {origin!r}: give exact origins like https://app.example.com"
                )
        return value

    @field_validator("samgraph_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}: use an IANA name like UTC") from None
        return value

    def analysis_basis(self) -> str:
        """A short fingerprint of the settings the analyses depend on (cadence, weights,
        tier thresholds): a snapshot computed under other settings is not today's."""
        return _fingerprint(tuple(sorted(self.samgraph_cadence_days.items())),
                            tuple(sorted(self.samgraph_score_weights.items())),
                            self.samgraph_tier_strategic, self.samgraph_tier_key)  # fmt: skip

    def today(self) -> dt.date:
        """Today in SAMGRAPH_TIMEZONE (clock.py)."""
        return clock.today(self.samgraph_timezone)

    def today_or(self, as_of: dt.date | None) -> dt.date:
        """`asOf` when given, else today in SAMGRAPH_TIMEZONE."""
        return clock.today_or(as_of, self.samgraph_timezone)

    @model_validator(mode="after")
    def _safe_outside_development(self) -> Settings:
        if self.samgraph_env == "production" and self.neo4j_uri and self.neo4j_password is None:
            raise ValueError("NEO4J_PASSWORD must be set when SAMGRAPH_ENV=production")
        return self

    @property
    def graphiql(self) -> bool:
        """GraphiQL is on in development unless turned off, off in production unless on."""
        if self.samgraph_graphiql is not None:
            return self.samgraph_graphiql
        return self.samgraph_env == "development"

    @property
    def get_queries(self) -> bool:
        """GET with a `query`: on in development unless turned off, off in production unless on."""
        if self.samgraph_get_queries is not None:
            return self.samgraph_get_queries
        return self.samgraph_env == "development"

    @property
    def explorer(self) -> bool:
        """The explorer page is on in development unless turned off, off in production unless on."""
        if self.samgraph_explorer is not None:
            return self.samgraph_explorer
        return self.samgraph_env == "development"

    @property
    def cors_origins(self) -> list[str]:
        """SAMGRAPH_CORS_ORIGINS, else the usual local dev-server origins in development."""
        if self.samgraph_cors_origins is not None:
            return self.samgraph_cors_origins
        if self.samgraph_env == "production":
            return []
        return [
            f"http://{host}:{port}" for port in DEV_PORTS for host in ("localhost", "127.0.0.1")
        ]

    @property
    def webhook_allow_private(self) -> bool:
        if self.samgraph_webhook_allow_private is not None:
            return self.samgraph_webhook_allow_private
        return self.samgraph_env != "production"

    @property
    def jwt_require_member(self) -> bool:
        if self.samgraph_jwt_require_member is not None:
            return self.samgraph_jwt_require_member
        return self.samgraph_env == "production"

    @property
    def jwt_enabled(self) -> bool:
        return bool(
            self.samgraph_jwt_key or self.samgraph_jwt_key_file or self.samgraph_jwt_jwks_file
        )

    @property
    def dev_key_file(self) -> Path:
        """Where `samgraph serve` keeps the development admin key (development only)."""
        return self.samgraph_home / "dev-admin.key"

    @property
    def neo4j_data_dir(self) -> Path:
        return self.samgraph_home / "neo4j-data"

    @property
    def jar_cache_dir(self) -> Path:
        return self.samgraph_home / "jars"


def get_settings() -> Settings:
    """Fresh settings from the current environment."""
    return Settings()


@functools.lru_cache(maxsize=16)
def _fingerprint(
    cadence: tuple[tuple[str, int], ...], weights: tuple[tuple[str, float], ...],
    strategic: float, key: float,
) -> str:  # fmt: skip
    """Settings.analysis_basis, once per distinct settings (every snapshot read asks;
    tuples dump as JSON arrays, so the text is that of the sorted lists)."""
    basis = [cadence, weights, strategic, key, SNAPSHOT_FORMAT]
    return hashlib.sha256(json.dumps(basis).encode()).hexdigest()[:16]


SNAPSHOT_FORMAT = 4
"""What an account snapshot holds, in the analysis basis: raised when snapshots gain a
property their readers need (2: each member's overdue count; 3: the gap index,
GapEntry; 4: the play index, PlayEntry), so the first refresh after an upgrade rebuilds today's instead of serving the
older ones until tomorrow."""
