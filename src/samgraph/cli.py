"""The `samgraph` command line."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import shlex
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import orjson
import typer
import uvicorn
from graphql import GraphQLError, parse, validate
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from samgraph.auth import keys
from samgraph.bundle import service as bundle_service
from samgraph.config import Settings, get_settings
from samgraph.context import Context
from samgraph.db.admin import wipe_data
from samgraph.db.driver import Db, create_driver
from samgraph.db.migrations import migrate as run_migrations
from samgraph.db.queries import queries
from samgraph.demo.generate import generate as make_portfolio
from samgraph.demo.shift import WRITTEN, shifted
from samgraph.errors import SamgraphError
from samgraph.gql import persisted
from samgraph.live import service as live
from samgraph.localdb import manager
from samgraph.localdb.connection import resolve_connection
from samgraph.reports import service as reports
from samgraph.reports.csvout import csv_text
from samgraph.schema import build_schema
from samgraph.snapshots import service as snapshot_service
from samgraph.sync import activity, orgchart
from samgraph.sync.formats import Caps, OrgFormat, detect
from samgraph.sync.orgchart import SyncMode

app = typer.Typer(help="samgraph: the relationship graph for strategic account management.",
                  no_args_is_help=True)  # fmt: skip
neo4j_app = typer.Typer(help="The managed local Neo4j (no Docker needed).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
apikey_app = typer.Typer(
    help="API keys (the API needs `Authorization: Bearer <key>`).", no_args_is_help=True
)
app.add_typer(apikey_app, name="apikey")
snapshots_app = typer.Typer(help="Account snapshots (how each account stood each day).",
                            no_args_is_help=True)  # fmt: skip
app.add_typer(snapshots_app, name="snapshots")
reports_app = typer.Typer(help="Saved queries and built-in reports.", no_args_is_help=True)
app.add_typer(reports_app, name="reports")
persisted_app = typer.Typer(
    help="Persisted GraphQL documents (the allow-list of SAMGRAPH_PERSISTED_QUERIES=allowlist).",
    no_args_is_help=True,
)
app.add_typer(persisted_app, name="persisted")
# soft_wrap: long lines stay whole, for scripts and logs that read them.
err = Console(stderr=True, soft_wrap=True)
T = TypeVar("T")

DEMO_BUNDLE = Path(__file__).resolve().parent / "demo" / "portfolio.json"


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]samgraph: error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _with_db(settings: Settings, fn: Callable[[Db], Awaitable[T]]) -> T:
    async def main() -> T:
        conn = resolve_connection(settings)
        driver = create_driver(conn)
        try:
            # The CLI is an operator's tool: it acts on every account (no member scope).
            db = Db(driver, conn.database)
            await run_migrations(db)
            return await fn(db)
        finally:
            await driver.close()

    try:
        return asyncio.run(main())
    except manager.LocalNeo4jError as exc:
        raise _fail(str(exc)) from None
    except SamgraphError as exc:
        for problem in exc.problems or []:
            err.print(f"  {problem.path}: {problem.message}", highlight=False)
        raise _fail(exc.message) from None


DataDir = typer.Option(
    None, "--data-dir", help="Instance data dir (default: $SAMGRAPH_HOME/neo4j-data)."
)


@neo4j_app.command("start")
def neo4j_start(
    port: int = typer.Option(
        None, "--port", help="Bolt port (default: SAMGRAPH_NEO4J_PORT, 7687)."
    ),
    data_dir: Path = DataDir,
    version: str = typer.Option(None, "--version", help="Neo4j version (default: 5.26 LTS)."),
) -> None:
    """Start Neo4j (fetching its jars on first use); print NEO4J_* lines for `eval`."""
    s = get_settings()
    target = data_dir or s.neo4j_data_dir
    if manager.had_stale_pid(target):
        err.print(f"note: {target}/neo4j.pid named a process that is gone; removing it")
    try:
        instance = manager.start(
            data_dir=target,
            port=port or s.samgraph_neo4j_port,
            version=version or s.samgraph_neo4j_version,
            cache_dir=s.jar_cache_dir,
            heap=s.samgraph_neo4j_heap,
            pagecache=s.samgraph_neo4j_pagecache,
            timeout=s.samgraph_start_timeout,
        )
    except manager.LocalNeo4jError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"NEO4J_URI={shlex.quote(instance.uri)}")
    typer.echo(f"NEO4J_USER={shlex.quote(instance.user)}")
    typer.echo(f"NEO4J_PASSWORD={shlex.quote(instance.password)}")
    typer.echo("export NEO4J_URI NEO4J_USER NEO4J_PASSWORD")
    err.print(f"Neo4j {instance.version} running on {instance.uri} (pid {instance.pid})")


@neo4j_app.command("stop")
def neo4j_stop(data_dir: Path = DataDir) -> None:
    """Shut the local Neo4j down cleanly."""
    target = data_dir or get_settings().neo4j_data_dir
    if manager.stop(target):
        err.print(f"Neo4j for {target} stopped")
    else:
        err.print(f"Neo4j for {target} was not running")


@neo4j_app.command("status")
def neo4j_status(data_dir: Path = DataDir) -> None:
    """Say whether the local Neo4j runs and where (exit 3 when it does not)."""
    target = (data_dir or get_settings().neo4j_data_dir).resolve()
    instance = manager.status(target)
    if instance is None:
        typer.echo(f"not running (data dir {target})")
        raise typer.Exit(3)
    typer.echo(
        f"running: {instance.uri} pid {instance.pid} Neo4j {instance.version} data dir {target}"
    )


@app.command()
def migrate() -> None:
    """Apply pending schema migrations (idempotent)."""
    applied = _with_db(get_settings(), run_migrations)
    err.print(f"applied: {', '.join(applied)}" if applied else "schema up to date")


@app.command("import")
def import_(
    what: str = typer.Argument(
        ...,
        metavar="[interactions] FILE",
        help="A bundle JSON file, or `interactions FILE` (CSV or JSON).",
    ),
    file: Path | None = typer.Argument(
        None, exists=True, dir_okay=False, readable=True, show_default=False
    ),
) -> None:
    """Import a bundle (validated in full, then written in batches), or an activity feed."""
    s = get_settings()
    if file is None:
        bundle_file = Path(what)
        if not bundle_file.is_file():
            raise _fail(f"no such file: {bundle_file}")

        async def run(db: Db) -> bundle_service.ImportSummary:
            raw = bundle_file.read_bytes()
            summary = await bundle_service.import_bundle(
                db, raw, batch_size=s.samgraph_import_batch_size, changed_on=s.today(),
            )  # fmt: skip
            # Subscribers of the accounts it touched hear of it (as after a mutation).
            named = live.nodes_named("importBundle", orjson.loads(raw))
            await live.announce(db, await live.accounts_touched(db, named),
                                catalog=await live.catalog_touched(db, named))  # fmt: skip
            return summary

        summary = _with_db(s, run)
        written = ", ".join(f"{k} {v}" for k, v in summary.counts.items() if v)
        err.print(f"imported {written or 'nothing'} in {summary.batches} transactions")
        return
    if what != "interactions":
        raise _fail(
            f"unknown import kind {what!r}: use `samgraph import FILE` or `samgraph import interactions FILE`"
        )
    fmt = "json" if file.suffix.lower() == ".json" else "csv"

    if file.stat().st_size > s.samgraph_sync_max_bytes:
        raise _fail(f"{file}: over {s.samgraph_sync_max_bytes} bytes (SAMGRAPH_SYNC_MAX_BYTES)")

    async def feed(db: Db) -> int:
        parsed = activity.parse_interactions(file.read_text(), fmt=fmt, caps=Caps.of(s))
        logged = await activity.log_interactions(
            db, parsed, batch_size=s.samgraph_import_batch_size, today=s.today()
        )
        await live.announce(db, {str(r["accountId"]) for r in parsed.rows
                                 if isinstance(r, dict) and r.get("accountId")})  # fmt: skip
        return logged

    err.print(f"logged {_with_db(s, feed)} interactions")


sync_app = typer.Typer(
    help="Sync data from the systems customers already have.", no_args_is_help=True
)
app.add_typer(sync_app, name="sync")


@sync_app.command("orgchart")
def sync_orgchart(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    account: str = typer.Option(..., "--account", help="The account whose org chart this is."),
    format: OrgFormat = typer.Option(
        None,
        "--format",
        case_sensitive=False,
        help="CSV, SCIM or SALESFORCE (default: from the file).",
    ),
    mode: SyncMode = typer.Option(
        SyncMode.PARTIAL,
        "--mode",
        case_sensitive=False,
        help="FULL: people missing from the file depart; PARTIAL: upsert only.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the diff, write nothing."),
    date: str = typer.Option(None, "--date", help="Effective date (ISO, default today)."),
    max_departures: float = typer.Option(
        orgchart.MAX_DEPARTURES,
        "--max-departures",
        min=0.0,
        max=1.0,
        help="FULL: refuse to depart more than this share of the active people.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the diff as JSON."),
) -> None:
    """Sync an account's org chart from a file: validate all rows, diff, then write in batches."""
    s = get_settings()
    caps = Caps.of(s)
    if file.stat().st_size > caps.bytes:
        raise _fail(f"{file}: over {caps.bytes} bytes (SAMGRAPH_SYNC_MAX_BYTES): split the file")
    text = file.read_text()
    fmt = format or detect(file.name, text)
    try:
        effective = dt.date.fromisoformat(date) if date else s.today()
    except ValueError:
        raise _fail(f"--date {date!r} is not an ISO date (YYYY-MM-DD)") from None

    async def run(db: Db) -> orgchart.SyncPlan:
        plan = await orgchart.plan_sync(db, account_id=account, fmt=fmt, content=text, mode=mode,
                                        effective=effective, cadence=s.samgraph_cadence_days,
                                        max_departures=max_departures, caps=caps)  # fmt: skip
        if dry_run or plan.refusal:
            return plan
        with Progress(*Progress.get_default_columns()[:1], BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err) as bar:  # fmt: skip
            task = bar.add_task("writing", total=orgchart.rows_to_write(plan))
            await orgchart.apply_plan(db, plan, batch_size=s.samgraph_import_batch_size,
                                      progress=lambda n: bar.advance(task, n))  # fmt: skip
        await live.announce(db, [account])
        return plan

    plan = _with_db(s, run)
    # The diff goes to stdout (for scripts and reviews); a refusal also fails the command.
    if as_json:
        typer.echo(orjson.dumps(orgchart.plan_dict(plan), option=orjson.OPT_INDENT_2).decode())
    else:
        for line in orgchart.render_plan(plan):
            typer.echo(line)
    # A dry run fails as the real run would, so a script's dry run is an honest check.
    if plan.refusal:
        prefix = "dry run: the real run would be refused" if dry_run else "nothing written"
        raise _fail(f"{prefix}: {plan.refusal}")


