"""Scale-out benchmark: workers on the Redis queue, a 3-node cluster against one node, search under failure.

    .venv/bin/python -m benchmarks.scale.run [--articles 300] [--pages 300] [--docs 20000] [--clients 50]
                                             [--queries 20] [--workers-only]

All on this machine (127.0.0.1 only). Prints, in one run:
1. enrich + index throughput (articles/s) with 1 and with 2 `waspada worker` processes draining
   the same Redis work queue (the ratio is the scale-out on this machine's cores);
2. the whole path crawl → queue → enrich → index (articles/s) with 1 and with 2 workers: a
   WordPress-like outlet serves `--pages` generated articles, `waspada crawl` fetches, extracts and
   publishes them to the queue, the workers enrich and index them; the clock runs from the
   crawl's start until Elasticsearch counts every article (benchmarks/scale/pipeline.py);
3. bulk-indexing throughput (docs/s) on one node and on a local 3-node cluster (1 replica);
4. crawl → index again on the 3-node cluster with 2 workers, against the single node;
5. search latency p50/p95 and errors with N concurrent clients on the cluster, without and during
   the loss of one node (SIGKILL in the middle of the load).
Workers are timed only once they have loaded their models and registered in the consumer group;
every run has a fresh index prefix and a fresh stream. The local nodes and Redis are started in a
temporary folder and stopped at the end; the processes' logs and Redis's (redis.log) stay there
while it runs. `--workers-only` stops after 1 and 2 (no cluster).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.scale.pipeline import Timing, crawl_to_index, outlet
from benchmarks.scale.processes import start_workers, stopped, wait_ready
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


def worker_throughput(es_url: str, redis: RedisServer, docs: list[dict], workers: int, logs: Path,
                      timeout: float = 900) -> tuple[float, float]:
    """Articles/s for `workers` processes draining the queue (enrich + index + percolate), and bytes per article."""
    prefix = f"bench-w{workers}-"
    client = make_client(ElasticsearchSettings(url=es_url))
    apply_templates(client, prefix=prefix, replicas=0)
    stream = f"bench:{prefix}"
    queue = WorkQueue.from_url(redis.url, stream=stream)
    env = {**os.environ, "ES_URL": es_url, "ES_INDEX_PREFIX": prefix, "WASPADA_QUEUE_URL": redis.url,
           "WASPADA_QUEUE_STREAM": stream}
    repo = ArticleRepository(client, prefix)
    with stopped(start_workers(workers, env, logs / f"queue-w{workers}", "w")) as procs:
        wait_ready(queue, procs)  # the clock starts once every worker has loaded its models
        began = time.perf_counter()
        queue.publish(docs)
        while True:
            repo.refresh()
            if repo.count() >= len(docs):
                break
            for proc in procs:
                if problem := proc.failed():
                    raise RuntimeError(problem)
            if time.perf_counter() - began > timeout:
                raise RuntimeError(f"{repo.count()} of {len(docs)} articles indexed after {timeout:.0f} s")
            time.sleep(0.2)
        elapsed = time.perf_counter() - began
    queue.redis.delete(stream)
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


def crawl_row(label: str, t: Timing) -> str:
    return (f"  {label:<19} {t.workers:>7}  {t.rate:10.1f}  {t.queued_s:9.1f} s  {t.total_s:10.1f} s  "
            f"{t.ready_s:8.1f} s")


CRAWL_HEADER = (f"  {'topology':<19} {'workers':>7}  {'articles/s':>10}  {'all queued':>11}  {'all indexed':>12}  "
                f"{'ready':>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300, help="articles through the worker queue per run")
    parser.add_argument("--pages", type=int, default=300, help="article pages crawled per crawl → index run")
    parser.add_argument("--docs", type=int, default=20000, help="documents bulk-indexed per topology")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--queries", type=int, default=20, help="searches per client")
    parser.add_argument("--workers-only", action="store_true", help="skip the cluster part")
    args = parser.parse_args()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="waspada-scale-") as tmp_name:
        tmp = Path(tmp_name)
        redis = RedisServer(tmp / "redis")
        redis.directory.mkdir()
        redis.start()
        try:
            bulk_single, crawl_single = run_single_node(args, tmp, redis)
            if not args.workers_only:
                run_cluster(args, tmp, redis, bulk_single, crawl_single)
        finally:
            redis.kill()  # every worker was stopped before this point (processes.stopped)
    print(f"benchmark run time: {time.perf_counter() - began:.0f} s")


def run_single_node(args: argparse.Namespace, tmp: Path, redis: RedisServer) -> tuple[float | None, Timing]:
    """Queue → workers, crawl → index with 1 and 2 workers, bulk indexing; on one node."""
    single = start_node(tmp / "single", JARS, base_port=9240, heap="1g", cluster_name="bench-single")
    try:
        docs = articles(args.articles)
        words = statistics.mean(len(d["text"].split()) for d in docs)
        print(f"articles of {words:.0f} words on average; machine: {os.cpu_count()} cores", flush=True)
        one, size = worker_throughput(single.url, redis, docs, 1, tmp)
        two, _ = worker_throughput(single.url, redis, docs, 2, tmp)
        print(f"enrich+index, 1 worker : {one:7.1f} articles/s")
        print(f"enrich+index, 2 workers: {two:7.1f} articles/s   (ratio {two / one:.2f}x)")
        print(f"index size per enriched article (1 shard, 0 replicas, merged): {size / 1024:.1f} KiB", flush=True)
        with outlet(args.pages) as base_url:
            crawl_one = crawl_to_index(single.url, redis.url, base_url, args.pages, 1, tmp, tag="single")
            crawl_two = crawl_to_index(single.url, redis.url, base_url, args.pages, 2, tmp, tag="single")
        print(f"crawl → queue → enrich+index, {args.pages} WordPress article pages on 127.0.0.1 "
              "(clock: crawl start → all counted in Elasticsearch; workers ready before)")
        print(CRAWL_HEADER)
        print(crawl_row("1 node, 0 replicas", crawl_one))
        print(crawl_row("1 node, 0 replicas", crawl_two))
        print(f"  2 workers / 1 worker: {crawl_two.rate / crawl_one.rate:.2f}x", flush=True)
        bulk = None if args.workers_only else bulk_throughput([single.url], args.docs, tmp / "spool1")
    finally:
        stop_node(tmp / "single")
    return bulk, crawl_two


def run_cluster(args: argparse.Namespace, tmp: Path, redis: RedisServer, bulk_single: float,
                crawl_single: Timing) -> None:
    """Bulk indexing, crawl → index with 2 workers, search with and without a node loss; on 3 nodes."""
    infos = start_cluster(tmp / "cluster", JARS, 3, heap="512m", cluster_name="bench-cluster", base_port=9230)
    urls = [i.url for i in infos]
    try:
        bulk_cluster = bulk_throughput(urls, args.docs, tmp / "spool3")
        print(f"bulk index, 1 node     : {bulk_single:7.0f} docs/s")
        print(f"bulk index, 3 nodes    : {bulk_cluster:7.0f} docs/s   (ratio {bulk_cluster / bulk_single:.2f}x, "
              "1 replica: every document written twice)", flush=True)
        with outlet(args.pages) as base_url:
            crawl_cluster = crawl_to_index(",".join(urls), redis.url, base_url, args.pages, 2, tmp, tag="cluster",
                                           replicas=1)
        print(f"crawl → queue → enrich+index, {args.pages} pages, 2 workers, cluster against single node")
        print(CRAWL_HEADER)
        print(crawl_row("1 node, 0 replicas", crawl_single))
        print(crawl_row("3 nodes, 1 replica", crawl_cluster))
        print(f"  3 nodes / 1 node: {crawl_cluster.rate / crawl_single.rate:.2f}x", flush=True)
        calm = search_load(urls, args.clients, args.queries)
        print(f"search, {args.clients} clients, 3 nodes        : p50 {calm['p50']:.1f} ms, p95 {calm['p95']:.1f} ms, "
              f"{calm['errors']} errors of {calm['n'] + calm['errors']}")
        failing = search_load(urls, args.clients, args.queries, kill=tmp / "cluster" / "node2")
        print(f"search, {args.clients} clients, node lost midway: p50 {failing['p50']:.1f} ms, "
              f"p95 {failing['p95']:.1f} ms, {failing['errors']} errors of {failing['n'] + failing['errors']} "
              f"(p95 ratio {failing['p95'] / calm['p95']:.2f}x)", flush=True)
    finally:
        for i in range(3):
            stop_node(tmp / "cluster" / f"node{i + 1}")


if __name__ == "__main__":
    main()
