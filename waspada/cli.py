"""The `waspada` command: one Typer app, one sub-module per command group in `waspada/commands/`."""

from __future__ import annotations

import typer

from waspada.commands import crawl as crawl_commands
from waspada.commands import data as data_commands
from waspada.commands import digest as digest_commands
from waspada.commands import enrich as enrich_commands
from waspada.commands import es as es_commands
from waspada.commands import keys as keys_commands
from waspada.commands import evaluate as evaluate_commands
from waspada.commands import extract as extract_commands
from waspada.commands import service as service_commands
from waspada.commands import status as status_commands
from waspada.commands import train as train_commands
from waspada.commands import worker as worker_commands

app = typer.Typer(
    name="waspada",
    help="Waspada: early warning of social conflict from Indonesian regional news.",
    no_args_is_help=True,
    add_completion=False,
)

app.add_typer(es_commands.app, name="es", help="Run a local Elasticsearch node (when ES_URL is not set).")
app.add_typer(keys_commands.app, name="keys", help="Create, list and revoke API keys.")
service_commands.register(app)
app.add_typer(data_commands.app, name="data", help="Reference data (Kemendagri regions) and the gazetteer.")
app.add_typer(train_commands.app, name="train", help="Train the NLP models (ner, ...).")
app.add_typer(evaluate_commands.app, name="evaluate", help="Score the NLP models (ner, places, ...).")
enrich_commands.register(app)
crawl_commands.register(app)
extract_commands.register(app)
worker_commands.register(app)
status_commands.register(app)
digest_commands.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
