"""Enrichment hand-off: items go to `nlp.pipeline.enrich(docs)` in batches before indexing.

Enabled by WASPADA_CRAWL_ENRICH (default true) when `nlp.pipeline` is importable; otherwise the
pipeline switches itself off (NotConfigured) and items are indexed unenriched. Items wait for
their batch (batch size, or 2 s after the last item) and the batch runs in a worker thread so
downloads continue meanwhile. A failing batch is indexed unenriched, never lost.
"""

from __future__ import annotations

import asyncio
import importlib
import logging

from scrapy.exceptions import NotConfigured

log = logging.getLogger(__name__)
FLUSH_AFTER = 2.0


class EnrichPipeline:
    """Batch items through the NLP enrichment."""

    def __init__(self, enrich, batch_size: int, crawler=None):
        self.enrich = enrich
        self.batch_size = max(1, batch_size)
        self.crawler = crawler
        self.pending: list[tuple[dict, asyncio.Future]] = []
        self.timer: asyncio.TimerHandle | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("WASPADA_ENRICH", True):
            raise NotConfigured("W501: enrichment disabled (WASPADA_CRAWL_ENRICH=false)")
        if crawler.settings.get("WASPADA_QUEUE_URL"):
            raise NotConfigured("W503: items go to the work queue (WASPADA_QUEUE_URL); `waspada worker` enriches them")
        target = crawler.settings.get("WASPADA_ENRICH_FUNCTION", "nlp.pipeline:enrich")
        module_name, _, func_name = target.partition(":")
        try:
            enrich = getattr(importlib.import_module(module_name), func_name)
        except (ImportError, AttributeError) as exc:
            raise NotConfigured(f"W502: {target} is not importable ({exc}); indexing without enrichment") from exc
        return cls(enrich, crawler.settings.getint("WASPADA_BATCH_SIZE", 100), crawler)

    async def process_item(self, item):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.pending.append((dict(item), future))
        if len(self.pending) >= self.batch_size:
            await self._run_batch()
        elif self.timer is None:
            self.timer = loop.call_later(FLUSH_AFTER, lambda: asyncio.ensure_future(self._run_batch()))
        return await future

    async def _run_batch(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        batch, self.pending = self.pending, []
        if not batch:
            return
        docs = [{k: v for k, v in doc.items() if not k.startswith("_")} for doc, _ in batch]
        try:
            enriched = await asyncio.to_thread(self.enrich, docs)
            if len(enriched) != len(batch):
                raise ValueError(f"enrich returned {len(enriched)} documents for {len(batch)}")
        except Exception as exc:  # noqa: BLE001 — an NLP failure must not lose items
            log.error("W503: enrichment failed for a batch of %d (%s); indexing them unenriched", len(batch), exc)
            enriched = docs
        for (original, future), doc in zip(batch, enriched):
            private = {k: v for k, v in original.items() if k.startswith("_")}
            if not future.done():
                future.set_result({**doc, **private})

    async def close_spider(self):
        await self._run_batch()
