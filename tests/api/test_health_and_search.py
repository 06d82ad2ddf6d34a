"""The first API endpoints against a real node."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app
from store.articles import ArticleRepository


def test_health_reports_the_node(settings):
    response = TestClient(create_app(settings)).get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["elasticsearch"]["version"].split(".")[0] in {"7", "8"}


def test_search_uses_indonesian_stemming(settings, es_client, tmp_path, keys):
    repo = ArticleRepository(es_client, settings.es.index_prefix)
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add({"id": "a", "title": "Perkelahian pemuda di Tarakan", "text": "Dua kelompok pemuda berkelahi.",
                    "kind": "article", "published": "2024-12-02T21:00:00+08:00"})
        writer.add({"id": "b", "title": "Panen raya", "text": "Petani panen padi.", "kind": "article"})
    app = TestClient(create_app(settings), headers={"X-API-Key": keys["consumer"]})
    found = app.get("/articles/search", params={"q": "perkelahian"}).json()
    assert [h["id"] for h in found["hits"]] == ["a"]
    assert "<mark>" in found["hits"][0]["highlight"]["title"][0]


def test_bad_query_is_a_400_not_a_500(settings, keys):
    app = TestClient(create_app(settings), headers={"X-API-Key": keys["consumer"]})
    response = app.get("/articles/search", params={"q": '"tanpa penutup'})
    assert response.status_code == 400
    assert "E031" in response.json()["detail"]
    assert app.get("/articles/search", params={"q": "x" * 600}).status_code == 422
