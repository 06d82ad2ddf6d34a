"""`waspada es start|stop|status`: a local Elasticsearch node for when ES_URL is not set."""

from __future__ import annotations

import time

import typer
from rich.console import Console

from waspada.es.node import NodeError, http_ready, read_node, resident_memory_mb, start_cluster, start_node, stop_node
from waspada.runtime import local_node_home
from waspada.settings import get_settings

app = typer.Typer(no_args_is_help=True)
console = Console()


@app.command()
def start(nodes: int = typer.Option(1, help="1 for a single node, 3 for a local cluster")) -> None:
    """Start a local node (or a local cluster with --nodes 3) and wait until it is ready."""
    settings = get_settings()
    began = time.monotonic()
    try:
        if nodes == 1:
            infos = [start_node(local_node_home(settings), settings.paths.home / "jars",
                                base_port=settings.es.local_port, heap=settings.es.local_heap,
                                cluster_name=settings.es.local_cluster_name)]
        else:
            infos = start_cluster(settings.paths.es_home / "cluster", settings.paths.home / "jars", nodes,
                                  cluster_name=f"{settings.es.local_cluster_name}-cluster")
    except NodeError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    for info in infos:
        rss = resident_memory_mb(info.pid)
        console.print(f"Elasticsearch ready at {info.url} (pid {info.pid}, {rss or 0:.0f} MB resident)")
    console.print(f"ready after {time.monotonic() - began:.1f}s; use ES_URL={','.join(i.url for i in infos)}")


@app.command()
def stop() -> None:
    """Stop the local node(s) started by `waspada es start`."""
    settings = get_settings()
    homes = [local_node_home(settings), *sorted((settings.paths.es_home / "cluster").glob("node*"))]
    stopped = [home for home in homes if stop_node(home)]
    console.print(f"stopped {len(stopped)} node(s)" if stopped else "no local node was running")


@app.command()
def status() -> None:
    """Show the local node(s): pid, URL, health, memory."""
    settings = get_settings()
    homes = [local_node_home(settings), *sorted((settings.paths.es_home / "cluster").glob("node*"))]
    found = False
    for home in homes:
        info = read_node(home)
        if not info:
            continue
        found = True
        ready = http_ready(info.url)
        rss = resident_memory_mb(info.pid)
        state = "[green]ready[/green]" if ready else "[red]not answering[/red]"
        console.print(f"{home.name}: {info.url} pid {info.pid} {state} {rss or 0:.0f} MB")
    if not found:
        console.print("no local node recorded" + (f"; ES_URL={settings.es.url}" if settings.es.url else ""))
        raise typer.Exit(1)