@app.command()
def export(
    account: list[str] = typer.Option(
        None, "--account", help="Account id (repeatable); default all."
    ),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
    report: str | None = typer.Option(
        None, "--report", help="Export a saved query or built-in report instead."
    ),
    format: str = typer.Option("json", "--format", help="json, or csv (with --report)."),
    var: list[str] = typer.Option(
        None, "--var", help="A report variable as NAME=VALUE (repeatable)."
    ),
) -> None:
    """Export a lossless bundle JSON (the backup format), or a report as JSON or CSV."""
    if format not in ("json", "csv"):
        raise _fail(f"--format {format!r}: use json or csv")
    if report is None:
        if format == "csv" or var:
            raise _fail("--format csv and --var need --report NAME (the bundle is JSON)")

        async def run(db: Db) -> dict[str, Any]:
            return await bundle_service.export_bundle(db, account or None)

        data = bundle_service.dumps(_with_db(get_settings(), run)) + b"\n"
    else:
        params: dict[str, list[str]] = {}
        for item in var or []:
            key, sep, value = item.partition("=")
            if not sep:
                raise _fail(f"--var {item!r}: use NAME=VALUE")
            params.setdefault(key, []).append(value)
        settings = get_settings()

        schema = build_schema(settings)

        async def run_report(db: Db) -> reports.Ran:
            return await reports.run(Context(db, settings, schema), report, params=params)

        ran = _with_db(settings, run_report)
        for cut in ran.cut:
            err.print(f"[yellow]warning:[/] {cut.path}: {cut.returned} of {cut.total_count} rows "
                      "(give that list a larger `first`, or page it)")  # fmt: skip
        result = ran.data
        if format == "csv":
            data = csv_text(result, shape=ran.shape(schema, explode=False)).encode()
        else:
            data = orjson.dumps({"data": result}, option=orjson.OPT_INDENT_2) + b"\n"
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@app.command()
def demo(
    reset: bool = typer.Option(False, "--reset", help="Delete all data first."),
    if_empty: bool = typer.Option(False, "--if-empty", help="Load only into an empty graph."),
    as_written: bool = typer.Option(
        False,
        "--as-written",
        help=f"Keep the demo's own dates (around {WRITTEN}) instead "
        "of moving them so that today looks like that day.",
    ),
) -> None:
    """Load the demo portfolio, its dates moved so that today looks like the day it
    describes (unless --as-written)."""
    today = get_settings().today()

    async def run(db: Db) -> str:
        if if_empty and not (await db.read(queries.db.graph_is_empty))[0]["empty"]:
            return "graph not empty: demo not loaded"
        if reset:
            await wipe_data(db)
        bundle = orjson.loads(DEMO_BUNDLE.read_bytes())
        if not as_written:
            bundle = shifted(bundle, today)
        summary = await bundle_service.import_bundle(db, bundle, changed_on=today)
        # Count the change (subscribers, snapshots and kept analysis inputs see it).
        await live.announce(db, [a["id"] for a in bundle["accounts"]])
        dates = f"dated as written ({WRITTEN})" if as_written else f"{WRITTEN} moved to {today}"
        return f"demo loaded: {summary.counts['accounts']} accounts, {dates}"

    err.print(_with_db(get_settings(), run))


