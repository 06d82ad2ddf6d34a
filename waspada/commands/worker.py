"""`waspada worker`: consume crawled items from the work queue, enrich and index them."""

from __future__ import annotations

import os
import signal
import socket
import threading

import typer
from rich.console import Console

from store.client import make_client
from waspada.indexing import IndexingPath
from waspada.logs import configure
from waspada.runtime import ensure_elasticsearch
from waspada.settings import get_settings

console = Console()


def worker(
    consumer: str = typer.Option("", help="Consumer name, unique per process (default host-pid)"),
    batch: int = typer.Option(50, help="Items per batch"),
    enrich: bool = typer.Option(True, help="Run the NLP pipeline (--no-enrich to index items as they are)"),
) -> None:
    """Consume the work queue (WASPADA_QUEUE_URL): enrich, index, percolate; SIGTERM stops after the batch."""
    from workers.queue import open_queue
    from workers.worker import run_worker

    settings = get_settings()
    configure(fmt="json")
    if not settings.queue.url:
        console.print("[red]E050: WASPADA_QUEUE_URL is not set; workers need a work queue "
                      "(redis://host:6379/0, or file:///folder on one machine)[/red]")
        raise typer.Exit(2)
    ensure_elasticsearch(settings)
    client = make_client(settings.es, opaque_id="waspada-worker")
    queue = open_queue(settings.queue.url, stream=settings.queue.stream,
                       claim_idle_ms=settings.queue.claim_idle_ms)
    path = IndexingPath(settings, client, enrich=enrich)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    name = consumer or f"{socket.gethostname()}-{os.getpid()}"
    done = run_worker(queue, name, path.process, stop, batch=batch)
    console.print(f"worker {name}: {done} items processed")


def register(app: typer.Typer) -> None:
    app.command()(worker)
