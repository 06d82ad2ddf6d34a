"""Reading and writing articles through the `articles` alias."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from elasticsearch import Elasticsearch, NotFoundError

from store import queries
from store.indices import alias_name
from store.paging import search_after_hits
from store.writer import BulkWriter, IndexedListener


class ArticleRepository:
    """Articles in one Elasticsearch cluster, under an optional index prefix."""

    def __init__(self, client: Elasticsearch, prefix: str = ""):
        self.client = client
        self.alias = alias_name("articles", prefix)

    def writer(self, spool_dir: Path, listeners: list[IndexedListener] | None = None, **kwargs) -> BulkWriter:
        """A bulk writer into the alias, spooling under `spool_dir` when the cluster is down."""
        return BulkWriter(self.client, self.alias, spool_dir, listeners=listeners or [], **kwargs)

    def get(self, article_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=article_id)["_source"]
        except NotFoundError:
            return None

    def count(self, query: dict | None = None) -> int:
        return int(self.client.count(index=self.alias, query=query)["count"] if query
                   else self.client.count(index=self.alias)["count"])

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def search(self, body: dict) -> dict:
        return self.client.search(index=self.alias, **body)

    def search_text(self, user_text: str, size: int = 20) -> dict:
        return self.search(queries.article_search(user_text, size=size))

    def iter_all(self, query: dict | None = None, page_size: int = 500,
                 source: list[str] | bool = True) -> Iterator[dict]:
        """Every matching article once, by `search_after` on the unique `id` (no point-in-time in OSS 7.10)."""
        body = {"query": query or {"match_all": {}}, "sort": [{"id": "asc"}], "_source": source}
        for hit in search_after_hits(self.client, self.alias, body, page_size=page_size):
            yield hit["_source"]

    def update_fields(self, article_id: str, fields: dict) -> None:
        """Partial update (re-enrichment)."""
        self.client.update(index=self.alias, id=article_id, doc=fields)
