"""`waspada keys create|revoke|list`: manage the API's keys (stored hashed in Elasticsearch)."""

from __future__ import annotations

import typer

from store.client import make_client
from store.keys import ROLES, ApiKeyError, KeyStore
from waspada.settings import get_settings

app = typer.Typer(no_args_is_help=True, help="Create, list and revoke API keys.")


def _store() -> KeyStore:
    from store.indices import apply_templates

    settings = get_settings()
    if not settings.es.hosts:
        raise typer.BadParameter("E059: ES_URL is empty; start the service (`waspada init`) and set ES_URL")
    client = make_client(settings.es, opaque_id="waspada-keys")
    apply_templates(client, prefix=settings.es.index_prefix, replicas=settings.es.replicas)
    return KeyStore(client, settings.es.index_prefix)


@app.command("create")
def create(name: str = typer.Argument(..., help="Who or what uses the key"),
           role: str = typer.Option("consumer", help=f"One of {', '.join(ROLES)}"),
           rate_limit: int = typer.Option(0, help="Requests per minute for this key; 0 = the default")) -> None:
    """Create a key and print it once (only its hash is stored)."""
    try:
        key, plain = _store().create(name, role, rate_limit or None)
    except ApiKeyError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"id: {key.id}  role: {key.role}  name: {key.name}")
    typer.echo(f"key: {plain}")
    typer.echo("Store the key now; it cannot be shown again.", err=True)


@app.command("revoke")
def revoke(key_id: str = typer.Argument(..., help="The key's id (see `waspada keys list`)")) -> None:
    """Revoke a key (running APIs notice within WASPADA_API_KEY_CACHE_SECONDS)."""
    try:
        key = _store().revoke(key_id)
    except ApiKeyError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"revoked {key.id} ({key.name}) at {key.revoked}")


@app.command("list")
def list_keys(all_keys: bool = typer.Option(False, "--all", help="Include revoked keys")) -> None:
    """List keys: id, role, name, created, revoked."""
    for key in _store().list(include_revoked=all_keys):
        typer.echo(f"{key.id}\t{key.role}\t{key.name}\t{key.created}\t{key.revoked or '-'}")
