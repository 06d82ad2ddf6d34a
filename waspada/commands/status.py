"""`waspada status`: Elasticsearch, sources, queue and spool, jobs, digests and alerts at a glance."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from store.spool import Spool
from waspada.settings import Settings, get_settings

console = Console()


def _elasticsearch(settings: Settings):
    from store.client import make_client

    if not settings.es.url:
        from waspada.es.node import http_ready, read_node
        from waspada.runtime import local_node_home

        info = read_node(local_node_home(settings))
        if not info or not http_ready(info.url):
            console.print("Elasticsearch: [red]no ES_URL and no local node running[/red] (waspada es start)")
            return None
        settings.es.url = info.url
    client = make_client(settings.es, opaque_id="waspada-status")
    try:
        health = client.cluster.health(request_timeout=5)
    except Exception as exc:  # noqa: BLE001 — status must report, not crash
        console.print(f"Elasticsearch {settings.es.url}: [red]unreachable ({type(exc).__name__})[/red]")
        return None
    console.print(f"Elasticsearch {settings.es.url}: {health['status']}, {health['number_of_nodes']} node(s)")
    return client


def status() -> None:
    """Show Elasticsearch, sources (last crawl, silence), queue and spool sizes, jobs, last digest, alerts."""
    settings = get_settings()
    prefix = settings.es.index_prefix
    client = _elasticsearch(settings)

    spool_root = settings.paths.spool_dir
    pending = {d.name: Spool(d).pending() for d in spool_root.iterdir() if d.is_dir()} if spool_root.exists() else {}
    console.print("Spool: " + (", ".join(f"{k} {v}" for k, v in pending.items() if v) or "empty"))
    if settings.queue.url:
        from workers.queue import WorkQueue

        queue = WorkQueue.from_url(settings.queue.url, stream=settings.queue.stream)
        console.print(f"Work queue {settings.queue.stream}: {queue.backlog()} waiting, {queue.pending()} in progress")

    status_file = settings.paths.home / "status.json"
    if status_file.exists():
        jobs = json.loads(status_file.read_text())
        table = Table("job", "runs", "failures", "last finished", "last result / error", title=f"waspada run ({jobs['updated']})")
        for name, job in jobs["jobs"].items():
            table.add_row(name, str(job["runs"]), str(job["failures"]), job["last_finished"] or "-",
                          (job["last_error"] or job["last_result"] or "")[:70])
        console.print(table)
    if client is None:
        raise typer.Exit(1)

    from store.alerts import AlertRepository
    from store.crawl_state import source_health
    from store.subscribers import SubscriberRepository

    table = Table("source", "last success", "last items", "errors", "days silent", title="Sources")
    for state in source_health(client, prefix):
        silent = state.get("days_silent")
        mark = "[red]" if silent is not None and silent >= settings.crawl.silent_days else ""
        table.add_row(state["source"], str(state.get("last_success") or "-"), str(state.get("last_items", "-")),
                      str(state.get("last_errors", "-")), f"{mark}{silent if silent is not None else '-'}")
    console.print(table)
    counts = AlertRepository(client, prefix).status_counts()
    console.print("Alerts: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    digests = [s.get("last_digest_date") for s in SubscriberRepository(client, prefix).list() if s.get("last_digest_date")]
    console.print(f"Last digest sent: {max(digests) if digests else 'none yet'}")


def register(app: typer.Typer) -> None:
    app.command()(status)
