"""Elasticsearch down: writes spool to disk and are replayed after a restart, each once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from store.articles import ArticleRepository
from store.client import make_client
from store.indices import apply_templates
from waspada.es.node import start_node, stop_node
from waspada.runtime import replay_spool
from waspada.settings import ElasticsearchSettings, PathSettings, Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def own_node(tmp_path_factory):
    """A node of this module's own, so that stopping it disturbs no other test."""
    home = tmp_path_factory.mktemp("es-spool")
    info = start_node(home, ROOT / "var" / "jars", base_port=9280, heap="512m", cluster_name="waspada-spool-test")
    yield home, info
    stop_node(home)


def docs(n: int) -> list[dict]:
    return [{"id": hashlib.sha256(f"u{i}".encode()).hexdigest(), "url": f"https://contoh.id/{i}",
             "title": f"Berita {i}", "text": "Isi berita.", "kind": "article"} for i in range(n)]


@pytest.mark.slow
def test_writes_spool_while_down_and_replay_after_restart(own_node, tmp_path):
    home, info = own_node
    es = ElasticsearchSettings(url=info.url, max_retries=0, request_timeout=2)
    client = make_client(es)
    apply_templates(client, replicas=0)
    settings = Settings(es=es, paths=PathSettings(home=tmp_path))
    stop_node(home)

    repo = ArticleRepository(client)
    writer = repo.writer(settings.paths.spool_dir, batch_size=40, retries=1, backoff=0.05)
    writer.add_many(docs(100))
    writer.close()
    assert writer.stats.spooled == 100
    assert writer.spool.pending() == 100

    app = TestClient(create_app(settings))
    down = app.get("/health")
    assert down.status_code == 503
    assert down.json()["elasticsearch"]["status"] == "unreachable"

    restarted = start_node(home, ROOT / "var" / "jars", base_port=9280, heap="512m", cluster_name="waspada-spool-test")
    client = make_client(es.model_copy(update={"url": restarted.url}))
    assert replay_spool(client, settings) == 100
    assert replay_spool(client, settings) == 0  # the spool is empty now: nothing twice
    repo = ArticleRepository(client)
    repo.refresh()
    assert repo.count() == 100