@app.command()
def generate(
    accounts: int = typer.Option(100, "--accounts", min=1, help="Number of accounts."),
    per_account: int = typer.Option(
        100, "--stakeholders-per-account", min=1, help="Stakeholders in each account."
    ),
    seed: int = typer.Option(1, "--seed", help="Same seed, same bundle."),
    out: Path = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
) -> None:
    """Write a synthetic portfolio bundle (deterministic) for benchmarks and trials."""
    data = orjson.dumps(
        make_portfolio(accounts=accounts, stakeholders_per_account=per_account, seed=seed)
    )
    if out:
        out.write_bytes(data)
        err.print(f"wrote {out} ({len(data) / 1e6:.1f} MB)")
    else:
        sys.stdout.buffer.write(data)


@apikey_app.command("create")
def apikey_create(
    role: str = typer.Option(..., "--role", help="ADMIN, EDITOR or VIEWER."),
    member: str = typer.Option(
        None, "--member", help="Bind to a member: the key sees only that member's accounts."
    ),
    name: str = typer.Option(None, "--name", help="What the key is for."),
) -> None:
    """Create a key and print it once (only its hash is stored)."""

    async def run(db: Db) -> keys.NewKey:
        return await keys.create_key(db, role=role.upper(), member_id=member, name=name)

    new = _with_db(get_settings(), run)
    err.print(f"created key {new.record['id']} ({new.record['role']}); it is shown only once:")
    typer.echo(new.token)


