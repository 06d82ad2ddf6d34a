"""Telegram public channels through the web preview (https://t.me/s/CHANNEL), as SocialPost items.

The preview lists the latest ~20 messages with text, date, views and links; older ones come
from ?before=ID. Paging stops at the high-water post id of the previous run, or at max_pages.
`base_url` is https://t.me (a test points it at 127.0.0.1).
"""

from __future__ import annotations

import re
from datetime import datetime

import scrapy

from crawlers.dedup import canonical_url, content_hash
from crawlers.extraction.dates import iso, parse_date, to_zone
from crawlers.items import SocialPost
from crawlers.spiders.base.source import SourceSpider, _utcnow_iso


def parse_count(value: str | None) -> int | None:
    """'1.2K' → 1200, '3,4M' → 3400000, '857' → 857."""
    if not value:
        return None
    match = re.match(r"\s*([\d.,]+)\s*([KkMm]?)", value)
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    scale = {"k": 1_000, "m": 1_000_000}.get(match.group(2).lower(), 1)
    return int(round(number * scale))


class TelegramSpider(SourceSpider):
    """A public Telegram channel (platform: telegram, channel: NAME)."""

    platform = "telegram"

    def channel_url(self, before: int | None = None) -> str:
        url = self.source.url(f"/s/{self.source.channel}")
        return f"{url}?before={before}" if before else url

    async def start(self):
        yield scrapy.Request(self.channel_url(), callback=self.parse_channel, errback=self.request_failed,
                             dont_filter=True, meta={"tg_page": 1})

    def parse_channel(self, response):
        ids = []
        for message in response.css(".tgme_widget_message[data-post]"):
            channel, _, post_id = message.attrib["data-post"].partition("/")
            if not post_id.isdigit():
                continue
            ids.append(int(post_id))
            if self.hwm_post_id is not None and int(post_id) <= self.hwm_post_id:
                continue
            item = self.post_item(message, channel, int(post_id), response.url)
            if item is not None and self.is_new(item["_modified_dt"]):
                yield item
        page = response.meta.get("tg_page", 1)
        before = response.css("a.tme_messages_more::attr(data-before)").get()
        reached_mark = self.hwm_post_id is not None and ids and min(ids) <= self.hwm_post_id
        if before and before.isdigit() and ids and not reached_mark and page < self.source.politeness.max_pages \
                and int(before) > 1:
            yield scrapy.Request(self.channel_url(int(before)), callback=self.parse_channel,
                                 errback=self.request_failed, dont_filter=True, meta={"tg_page": page + 1})

    def post_item(self, message, channel: str, post_id: int, page_url: str):
        text_node = message.css(".tgme_widget_message_text")
        if not text_node:
            return None
        lines = [" ".join(t.split()) for t in text_node[0].xpath(".//text()[not(ancestor::script)]").getall()]
        text = re.sub(r"\n{2,}", "\n", "\n".join(_join_inline(text_node[0]))).strip()
        if not text:
            text = " ".join(line for line in lines if line)
        when_raw = message.css("time::attr(datetime)").get()
        when: datetime | None = parse_date(when_raw, region_code=self.source.region_code) if when_raw else None
        links = [canonical_url(h) for h in text_node.css("a::attr(href)").getall() if h.startswith("http")]
        forwarded = message.css(".tgme_widget_message_forwarded_from_name::attr(href)").get()
        if forwarded:
            links.append(forwarded)
        url = f"https://t.me/{channel}/{post_id}"
        first_line = text.split("\n", 1)[0]
        item = SocialPost(
            id=None, kind="social_post", url=url, url_variants=[], source=self.source.name,
            source_name=self.source.title, platform="telegram", source_region_code=self.source.region_code,
            title=first_line[:200], text=text, language=self.source.language,
            published=iso(to_zone(when, self.source.region_code)) if when else None, published_local=when_raw,
            crawled=_utcnow_iso(), authors=[self.source.title], categories=[], tags=[], images=[],
            social={"channel": channel, "post_id": str(post_id),
                    "views": parse_count(message.css(".tgme_widget_message_views::text").get()),
                    "forwards": parse_count(message.css(".tgme_widget_message_forwards::text").get()),
                    "links": sorted(set(links))},
        )
        from crawlers.dedup import doc_id
        item["id"] = doc_id(url)
        item["content_hash"] = content_hash(text)
        item["_modified_dt"] = when
        item["_post_id"] = post_id
        return item


def _join_inline(node) -> list[str]:
    """Message text with <br> as line breaks."""
    parts: list[str] = [""]
    for piece in node.xpath(".//text()|.//br"):
        if getattr(piece.root, "tag", None) == "br":
            parts.append("")
        else:
            parts[-1] += str(piece.get() if hasattr(piece, "get") else piece)
    return [" ".join(p.split()) for p in parts if p.strip()]
