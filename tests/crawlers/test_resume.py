"""Resume: a crawl killed with SIGKILL mid-run and restarted loses nothing and stores nothing twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import yaml

from store.indices import alias_name
from tests.crawlers.conftest import ROOT, run_crawl
from tests.crawlers.fixtures.news import Story
from tests.crawlers.fixtures.server import FixtureServer, Site
from tests.crawlers.fixtures.sites import WordPressSite

WORDS = ("warga desa jalan lahan pemerintah kabupaten aparat polisi bupati camat pasar harga sungai banjir "
         "sekolah guru nelayan kapal pelabuhan perbatasan hutan tambang sawit buruh upah rapat mediasi").split()
N = 36


def _stories() -> list[Story]:
    rng = random.Random(7)
    stories = []
    for i in range(N):
        paragraphs = [f"TARAKAN – Berita nomor {i} tentang " + " ".join(rng.choices(WORDS, k=25)) + "."
                      for _ in range(3)]
        stories.append(Story(post_id=5000 + i, slug=f"berita-nomor-{i}-tentang-kabar-daerah-kaltara", title=f"Berita {i}",
                             paragraphs=paragraphs, published_local=f"2024-11-{1 + i % 28:02d}T{i % 24:02d}:00:00",
                             author="Redaksi", categories=["Daerah"]))
    return stories


def _count(es_client, prefix: str) -> int:
    index = alias_name("articles", prefix)
    es_client.indices.refresh(index=index)
    return es_client.count(index=index)["count"]


def test_sigkill_mid_run_then_restart_loses_nothing_and_adds_nothing_twice(crawl_env, es_client, index_prefix,
                                                                             tmp_path):
    site = Site(delay=0.25)
    with FixtureServer(site) as server:
        stories = _stories()
        WordPressSite(site, server.url, "Resume.id", stories, rest=False)  # feed → one page per article
        sources = {"sources": [{"name": "resume", "title": "Resume.id", "platform": "wordpress",
                                "base_url": server.url, "region_code": "65",
                                "politeness": {"download_delay": 0.0, "concurrency": 1}}]}
        (tmp_path / "resume.yaml").write_text(yaml.safe_dump(sources))
        env = {**crawl_env, "WASPADA_CRAWL_SOURCES_FILE": str(tmp_path / "resume.yaml"), "WASPADA_CRAWL_BATCH_SIZE": "4"}
        process = subprocess.Popen([sys.executable, "-m", "waspada.cli", "crawl", "--source", "resume"],
                                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 90
            while _count(es_client, index_prefix) < 8 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.2)
            assert process.poll() is None, "the crawl finished before it could be killed"
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
        stored_before = _count(es_client, index_prefix)
        assert 8 <= stored_before < N
        jobdir = tmp_path / "var" / "crawl" / "jobs" / "resume"
        assert (jobdir / "stored.seen").exists()
        hits_before = Counter(h for h in site.hits if h.startswith("/2024/"))

        result = run_crawl(env, "--source", "resume")
        assert result.returncode == 0, result.stderr[-3000:]
        assert _count(es_client, index_prefix) == N
        hits = Counter(h for h in site.hits if h.startswith("/2024/"))
        refetched = [path for path in hits_before if hits[path] > 1]
        # pages whose items were stored before the kill are not fetched again; at most the last
        # unflushed batch (and the requests in flight) are
        assert len(refetched) <= 4 + 2
        assert set(hits) == {s.path for s in stories}
        assert not jobdir.exists()  # a finished run leaves no job state behind
