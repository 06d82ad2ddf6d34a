"""RSS/Atom and sitemap parsing, and the RSS/Atom platform spider.

Parsing is tolerant (lxml recover mode) because feeds break: stray bytes, HTML entities in
XML, truncated files. Entries carry their date so incremental runs skip old ones unfetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

import scrapy
from lxml import etree

from crawlers.extraction.dates import parse_date
from crawlers.spiders.base.source import SourceSpider


@dataclass
class Entry:
    """One feed item or sitemap <url>: where it is and when it changed."""

    url: str
    when: datetime | None = None
    is_sitemap: bool = False


def _xml(body: bytes):
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body.strip() or b"<x/>", parser=parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _date(value: str | None, region_code: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    try:
        parsed = parsedate_to_datetime(value)
        if parsed is not None:
            return parsed
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date(value, region_code=region_code)


def parse_feed(body: bytes, region_code: str | None = None) -> list[Entry]:
    """Items of an RSS 2.0 or Atom feed (link + publication/update date)."""
    root = _xml(body)
    if root is None:
        return []
    entries = []
    for node in root.iter():
        name = _local(node.tag)
        if name not in ("item", "entry"):
            continue
        link = when = None
        for child in node:
            child_name = _local(child.tag)
            if child_name == "link":
                link = (child.get("href") if child.get("href") and child.get("rel", "alternate") == "alternate"
                        else (child.text or "").strip()) or link
            elif child_name in ("pubdate", "published", "updated", "date") and when is None:
                when = _date(child.text, region_code)
        if link:
            entries.append(Entry(link.strip(), when))
    return entries


def parse_sitemap(body: bytes, region_code: str | None = None) -> list[Entry]:
    """<url> entries and child <sitemap> entries of a sitemap, a sitemap index or a news sitemap."""
    root = _xml(body)
    if root is None:
        return []
    entries = []
    for node in root:
        name = _local(node.tag)
        if name not in ("url", "sitemap"):
            continue
        loc = when = None
        for child in node.iter():
            child_name = _local(child.tag)
            if child_name == "loc":
                loc = (child.text or "").strip()
            elif child_name in ("lastmod", "publication_date") and child.text:
                parsed = _date(child.text, region_code)
                if parsed and (when is None or parsed > when):
                    when = parsed
        if loc:
            entries.append(Entry(loc, when, is_sitemap=name == "sitemap"))
    return entries


class RssSpider(SourceSpider):
    """An outlet known by its RSS/Atom feeds (`feeds:` in sources.yaml, default /feed/)."""

    platform = "rss"

    def feed_urls(self) -> list[str]:
        return self.source.feeds or [self.source.url("/feed/")]

    async def start(self):
        for url in self.feed_urls():
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.request_failed, dont_filter=True)

    def parse_feed(self, response):
        entries = parse_feed(response.body, self.source.region_code)
        if not entries:
            self.logger.warning("W304: no entries in feed %s", response.url)
        yield from self.follow_entries(entries)

    def follow_entries(self, entries: list[Entry]):
        for entry in entries:
            if not self.is_new(entry.when) or not self.claim(entry.url):
                continue
            yield scrapy.Request(entry.url, callback=self.parse_article, errback=self.request_failed)
