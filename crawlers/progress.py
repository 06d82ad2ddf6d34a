"""Progress lines per source while crawling, and the per-source summary at the end.

Prints to stderr so `waspada crawl` shows life on long runs; the numbers come from Scrapy's
stats (pages, items, errors, refusals) and the store pipeline (stored, created, spooled).
"""

from __future__ import annotations

import sys
import time

from scrapy import signals

INTERVAL = 5.0


def summary_of(stats: dict) -> dict:
    """The figures a person wants after a run."""
    refused = sum(v for k, v in stats.items() if k.startswith("waspada/refused/"))
    return {
        "reason": stats.get("finish_reason"),
        "pages": stats.get("response_received_count", 0),
        "items": stats.get("item_scraped_count", 0),
        "dropped": stats.get("item_dropped_count", 0),
        "stored": stats.get("waspada/stored", 0),
        "created": stats.get("waspada/created", 0),
        "updated": stats.get("waspada/updated", 0),
        "spooled": stats.get("waspada/spooled", 0),
        "clustered": stats.get("waspada/clustered", 0),
        "errors": stats.get("log_count/ERROR", 0) + stats.get("waspada/request_errors", 0),
        "refused": refused + stats.get("robotstxt/forbidden", 0),
        "strategy": stats.get("waspada/strategy"),
    }


class Progress:
    """An extension printing "source: N pages, M items" every few seconds."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.last = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.tick, signal=signals.item_scraped)
        crawler.signals.connect(extension.tick, signal=signals.response_received)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def tick(self, *args, **kwargs):
        now = time.monotonic()
        if now - self.last < INTERVAL:
            return
        self.last = now
        stats = self.crawler.stats.get_stats()
        name = self.crawler.spider.name if self.crawler.spider else "?"
        print(f"[{name}] {stats.get('response_received_count', 0)} pages, {stats.get('item_scraped_count', 0)} items,"
              f" {stats.get('waspada/stored', 0)} stored", file=sys.stderr, flush=True)

    def closed(self, spider, reason):
        s = summary_of(self.crawler.stats.get_stats())
        print(f"[{spider.name}] done ({reason}): {s['pages']} pages, {s['items']} items, {s['stored']} stored "
              f"({s['created']} new), {s['dropped']} dropped, {s['errors']} errors, {s['refused']} refused",
              file=sys.stderr, flush=True)
