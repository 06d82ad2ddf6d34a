"""Items the spiders yield: Article (news page) and SocialPost (public channel post).

Both carry the fields of index_mappings/articles.json that the crawler knows; the pipelines
add identity (id, content_hash, minhash_bands, cluster), enrichment and `indexed`. Fields that
start with "_" travel between pipelines and are never indexed.
"""

from __future__ import annotations

import scrapy

DOC_FIELDS = (
    "id", "kind", "url", "url_variants", "source", "source_name", "platform", "source_region_code",
    "title", "text", "language", "published", "published_local", "modified", "crawled", "indexed",
    "authors", "categories", "tags", "images", "social", "content_hash", "minhash_bands", "cluster_id",
    "is_cluster_lead",
)


class Article(scrapy.Item):
    """A news article."""

    locals().update({name: scrapy.Field() for name in DOC_FIELDS})
    _fp = scrapy.Field()  # request fingerprint, recorded once the item is stored (resume)
    _modified_dt = scrapy.Field()  # aware datetime used for the high-water mark
    _post_id = scrapy.Field()


class SocialPost(Article):
    """A public social post (Telegram channel message); `social` holds channel, views, forwards, links."""


def to_document(item: scrapy.Item | dict) -> dict:
    """The index document: mapped fields only, no empty values."""
    data = dict(item)
    return {k: v for k, v in data.items() if not k.startswith("_") and v is not None}
