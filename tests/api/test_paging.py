"""Cursor paging returns every document exactly once, even while new articles arrive between pages."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from store.articles import ArticleRepository
from tests.api.conftest import article


def _docs(prefix: str, n: int, newest: bool = False) -> list[dict]:
    docs = []
    for i in range(n):
        day = 28 if newest else 1 + i % 27
        doc = article(f"{prefix}{i:03d}", f"Tawuran warga nomor {i}", "Tawuran antar warga desa.",
                      source=f"src-{i % 3}", published=f"2024-11-{day:02d}T10:00:00+08:00",
                      regions=["65", "65.71"], risk=round((i % 10) / 10, 1), stage="incident")
        if i % 5 == 0:
            doc.pop("published")  # missing sort values must page too
        if newest:
            doc["indexed"] = datetime.now(timezone.utc).isoformat()
        docs.append(doc)
    return docs


@pytest.mark.parametrize("sort", ["newest", "risk", "relevance"])
def test_cursor_pages_every_document_once_while_new_ones_arrive(settings, es_client, consumer, tmp_path, sort):
    repo = ArticleRepository(es_client, settings.es.index_prefix)
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        for doc in _docs("old", 40):
            writer.add(doc)
    seen: list[str] = []
    params = {"q": "tawuran", "sort": sort, "size": 7, "region": "65.71"}
    page = consumer.get("/articles/search", params=params).json()
    total = page["total"]
    batch = 0
    while True:
        seen += [h["id"] for h in page["hits"]]
        if not page["next_cursor"]:
            break
        batch += 1
        with repo.writer(tmp_path / f"spool{batch}", refresh="wait_for") as writer:
            for doc in _docs(f"new{batch}-", 3, newest=True):  # these sort first under every order
                writer.add(doc)
        page = consumer.get("/articles/search", params={**params, "cursor": page["next_cursor"]}).json()
        assert page["total"] == total  # pinned: the result set does not grow
    assert total == 40
    assert sorted(seen) == sorted(f"old{i:03d}" for i in range(40))
    assert len(seen) == len(set(seen))
    assert repo.count() > 40  # new documents were indexed meanwhile


def test_a_cursor_only_continues_its_own_search(seeded, consumer):
    first = consumer.get("/articles/search", params={"size": 2, "sort": "newest"}).json()
    assert first["next_cursor"]
    other = consumer.get("/articles/search", params={"size": 2, "sort": "risk", "cursor": first["next_cursor"]})
    assert other.status_code == 400 and "E037" in other.json()["detail"]
    other = consumer.get("/articles/search", params={"size": 2, "sort": "newest", "q": "x",
                                                     "cursor": first["next_cursor"]})
    assert other.status_code == 400
    tampered = first["next_cursor"][:-4] + "AAAA"
    assert consumer.get("/articles/search", params={"size": 2, "sort": "newest", "cursor": tampered}).status_code == 400
