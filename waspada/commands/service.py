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
    host: str = typer.Option(None, help="Listen address (default WASPADA_API_HOST)"),
    port: int = typer.Option(None, help="Listen port (default WASPADA_API_PORT)"),
) -> None:
    """Run the service: Elasticsearch (local when ES_URL is empty), templates, spool replay, API."""
    serve(host=host, port=port)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(serve)
    app.command()(run)
