"""Indonesian search and idempotent writes against a real node."""

from __future__ import annotations

import hashlib

from store.articles import ArticleRepository


def article(url: str, title: str, text: str) -> dict:
    return {"id": hashlib.sha256(url.encode()).hexdigest(), "url": url, "title": title, "text": text,
            "kind": "article", "source": "teraskaltara", "language": "id", "published": "2024-12-02T09:15:00+08:00"}


def test_stemmed_search_and_exact_phrase(es_client, index_prefix, tmp_path):
    repo = ArticleRepository(es_client, index_prefix)
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add(article("https://teraskaltara.id/a", "Perkelahian antarwarga di Sebatik",
                           "Perkelahian terjadi di Desa Long Sulit, Kabupaten Malinau, Senin malam."))
        writer.add(article("https://teraskaltara.id/b", "Rapat kerja DPRD",
                           "Anggota dewan membahas anggaran desa dan jalan di Sulit Long."))
    stemmed = repo.search_text("berkelahi")
    assert [h["_source"]["url"] for h in stemmed["hits"]["hits"]] == ["https://teraskaltara.id/a"]
    phrase = repo.search_text('"Desa Long Sulit"')
    assert [h["_source"]["url"] for h in phrase["hits"]["hits"]] == ["https://teraskaltara.id/a"]
    both_words = repo.search_text("long sulit")
    assert both_words["hits"]["total"]["value"] == 2


def test_indexing_the_same_article_twice_keeps_one_document(es_client, index_prefix, tmp_path):
    repo = ArticleRepository(es_client, index_prefix)
    doc = article("https://teraskaltara.id/c", "Warga blokade jalan tambang", "Warga memblokade jalan.")
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add(doc)
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add({**doc, "title": "Warga blokade jalan tambang (diperbarui)"})
        writer.flush()
        assert (writer.stats.created, writer.stats.updated) == (0, 1)
    assert repo.count() == 1
    assert repo.get(doc["id"])["title"].endswith("(diperbarui)")


def test_created_documents_reach_listeners_once(es_client, index_prefix, tmp_path):
    repo = ArticleRepository(es_client, index_prefix)
    seen: list[str] = []
    doc = article("https://teraskaltara.id/d", "Judul", "Isi berita.")
    for _ in range(2):
        with repo.writer(tmp_path / "spool", listeners=[lambda docs: seen.extend(d["id"] for d in docs)]) as writer:
            writer.add(doc)
    assert seen == [doc["id"]]


def test_rejected_documents_are_kept_with_their_reason(es_client, index_prefix, tmp_path):
    repo = ArticleRepository(es_client, index_prefix)
    with repo.writer(tmp_path / "spool") as writer:
        writer.add({"id": "bad", "unknown_field": 1})
    assert writer.stats.rejected == 1
    kept = (tmp_path / "spool" / "rejected" / f"{index_prefix}articles.ndjson").read_text()
    assert "unknown_field" in kept and "strict_dynamic_mapping_exception" in kept
