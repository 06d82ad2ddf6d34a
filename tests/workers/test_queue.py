"""The Redis work queue: no item lost when a worker or Redis itself dies."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from store.articles import ArticleRepository
from workers.queue import WorkQueue
from workers.worker import run_worker

ROOT = Path(__file__).resolve().parents[2]


def items(n: int) -> list[dict]:
    return [{"id": hashlib.sha256(f"q{i}".encode()).hexdigest(), "title": f"Berita {i}", "text": "Isi.",
             "kind": "article"} for i in range(n)]


def test_items_survive_a_redis_restart(redis_server):
    queue = WorkQueue.from_url(redis_server.url)
    queue.publish(items(25))
    redis_server.kill()
    redis_server.start()
    queue = WorkQueue.from_url(redis_server.url)
    assert queue.backlog() == 25
    read = queue.read("w1", count=100, block_ms=100)
    assert sorted(e.item["title"] for e in read) == sorted(f"Berita {i}" for i in range(25))


def test_a_killed_workers_batch_is_claimed_and_indexed_once(redis_server, es_client, index_prefix, tmp_path):
    queue = WorkQueue.from_url(redis_server.url, claim_idle_ms=300)
    queue.publish(items(120))
    # a worker in another process takes a batch of 50 and is SIGKILLed before acknowledging it
    doomed = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from workers.queue import WorkQueue\n"
         f"q = WorkQueue.from_url({redis_server.url!r})\n"
         "got = q.read('doomed', count=50)\n"
         "print(len(got), flush=True)\n"
         "time.sleep(600)\n"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert doomed.stdout.readline().strip() == "50"
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait()
    doomed.stdout.close()
    assert queue.pending() == 50

    repo = ArticleRepository(es_client, index_prefix)
    writer = repo.writer(tmp_path / "spool", refresh="wait_for")

    def process(batch: list[dict]) -> None:
        writer.add_many(batch)
        writer.flush()

    stop = threading.Event()
    time.sleep(0.4)  # let the doomed worker's entries become idle long enough to be claimed
    processed = run_worker(queue, "survivor", process, stop, batch=50, block_ms=100, max_batches=3)
    assert processed == 120
    assert queue.pending() == 0 and queue.backlog() == 0
    assert writer.stats.created == 120 and writer.stats.updated == 0
    assert repo.count() == 120
