"""Scale-out benchmark: workers on the Redis queue, a 3-node cluster against one node, search under failure.

    .venv/bin/python -m benchmarks.scale.run [--articles 300] [--docs 20000] [--clients 50] [--queries 20]

All on this machine (127.0.0.1 only). Prints, in one run:
1. enrich + index throughput (articles/s) with 1 and with 2 `waspada worker` processes draining
   the same Redis work queue (the ratio is the scale-out on this machine's cores);
2. bulk-indexing throughput (docs/s) on one node and on a local 3-node cluster (1 replica);
3. search latency p50/p95 and errors with N concurrent clients on the cluster, without and during
   the loss of one node (SIGKILL in the middle of the load).
The local nodes and Redis are started in a temporary folder and stopped at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from store.articles import ArticleRepository
from store.client import make_client
from store.indices import apply_templates, delete_prefixed
from waspada.demo.scenario import default_scenario
from waspada.es.node import kill_node, start_cluster, start_node, stop_node
from waspada.localredis import RedisServer
from waspada.settings import ElasticsearchSettings
from workers.queue import WorkQueue

ROOT = Path(__file__).resolve().parents[2]
JARS = ROOT / "var" / "jars"
QUERIES = ["bentrok warga", "blokade jalan", '"unjuk rasa"', "sengketa lahan sawit", "pilkada OR rekapitulasi",
           "hoaks -sepak", "banjir", "polres nunukan"]


def articles(n: int, seed: int = 7) -> list[dict]:
    """~400-word articles recombined from the demo scenario's paragraphs (realistic Indonesian text)."""
    rng = random.Random(seed)
    paragraphs = [p for item in default_scenario().articles for p in item.body.split("\n") if len(p) > 80]
    out = []
    for i in range(n):
        text, words = [], 0
        while words < 400:
            paragraph = rng.choice(paragraphs)
            text.append(paragraph)
            words += len(paragraph.split())
        url = f"https://bench.example/{i}"
        out.append({"id": hashlib.sha256(url.encode()).hexdigest(), "url": url, "kind": "article",
                    "title": text[0][:90], "text": "\n".join(text), "source": "bench", "source_region_code": "65",
                    "published": "2026-11-20T09:00:00+08:00", "language": "id"})
    return out


