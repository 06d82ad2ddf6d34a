"""End-to-end crawls against the fixture sites into a real Elasticsearch (subprocesses).

Covers: WordPress REST with paging, incremental second runs, fallback to the feed when robots.txt
blocks the API, syndicated copies sharing a cluster, Telegram posts with paging, broken inputs
refused with logged reasons, crawl-state health, and `scrapy crawl` from the repository root.
"""

from __future__ import annotations

import subprocess
import sys

from crawlers.dedup import doc_id
from store.crawl_state import get_state, silent_sources
from store.indices import alias_name
from tests.crawlers.conftest import ROOT, run_crawl
from tests.crawlers.fixtures.news import BENUANTA_COPY, BLOKADE, LATER_STORY, TERAS_STORIES


def _docs(es_client, prefix: str, source: str | None = None) -> dict[str, dict]:
    es_client.indices.refresh(index=alias_name("articles", prefix))
    query = {"term": {"source": source}} if source else {"match_all": {}}
    hits = es_client.search(index=alias_name("articles", prefix), query=query, size=500)["hits"]["hits"]
    return {h["_id"]: h["_source"] for h in hits}


def test_teraskaltara_rest_crawl_is_exact_and_incremental(web, crawl_env, es_client, index_prefix):
    servers, teras, _ = web
    first = run_crawl(crawl_env, "--source", "teraskaltara", "--per-page", "2")
    assert first.returncode == 0, first.stderr[-3000:]
    assert "teraskaltara" in first.stdout and "via=rest" in first.stdout
    docs = _docs(es_client, index_prefix, "teraskaltara")
    assert len(docs) == len(TERAS_STORIES)
    base = servers["teraskaltara"].url
    doc = docs[doc_id(base + BLOKADE.path)]
    assert doc["title"] == BLOKADE.title
    assert doc["text"] == BLOKADE.text
    assert doc["published"] == "2024-12-02T09:15:00+08:00"
    assert doc["published_local"] == "2024-12-02T09:15:00"
    assert doc["authors"] == ["Budi Santoso"]
    assert doc["categories"] == ["Daerah", "Hukum"] and doc["tags"] == ["Blokade Jalan", "Bulungan"]
    assert doc["url_variants"] == [f"{base}/?p={BLOKADE.post_id}"]
    assert doc["kind"] == "article" and doc["source_region_code"] == "65" and doc["is_cluster_lead"] is True
    api_pages = [h for h in servers["teraskaltara"].site.hits if h.startswith("/wp-json/")]
    assert len(api_pages) == 2  # 4 posts, 2 per page, pages announced by X-WP-TotalPages

    second = run_crawl(crawl_env, "--source", "teraskaltara", "--per-page", "2")
    assert second.returncode == 0, second.stderr[-3000:]
    assert "items=0" in second.stdout
    assert len(_docs(es_client, index_prefix, "teraskaltara")) == len(TERAS_STORIES)
    assert "modified_after=" in servers["teraskaltara"].site.hits[-1]

    teras.publish(LATER_STORY)
    third = run_crawl(crawl_env, "--source", "teraskaltara", "--per-page", "2")
    assert "items=1" in third.stdout and "new=1" in third.stdout, third.stdout
    assert len(_docs(es_client, index_prefix, "teraskaltara")) == len(TERAS_STORIES) + 1
    state = get_state(es_client, "teraskaltara", index_prefix)
    assert state["runs"] == 3 and state["last_items"] == 1 and state["last_finish_reason"] == "finished"
    assert state["hwm"] == "2024-12-02T23:45:00+00:00"  # the newest post's modified time (07:45 WITA)
    # the newest fixture story is from 2024, so the source is silent by any recent clock
    silent = silent_sources(es_client, days=3, prefix=index_prefix)
    assert [s["source"] for s in silent] == ["teraskaltara"]
    assert silent[0]["days_silent"] > 3 and silent[0]["last_success"]


def test_syndicated_copy_joins_the_cluster_via_feed_fallback(web, crawl_env, es_client, index_prefix):
    servers, _, _ = web
    assert run_crawl(crawl_env, "--source", "teraskaltara").returncode == 0
    result = run_crawl(crawl_env, "--source", "benuanta")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "via=feed" in result.stdout  # robots.txt forbids /wp-json/ on this outlet
    assert "Forbidden by robots.txt" in result.stderr
    assert not any(h.startswith("/wp-json/") for h in servers["benuanta"].site.hits)
    docs = _docs(es_client, index_prefix)
    lead = docs[doc_id(servers["teraskaltara"].url + BLOKADE.path)]
    copy = docs[doc_id(servers["benuanta"].url + BENUANTA_COPY.path)]
    assert copy["cluster_id"] == lead["cluster_id"] == lead["id"]
    assert copy["is_cluster_lead"] is False and lead["is_cluster_lead"] is True
    assert copy["published"] == "2024-12-02T11:40:00+08:00" and copy["authors"] == ["Tim Benuanta"]
    clusters = {d["cluster_id"] for d in docs.values()}
    assert len(clusters) == len(docs) - 1  # one story counted once


