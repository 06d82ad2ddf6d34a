"""The folder work queue of `waspada run`: durable, exactly once between consumers, crash-safe."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from workers.dirqueue import DirectoryQueue
from workers.queue import WorkQueue, open_queue
from workers.worker import run_worker


def items(n: int, tag: str = "a") -> list[dict]:
    return [{"id": f"{tag}{i}", "title": f"Berita {tag}{i}"} for i in range(n)]


def test_open_queue_picks_the_backend_from_the_url(tmp_path: Path, redis_server):
    assert isinstance(open_queue(f"file://{tmp_path}/q"), DirectoryQueue)
    shared = open_queue(redis_server.url)
    assert isinstance(shared, WorkQueue)
    shared.redis.close()


def test_published_items_are_read_acknowledged_and_gone(tmp_path: Path):
    queue = DirectoryQueue(tmp_path)
    queue.publish(items(3))
    queue.publish(items(2, "b"))
    assert queue.backlog() == 5
    got = queue.read("w1", count=10, block_ms=0)
    assert [e.item["id"] for e in got] == ["a0", "a1", "a2", "b0", "b1"]
    assert queue.pending() == 5
    queue.ack(got)
    assert queue.backlog() == 0 and queue.pending() == 0
    assert queue.read("w1", count=10, block_ms=50) == []


def test_two_consumers_never_get_the_same_item(tmp_path: Path):
    producer = DirectoryQueue(tmp_path)
    for n in range(40):
        producer.publish(items(5, f"p{n}-"))
    seen: dict[str, list[str]] = {"w1": [], "w2": []}

    def consume(name: str) -> None:
        queue = DirectoryQueue(tmp_path)
        while True:
            got = queue.read(name, count=7, block_ms=100)
            if not got:
                return
            seen[name] += [e.item["id"] for e in got]
            queue.ack(got)

    threads = [threading.Thread(target=consume, args=(n,)) for n in seen]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    everything = seen["w1"] + seen["w2"]
    assert len(everything) == 200 and len(set(everything)) == 200
    assert seen["w1"] and seen["w2"]


def test_a_dead_consumers_batch_is_taken_over_after_the_idle_time(tmp_path: Path):
    queue = DirectoryQueue(tmp_path, claim_idle_ms=200)
    queue.publish(items(4))
    lost = queue.read("dead", count=10, block_ms=0)
    assert len(lost) == 4  # never acknowledged: the consumer died
    assert queue.read("alive", count=10, block_ms=0) == []  # not idle long enough yet
    time.sleep(0.3)
    again = queue.read("alive", count=10, block_ms=0)
    assert sorted(e.item["id"] for e in again) == ["a0", "a1", "a2", "a3"]
    queue.ack(again)
    assert queue.backlog() == 0


def test_a_restarted_worker_first_finishes_what_it_held(tmp_path: Path):
    queue = DirectoryQueue(tmp_path, claim_idle_ms=60_000)
    queue.publish(items(3))
    assert len(queue.read("svc", count=10, block_ms=0)) == 3  # then the process was killed
    processed: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(target=run_worker, kwargs={"block_ms": 100}, daemon=True,
                              args=(queue, "svc", lambda b: processed.extend(i["id"] for i in b), stop))
    worker.start()
    deadline = time.time() + 10
    while len(processed) < 3 and time.time() < deadline:
        time.sleep(0.05)
    stop.set()
    worker.join(10)
    assert sorted(processed) == ["a0", "a1", "a2"]
    assert queue.backlog() == 0
    assert "svc" not in queue.consumers()  # a clean exit unregisters


def test_a_half_written_batch_is_never_read(tmp_path: Path):
    queue = DirectoryQueue(tmp_path)
    (tmp_path / ".partial.json.tmp").write_text('[{"id": "x"', encoding="utf-8")  # a crash while writing
    assert queue.read("w", count=10, block_ms=0) == []
    assert not any(p.name.startswith(".") for p in (tmp_path / "ready").iterdir())
    assert os.path.exists(tmp_path / ".partial.json.tmp")
