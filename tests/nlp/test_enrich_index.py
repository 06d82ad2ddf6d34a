"""`waspada enrich` without --input: re-enrich indexed articles through store/ (real Elasticsearch)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.pipeline import load_pipeline
from store.articles import ArticleRepository
from waspada.commands.enrich import _enrich_index
from waspada.settings import NlpSettings, Settings


@pytest.mark.slow
def test_reenrich_updates_indexed_articles(es_client, index_prefix, settings: Settings, gazetteer_file: Path,
                                           tmp_path: Path):
    settings = settings.model_copy(update={"nlp": NlpSettings(gazetteer=gazetteer_file)})
    repo = ArticleRepository(es_client, index_prefix)
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add({"id": "n1", "url": "https://example.id/n1", "kind": "article", "source": "teraskaltara",
                    "title": "Bentrok warga di Sebatik",
                    "text": "NUNUKAN – Warga Kecamatan Sebatik Barat bentrok. Camat Sebatik Barat Yusuf Hamid "
                            "meminta warga tenang di Sebatik Barat."})
    _enrich_index(load_pipeline(settings), settings, batch_size=8, n_process=1, query=None)
    doc = repo.get("n1")
    assert doc["primary_location"]["code"] == "65.03.08"
    assert "65.03" in doc["region_codes"]
    assert any(a["role"] == "Camat Sebatik Barat" for a in doc["actors"])
    assert doc["enrichment"]["model_version"].startswith("waspada-nlp-")
    hits = repo.search({"query": {"nested": {"path": "locations", "query": {"term": {"locations.code": "65.03.08"}}}}})
    assert hits["hits"]["total"]["value"] == 1
