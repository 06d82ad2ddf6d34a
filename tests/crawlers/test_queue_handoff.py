"""Crawlers hand items to the Redis work queue; `waspada worker` processes index them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from store.indices import alias_name
from tests.crawlers.conftest import ROOT, run_crawl
from tests.crawlers.fixtures.news import TERAS_STORIES
from workers.queue import WorkQueue

pytestmark = pytest.mark.slow


def test_crawl_publishes_to_the_queue_and_a_worker_indexes(web, crawl_env, redis_server, es_client, index_prefix):
    env = {**crawl_env, "WASPADA_QUEUE_URL": redis_server.url}
    done = run_crawl(env, "--source", "teraskaltara")
    assert done.returncode == 0, done.stderr[-3000:]
    queue = WorkQueue.from_url(redis_server.url)
    assert queue.backlog() == len(TERAS_STORIES)
    alias = alias_name("articles", index_prefix)
    es_client.indices.refresh(index=alias)
    assert es_client.count(index=alias)["count"] == 0  # nothing indexed by the crawler itself

    worker = subprocess.Popen([sys.executable, "-m", "waspada.cli", "worker", "--no-enrich", "--consumer", "w1"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while queue.backlog() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert queue.backlog() == 0
    finally:
        os.kill(worker.pid, signal.SIGTERM)
        assert worker.wait(30) == 0
    es_client.indices.refresh(index=alias)
    titles = {h["_source"]["title"] for h in es_client.search(index=alias, size=50)["hits"]["hits"]}
    assert titles == {s.title for s in TERAS_STORIES}