@apikey_app.command("list")
def apikey_list() -> None:
    """Every key: id, role, member, name, created, revoked."""
    for k in _with_db(get_settings(), keys.list_keys):
        revoked = f"revoked {k['revokedAt']}" if k.get("revokedAt") else "active"
        typer.echo(
            f"{k['id']}\t{k['role']}\t{k.get('memberId') or '-'}\t{k.get('name') or '-'}\t"
            f"{k['createdAt']}\t{revoked}"
        )


@apikey_app.command("revoke")
def apikey_revoke(
    key_id: str = typer.Argument(..., help="The key's id (see `apikey list`)."),
) -> None:
    """Revoke a key; it stops working on the next request."""
    _with_db(get_settings(), lambda db: keys.revoke_key(db, key_id))
    err.print(f"revoked {key_id}")


@snapshots_app.command("refresh")
def snapshots_refresh() -> None:
    """Compute today's snapshot of every account whose snapshot is missing or stale (the
    app's refresher does the same every SAMGRAPH_SNAPSHOT_SECONDS)."""
    s = get_settings()
    schema = build_schema(s)

    async def run(db: Db) -> int:
        return await snapshot_service.refresh(Context(db, s, schema, request_id="cli"))

    err.print(f"refreshed {_with_db(s, run)} account snapshots for {s.today()}")


@snapshots_app.command("run")
def snapshots_run() -> None:
    """Keep today's snapshots fresh until stopped: the host's refresher in a process of
    its own (`samgraph serve` runs it beside its workers, which wake it with SIGUSR1
    after each write; otherwise a pass every SAMGRAPH_SNAPSHOT_SECONDS)."""
    s = get_settings()
    schema = build_schema(s)
    parent = os.getppid()

    async def orphaned() -> None:
        # uvicorn ends `samgraph serve` by re-raising the signal it caught, so serve may
        # not live to stop this process: it stops once its parent is gone.
        while os.getppid() == parent:
            await asyncio.sleep(1.0)

    async def run(db: Db) -> None:
        ctx = Context(db, s, schema, request_id="refresher")
        work = asyncio.ensure_future(snapshot_service.refresher(
            ctx, s.samgraph_snapshot_seconds or 1.0, woken_by_signal=True))  # fmt: skip
        watch = asyncio.ensure_future(orphaned())
        await asyncio.wait([work, watch], return_when=asyncio.FIRST_COMPLETED)
        for task in (work, watch):
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await work

    with contextlib.suppress(KeyboardInterrupt):
        _with_db(s, run)


