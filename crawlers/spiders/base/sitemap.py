"""Sitemap platform spider: sitemap indexes, post sitemaps and news sitemaps, by lastmod.

Child sitemaps about taxonomies, authors or static pages are skipped; entries and child
sitemaps whose lastmod is not after the high-water mark are not fetched.
"""

from __future__ import annotations

import re

import scrapy

from crawlers.spiders.base.feeds import Entry, parse_sitemap
from crawlers.spiders.base.source import SourceSpider

_SKIP_CHILD = re.compile(r"(?:category|categories|tag|taxonom|author|user|page-sitemap|pages?-\d|-page-|"
                         r"attachment|media|image|video|product)", re.I)


class SitemapSpider(SourceSpider):
    """An outlet known by its sitemaps (`sitemaps:` in sources.yaml, default /sitemap.xml)."""

    platform = "sitemap"

    def sitemap_urls(self) -> list[str]:
        return self.source.sitemaps or [self.source.url("/sitemap.xml")]

    async def start(self):
        for url in self.sitemap_urls():
            yield self.sitemap_request(url)

    def sitemap_request(self, url: str, **meta) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.request_failed, dont_filter=True,
                              meta={"waspada_trusted": True, **meta})

    def parse_sitemap(self, response):
        entries = parse_sitemap(response.body, self.source.region_code)
        if not entries:
            self.logger.warning("W305: no entries in sitemap %s", response.url)
        yield from self.follow_sitemap(entries, response.meta)

    def follow_sitemap(self, entries: list[Entry], meta: dict):
        limit = self.source.politeness.max_pages
        children = [e for e in entries if e.is_sitemap and not _SKIP_CHILD.search(e.url)]
        for entry in children[:limit]:
            if self.is_new(entry.when):
                yield self.sitemap_request(entry.url, **{k: v for k, v in meta.items() if k.startswith("wp_")})
        for entry in entries:
            if entry.is_sitemap or not self.is_new(entry.when) or not self.claim(entry.url):
                continue
            yield scrapy.Request(entry.url, callback=self.parse_article, errback=self.request_failed)
