"""Bring the service's dependencies up: Elasticsearch (local when ES_URL is empty), templates, spool.

Shared by `waspada init`, `waspada serve` and `waspada run`, so every entry point prepares the
same way: nothing starts serving before the templates are applied and the spool is replayed.
"""

from __future__ import annotations

import logging
import os

from elasticsearch import Elasticsearch

from store.client import make_client
from store.indices import ApplyReport, apply_templates, load_specs
from store.writer import BulkWriter
from waspada.es.node import NodeInfo, start_node
from waspada.settings import Settings

log = logging.getLogger(__name__)


def local_node_home(settings: Settings):
    return settings.paths.es_home / "node"


def ensure_elasticsearch(settings: Settings) -> str:
    """The URL(s) to use: ES_URL when set, else a local node started (or found running) for us.

    The chosen URL is written back into `settings.es.url` and the environment, so that child
    processes (crawlers, workers) talk to the same node.
    """
    if settings.es.hosts:
        return settings.es.url
    info: NodeInfo = start_node(local_node_home(settings), settings.paths.home / "jars",
                                base_port=settings.es.local_port, heap=settings.es.local_heap,
                                cluster_name=settings.es.local_cluster_name)
    settings.es.url = info.url
    os.environ["ES_URL"] = info.url
    return info.url


def prepare(settings: Settings) -> tuple[Elasticsearch, ApplyReport, int]:
    """Start or reach Elasticsearch, apply templates, replay spooled writes. Returns what was done."""
    ensure_elasticsearch(settings)
    client = make_client(settings.es, opaque_id="waspada-init")
    report = apply_templates(client, prefix=settings.es.index_prefix, replicas=settings.es.replicas,
                             shards=settings.es.shards)
    replayed = replay_spool(client, settings)
    return client, report, replayed


def replay_spool(client: Elasticsearch, settings: Settings) -> int:
    """Send every batch spooled during an outage, for every alias that has a spool folder."""
    total = 0
    for spec in load_specs():
        alias = f"{settings.es.index_prefix}{spec.alias}"
        if (settings.paths.spool_dir / alias).exists():
            from waspada.indexing import indexed_listeners  # spooled articles are percolated on replay

            listeners = indexed_listeners(settings, client) if spec.alias == "articles" else []
            total += BulkWriter(client, alias, settings.paths.spool_dir, listeners=listeners).replay()
    return total
