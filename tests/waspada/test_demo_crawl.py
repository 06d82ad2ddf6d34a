"""`scrapy crawl` of every demo source against the demo servers lands the scenario in Elasticsearch."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from store.indices import alias_name
from waspada.demo.clock import DemoClock
from waspada.demo.scenario import WITA
from waspada.demo.server import SPIDER_MODULES, DemoServers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _crawl(name: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", name, "-s", f"SPIDER_MODULES={SPIDER_MODULES}",
                           "-s", "LOG_LEVEL=INFO"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _titles(es_client, index: str, source: str) -> list[str]:
    es_client.indices.refresh(index=index)
    hits = es_client.search(index=index, query={"term": {"source": source}}, size=100, _source=["title"])
    return sorted(h["_source"]["title"] for h in hits["hits"]["hits"])


def test_scrapy_crawl_indexes_every_demo_item_and_a_runtime_one(settings, es_client, tmp_path):
    now = datetime.now(timezone.utc)
    clock = DemoClock(day0=now.astimezone(WITA).date() - timedelta(days=1), start=now, speed=1, started=now)
    with DemoServers(clock=clock) as demo:
        sources = demo.write_sources(tmp_path / "sources.yaml")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "ES_URL": settings.es.url,
               "ES_INDEX_PREFIX": settings.es.index_prefix, "WASPADA_HOME": str(settings.paths.home),
               "WASPADA_CRAWL_SOURCES_FILE": str(sources), "WASPADA_CRAWL_ENRICH": "false",
               "WASPADA_CRAWL_DOWNLOAD_DELAY": "0"}
        index = alias_name("articles", settings.es.index_prefix)
        expected = {}
        for item, _url in demo.visible():
            expected.setdefault(demo.site(item.outlet).outlet.name, []).append(item.title)
        for name in demo.source_names:
            result = _crawl(name, env)
            assert result.returncode == 0, result.stderr[-3000:]
            assert _titles(es_client, index, name) == sorted(expected[name]), name
        docs = {h["_source"]["url"]: h["_source"] for h in es_client.search(index=index, size=100)["hits"]["hits"]}
        assert set(docs) == set(demo.expected_by_url())
        clash = [d for d in docs.values() if "Pos Jaga Dibakar" in d["title"]]
        assert len(clash) == 2 and len({d["cluster_id"] for d in clash}) == 1  # the syndicated copy joins the story
        article = next(d for d in docs.values() if d["source"] == "benuanta_demo")
        assert "Bagikan" not in article["text"] and "Tinggalkan Balasan" not in article["text"]
        assert article["authors"] and article["published"].endswith("+08:00")

        _item, url = demo.publish("teraskaltara_demo", "Tokoh Adat dan PT SHP Sepakat Gencatan di Sebuku",
                                  "SEBUKU, Teras Kaltara – Tokoh adat dan perusahaan sepakat menahan diri.\n\n"
                                  "Kesepakatan diteken di hadapan Forkopimda Nunukan.", author="Andi Saputra")
        result = _crawl("teraskaltara_demo", env)
        assert result.returncode == 0, result.stderr[-3000:]
        titles = _titles(es_client, index, "teraskaltara_demo")
        assert "Tokoh Adat dan PT SHP Sepakat Gencatan di Sebuku" in titles
        assert len(titles) == len(expected["teraskaltara_demo"]) + 1
