"""`waspada digest` and `waspada alerts …`: digests, periodic alert work and the feedback export from the CLI.

`waspada digest --date D` prints a day's digest (plain text; `--html` for HTML) for every
digest subscriber (or everyone when there is none); `--send` emails them. `waspada alerts tick`
runs one round of spikes, silence, due digests and webhook delivery — for cron, when
`waspada run` is not running.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console

console = Console(stderr=True)
alerts_app = typer.Typer(no_args_is_help=True)


def _client():
    from store.client import make_client
    from waspada.runtime import ensure_elasticsearch
    from waspada.settings import get_settings

    settings = get_settings()
    ensure_elasticsearch(settings)
    return make_client(settings.es, opaque_id="waspada-alerts"), settings


def digest(
    day: str = typer.Option(..., "--date", help="Local date of the digest (YYYY-MM-DD)"),
    send: bool = typer.Option(False, "--send", help="Email each subscriber's digest over SMTP"),
    subscriber: str = typer.Option("", help="Only this subscriber id"),
    html: bool = typer.Option(False, "--html", help="Print HTML instead of plain text"),
) -> None:
    """Print (or with --send email) the digest of one day for every digest subscriber."""
    from alerts import digest as digests
    from alerts.schedule import DueDigest, send_digests
    from store.subscribers import SubscriberRepository

    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        console.print("[red]E088: --date must be YYYY-MM-DD[/red]")
        raise typer.Exit(2) from exc
    client, settings = _client()
    subs = SubscriberRepository(client, settings.es.index_prefix).list(active_only=True, with_digest=True)
    if subscriber:
        subs = [s for s in subs if s["id"] == subscriber]
        if not subs:
            console.print(f"[red]E086: no active digest subscriber {subscriber!r}[/red]")
            raise typer.Exit(1)
    if send:
        targets = [DueDigest(s, when) for s in subs if s.get("email")]
        try:
            sent = send_digests(client, settings, targets, mark=False)
        except Exception as exc:  # noqa: BLE001 — show the SMTP/config error and its code
            console.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from exc
        console.print(f"sent {sent} digests for {when.isoformat()}")
        return
    for sub in subs or [None]:
        data = digests.build(client, settings.es.index_prefix, settings.alerts, when, sub)
        sys.stdout.write(digests.render_html(data) if html else digests.render_text(data))
        sys.stdout.write("\n")


@alerts_app.command()
def tick() -> None:
    """One round: spikes, silent sources, due digests, then deliver due webhooks (for cron)."""
    from alerts.delivery.webhooks import WebhookQueue
    from alerts.schedule import tick as run_tick

    client, settings = _client()
    done = run_tick(client, settings)
    queue = WebhookQueue(client, settings.es.index_prefix, settings.webhook)
    delivered = queue.deliver_due()
    queue.close()
    console.print(f"spikes {done['spikes']}, silent sources {done['silences']}, digests sent {done['digests']}, "
                  f"webhooks {delivered}")


@alerts_app.command()
def feedback(out: Path = typer.Option(Path("-"), help="JSONL file to write; - = stdout")) -> None:
    """Export analysts' verdicts as labelled JSONL for `waspada train conflict --with-feedback`."""
    from alerts.feedback import write_jsonl
    from store.alerts import AlertRepository
    from store.articles import ArticleRepository

    client, settings = _client()
    prefix = settings.es.index_prefix
    if str(out) == "-":
        count = write_jsonl(AlertRepository(client, prefix), ArticleRepository(client, prefix), sys.stdout)
    else:
        with out.open("w", encoding="utf-8") as handle:
            count = write_jsonl(AlertRepository(client, prefix), ArticleRepository(client, prefix), handle)
    console.print(f"{count} labelled rows ({datetime.now().isoformat(timespec='seconds')})")


def register(app: typer.Typer) -> None:
    app.command()(digest)
    app.add_typer(alerts_app, name="alerts", help="Alert jobs: periodic tick, feedback export.")
