"""What every Waspada spider shares: its source entry, overrides, high-water mark and items.

A spider's `name` is its source's name in sources.yaml. Spider arguments override the registry
for one run (`-a base_url=http://127.0.0.1:8000 -a since=2024-12-01`), and a JOBDIR per source
under WASPADA_HOME lets a killed run resume.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

import scrapy

from crawlers.dedup import canonical_url, doc_id
from crawlers.extract import Extracted, extract_html
from crawlers.extraction.dates import parse_date
from crawlers.items import Article
from crawlers.sources import Source, get_source

log = logging.getLogger(__name__)


def _utcnow_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class SourceSpider(scrapy.Spider):
    """Base of all platform spiders (not run itself: it has no name)."""

    platform = ""

    def __init__(self, *args, source: str | None = None, base_url: str | None = None, since: str | None = None,
                 sources_file: str | None = None, full: str | bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._source_arg = source or getattr(self, "name", None)
        self._base_url_arg = base_url
        self._since_arg = since
        self._sources_file_arg = sources_file
        self.full = str(full).lower() in ("1", "true", "yes")
        self.source: Source
        self.hwm: datetime | None = None
        self.hwm_post_id: int | None = None
        self.seen_urls: set[str] = set()

    @classmethod
    def update_settings(cls, settings):
        """Per-source politeness from sources.yaml and a JOBDIR per source (resume after a kill)."""
        super().update_settings(settings)
        name = getattr(cls, "name", None)
        if not name:
            return
        if settings.getbool("WASPADA_JOBDIR", True) and not settings.get("JOBDIR"):
            settings.set("JOBDIR", str(Path(settings.get("WASPADA_HOME", "var"), "crawl", "jobs", name)),
                         priority="spider")
        try:
            politeness = get_source(name, settings.get("WASPADA_SOURCES_FILE") or None).politeness
        except Exception:  # noqa: BLE001 — reported with its code when the spider starts
            return
        override = settings.get("WASPADA_DOWNLOAD_DELAY_OVERRIDE")
        delay = float(override) if override not in (None, "") else politeness.download_delay
        settings.set("DOWNLOAD_DELAY", delay, priority="spider")
        settings.set("AUTOTHROTTLE_START_DELAY", delay, priority="spider")
        settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", politeness.concurrency, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._configure(crawler.settings)
        return spider

    def _configure(self, settings) -> None:
        source = get_source(self._source_arg, self._sources_file_arg or settings.get("WASPADA_SOURCES_FILE") or None)
        if self._base_url_arg:
            old = source.base_url
            new = self._base_url_arg.rstrip("/")
            swap = lambda urls: [u.replace(old, new, 1) for u in urls]  # noqa: E731
            source = source.model_copy(update={"base_url": new, "feeds": swap(source.feeds),
                                               "sitemaps": swap(source.sitemaps),
                                               "listing_urls": swap(source.listing_urls)})
        self.source = source
        if self._since_arg:
            self.hwm = parse_date(self._since_arg, region_code=source.region_code)
        elif not self.full:
            self.hwm, self.hwm_post_id = self._stored_mark(settings)
        log.info("source %s (%s) at %s; high-water mark %s", source.name, source.platform, source.base_url,
                 self.hwm.isoformat() if self.hwm else "none (full crawl)")

    def _stored_mark(self, settings) -> tuple[datetime | None, int | None]:
        if not settings.getbool("WASPADA_STORE", True):
            return None, None
        try:
            from store.client import make_client
            from store.crawl_state import high_water_mark
            from waspada.settings import get_settings
            es = get_settings().es
            return high_water_mark(make_client(es, opaque_id="waspada-crawl"), self.source.name, es.index_prefix)
        except Exception as exc:  # noqa: BLE001 — no mark means a full (idempotent) crawl, never a failure
            log.warning("W301: no high-water mark for %s (%s); crawling everything", self.source.name, exc)
            return None, None

    # -- helpers for platform spiders -------------------------------------------------------
    def is_new(self, when: datetime | None) -> bool:
        """True when an entry dated `when` is after the high-water mark (undated = new)."""
        return self.hwm is None or when is None or when > self.hwm

    def claim(self, url: str) -> bool:
        """First time this run sees the article URL (variants collapse to one)."""
        key = doc_id(url)
        if key in self.seen_urls:
            return False
        self.seen_urls.add(key)
        return True

    def article_from_extracted(self, extracted: Extracted, response_url: str, *, kind: str = "article",
                               item_cls=Article, variants: list[str] | None = None, fp: str | None = None) -> Article:
        url = extracted.url or canonical_url(response_url)
        all_variants = {canonical_url(response_url), *(canonical_url(v) for v in variants or [])} - {url}
        modified = parse_date(extracted.modified or extracted.published or "", region_code=self.source.region_code)
        item = item_cls(
            id=doc_id(url), kind=kind, url=url, url_variants=sorted(all_variants), source=self.source.name,
            source_name=self.source.title, platform=self.source.platform, source_region_code=self.source.region_code,
            title=extracted.title, text=extracted.text, language=extracted.language or self.source.language,
            published=extracted.published, published_local=extracted.published_local, modified=extracted.modified,
            crawled=_utcnow_iso(), authors=extracted.authors, categories=extracted.categories, tags=extracted.tags,
            images=extracted.images,
        )
        item["_modified_dt"] = modified
        if fp:
            item["_fp"] = fp
        return item

    def parse_article(self, response, variants: list[str] | None = None):
        """An article page → Article (through the same extractor `waspada extract` uses)."""
        if not hasattr(response, "text") and not response.body:
            return
        extracted = extract_html(response.body, response.url, region_code=self.source.region_code,
                                 site_names=[self.source.title], content_type=response.headers.get(
                                     "Content-Type", b"").decode("latin-1"), default_language=self.source.language)
        if not extracted.text:
            self.logger.warning("W302: empty body at %s; not indexed", response.url)
            self.crawler.stats.inc_value("waspada/empty_body")
            return
        published = parse_date(extracted.modified or extracted.published or "", region_code=self.source.region_code)
        if published is not None and not self.is_new(published):
            return  # stored by an earlier run and unchanged since
        fp = self.crawler.request_fingerprinter.fingerprint(response.request).hex()
        yield self.article_from_extracted(extracted, response.url, variants=variants or response.meta.get("variants"),
                                          fp=fp)

    def request_failed(self, failure):
        """Log why a page could not be fetched (size cap, redirect loop, refusal, HTTP error)."""
        request = getattr(failure, "request", None)
        reason = failure.getErrorMessage() or type(failure.value).__name__
        self.crawler.stats.inc_value("waspada/request_errors")
        self.logger.warning("W303: refused or failed %s: %s", request.url if request else "?", reason)
