"""One contender per subprocess: fetch every mirror URL, extract, write JSON lines + own stats.

    python -m benchmarks.crawl.tools waspada|newsplease|trafilatura URLS_FILE OUT_JSONL STATS_JSON

Each record: url, title, text, published (ISO string or null), authors. Stats: seconds and peak
RSS (this process and its children, MB). Run by benchmarks/crawl/run.py.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CONCURRENCY = 16


def _fetch(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return url, response.read()


def run_trafilatura(urls: list[str], out) -> None:
    import trafilatura
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        for url, body in pool.map(_fetch, urls):
            found = trafilatura.extract(body, url=url, output_format="json", with_metadata=True)
            data = json.loads(found) if found else {}
            out.write(json.dumps({"url": url, "title": data.get("title"), "text": data.get("text") or "",
                                  "published": data.get("date"),
                                  "authors": [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]},
                                 ensure_ascii=False) + "\n")


def run_newsplease(urls: list[str], out) -> None:
    import warnings
    warnings.simplefilter("ignore")
    from newsplease import NewsPlease
    for start in range(0, len(urls), 200):
        chunk = urls[start:start + 200]
        for url, article in NewsPlease.from_urls(chunk, request_args={"timeout": 30}).items():
            if not article:
                out.write(json.dumps({"url": url, "title": None, "text": "", "published": None, "authors": []}) + "\n")
                continue
            published = article.date_publish.isoformat() if article.date_publish else None
            out.write(json.dumps({"url": url, "title": article.title, "text": article.maintext or "",
                                  "published": published, "authors": list(article.authors or [])},
                                 ensure_ascii=False) + "\n")


def run_waspada(urls: list[str], out_path: str) -> None:
    """The Scrapy project: sitemap spider → extraction → dedup, items exported (no indexing)."""
    import yaml
    base = urls[0].split("/", 3)[:3]
    base_url = "/".join(base)
    sources = Path(out_path).with_suffix(".sources.yaml")
    sources.write_text(yaml.safe_dump({"sources": [{
        "name": "mirror", "title": "KaltaraMirror.id", "platform": "sitemap", "base_url": base_url,
        "region_code": "65", "sitemaps": [base_url + "/sitemap.xml"],
        "politeness": {"download_delay": 0.0, "concurrency": CONCURRENCY}}]}))
    os.environ["WASPADA_CRAWL_SOURCES_FILE"] = str(sources)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawlers.spiders.base import SitemapSpider
    settings = get_project_settings()
    settings.setdict({"WASPADA_STORE": False, "WASPADA_ENRICH": False, "WASPADA_JOBDIR": False,
                      "WASPADA_SOURCES_FILE": str(sources), "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0,
                      "WASPADA_DOWNLOAD_DELAY_OVERRIDE": 0, "CONCURRENT_REQUESTS": CONCURRENCY,
                      "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY, "LOG_LEVEL": "WARNING",
                      "FEEDS": {out_path: {"format": "jsonlines", "encoding": "utf8",
                                           "fields": ["url", "title", "text", "published", "authors"]}}},
                     priority="cmdline")
    spider = type("MirrorSpider", (SitemapSpider,), {"name": "mirror"})
    process = CrawlerProcess(settings)
    process.crawl(spider, full=True)
    process.start()


def main() -> None:
    tool, urls_file, out_path, stats_path = sys.argv[1:5]
    urls = [u for u in Path(urls_file).read_text().split() if u]
    started = time.perf_counter()
    if tool == "waspada":
        run_waspada(urls, out_path)
    else:
        with open(out_path, "w", encoding="utf-8") as out:
            {"trafilatura": run_trafilatura, "newsplease": run_newsplease}[tool](urls, out)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    Path(stats_path).write_text(json.dumps({"seconds": seconds, "peak_rss_mb": own, "peak_child_rss_mb": children}))


if __name__ == "__main__":
    main()
