"""The `samgraph` command line."""

from __future__ import annotations

import asyncio
import shlex
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from samgraph.bundle import service as bundle_service
from samgraph.config import Settings, get_settings
from samgraph.db.driver import Db, create_driver, resolve_connection
from samgraph.db.migrations import migrate as run_migrations
from samgraph.errors import SamgraphError
from samgraph.localdb import manager

app = typer.Typer(help="samgraph: the relationship graph for strategic account management.",
                  no_args_is_help=True)  # fmt: skip
neo4j_app = typer.Typer(help="The managed local Neo4j (no Docker needed).", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
err = Console(stderr=True)
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
    print(f"NEO4J_URI={shlex.quote(instance.uri)}")
    print(f"NEO4J_USER={shlex.quote(instance.user)}")
    print(f"NEO4J_PASSWORD={shlex.quote(instance.password)}")
    print("export NEO4J_URI NEO4J_USER NEO4J_PASSWORD")
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
        print(f"not running (data dir {target})")
        raise typer.Exit(3)
    print(f"running: {instance.uri} pid {instance.pid} Neo4j {instance.version} data dir {target}")


@app.command()
def migrate() -> None:
    """Apply pending schema migrations (idempotent)."""
    applied = _with_db(get_settings(), run_migrations)
    err.print(f"applied: {', '.join(applied)}" if applied else "schema up to date")


@app.command("import")
def import_(file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True)) -> None:
    """Import a bundle JSON file: validated in full, then written in batches."""
    s = get_settings()

    async def run(db: Db) -> bundle_service.ImportSummary:
        return await bundle_service.import_bundle(
            db, file.read_bytes(), batch_size=s.samgraph_import_batch_size
        )

    summary = _with_db(s, run)
    written = ", ".join(f"{k} {v}" for k, v in summary.counts.items() if v)
    err.print(f"imported {written or 'nothing'} in {summary.batches} transactions")


@app.command()
def export(
    account: list[str] = typer.Option(
        None, "--account", help="Account id (repeatable); default all."
    ),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
) -> None:
    """Export a lossless bundle JSON (the backup format)."""

    async def run(db: Db) -> dict[str, Any]:
        return await bundle_service.export_bundle(db, account or None)

    data = bundle_service.dumps(_with_db(get_settings(), run))
    if output:
        output.write_bytes(data + b"\n")
    else:
        sys.stdout.buffer.write(data + b"\n")


@app.command()
def demo(
    reset: bool = typer.Option(False, "--reset", help="Delete all data first."),
    if_empty: bool = typer.Option(False, "--if-empty", help="Load only into an empty graph."),
) -> None:
    """Load the demo portfolio."""

    async def run(db: Db) -> str:
        if if_empty and not (await db.read("db.graph_is_empty"))[0]["empty"]:
            return "graph not empty: demo not loaded"
        if reset:
            await db.write("db.wipe_data")
        summary = await bundle_service.import_bundle(db, DEMO_BUNDLE.read_bytes())
        return f"demo loaded: {summary.counts['accounts']} accounts"

    err.print(_with_db(get_settings(), run))


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    workers: int = typer.Option(1, "--workers", min=1),
    reload: bool = typer.Option(False, "--reload", help="Development: restart on code changes."),
) -> None:
    """Serve the GraphQL API with uvicorn (GraphiQL at /graphql in development)."""
    import uvicorn

    s = get_settings()
    if not s.neo4j_uri:
        # Resolve (and start) the local Neo4j once here, so workers do not race to start it.
        try:
            resolve_connection(s)
        except manager.LocalNeo4jError as exc:
            raise _fail(str(exc)) from None
    err.print(f"samgraph API on http://{host}:{port}/graphql")
    uvicorn.run("samgraph.main:create_app", factory=True, host=host, port=port,
                workers=workers, reload=reload)  # fmt: skip


if __name__ == "__main__":
    app()
