"""Benchmark: percolation cost per article with 10/100/1,000 rules, and index → webhook latency.

Baselines measured in the same run:
- percolation vs. running every rule as a search over the new batch (one `msearch` per 100 rules,
  each search restricted to the batch's ids) — what alerting without a percolator costs;
- webhook latency with the worker woken by the indexing path vs. a worker that only polls (1 s).

Usage: ES_URL=http://127.0.0.1:9201 .venv/bin/python benchmarks/alerts/bench_alerts.py [--articles 200]
Creates indices under a unique prefix and deletes them at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from tempfile import TemporaryDirectory

from alerts.delivery import webhooks
from alerts.delivery.webhooks import WebhookQueue, new_secret, run_worker
from alerts.rules import AlertPercolator, RuleCreate, compile_query
from store.articles import ArticleRepository
from store.client import make_client
from store.indices import apply_templates, delete_prefixed
from store.rules import RuleRepository
from store.search import SearchParams
from store.subscribers import SubscriberRepository
from waspada.settings import ElasticsearchSettings, WebhookSettings, get_settings

WORDS = ("bentrok tawuran demo blokade sengketa lahan sawit tambang pilkada hoaks provokasi batas desa "
         "perusahaan warga polisi kericuhan unjuk rasa mogok buruh pembakaran pengungsi ormas adat").split()
CATEGORIES = ["election", "identity", "resource", "boundary", "governance", "labor", "communal_violence",
              "security", "disinformation"]
REGENCIES = ["65.01", "65.02", "65.03", "65.04", "65.71"]


def article(i: int, rng: random.Random) -> dict:
    words = rng.sample(WORDS, 6)
    regency = rng.choice(REGENCIES)
    return {"id": f"bench-{uuid.uuid4().hex}", "kind": "article", "url": f"https://bench.example/{i}",
            "source": rng.choice(["teraskaltara", "tribunkaltara", "kaltarakini"]), "title": " ".join(words[:4]),
            "text": " ".join(words) + " di Kalimantan Utara.", "language": "id",
            "published": "2026-11-20T02:00:00Z", "region_codes": ["65", regency],
            "primary_location": {"regency_code": regency, "province_code": "65"},
            "conflict": {"categories": rng.sample(CATEGORIES, 2), "stage": "tension", "intensity": 1},
            "risk": {"score": rng.uniform(0, 100), "band": "Rawan"}}


def rule(i: int, rng: random.Random) -> RuleCreate:
    params = SearchParams(q=" ".join(rng.sample(WORDS, rng.choice([1, 2]))),
                          category=rng.sample(CATEGORIES, rng.choice([0, 1, 2])),
                          region=rng.sample(REGENCIES, rng.choice([0, 1])))
    return RuleCreate(name=f"rule {i}", params=params, min_risk=rng.choice([None, 30.0, 60.0]))


def percolation(client, prefix: str, n_rules: int, docs: list[dict], batch: int, rng: random.Random) -> dict:
    rules = RuleRepository(client, prefix, refresh=False)
    compiled = []
    for i in range(n_rules):
        data = rule(i, rng)
        rid = f"r{i:05d}"
        rules.put({"id": rid, "name": data.name, "enabled": True}, compile_query(data))
        compiled.append((rid, compile_query(data)))
    client.indices.refresh(index=rules.alias)
    articles = ArticleRepository(client, prefix)
    perc_s = search_s = 0.0
    perc_hits = search_hits = 0
    for start in range(0, len(docs), batch):
        chunk = docs[start:start + batch]
        t0 = time.perf_counter()
        matches = rules.percolate(chunk)
        perc_s += time.perf_counter() - t0
        perc_hits += sum(len(s) for s in matches.values())
        ids = [d["id"] for d in chunk]
        t0 = time.perf_counter()
        for k in range(0, len(compiled), 100):
            lines = []
            for _, query in compiled[k:k + 100]:
                lines.append({"index": articles.alias})
                lines.append({"query": {"bool": {"must": [query], "filter": [{"ids": {"values": ids}}]}},
                              "size": batch, "_source": False})
            responses = client.msearch(body=lines)["responses"]
            search_hits += sum(len(r["hits"]["hits"]) for r in responses)
        search_s += time.perf_counter() - t0
    client.delete_by_query(index=rules.alias, body={"query": {"match_all": {}}}, refresh=True)
    return {"rules": n_rules, "percolate_ms_per_article": 1000 * perc_s / len(docs),
            "search_ms_per_article": 1000 * search_s / len(docs), "hits": perc_hits, "baseline_hits": search_hits}


class Receiver:
    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.event = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                with outer.event:
                    outer.arrivals[body["data"]["articles"][0]["id"]] = time.perf_counter()
                    outer.event.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, article_id: str, timeout: float = 30) -> float | None:
        with self.event:
            self.event.wait_for(lambda: article_id in self.arrivals, timeout)
            return self.arrivals.get(article_id)


def latency(client, prefix: str, n: int, spool: Path, rng: random.Random, *, wake: bool, poll: float) -> list[float]:
    receiver = Receiver()
    SubscriberRepository(client, prefix).put({"id": f"bench-{wake}", "name": "bench", "webhook_url": receiver.url,
                                              "webhook_secret": new_secret(), "active": True})
    rules = RuleRepository(client, prefix)
    data = RuleCreate(name="semua berita uji", params=SearchParams(q="kalimantan"))
    rules.put({"id": "latency", "name": data.name, "enabled": True}, compile_query(data))
    stop = threading.Event()
    settings = WebhookSettings(poll_seconds=poll, timeout=5)
    # the polling-only baseline waits on a private event that the indexing path never sets
    wake_event = webhooks.WAKE if wake else threading.Event()
    worker = threading.Thread(target=run_worker, args=(client, prefix, settings, stop, wake_event), daemon=True)
    worker.start()
    listener = AlertPercolator(client, prefix, sinks=[WebhookQueue(client, prefix, settings)])
    writer = ArticleRepository(client, prefix).writer(spool, listeners=[listener], batch_size=1)
    samples = []
    try:
        for i in range(n):
            doc = article(i, rng)
            t0 = time.perf_counter()
            writer.add(doc)  # batch_size=1: written, percolated and queued now
            arrived = receiver.wait(doc["id"])
            if arrived is not None:
                samples.append(1000 * (arrived - t0))
    finally:
        stop.set()
        wake_event.set()
        worker.join(10)
        receiver.server.shutdown()
        client.delete_by_query(index=rules.alias, body={"query": {"match_all": {}}}, refresh=True)
        SubscriberRepository(client, prefix).delete(f"bench-{wake}")
    return samples


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles percolated per rule count")
    parser.add_argument("--batch", type=int, default=50, help="articles per percolate request (a bulk batch)")
    parser.add_argument("--latency-articles", type=int, default=100)
    parser.add_argument("--baseline-latency-articles", type=int, default=20)
    args = parser.parse_args()
    settings = get_settings()
    client = make_client(ElasticsearchSettings(url=settings.es.url or "http://127.0.0.1:9201"),
                         opaque_id="waspada-bench")
    prefix = f"bench{uuid.uuid4().hex[:8]}-"
    rng = random.Random(7)
    apply_templates(client, prefix=prefix, replicas=0)
    try:
        docs = [article(i, rng) for i in range(args.articles)]
        with TemporaryDirectory() as tmp:
            with ArticleRepository(client, prefix).writer(Path(tmp), refresh=True) as writer:
                writer.add_many(docs)
            print(f"Percolation: {args.articles} articles in batches of {args.batch} "
                  f"(baseline: every rule as a search over the batch, msearch of 100)")
            print(f"{'rules':>6} {'percolate ms/article':>21} {'search ms/article':>18} {'speed-up':>9} "
                  f"{'hits':>6} {'baseline hits':>14}")
            for n_rules in (10, 100, 1000):
                r = percolation(client, prefix, n_rules, docs, args.batch, rng)
                print(f"{n_rules:>6} {r['percolate_ms_per_article']:>21.2f} {r['search_ms_per_article']:>18.2f} "
                      f"{r['search_ms_per_article'] / r['percolate_ms_per_article']:>8.1f}x "
                      f"{r['hits']:>6} {r['baseline_hits']:>14}")
            woken = latency(client, prefix, args.latency_articles, Path(tmp) / "a", rng, wake=True, poll=5.0)
            polled = latency(client, prefix, args.baseline_latency_articles, Path(tmp) / "b", rng, wake=False,
                             poll=1.0)
        print("Index → webhook arrival (one article per bulk request, worker in a thread, receiver on 127.0.0.1)")
        for name, values in (("woken by indexing path", woken), ("baseline: polling every 1 s", polled)):
            print(f"  {name:<28} n={len(values):>3}  p50 {pct(values, 0.5):8.1f} ms  p95 {pct(values, 0.95):8.1f} ms")
        print(f"  p50 ratio baseline/woken: {pct(polled, 0.5) / pct(woken, 0.5):.1f}x")
    finally:
        delete_prefixed(client, prefix)


if __name__ == "__main__":
    main()
