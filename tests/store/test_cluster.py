"""A 3-node cluster survives the loss of its master: every acknowledged document stays searchable."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from store.articles import ArticleRepository
from store.client import make_client
from store.indices import apply_templates
from waspada.es.node import kill_node, read_node, start_cluster, start_node, stop_node
from waspada.settings import ElasticsearchSettings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    base = tmp_path_factory.mktemp("cluster")
    infos = start_cluster(base, ROOT / "var" / "jars", 3, heap="384m", cluster_name="waspada-fault-test",
                          base_port=9230)
    yield base, infos
    for i in range(len(infos)):
        stop_node(base / f"node{i + 1}")


def _master_home(client: Elasticsearch, base: Path, count: int) -> Path:
    master = client.nodes.info(node_id="_master", metric="http")["nodes"]
    port = int(next(iter(master.values()))["http"]["publish_address"].rsplit(":", 1)[1])
    return next(base / f"node{i + 1}" for i in range(count) if read_node(base / f"node{i + 1}").port == port)


def _docs(start: int, n: int) -> list[dict]:
    return [{"id": hashlib.sha256(f"c{i}".encode()).hexdigest(), "title": f"Berita {i}",
             "text": "Warga berunjuk rasa di kantor bupati.", "kind": "article"} for i in range(start, start + n)]


def test_master_loss_keeps_every_acknowledged_document(cluster, tmp_path):
    base, infos = cluster
    es = ElasticsearchSettings(url=",".join(i.url for i in infos), max_retries=5, request_timeout=10)
    client = make_client(es)
    report = apply_templates(client, prefix="fault-")
    assert any("created" in line for line in report.changes)
    client.cluster.health(wait_for_status="green", timeout="60s")
    settings = client.indices.get_settings(index="fault-articles")
    assert next(iter(settings.values()))["settings"]["index"]["number_of_replicas"] == "1"

    repo = ArticleRepository(client, "fault-")
    writer = repo.writer(tmp_path / "spool", batch_size=50, retries=5, backoff=0.5)
    writer.add_many(_docs(0, 300))
    writer.flush()
    victim = _master_home(client, base, len(infos))
    kill_node(victim)
    writer.add_many(_docs(300, 300))
    stats = writer.close()
    replayed = writer.replay() if stats.spooled else 0
    assert stats.created + replayed == 600

    ok = 0
    for _ in range(50):
        client.indices.refresh(index="fault-articles")
        ok += client.search(index="fault-articles", size=0, track_total_hits=True)["hits"]["total"]["value"] == 600
    assert ok == 50

    info = read_node(victim)
    start_node(victim, ROOT / "var" / "jars", base_port=info.port - 1, heap="384m",
               cluster_name="waspada-fault-test", cluster_transport_ports=[9311, 9321, 9331],
               transport_port=info.transport_port)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        health = client.cluster.health(wait_for_status="green", timeout="5s")
        if health["status"] == "green" and health["number_of_nodes"] == 3:
            break
    assert health["status"] == "green"
    assert repo.count() == 600
