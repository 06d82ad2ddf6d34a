"""Generic HTML platform spider: listing pages → article pages chosen by URL pattern.

Depth-limited (politeness.depth_limit) and page-limited (politeness.max_pages); only links on
the source's own host; listing pages are home, category and pagination pages.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import scrapy

from crawlers.spiders.base.source import SourceSpider

DEFAULT_ARTICLE_PATTERN = (r"/\d{4}/\d{2}/\d{2}/[^/?#]+/?$|/\d{4}/\d{2}/[^/?#]{12,}/?$|/read/\d+|/berita/[^/?#]+"
                           r"|/[a-z0-9]+(?:-[a-z0-9]+){4,}/?$|[?&]p=\d+$")
LISTING_PATTERN = re.compile(r"/(?:page/\d+|kategori|category|rubrik|indeks|index|topik)(?:/|$)|[?&](?:paged|page)=\d+",
                             re.I)


class HtmlListingSpider(SourceSpider):
    """An outlet without feeds or sitemaps: follow its listing pages."""

    platform = "html"

    def listing_urls(self) -> list[str]:
        return self.source.listing_urls or [self.source.url("/")]

    def article_regex(self) -> re.Pattern:
        return re.compile(self.source.article_pattern or DEFAULT_ARTICLE_PATTERN, re.I)

    async def start(self):
        for url in self.listing_urls():
            yield self.listing_request(url)

    def listing_request(self, url: str, depth: int = 0) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing, errback=self.request_failed,
                              dont_filter=depth == 0, meta={"listing_depth": depth})

    def parse_listing(self, response):
        if not hasattr(response, "css"):
            return
        host = urlsplit(self.source.base_url).netloc
        depth = response.meta.get("listing_depth", 0)
        articles = self.article_regex()
        self._listings = getattr(self, "_listings", 0) + 1
        for href in response.css("a::attr(href)").getall():
            url = urljoin(response.url, href.strip()).split("#")[0]
            parts = urlsplit(url)
            if parts.netloc != host or parts.scheme not in ("http", "https"):
                continue
            if articles.search(url) and not LISTING_PATTERN.search(url):
                if self.claim(url):
                    yield scrapy.Request(url, callback=self.parse_article, errback=self.request_failed)
            elif LISTING_PATTERN.search(url) and depth + 1 < self.source.politeness.depth_limit \
                    and self._listings < self.source.politeness.max_pages:
                yield self.listing_request(url, depth + 1)