@reports_app.command("list")
def reports_list(
    as_json: bool = typer.Option(False, "--json", help="As JSON (what GET /reports answers)."),
) -> None:
    """Every report (built-in first, then saved), with its parameters and their types."""
    schema = build_schema(get_settings())
    found = [reports.describe(schema, r) for r in _with_db(get_settings(), reports.list_all)]
    if as_json:
        typer.echo(orjson.dumps({"reports": found}, option=orjson.OPT_INDENT_2).decode())
        return
    for r in found:
        params = ", ".join(f"{p['name']}: {p['type']}" + (f" = {p['default']!r}" if p["default"] is not None else "")
                           for p in r["parameters"])  # fmt: skip
        kind = "built-in" if r["builtin"] else "saved"
        typer.echo(f"{r['name']}\t{kind}\t({params})\t{r['description'] or ''}")


@persisted_app.command("add")
def persisted_add(
    files: list[Path] = typer.Argument(
        ...,
        help="`.graphql` files (one document each, hashed as written) or JSON "
        "manifests `{sha256: document}` (GraphQL Code Generator's persisted documents).",
    ),
) -> None:
    """Register documents: they run under the allow-list, by hash or whole."""
    documents: list[tuple[str, str]] = []
    for file in files:
        text = file.read_text()
        if file.suffix == ".json":
            manifest = orjson.loads(text)
            for digest, document in manifest.items():
                if persisted.sha256(document) != digest:
                    raise _fail(f"{file}: the hash {digest} is not the SHA-256 of its document")
                documents.append((str(file), document))
        else:
            documents.append((str(file), text))
    schema = build_schema(get_settings())
    for source, document in documents:
        try:
            problems = validate(schema._schema, parse(document))
        except GraphQLError as exc:
            raise _fail(f"{source}: {exc.message}") from None
        if problems:
            raise _fail(f"{source}: {problems[0].message}")

    async def run(db: Db) -> list[str]:
        return [await persisted.STORE.put(db, d, registered=True) for _, d in documents]

    for (source, _), digest in zip(documents, _with_db(get_settings(), run), strict=True):
        typer.echo(f"{digest}\t{source}")


async def ensure_dev_key(db: Db, path: Path) -> str:
    """The development admin key: reused while it works, else created and saved (0600)."""
    if path.exists():
        token = path.read_text().strip()
        found = await keys.verify_key(db, token)
        if found is not None and found.development:
            return token
    new = await keys.create_key(db, role="ADMIN", name="development (samgraph serve)",
                                development=True)  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(new.token + "\n")
    return new.token


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    workers: int = typer.Option(1, "--workers", min=1),
    reload: bool = typer.Option(False, "--reload", help="Development: restart on code changes."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn's: warning, info, debug..."),
    access_log: bool = typer.Option(True, "--access-log/--no-access-log"),
) -> None:
    """Serve the GraphQL API with uvicorn (GraphiQL at /graphql in development)."""
    s = get_settings()
    if not s.neo4j_uri:
        # Resolve (and start) the local Neo4j once here, so workers do not race to start it.
        try:
            resolve_connection(s)
        except manager.LocalNeo4jError as exc:
            raise _fail(str(exc)) from None
    if s.samgraph_env == "development":
        key = _with_db(s, lambda db: ensure_dev_key(db, s.dev_key_file))
        err.print(f"development admin key (GraphiQL sends it): {key}", highlight=False)
    refresher = None
    if s.samgraph_snapshot_seconds > 0 and s.samgraph_snapshot_refresher == "worker":
        # One refresher for the host, in a process of its own: a day's first full pass
        # never runs in a request worker. The workers wake it after each write.
        refresher = subprocess.Popen([sys.executable, "-m", "samgraph.cli", "snapshots", "run"])
        os.environ["SAMGRAPH_SNAPSHOT_REFRESHER"] = "external"
        os.environ["SAMGRAPH_REFRESHER_PID"] = str(refresher.pid)
        err.print(f"snapshot refresher: pid {refresher.pid}")
    err.print(f"samgraph API on http://{host}:{port}/graphql")
    try:
        uvicorn.run("samgraph.main:create_app", factory=True, host=host, port=port,
                    workers=workers, reload=reload, log_level=log_level, access_log=access_log)  # fmt: skip
    finally:
        if refresher is not None:
            refresher.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                refresher.wait(timeout=15)


if __name__ == "__main__":
    app()
