"""Read every hit of a query once, page by page with `search_after` on a unique sort key.

OSS Elasticsearch 7.10 has no point-in-time, so a unique tiebreaker in `sort` (an id field) is what
makes the walk exact; the scroll API would hold server contexts open for slow consumers instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from elasticsearch import Elasticsearch


def search_after_hits(client: Elasticsearch, index: str, body: dict, page_size: int = 500) -> Iterator[dict]:
    """Yield raw hits of `body` (which must carry a `sort` ending in a unique field) in sort order."""
    if not body.get("sort"):
        raise ValueError("search_after paging needs a sort ending in a unique field")
    after = None
    while True:
        page = {**body, "size": page_size}
        if after is not None:
            page["search_after"] = after
        hits = client.search(index=index, **page)["hits"]["hits"]
        yield from hits
        if len(hits) < page_size:
            return
        after = hits[-1]["sort"]
