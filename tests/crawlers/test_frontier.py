"""Two crawler processes sharing one Redis frontier split the pages; a killed one's pages are finished by the other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from crawlers.frontier import RedisFrontier
from store.indices import alias_name
from tests.crawlers.conftest import ROOT
from tests.crawlers.fixtures.news import Story
from tests.crawlers.fixtures.server import FixtureServer, Site
from tests.crawlers.fixtures.serve import write_sources
from tests.crawlers.fixtures.sites import article_page

pytestmark = pytest.mark.slow
PAGES = 40


def stories() -> list[Story]:
    return [Story(post_id=1000 + i, slug=f"warga-desa-ke-{i}-gelar-rapat-adat",
                  title=f"Warga Desa ke-{i} Gelar Rapat Adat di Malinau",
                  paragraphs=[f"MALINAU – Warga desa ke-{i} menggelar rapat adat membahas tapal batas kebun.",
                              "Ketua adat meminta semua pihak menahan diri dan menunggu hasil musyawarah."],
                  published_local=f"2024-11-{1 + i % 28:02d}T08:{i % 60:02d}:00", author="Rina Wati",
                  categories=["Daerah"]) for i in range(PAGES)]


@pytest.fixture
def mirror():
    """An outlet known by its sitemap, answering slowly enough to kill a crawler mid-run."""
    site = Site(delay=0.15)
    with FixtureServer(site) as server:
        urls = "".join(f"<url><loc>{server.url}{s.path}</loc><lastmod>{s.published_iso}</lastmod></url>"
                       for s in stories())
        site.add("/sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                 f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', content_type="application/xml")
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        for story in stories():
            site.add(story.path, article_page(story, server.url, "Cermin Malinau"))
        yield server


def _env(es_url: str, prefix: str, redis_url: str, home: Path, sources: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WASPADA_", "ES_"))}
    env.update({"ES_URL": es_url, "ES_INDEX_PREFIX": prefix, "WASPADA_HOME": str(home),
                "WASPADA_CRAWL_SOURCES_FILE": str(sources), "WASPADA_CRAWL_ENRICH": "false",
                "WASPADA_CRAWL_DOWNLOAD_DELAY": "0", "WASPADA_FRONTIER_URL": redis_url,
                "WASPADA_FRONTIER_LEASE_SECONDS": "4", "PYTHONPATH": str(ROOT)})
    return env


def _crawler(env: dict[str, str], home: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "waspada.cli", "crawl", "--source", "cermin"],
                            cwd=ROOT, env={**env, "WASPADA_HOME": str(home)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _setup(tmp_path, mirror) -> Path:
    return write_sources({"sources": [{
        "name": "cermin", "title": "Cermin Malinau", "platform": "sitemap", "base_url": mirror.url,
        "region_code": "65.02", "politeness": {"download_delay": 0.0, "concurrency": 2, "max_pages": 100}}]},
        tmp_path / "sources.yaml")


def _article_hits(mirror) -> Counter:
    return Counter(h for h in mirror.site.hits if h.startswith("/2024/"))


def test_two_crawlers_fetch_every_page_exactly_once(tmp_path, mirror, redis_server, es_client, index_prefix, es_url):
    env = _env(es_url, index_prefix, redis_server.url, tmp_path / "a", _setup(tmp_path, mirror))
    first, second = _crawler(env, tmp_path / "a"), _crawler(env, tmp_path / "b")
    assert first.wait(180) == 0 and second.wait(180) == 0
    hits = _article_hits(mirror)
    assert len(hits) == PAGES and set(hits.values()) == {1}
    es_client.indices.refresh(index=alias_name("articles", index_prefix))
    assert es_client.count(index=alias_name("articles", index_prefix))["count"] == PAGES


def _crawler_midway(env: dict[str, str], home: Path, mirror, pages: int = 8) -> subprocess.Popen:
    """A crawler started and left running until it has fetched `pages` article pages."""
    crawler = _crawler(env, home)
    deadline = time.monotonic() + 60
    while len(_article_hits(mirror)) < pages and time.monotonic() < deadline:
        time.sleep(0.05)
    return crawler


def test_a_killed_crawlers_pages_are_finished_by_the_other(tmp_path, mirror, redis_server, es_client, index_prefix,
                                                           es_url):
    env = _env(es_url, index_prefix, redis_server.url, tmp_path / "a", _setup(tmp_path, mirror))
    doomed = _crawler_midway(env, tmp_path / "a", mirror)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait()
    survivor = _crawler(env, tmp_path / "b")
    assert survivor.wait(240) == 0
    es_client.indices.refresh(index=alias_name("articles", index_prefix))
    assert es_client.count(index=alias_name("articles", index_prefix))["count"] == PAGES
    import redis

    frontier = RedisFrontier(redis.Redis.from_url(redis_server.url), "waspada:frontier:cermin")
    assert frontier.queued() == 0 and frontier.leased() == 0


def test_the_frontier_survives_a_redis_restart_mid_crawl(tmp_path, mirror, redis_server, es_client, index_prefix,
                                                         es_url):
    env = _env(es_url, index_prefix, redis_server.url, tmp_path / "a", _setup(tmp_path, mirror))
    crawler = _crawler_midway(env, tmp_path / "a", mirror)
    redis_server.kill()  # SIGKILL: only the append-only file keeps the queue
    redis_server.start()
    assert crawler.wait(240) == 0
    hits = _article_hits(mirror)
    assert len(hits) == PAGES, "queued pages were lost with the Redis restart"
    es_client.indices.refresh(index=alias_name("articles", index_prefix))
    assert es_client.count(index=alias_name("articles", index_prefix))["count"] == PAGES
