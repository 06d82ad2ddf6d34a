"""Search API latency at scale: p50/p95 of /articles/search (facets + highlights) vs the same bodies sent
straight to Elasticsearch, with 1 and with 50 concurrent clients, in the same run.

    .venv/bin/python -m benchmarks.api.search_latency --docs 10000            # quick
    .venv/bin/python -m benchmarks.api.search_latency --docs 100000           # the reported figure
    .venv/bin/python -m benchmarks.api.search_latency --docs 1000000 --requests 2000   # by hand

Needs ES_URL (a running node). Articles are generated (Kaltara regions, actors, categories, Indonesian
text) under the prefix `bench-api-` (kept between runs with the same --docs; `--drop` removes it). The API
runs as a uvicorn subprocess on 127.0.0.1; the load is a bounded asyncio httpx loop. The ratio API/ES
is the API's overhead (auth, validation, building the body, JSON out).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from store.articles import ArticleRepository
from store.client import make_client
from store.indices import apply_templates, delete_prefixed
from store.search import FACETS, SearchParams, build_search_body, now_upper
from waspada.settings import PROJECT_ROOT, ElasticsearchSettings

PREFIX = "bench-api-"
ADMIN_KEY = "bench-" + "k" * 40
WORDS = ("warga pemuda desa kelompok polisi aparat pemerintah lahan sawit tambang perusahaan demo unjuk rasa "
         "bentrok tawuran pilkada kpu bawaslu suara rekapitulasi hoaks provokasi adat batas wilayah perbatasan "
         "nelayan buruh upah mogok kebun hutan banjir jalan jembatan sekolah rumah sakit pasar harga beras "
         "pembakaran keributan mediasi damai patroli koordinasi kewaspadaan dini konflik sengketa").split()
ACTORS = [("Polres Tarakan", "security"), ("Polres Bulungan", "security"), ("Kodim 0907", "security"),
          ("KPU Kaltara", "election_body"), ("Bawaslu Nunukan", "election_body"), ("DPRD Kaltara", "legislature"),
          ("Pemkab Malinau", "government"), ("PT Sawit Makmur", "company"), ("Lembaga Adat Dayak", "mass_org"),
          ("Warga Sebatik", "community"), ("Nelayan Tarakan", "community"), ("Partai Maju", "party")]
CATEGORIES = ["election", "identity", "resource", "boundary", "governance", "labor", "communal_violence",
              "security", "disinformation"]
STAGES = ["none", "prevention", "tension", "incident"]


def regions() -> list[list[str]]:
    """Region code chains (province, regency, district) from the reference CSV, else a small synthetic set."""
    path = PROJECT_ROOT.parent / "shared" / "data" / "id-wilayah-kemendagri" / "kaltara_wilayah.csv"
    chains = []
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                parts = row["kode"].split(".")
                if len(parts) == 3:
                    chains.append([parts[0], ".".join(parts[:2]), row["kode"]])
    return chains or [["65", f"65.0{r}", f"65.0{r}.0{d}"] for r in range(1, 6) for d in range(1, 9)]


def generate(n: int, seed: int = 7):
    rng = random.Random(seed)
    chains = regions()
    sources = [f"outlet-{i:02d}" for i in range(40)]
    for i in range(n):
        chain = rng.choice(chains)
        actors = rng.sample(ACTORS, rng.randint(0, 3))
        stage = rng.choices(STAGES, weights=[50, 10, 25, 15])[0]
        cats = rng.sample(CATEGORIES, rng.randint(0, 2)) if stage != "none" else []
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(120, 400)))
        risk = round(min(100.0, rng.random() * 40 + (40 if stage == "incident" else 0) + rng.random() * 20), 1)
        day = rng.randint(0, 729)
        published = time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(1672531200 + day * 86400 + rng.randint(0, 86399)))
        yield {
            "id": f"b{i:08d}", "kind": "article" if rng.random() < 0.9 else "post", "source": rng.choice(sources),
            "url": f"https://example.org/{i}", "title": " ".join(rng.choice(WORDS) for _ in range(8)).capitalize(),
            "text": text, "language": "id" if rng.random() < 0.97 else "en", "published": published,
            "indexed": published, "region_codes": chain,
            "primary_location": {"code": chain[-1], "level": "district", "geo": {"lat": 3 + rng.random(), "lon": 117 + rng.random()}},
            "actors": [{"name": a, "normalized": a.lower(), "type": t} for a, t in actors],
            "actor_names": [a.lower() for a, _ in actors], "actor_types": sorted({t for _, t in actors}),
            "conflict": {"categories": cats, "stage": stage, "intensity": rng.randint(0, 3) if stage == "incident" else 0},
            "sentiment": {"label": rng.choice(["negative", "neutral", "positive"]), "score": 0.0},
            "risk": {"score": risk, "band": "Rawan" if risk >= 50 else "Aman"},
        }


def queries(rng: random.Random, n: int) -> list[dict]:
    """Realistic analyst searches: words/phrases/OR plus 0-2 filters; all with facets, highlights, histogram."""
    chains = regions()
    out = []
    for _ in range(n):
        q = rng.choice(["tawuran", "sengketa lahan", '"unjuk rasa"', "pilkada OR kpu", "konflik -damai", "hoaks",
                        "bentrok warga", "", "sawit perusahaan", "perbatasan"])
        params: dict = {"q": q}
        for name in rng.sample(["region", "category", "stage", "min_risk", "date_from"], rng.randint(0, 2)):
            params[name] = {"region": lambda: rng.choice(chains)[1], "category": lambda: rng.choice(CATEGORIES),
                            "stage": lambda: rng.choice(STAGES[1:]), "min_risk": lambda: 50,
                            "date_from": lambda: "2024-06-01"}[name]()
        out.append(params)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def load(url_for, requests: list, concurrency: int, method: str) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    queue = list(requests)
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=concurrency)) as client:
        async def worker():
            nonlocal errors
            while queue:
                item = queue.pop()
                start = time.perf_counter()
                try:
                    response = await url_for(client, item)
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - start) * 1000)
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[p - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="Articles to generate (100000 for the report)")
    parser.add_argument("--requests", type=int, default=400, help="Requests per measurement (per concurrency level)")
    parser.add_argument("--concurrency", default="1,50", help="Comma-separated client counts")
    parser.add_argument("--drop", action="store_true", help="Delete the benchmark indices at the end")
    args = parser.parse_args()
    es_url = os.environ.get("ES_URL", "").split(",")[0].strip()
    if not es_url:
        sys.exit("B001: set ES_URL to a running node (e.g. `waspada es start`)")
    client = make_client(ElasticsearchSettings(url=es_url, request_timeout=120), opaque_id="waspada-bench-api")
    prefix = f"{PREFIX}{args.docs}-"
    apply_templates(client, prefix=prefix, replicas=0)
    repo = ArticleRepository(client, prefix)
    have = repo.count()
    if have != args.docs:
        delete_prefixed(client, prefix)
        apply_templates(client, prefix=prefix, replicas=0)
        started = time.perf_counter()
        client.indices.put_settings(index=repo.alias, body={"refresh_interval": "-1"})
        with repo.writer(Path("var/bench-spool"), batch_size=1000) as writer:
            for doc in generate(args.docs):
                writer.add(doc)
        client.indices.put_settings(index=repo.alias, body={"refresh_interval": "1s"})
        repo.refresh()
        client.indices.forcemerge(index=repo.alias, max_num_segments=1, request_timeout=600)
        print(f"indexed {args.docs} articles in {time.perf_counter() - started:.1f} s")
    print(f"articles: {repo.count()}")

    port = free_port()
    env = {**os.environ, "ES_URL": es_url, "ES_INDEX_PREFIX": prefix, "WASPADA_API_BOOTSTRAP_ADMIN_KEY": ADMIN_KEY,
           "WASPADA_API_RATE_LIMIT_PER_MINUTE": "0", "PYTHONPATH": str(PROJECT_ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "api.main:create_app", "--host",
                               "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env, cwd=PROJECT_ROOT)
    try:
        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        rng = random.Random(11)
        facet_params = [("facet", "all"), ("interval", "week"), ("size", "20")]
        es_index = f"{es_url.rstrip('/')}/{repo.alias}/_search"

        async def api_call(http, params):
            return await http.get(f"http://127.0.0.1:{port}/articles/search",
                                  params=list(params.items()) + facet_params, headers={"X-API-Key": ADMIN_KEY})

        def es_body(params: dict) -> dict:
            model = SearchParams(**{k: [v] if k in ("region", "category", "stage") else v for k, v in params.items()})
            return build_search_body(model, sort="relevance", size=20, facets=FACETS, highlight=True,
                                     interval="week", upper=now_upper())

        async def es_call(http, item):
            return await http.post(es_index, json=item)

        print(f"{'clients':>7} {'target':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7} {'errors':>6}")
        for conc in [int(c) for c in args.concurrency.split(",")]:
            reqs = queries(rng, args.requests)
            asyncio.run(load(api_call, reqs[:20], min(conc, 5), "api"))  # warm-up
            results = {}
            bodies = [es_body(r) for r in reqs]  # built beforehand: the baseline is Elasticsearch alone
            for target, call, items in (("es", es_call, bodies), ("api", api_call, reqs)):
                started = time.perf_counter()
                lat, errors = asyncio.run(load(call, list(items), conc, target))
                wall = time.perf_counter() - started
                results[target] = (pct(lat, 50), pct(lat, 95))
                print(f"{conc:>7} {target:>6} {pct(lat, 50):8.1f} {pct(lat, 95):8.1f} {len(lat) / wall:7.1f} {errors:>6}")
            print(f"{conc:>7}  ratio api/es: p50 {results['api'][0] / results['es'][0]:.2f}x, "
                  f"p95 {results['api'][1] / results['es'][1]:.2f}x")
    finally:
        server.terminate()
        server.wait(timeout=10)
        if args.drop:
            delete_prefixed(client, prefix)


if __name__ == "__main__":
    main()
