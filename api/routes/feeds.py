"""Atom and JSON feeds of a rule's or a saved search's newest articles (consumer role).

Feed readers usually cannot send headers: the key may be given as `?api_key=`. Responses carry
ETag and Last-Modified; a matching If-None-Match / If-Modified-Since gets 304 Not Modified.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path, Request, Response

from alerts import feeds
from api.auth import ConsumerKey
from api.deps import ArticlesDep, EsDep, SearchParamsDep
from store.rules import RuleRepository
from store.search import build_query

router = APIRouter(prefix="/feeds", tags=["feeds"])
FEED_SIZE = 50
MEDIA = {"atom": "application/atom+xml; charset=utf-8", "json": "application/feed+json; charset=utf-8"}
NEWEST = [{"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
_SOURCE = ["id", "url", "title", "summary", "text", "source", "source_name", "published", "crawled", "indexed",
           "enrichment.enriched_at", "conflict.categories", "risk.score"]


def _respond(request: Request, fmt: str, *, feed_id: str, title: str, hits: list[dict],
             if_none_match: str | None, if_modified_since: str | None) -> Response:
    items = feeds.entries(hits)
    tag = feeds.etag(feed_id + fmt, items)
    modified = feeds.last_modified(items)
    headers = {"ETag": tag, "Last-Modified": feeds.http_date(modified), "Cache-Control": "private, max-age=60",
               "Vary": "X-API-Key, Authorization"}
    if feeds.not_modified(if_none_match, if_modified_since, tag, modified):
        return Response(status_code=304, headers=headers)
    public = request.app.state.settings.alerts.public_url.rstrip("/")
    self_url = public + request.url.path  # without the query: never echo an api_key
    if fmt == "atom":
        body = feeds.atom(feed_id=feed_id, title=title, self_url=self_url, home_url=public, items=items)
    else:
        body = feeds.json_feed(title=title, self_url=self_url, home_url=public, items=items)
    return Response(content=body, media_type=MEDIA[fmt], headers=headers)


def _format(fmt: str) -> str:
    if fmt not in MEDIA:
        raise HTTPException(404, "E087: feeds end in .atom or .json")
    return fmt


@router.get("/search.{fmt}", responses={304: {"description": "Not modified"}})
def search_feed(key: ConsumerKey, request: Request, articles: ArticlesDep, params: SearchParamsDep,
                fmt: Annotated[str, Path(description="atom or json")],
                if_none_match: Annotated[str | None, Header()] = None,
                if_modified_since: Annotated[str | None, Header()] = None) -> Response:
    """A saved search (its query string) as a feed of its newest articles."""
    fmt = _format(fmt)
    found = articles.search({"query": build_query(params), "size": FEED_SIZE, "sort": NEWEST, "_source": _SOURCE})
    title = f"Waspada: {params.q or 'pencarian tersimpan'}"
    return _respond(request, fmt, feed_id=f"urn:waspada:search:{params.fingerprint()}", title=title,
                    hits=found["hits"]["hits"], if_none_match=if_none_match, if_modified_since=if_modified_since)


@router.get("/rules/{rule_id}.{fmt}", responses={304: {"description": "Not modified"},
                                                 404: {"description": "No such rule"}})
def rule_feed(key: ConsumerKey, request: Request, client: EsDep, articles: ArticlesDep,
              rule_id: Annotated[str, Path(max_length=100)], fmt: Annotated[str, Path(description="atom or json")],
              if_none_match: Annotated[str | None, Header()] = None,
              if_modified_since: Annotated[str | None, Header()] = None) -> Response:
    """The newest articles matching a rule (its saved search and thresholds)."""
    fmt = _format(fmt)
    rules = RuleRepository(client, request.app.state.settings.es.index_prefix)
    rule, query = rules.get(rule_id), rules.query_of(rule_id)
    if rule is None or query is None:
        raise HTTPException(404, f"E052: no rule {rule_id!r}")
    found = articles.search({"query": query, "size": FEED_SIZE, "sort": NEWEST, "_source": _SOURCE})
    return _respond(request, fmt, feed_id=f"urn:waspada:rule:{rule_id}", title=f"Waspada: {rule['name']}",
                    hits=found["hits"]["hits"], if_none_match=if_none_match, if_modified_since=if_modified_since)