def test_telegram_channel_posts_with_views_links_and_paging(web, crawl_env, es_client, index_prefix):
    servers, _, _ = web
    result = run_crawl(crawl_env, "--source", "kaltaraupdate")
    assert result.returncode == 0, result.stderr[-3000:]
    docs = _docs(es_client, index_prefix, "kaltaraupdate")
    assert len(docs) == 5  # three on the first page, two more from ?before=103
    assert "/s/kaltaraupdate?before=103" in servers["kaltaraupdate"].site.hits
    post = docs[doc_id("https://t.me/kaltaraupdate/105")]
    assert post["kind"] == "social_post"
    assert post["social"] == {"channel": "kaltaraupdate", "post_id": "105", "views": 2300, "forwards": None,
                              "links": ["https://teraskaltara.id/2024/12/02/blokade/"]}
    assert post["published"] == "2024-12-02T11:10:00+08:00"
    assert post["text"].startswith("Warga Desa Apung masih memblokade Jalan Trans Kaltara.\nMediasi")
    assert docs[doc_id("https://t.me/kaltaraupdate/104")]["social"]["views"] == 1100
    again = run_crawl(crawl_env, "--source", "kaltaraupdate")
    assert "items=0" in again.stdout
    assert get_state(es_client, "kaltaraupdate", index_prefix)["hwm_post_id"] == 105


def test_broken_inputs_are_decoded_or_refused_with_reasons(web, crawl_env, es_client, index_prefix):
    servers, _, _ = web
    result = run_crawl(crawl_env, "--source", "rusak")
    assert result.returncode == 0, result.stderr[-3000:]
    log = result.stderr
    assert "larger than download max size" in log and "halaman-sangat-besar-sekali" in log
    assert "W324: calendar/date-archive trap" in log
    assert "W323: endless query string" in log
    assert "Forbidden by robots.txt" in log and "/private/" in log
    assert "W328: refused" in log and "redirect loop" in log
    assert "500 Internal Server Error" in log
    hits = servers["rusak"].site.hits
    assert not any(h.startswith("/private/") or "kalender" in h for h in hits)
    docs = {d["title"]: d for d in _docs(es_client, index_prefix, "rusak").values()}
    assert set(docs) == {"Pesta Rakyat di Tanjung Selor", "Festival Iraw Tengkayu", "Rapat Koordinasi Kewaspadaan Dini"}
    assert docs["Pesta Rakyat di Tanjung Selor"]["text"].startswith(
        "TANJUNG SELOR – Warga menikmati pesta rakyat dengan kue lapis “legit” dan kopi.")
    assert "« meriah »" in docs["Festival Iraw Tengkayu"]["text"]
    assert docs["Festival Iraw Tengkayu"]["published"] == "2024-12-01T10:00:00+08:00"
    assert docs["Rapat Koordinasi Kewaspadaan Dini"]["text"].endswith("langkah pencegahan")
    state = get_state(es_client, "rusak", index_prefix)
    assert state["last_errors"] >= 3 and state["last_items"] == 3


def test_scrapy_crawl_works_from_the_repo_root(web, tmp_path):
    """`scrapy crawl NAME` with a spider argument moving the source; no Elasticsearch needed."""
    import os
    servers, _, sources_file = web
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WASPADA_", "ES_"))}
    env.update({"PYTHONPATH": str(ROOT), "WASPADA_CRAWL_SOURCES_FILE": str(sources_file),
                "WASPADA_CRAWL_ENRICH": "false", "WASPADA_HOME": str(tmp_path / "var")})
    out = tmp_path / "items.jsonl"
    done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "teraskaltara", "-a",
                           f"base_url={servers['teraskaltara'].url}", "-s", "WASPADA_STORE=False",
                           "-s", "WASPADA_JOBDIR=False", "-O", f"{out}:jsonlines"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    import json
    titles = sorted(json.loads(line)["title"] for line in out.read_text().splitlines())
    assert titles == sorted(s.title for s in TERAS_STORIES)


def test_elasticsearch_outage_spools_then_next_run_replays(web, crawl_env, es_client, index_prefix, tmp_path):
    import socket
    with socket.socket() as probe:  # a port nobody listens on: Elasticsearch is "down"
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    down = run_crawl({**crawl_env, "ES_URL": dead}, "--source", "teraskaltara")
    assert "spooled=4" in down.stdout, down.stdout + down.stderr[-2000:]
    assert "W604" in down.stderr  # the run could not be recorded; its mark stays where it was
    spool = tmp_path / "var" / "spool" / alias_name("articles", index_prefix)
    assert list(spool.glob("*.ndjson"))
    assert _docs(es_client, index_prefix, "teraskaltara") == {}
    up = run_crawl(crawl_env, "--source", "benuanta")
    assert up.returncode == 0, up.stderr[-2000:]
    assert len(_docs(es_client, index_prefix, "teraskaltara")) == len(TERAS_STORIES)
    assert not list(spool.glob("*.ndjson"))
