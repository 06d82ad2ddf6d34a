"""WordPress platform spider: REST API first, then the feed, then sitemaps, then HTML listings.

The REST API (/wp-json/wp/v2/posts) gives every post with its dates in GMT, authors and terms
(`_embed`), pages announced by X-WP-TotalPages, and `modified_after` for incremental runs, so
one request per 20 posts replaces 20 page fetches. Sites that block or lack it fall back, in
order, to /feed/, wp-sitemap.xml / sitemap_index.xml / post-sitemap.xml, and listing pages.
A post answers at /?p=ID and at its slug: both are recorded as URL variants of one document.
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from urllib.parse import urlencode

import scrapy

from crawlers.dedup import canonical_url
from crawlers.extract import Extracted, html_fragment_text
from crawlers.extraction.clean import authors_from_text, clean_author, clean_body, strip_site_suffix
from crawlers.extraction.dates import iso, to_zone
from crawlers.spiders.base.feeds import RssSpider, parse_feed
from crawlers.spiders.base.html import HtmlListingSpider
from crawlers.spiders.base.sitemap import SitemapSpider

STRATEGIES = ("rest", "feed", "sitemap", "html")
WP_SITEMAPS = ("/wp-sitemap.xml", "/sitemap_index.xml", "/post-sitemap.xml")
FALLBACK_STATUSES = [400, 401, 403, 404, 405, 406, 410, 429, 500, 501, 502, 503, 504]


def _gmt(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _strip_tags(value: str) -> str:
    from lxml import html as lxml_html
    if not value:
        return ""
    return " ".join(lxml_html.fragment_fromstring(value, create_parent="div").text_content().split())


class WordPressSpider(RssSpider, SitemapSpider, HtmlListingSpider):
    """A WordPress outlet: a few lines of YAML (platform: wordpress, base_url)."""

    platform = "wordpress"
    per_page = 20

    def __init__(self, *args, per_page: str | int | None = None, strategy: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if per_page:
            self.per_page = int(per_page)
        self.first_strategy = strategy if strategy in STRATEGIES else "rest"

    async def start(self):
        for request in self.strategy_requests(self.first_strategy):
            yield request

    # -- fallback chain ---------------------------------------------------------------------
    def strategy_requests(self, strategy: str, attempt: int = 0) -> list[scrapy.Request]:
        meta = {"wp_strategy": strategy, "wp_attempt": attempt, "handle_httpstatus_list": FALLBACK_STATUSES}
        if strategy == "rest":
            return [scrapy.Request(self.api_url(1), callback=self.parse_api, errback=self.strategy_failed,
                                   dont_filter=True, meta={**meta, "waspada_trusted": True})]
        if strategy == "feed":
            return [scrapy.Request(self.source.url("/feed/"), callback=self.parse_wp_feed,
                                   errback=self.strategy_failed, dont_filter=True, meta=meta)]
        if strategy == "sitemap":
            url = self.source.url(WP_SITEMAPS[attempt])
            return [scrapy.Request(url, callback=self.parse_wp_sitemap, errback=self.strategy_failed,
                                   dont_filter=True, meta={**meta, "waspada_trusted": True})]
        return [self.listing_request(url) for url in self.listing_urls()]

    def fall_back(self, meta: dict, why: str) -> list[scrapy.Request]:
        strategy, attempt = meta.get("wp_strategy", "rest"), meta.get("wp_attempt", 0)
        if strategy == "sitemap" and attempt + 1 < len(WP_SITEMAPS):
            nxt, nxt_attempt = "sitemap", attempt + 1
        else:
            index = STRATEGIES.index(strategy)
            if index + 1 >= len(STRATEGIES):
                return []
            nxt, nxt_attempt = STRATEGIES[index + 1], 0
        self.logger.info("%s: %s unusable (%s); falling back to %s", self.source.name, strategy, why, nxt)
        self.crawler.stats.set_value("waspada/strategy", nxt)
        return self.strategy_requests(nxt, nxt_attempt)

    def strategy_failed(self, failure):
        self.request_failed(failure)
        request = getattr(failure, "request", None)
        yield from self.fall_back(request.meta if request else {}, failure.getErrorMessage())

    # -- REST API ---------------------------------------------------------------------------
    def api_url(self, page: int) -> str:
        params = {"per_page": self.per_page, "page": page, "_embed": 1, "orderby": "modified", "order": "desc"}
        if self.hwm is not None:
            params["modified_after"] = self.hwm.astimezone(timezone.utc).replace(tzinfo=None).isoformat()
        return self.source.url("/wp-json/wp/v2/posts") + "?" + urlencode(params)

    def parse_api(self, response):
        try:
            posts = json.loads(response.text) if response.status == 200 else None
        except (ValueError, AttributeError):
            posts = None
        if not isinstance(posts, list):
            if response.meta.get("wp_page", 1) == 1:
                yield from self.fall_back(response.meta, f"HTTP {response.status}, not a post list")
            return
        self.crawler.stats.set_value("waspada/strategy", "rest")
        for post in posts:
            item = self.item_from_post(post)
            if item is not None:
                yield item
        page = response.meta.get("wp_page", 1)
        if page == 1:
            total = int(response.headers.get("X-WP-TotalPages", b"1") or 1)
            for next_page in range(2, min(total, self.source.politeness.max_pages) + 1):
                yield scrapy.Request(self.api_url(next_page), callback=self.parse_api, errback=self.request_failed,
                                     dont_filter=True, meta={"wp_page": next_page, "wp_strategy": "rest",
                                                             "waspada_trusted": True})

    def item_from_post(self, post: dict):
        link = post.get("link")
        if not link:
            return None
        url = canonical_url(link)
        if not self.claim(url):
            return None
        raw_text = html_fragment_text((post.get("content") or {}).get("rendered", ""))
        embedded = post.get("_embedded") or {}
        terms = [t for group in embedded.get("wp:term") or [] for t in group or [] if isinstance(t, dict)]
        authors = authors_from_text(raw_text) or [
            n for n in (clean_author(a.get("name")) for a in embedded.get("author") or [] if isinstance(a, dict)) if n]
        published = _gmt(post.get("date_gmt"))
        modified = _gmt(post.get("modified_gmt")) or published
        media = embedded.get("wp:featuredmedia") or []
        extracted = Extracted(
            url=url,
            title=strip_site_suffix(_strip_tags((post.get("title") or {}).get("rendered", "")), [self.source.title]),
            text=clean_body(raw_text),
            published=iso(to_zone(published, self.source.region_code)) if published else None,
            published_local=post.get("date"),
            modified=iso(to_zone(modified, self.source.region_code)) if modified else None,
            authors=authors,
            categories=[html.unescape(t["name"]) for t in terms if t.get("taxonomy") == "category"],
            tags=[html.unescape(t["name"]) for t in terms if t.get("taxonomy") == "post_tag"],
            images=[m["source_url"] for m in media if isinstance(m, dict) and m.get("source_url")][:1],
            language=self.source.language,
        )
        variants = [self.source.url(f"/?p={post['id']}")] if post.get("id") else []
        item = self.article_from_extracted(extracted, link, variants=variants)
        item["_modified_dt"] = modified
        return item

    # -- feed and sitemaps as fallbacks -------------------------------------------------------
    def parse_wp_feed(self, response):
        entries = parse_feed(response.body, self.source.region_code) if response.status == 200 else []
        if not entries:
            yield from self.fall_back(response.meta, f"HTTP {response.status}, no feed entries")
            return
        self.crawler.stats.set_value("waspada/strategy", "feed")
        yield from self.follow_entries(entries)

    def parse_wp_sitemap(self, response):
        from crawlers.spiders.base.feeds import parse_sitemap
        entries = parse_sitemap(response.body, self.source.region_code) if response.status == 200 else []
        if not entries:
            yield from self.fall_back(response.meta, f"HTTP {response.status}, no sitemap entries")
            return
        self.crawler.stats.set_value("waspada/strategy", "sitemap")
        yield from self.follow_sitemap(entries, {})
