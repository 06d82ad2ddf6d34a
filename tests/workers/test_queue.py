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


def test_a_waiting_worker_is_listed_until_it_stops(redis_server):
    # Redis 7.0 lists a consumer only once it was handed an entry: the worker registers itself
    queue = WorkQueue.from_url(redis_server.url)
    stop = threading.Event()
    thread = threading.Thread(target=run_worker, args=(queue, "idle", lambda batch: None, stop),
                              kwargs={"block_ms": 100})
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not queue.consumers() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert queue.consumers() == ["idle"]
    finally:
        stop.set()
        thread.join(10)
    assert queue.consumers() == []  # a clean exit leaves no stale consumer behind


def test_a_consumer_holding_entries_is_not_unregistered(redis_server):
    queue = WorkQueue.from_url(redis_server.url)
    queue.publish(items(3))
    assert len(queue.read("holder", count=3, block_ms=100)) == 3
    assert not queue.unregister("holder")
    assert queue.consumers() == ["holder"] and queue.pending() == 3


def test_a_worker_rides_out_a_redis_restart(redis_server):
    """Redis killed and restarted under a running worker: it reconnects and processes what comes next."""
    queue = WorkQueue.from_url(redis_server.url)
    seen: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(target=run_worker, kwargs={"block_ms": 200}, daemon=True,
                              args=(queue, "steady", lambda b: seen.extend(i["title"] for i in b), stop))
    worker.start()
    queue.publish(items(10))
    deadline = time.time() + 30
    while (len(seen) < 10 or queue.backlog()) and time.time() < deadline:
        time.sleep(0.05)
    assert len(seen) == 10  # and acknowledged: nothing left to deliver twice
    redis_server.kill()
    time.sleep(1.0)
    redis_server.start()
    WorkQueue.from_url(redis_server.url).publish([{**it, "title": f"Lanjut {n}"} for n, it in enumerate(items(10))])
    deadline = time.time() + 60
    while len(seen) < 20 and time.time() < deadline:
        time.sleep(0.05)
    stop.set()
    worker.join(timeout=40)
    assert not worker.is_alive()
    assert sorted(seen[10:]) == sorted(f"Lanjut {n}" for n in range(10))
    assert len(seen) == 20
