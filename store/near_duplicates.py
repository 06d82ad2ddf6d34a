"""Lookups the crawler's dedup needs from the articles index: near-copies by MinHash band.

Syndicated copies of a story share many `minhash_bands` keys; asking for documents that share
any band and scoring the overlap finds the cluster a new article joins, across runs.
"""

from __future__ import annotations

from elasticsearch import Elasticsearch, NotFoundError

from store.indices import alias_name


def near_duplicate_query(bands: list[str], exclude_id: str | None = None, size: int = 20) -> dict:
    """Pure query body: documents sharing at least one band, most shared first."""
    query: dict = {"bool": {"should": [{"term": {"minhash_bands": band}} for band in bands],
                            "minimum_should_match": 1}}
    if exclude_id:
        query["bool"]["must_not"] = [{"ids": {"values": [exclude_id]}}]
    return {"query": query, "size": size,
            "_source": ["id", "cluster_id", "minhash_bands", "published", "source", "content_hash"]}


def find_near_duplicates(client: Elasticsearch, bands: list[str], *, prefix: str = "",
                         exclude_id: str | None = None, size: int = 20) -> list[dict]:
    """Stored documents sharing bands with `bands` (callers score the overlap)."""
    if not bands:
        return []
    try:
        result = client.search(index=alias_name("articles", prefix), **near_duplicate_query(bands, exclude_id, size))
    except NotFoundError:
        return []
    return [hit["_source"] | {"id": hit["_id"]} for hit in result["hits"]["hits"]]


def find_by_content_hash(client: Elasticsearch, content_hash: str, *, prefix: str = "") -> list[dict]:
    """Stored documents with exactly this text."""
    try:
        result = client.search(index=alias_name("articles", prefix), query={"term": {"content_hash": content_hash}},
                               size=10, _source=["id", "cluster_id", "source", "url"])
    except NotFoundError:
        return []
    return [hit["_source"] | {"id": hit["_id"]} for hit in result["hits"]["hits"]]


def get_cluster(client: Elasticsearch, doc_id: str, *, prefix: str = "") -> dict | None:
    """cluster_id and lead flag of a stored document, if it exists."""
    try:
        found = client.get(index=alias_name("articles", prefix), id=doc_id,
                           _source_includes=["cluster_id", "is_cluster_lead"])
    except NotFoundError:
        return None
    return found["_source"]
