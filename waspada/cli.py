"""The `waspada` command: one Typer app, one sub-module per command group in `waspada/commands/`."""

from __future__ import annotations

import typer

from waspada.commands import es as es_commands
from waspada.commands import service as service_commands

app = typer.Typer(
    name="waspada",
    help="Waspada: early warning of social conflict from Indonesian regional news.",
    no_args_is_help=True,
    add_completion=False,
)

app.add_typer(es_commands.app, name="es", help="Run a local Elasticsearch node (when ES_URL is not set).")
service_commands.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
