"""`waspada init` and `waspada serve`: prepare the index and serve the API."""

from __future__ import annotations

import logging

import typer
from rich.console import Console

from waspada.es.node import NodeError
from waspada.runtime import prepare
from waspada.settings import get_settings

console = Console()


def init() -> None:
    """Start or reach Elasticsearch, apply the index templates (idempotent) and replay the spool."""
    settings = get_settings()
    try:
        _, report, replayed = prepare(settings)
    except NodeError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    console.print(f"Elasticsearch: {settings.es.url}")
    for line in report.changes:
        console.print(f"  changed: {line}")
    if not report.changed:
        console.print("  templates and aliases already up to date")
    if replayed:
        console.print(f"  replayed {replayed} spooled documents")


def serve(
    host: str = typer.Option(None, help="Listen address (default WASPADA_API_HOST)"),
    port: int = typer.Option(None, help="Listen port (default WASPADA_API_PORT)"),
) -> None:
    """Prepare Elasticsearch, then serve the API and UI."""
    import uvicorn

    from api.main import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    init()
    settings = get_settings()
    uvicorn.run(create_app(settings), host=host or settings.api.host, port=port or settings.api.port)


def run(
    demo: bool = typer.Option(False, "--demo", help="Crawl the built-in demo outlets on 127.0.0.1 instead of the real sources"),
    fresh: bool = typer.Option(False, help="With --demo: replay the demo from its first morning (use with an empty index)"),
    host: str = typer.Option(None, help="Listen address (default WASPADA_API_HOST)"),
    port: int = typer.Option(None, help="Listen port (default WASPADA_API_PORT)"),
    log_format: str = typer.Option("json", help="json (structured, one object a line) or text"),
    crawl: bool = typer.Option(True, help="Crawl sources on their schedule (--no-crawl to serve and alert only)"),
) -> None:
    """Run the whole service: Elasticsearch, templates, reference data, scheduled crawls, alerts, digests, API and UI."""
    import os

    from store.client import make_client
    from waspada.logs import configure
    from waspada.service import build_jobs, ensure_reference_data, serve_until_stopped
    from waspada.supervisor import Supervisor

    configure(fmt=log_format)
    settings = get_settings()
    if demo and not settings.es.index_prefix:
        # the demo lives in its own indices, so switching to real sources later starts clean
        settings.es.index_prefix = os.environ["ES_INDEX_PREFIX"] = "demo-"
    try:
        _, report, replayed = prepare(settings)
    except NodeError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    log = logging.getLogger("waspada.run")
    log.info("Elasticsearch %s; %s; %d spooled documents replayed", settings.es.url,
             "; ".join(report.changes) or "templates up to date", replayed)
    ensure_reference_data(settings)
    client = make_client(settings.es, opaque_id="waspada-run")
    servers = None
    sources_file, interval = None, None
    if demo:
        from waspada.demo.seed import seed_demo
        from waspada.demo.server import start_demo

        servers = start_demo(settings, fresh=fresh)
        sources_file, interval = servers.sources_file, settings.demo.crawl_interval
        key = seed_demo(client, settings)
        # plain print: the key must stay on one line for copy and paste
        print(f"Demo outlets: {', '.join(servers.source_names)} (sources file {sources_file})", flush=True)
        print(f"Sign in at http://{host or settings.api.host}:{port or settings.api.port}/ui/ "
              f"with the demo admin key: {key}", flush=True)
    supervisor = Supervisor(build_jobs(client, settings, sources_file=sources_file, crawl_interval=interval,
                                       crawl=crawl), status_file=settings.paths.home / "status.json")
    try:
        serve_until_stopped(settings, supervisor, host or settings.api.host, port or settings.api.port)
    finally:
        if servers is not None:
            servers.stop()


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(serve)
    app.command()(run)
