"""Store pipeline: documents to Elasticsearch in batches through store.writer.BulkWriter.

Runs after dedup and enrichment. Each batch is written (or spooled to disk when the cluster is
down) before the fingerprints of its pages are recorded for resume, and the source's
high-water mark and health move only when the whole run finished: a killed run is redone from
the old mark and, with idempotent ids, indexes nothing twice.
"""

from __future__ import annotations

import logging
import shutil
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawlers.dupefilter import append_stored
from crawlers.extraction.dates import parse_date
from crawlers.items import to_document
from crawlers.signals import items_stored

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class StorePipeline:
    """Batch documents into the articles alias and record the run in crawl-state."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.batch_size = max(1, crawler.settings.getint("WASPADA_BATCH_SIZE", 100))
        self.jobdir = crawler.settings.get("JOBDIR")
        self.buffer: list[dict] = []
        self.fingerprints: list[str] = []
        self.stored = 0
        self.hwm: datetime | None = None
        self.hwm_post_id: int | None = None
        self.newest: datetime | None = None
        self.started = _now()
        self.client = self.writer = None
        self.prefix = ""

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("WASPADA_STORE", True):
            raise NotConfigured("W601: storing disabled (WASPADA_STORE=false); items are not indexed")
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        # nothing left to fetch right now: store what waits in the buffer (shortens the time to alert,
        # and ends the page leases of a shared frontier)
        crawler.signals.connect(pipeline.flush, signal=signals.spider_idle)
        return pipeline

    def open_spider(self):
        from store.client import make_client
        from store.indices import alias_name, apply_templates
        from store.writer import BulkWriter
        from waspada.settings import get_settings
        settings = get_settings()
        self.prefix = settings.es.index_prefix
        self.client = make_client(settings.es, opaque_id="waspada-crawl")
        try:
            apply_templates(self.client, self.prefix)
        except Exception as exc:  # noqa: BLE001 — the writer spools while the cluster is away
            log.warning("W602: could not apply index templates (%s); documents will be spooled if needed", exc)
        if settings.queue.url:
            # scaled out: `waspada worker` processes enrich, index and percolate from the queue
            from workers.publisher import QueuePublisher
            from workers.queue import open_queue

            self.writer = QueuePublisher(open_queue(settings.queue.url, stream=settings.queue.stream))
        else:
            from waspada.indexing import indexed_listeners

            self.writer = BulkWriter(self.client, alias_name("articles", self.prefix), settings.paths.spool_dir,
                                     batch_size=self.batch_size + 1,
                                     listeners=indexed_listeners(settings, self.client))
        try:
            replayed = self.writer.replay()
            if replayed:
                log.info("replayed %d spooled documents", replayed)
        except Exception as exc:  # noqa: BLE001
            log.warning("W603: spool replay postponed (%s)", exc)

    def process_item(self, item):
        doc = to_document(item)
        doc["indexed"] = _now().isoformat()
        self.buffer.append(doc)
        if item.get("_fp"):
            self.fingerprints.append(item["_fp"])
        self._track(item, doc)
        if len(self.buffer) >= self.batch_size:
            self.flush()
        return item

    def _track(self, item, doc: dict) -> None:
        modified = item.get("_modified_dt") or parse_date(doc.get("modified") or doc.get("published") or "")
        if modified is not None and (self.hwm is None or modified > self.hwm):
            self.hwm = modified
        published = parse_date(doc.get("published") or "") if doc.get("published") else None
        if published is not None and (self.newest is None or published > self.newest):
            self.newest = published
        post_id = item.get("_post_id")
        if post_id is not None and (self.hwm_post_id is None or post_id > self.hwm_post_id):
            self.hwm_post_id = post_id

    def flush(self) -> None:
        if not self.buffer:
            return
        self.writer.add_many(self.buffer)
        self.writer.flush()
        append_stored(self.jobdir, self.fingerprints)
        self.crawler.signals.send_catch_log(signal=items_stored, fingerprints=self.fingerprints)
        self.stored += len(self.buffer)
        self.crawler.stats.inc_value("waspada/stored", len(self.buffer))
        self.buffer, self.fingerprints = [], []

    def close_spider(self):
        self.flush()
        stats = self.writer.close()
        self.crawler.stats.set_value("waspada/created", stats.created)
        self.crawler.stats.set_value("waspada/updated", stats.updated)
        self.crawler.stats.set_value("waspada/spooled", stats.spooled)
        self.crawler.stats.set_value("waspada/rejected", stats.rejected)

    def spider_closed(self, spider, reason):
        from store.crawl_state import record_run
        stats = self.crawler.stats
        errors = int(stats.get_value("log_count/ERROR", 0) or 0) + int(stats.get_value("waspada/request_errors", 0) or 0)
        source = getattr(spider, "source", None)
        try:
            record_run(self.client, spider.name, prefix=self.prefix, started=self.started, reason=reason,
                       items=self.stored, errors=errors, hwm=self.hwm, hwm_post_id=self.hwm_post_id,
                       newest_item=self.newest,
                       meta={"source_name": source.title, "platform": source.platform,
                             "region_code": source.region_code} if source else None)
        except Exception as exc:  # noqa: BLE001 — the next run simply starts from the old mark
            log.error("W604: could not record crawl state for %s (%s)", spider.name, exc)
            return
        if reason == "finished" and self.jobdir and Path(self.jobdir).exists():
            shutil.rmtree(self.jobdir, ignore_errors=True)