def worker_throughput(es_url: str, redis: RedisServer, docs: list[dict], workers: int) -> tuple[float, float]:
    """Articles/s for `workers` processes draining the queue (enrich + index + percolate), and bytes per article."""
    prefix = f"bench-w{workers}-"
    client = make_client(ElasticsearchSettings(url=es_url))
    apply_templates(client, prefix=prefix, replicas=0)
    stream = f"bench:{prefix}"
    queue = WorkQueue.from_url(redis.url, stream=stream)
    env = {**os.environ, "ES_URL": es_url, "ES_INDEX_PREFIX": prefix, "WASPADA_QUEUE_URL": redis.url,
           "WASPADA_QUEUE_STREAM": stream}
    procs = [subprocess.Popen([sys.executable, "-m", "waspada.cli", "worker", "--consumer", f"w{i}", "--batch", "25"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for i in range(workers)]
    # the clock starts once every worker has loaded its models and asked the group for work
    deadline = time.monotonic() + 180
    while len(queue.redis.xinfo_consumers(stream, queue.group)) < workers and time.monotonic() < deadline:
        time.sleep(0.2)
    repo = ArticleRepository(client, prefix)
    began = time.perf_counter()
    queue.publish(docs)
    while True:
        repo.refresh()
        if repo.count() >= len(docs):
            break
        time.sleep(0.2)
    elapsed = time.perf_counter() - began
    for proc in procs:
        proc.terminate()
        proc.wait(60)
    client.indices.forcemerge(index=repo.alias, max_num_segments=1)
    size = client.indices.stats(index=repo.alias)["_all"]["primaries"]["store"]["size_in_bytes"]
    delete_prefixed(client, prefix)
    return len(docs) / elapsed, size / len(docs)


def bulk_throughput(urls: list[str], n: int, spool: Path) -> float:
    client = make_client(ElasticsearchSettings(url=",".join(urls), max_retries=5))
    apply_templates(client, prefix="bench-bulk-")
    client.cluster.health(wait_for_status="yellow" if len(urls) == 1 else "green", timeout="60s")
    repo = ArticleRepository(client, "bench-bulk-")
    docs = articles(n, seed=11)
    began = time.perf_counter()
    with repo.writer(spool, batch_size=500) as writer:
        writer.add_many(docs)
    repo.refresh()
    elapsed = time.perf_counter() - began
    assert repo.count() == n
    return n / elapsed


def search_load(urls: list[str], clients: int, per_client: int, kill: Path | None = None) -> dict:
    """N threads, each with its own client over every node; optionally SIGKILL a node halfway."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    done = threading.Event()

    def one_client(i: int) -> None:
        nonlocal errors
        client = make_client(ElasticsearchSettings(url=",".join(urls), max_retries=3, request_timeout=10))
        for j in range(per_client):
            body = {"query": {"simple_query_string": {"query": QUERIES[(i + j) % len(QUERIES)],
                                                      "fields": ["title^3", "text"]}},
                    "aggs": {"src": {"terms": {"field": "source"}}}, "highlight": {"fields": {"text": {}}},
                    "size": 20}
            began = time.perf_counter()
            try:
                client.search(index="bench-bulk-articles", **body)
                with lock:
                    latencies.append((time.perf_counter() - began) * 1000)
            except Exception:  # noqa: BLE001 — counted, that is the point of the test
                with lock:
                    errors += 1

    killer = None
    if kill is not None:
        def kill_later() -> None:
            while len(latencies) < clients * per_client // 2 and not done.is_set():
                time.sleep(0.01)
            kill_node(kill)
        killer = threading.Thread(target=kill_later)
        killer.start()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one_client, range(clients)))
    done.set()
    if killer:
        killer.join()
    latencies.sort()
    return {"n": len(latencies), "errors": errors, "p50": statistics.median(latencies),
            "p95": latencies[int(0.95 * (len(latencies) - 1))]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="articles through the worker queue per run")
    parser.add_argument("--docs", type=int, default=20000, help="documents bulk-indexed per topology")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--queries", type=int, default=20, help="searches per client")
    parser.add_argument("--workers-only", action="store_true", help="skip the cluster part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="waspada-scale-") as tmp_name:
        tmp = Path(tmp_name)
        single = start_node(tmp / "single", JARS, base_port=9240, heap="1g", cluster_name="bench-single")
        redis = RedisServer(tmp / "redis")
        redis.directory.mkdir()
        redis.start()
        try:
            docs = articles(args.articles)
            words = statistics.mean(len(d["text"].split()) for d in docs)
            print(f"articles of {words:.0f} words on average; machine: {os.cpu_count()} cores")
            one, size = worker_throughput(single.url, redis, docs, 1)
            two, _ = worker_throughput(single.url, redis, docs, 2)
            print(f"enrich+index, 1 worker : {one:7.1f} articles/s")
            print(f"enrich+index, 2 workers: {two:7.1f} articles/s   (ratio {two / one:.2f}x)")
            print(f"index size per enriched article (1 shard, 0 replicas, merged): {size / 1024:.1f} KiB")
            bulk_single = None if args.workers_only else bulk_throughput([single.url], args.docs, tmp / "spool1")
        finally:
            redis.kill()
            stop_node(tmp / "single")
        if args.workers_only:
            return
        infos = start_cluster(tmp / "cluster", JARS, 3, heap="512m", cluster_name="bench-cluster", base_port=9230)
        urls = [i.url for i in infos]
        try:
            bulk_cluster = bulk_throughput(urls, args.docs, tmp / "spool3")
            print(f"bulk index, 1 node     : {bulk_single:7.0f} docs/s")
            print(f"bulk index, 3 nodes    : {bulk_cluster:7.0f} docs/s   (ratio {bulk_cluster / bulk_single:.2f}x, "
                  "1 replica: every document written twice)")
            calm = search_load(urls, args.clients, args.queries)
            print(f"search, {args.clients} clients, 3 nodes        : p50 {calm['p50']:.1f} ms, p95 {calm['p95']:.1f} ms, "
                  f"{calm['errors']} errors of {calm['n'] + calm['errors']}")
            failing = search_load(urls, args.clients, args.queries, kill=tmp / "cluster" / "node2")
            print(f"search, {args.clients} clients, node lost midway: p50 {failing['p50']:.1f} ms, "
                  f"p95 {failing['p95']:.1f} ms, {failing['errors']} errors of {failing['n'] + failing['errors']} "
                  f"(p95 ratio {failing['p95'] / calm['p95']:.2f}x)")
        finally:
            for i in range(3):
                stop_node(tmp / "cluster" / f"node{i + 1}")


if __name__ == "__main__":
    main()
