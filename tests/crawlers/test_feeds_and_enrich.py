"""Feed and sitemap parsing (RSS, Atom, sitemap index, news sitemap) and the enrichment hand-off in batches."""

from __future__ import annotations

import asyncio

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawlers.extraction.clean import first_sentence
from crawlers.pipelines.enrich import EnrichPipeline
from crawlers.spiders.base.feeds import parse_feed, parse_sitemap


def test_atom_feed_entries_with_update_times():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
    <entry><title>A</title><link rel="alternate" href="https://x.id/2024/12/02/a/"/><updated>2024-12-02T09:15:00+08:00</updated></entry>
    <entry><title>B</title><link href="https://x.id/2024/12/01/b/"/><published>2024-12-01T10:00:00Z</published></entry></feed>"""
    entries = parse_feed(atom)
    assert [e.url for e in entries] == ["https://x.id/2024/12/02/a/", "https://x.id/2024/12/01/b/"]
    assert entries[0].when.isoformat() == "2024-12-02T09:15:00+08:00"


def test_rss_with_broken_bytes_still_parses():
    rss = (b"<?xml version='1.0'?><rss><channel><item><link>https://x.id/a/</link>"
           b"<pubDate>Mon, 02 Dec 2024 01:15:00 +0000</pubDate><title>caf\xe9 &nbsp; rusak</title></item>")
    entries = parse_feed(rss)
    assert [e.url for e in entries] == ["https://x.id/a/"]
    assert entries[0].when.isoformat() == "2024-12-02T01:15:00+00:00"


def test_sitemap_index_and_news_sitemap():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://x.id/post-sitemap.xml</loc><lastmod>2024-12-02T09:00:00+08:00</lastmod></sitemap></sitemapindex>"""
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://x.id/2024/12/02/a/</loc><news:news><news:publication_date>2024-12-02T09:15:00+08:00</news:publication_date>
    </news:news></url></urlset>"""
    (child,) = parse_sitemap(index)
    assert child.is_sitemap and child.url == "https://x.id/post-sitemap.xml"
    (entry,) = parse_sitemap(news)
    assert not entry.is_sitemap and entry.when.isoformat() == "2024-12-02T09:15:00+08:00"


def summarise(docs: list[dict]) -> list[dict]:
    """A real enrichment step for the test: adds `summary` (a field of the articles mapping) per batch."""
    summarise.batches.append(len(docs))
    return [{**doc, "summary": first_sentence(doc["text"])} for doc in docs]


summarise.batches = []


def test_enrichment_runs_in_batches_and_keeps_private_fields():
    pipeline = EnrichPipeline(summarise, batch_size=3)
    items = [{"id": str(i), "text": f"Kalimat {i}. Lanjutan.", "_fp": f"fp{i}"} for i in range(5)]

    async def run():
        return await asyncio.gather(*(pipeline.process_item(item) for item in items))

    summarise.batches.clear()
    results = asyncio.run(run())
    assert summarise.batches == [3, 2]  # a full batch, then the rest after the short wait
    assert [r["summary"] for r in results] == [f"Kalimat {i}." for i in range(5)]
    assert [r["_fp"] for r in results] == [f"fp{i}" for i in range(5)]


def test_enrichment_switches_itself_off_when_disabled():
    with pytest.raises(NotConfigured, match="W501"):
        EnrichPipeline.from_crawler(get_crawler(settings_dict={"WASPADA_ENRICH": False}))
    with pytest.raises(NotConfigured, match="W502"):
        EnrichPipeline.from_crawler(get_crawler(settings_dict={"WASPADA_ENRICH_FUNCTION": "nlp.nowhere:enrich"}))
