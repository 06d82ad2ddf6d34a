"""The whole path under load: crawl → Redis work queue → `waspada worker` (enrich + index), timed end to end.

A WordPress-like outlet (the crawler tests' fixture theme: REST API closed by robots.txt, so the
spider reads /feed/ and fetches and extracts every article page) serves N generated ~400-word
articles on 127.0.0.1. `waspada crawl` publishes the items to the queue (WASPADA_QUEUE_URL) and
W workers, already started and ready, enrich and index them. The clock runs from the crawl's
launch until Elasticsearch counts all N articles; each run gets its own index prefix, stream and
source name, so nothing carries over between runs.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import redis
import yaml

from benchmarks.scale.processes import Proc, start_workers, stopped, wait_ready, waspada
from store.articles import ArticleRepository
from store.client import make_client
from store.indices import apply_templates, delete_prefixed
from tests.crawlers.fixtures.news import Story
from tests.crawlers.fixtures.server import FixtureServer, Site
from tests.crawlers.fixtures.sites import WordPressSite
from waspada.demo.scenario import default_scenario
from waspada.settings import ElasticsearchSettings
from workers.queue import WorkQueue


def stories(n: int, seed: int = 5) -> list[Story]:
    """N distinct articles of ≈ 400 words: a demo article's headline, byline and lead, then other paragraphs."""
    rng = random.Random(seed)
    specs = default_scenario().articles
    pool = [p for spec in specs for p in spec.body.split("\n") if len(p) > 80]
    start = datetime(2026, 11, 20, 6, 0)
    out = []
    for i in range(n):
        spec = specs[i % len(specs)]
        paragraphs = [spec.body.split("\n")[0]]
        while sum(len(p.split()) for p in paragraphs) < 400:
            paragraphs.append(rng.choice(pool))
        slug = re.sub(r"[^a-z0-9]+", "-", spec.title.lower()).strip("-")[:60] + f"-{i}"
        out.append(Story(post_id=1000 + i, slug=slug, title=spec.title, paragraphs=paragraphs,
                         published_local=(start + timedelta(minutes=7 * i)).isoformat(timespec="seconds"),
                         author=spec.author, categories=list(spec.categories) or ["Daerah"], tags=list(spec.tags)))
    return out


@contextlib.contextmanager
def outlet(n: int) -> Iterator[str]:
    """Serve the WordPress-like outlet with `n` articles; yields its base URL."""
    with FixtureServer(Site()) as server:
        WordPressSite(server.site, server.url, "Kabar Benuanta", stories(n), rest=False)
        yield server.url


@dataclass
class Timing:
    """One crawl → index run."""

    articles: int
    workers: int
    ready_s: float  # workers loading models before the clock starts
    queued_s: float  # until the crawl had published every article to the queue
    total_s: float  # until Elasticsearch counted every article

    @property
    def rate(self) -> float:
        return self.articles / self.total_s


def crawl_to_index(es_url: str, redis_url: str, base_url: str, articles: int, workers: int, tmp: Path, *,
                   tag: str, replicas: int = 0, timeout: float = 900) -> Timing:
    """Articles/s from the crawl's start until all `articles` are indexed, with `workers` workers."""
    name = f"bench_{tag}_w{workers}"  # source name = spider name: fresh per run
    prefix = f"bench-{tag}-w{workers}-"
    run_dir = tmp / name
    run_dir.mkdir(parents=True)
    sources = run_dir / "sources.yaml"
    sources.write_text(yaml.safe_dump({"sources": [{
        "name": name, "title": "Kabar Benuanta", "platform": "wordpress", "base_url": base_url, "region_code": "65",
        "politeness": {"download_delay": 0.0, "concurrency": 8}}]}), encoding="utf-8")
    client = make_client(ElasticsearchSettings(url=es_url, max_retries=5))
    delete_prefixed(client, prefix)
    apply_templates(client, prefix=prefix, replicas=replicas)
    stream = f"bench:{prefix}items"
    redis_client = redis.Redis.from_url(redis_url, decode_responses=True)
    redis_client.delete(stream)
    queue = WorkQueue(redis_client, stream=stream)
    env = {**os.environ, "ES_URL": es_url, "ES_INDEX_PREFIX": prefix, "WASPADA_QUEUE_URL": redis_url,
           "WASPADA_QUEUE_STREAM": stream, "WASPADA_CRAWL_SOURCES_FILE": str(sources),
           "WASPADA_CRAWL_JOBDIR": "false"}
    repo = ArticleRepository(client, prefix)
    try:
        with stopped(start_workers(workers, env, run_dir, "w")) as procs:
            ready = wait_ready(queue, procs)
            began = time.perf_counter()
            crawl: Proc = waspada(["crawl", "--source", name, "--full", "--delay", "0"], env, run_dir / "crawl.log")
            procs.append(crawl)
            queued_s = None
            while True:
                if queued_s is None and published(redis_client, stream) >= articles:
                    queued_s = time.perf_counter() - began
                repo.refresh()
                if repo.count() >= articles:
                    break
                for proc in procs:
                    if problem := proc.failed():
                        raise RuntimeError(problem)
                if time.perf_counter() - began > timeout:
                    raise RuntimeError(f"{repo.count()} of {articles} articles indexed after {timeout:.0f} s; "
                                       f"queue backlog {queue.backlog()}; crawl log:\n{crawl.tail()}")
                time.sleep(0.2)
            total = time.perf_counter() - began
            if crawl.popen.wait(120) != 0:
                raise RuntimeError(crawl.failed())
    finally:
        redis_client.delete(stream)
        delete_prefixed(client, prefix)
    return Timing(articles, workers, ready, total if queued_s is None else queued_s, total)


def published(client: redis.Redis, stream: str) -> int:
    """Entries ever added to the stream (workers delete what they acknowledged)."""
    return int(client.xinfo_stream(stream)["entries-added"])
