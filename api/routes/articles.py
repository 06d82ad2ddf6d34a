"""Article search (full text, filters, facets, cursor paging) and article detail."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query

from api.auth import ConsumerKey
from api.deps import ArticlesDep, SearchParamsDep
from api.schemas import ArticleHit
from api.schemas_search import ArticleDetail, FacetValue, SearchPublic, StoryOutlet
from store.search import FACETS, read_facets, run_search

router = APIRouter(prefix="/articles", tags=["articles"])

FacetName = Literal["source", "region", "actor", "actor_type", "category", "stage", "sentiment", "language", "kind",
                    "risk_band", "all"]
MAX_STORY_OUTLETS = 50


@router.get("/search", response_model=SearchPublic,
            responses={400: {"description": "Query or cursor not understood"}})
def search_articles(
    key: ConsumerKey,
    articles: ArticlesDep,
    params: SearchParamsDep,
    sort: Annotated[Literal["relevance", "newest", "risk"], Query(description="Order of the hits")] = "relevance",
    size: Annotated[int, Query(ge=0, le=100, description="Hits per page (0 = facets only)")] = 20,
    cursor: Annotated[str | None, Query(max_length=8000, description="`next_cursor` of the previous page")] = None,
    facet: Annotated[list[FacetName] | None, Query(description="Facets to count; repeat, or `all`")] = None,
    interval: Annotated[Literal["hour", "day", "week", "month", "year"] | None,
                        Query(description="Add a date histogram of `published` with this interval")] = None,
    highlight: Annotated[bool, Query(description="Mark the query words in title and text with <mark>")] = True,
) -> SearchPublic:
    """Search articles: Indonesian full text, filters, facets, highlights and stable cursor paging."""
    facets = list(FACETS) if facet and "all" in facet else list(dict.fromkeys(facet or []))
    found, next_cursor = run_search(articles, params, sort=sort, size=size, cursor_token=cursor, facets=facets,
                                    highlight=highlight, interval=interval)
    hits = found["hits"]["hits"]
    return SearchPublic(
        total=found["hits"]["total"]["value"],
        hits=[ArticleHit.from_hit(h) for h in hits],
        facets={k: [FacetValue(**v) for v in values] for k, values in read_facets(found.get("aggregations", {})).items()},
        next_cursor=next_cursor,
    )


@router.get("/{article_id}", response_model=ArticleDetail, responses={404: {"description": "No such article"}})
def get_article(key: ConsumerKey, articles: ArticlesDep,
                article_id: Annotated[str, Path(max_length=512, description="Article id")]) -> ArticleDetail:
    """One article with its entities, conflict cues, sentiment, risk and the other outlets of the same story."""
    doc = articles.get(article_id) if "\x00" not in article_id else None
    if doc is None:
        raise HTTPException(404, f"E058: no article with id {article_id!r}; search for it with /articles/search")
    same: list[StoryOutlet] = []
    if doc.get("cluster_id"):
        found = articles.search({
            "query": {"bool": {"filter": [{"term": {"cluster_id": doc["cluster_id"]}}],
                               "must_not": [{"ids": {"values": [article_id]}}]}},
            "size": MAX_STORY_OUTLETS, "sort": [{"published": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
            "_source": ["id", "source", "source_name", "title", "url", "published"],
        })
        same = [StoryOutlet(**h["_source"]) for h in found["hits"]["hits"]]
    fields = {k: v for k, v in doc.items() if k in ArticleDetail.model_fields and v is not None}
    return ArticleDetail(**fields, same_story=same)
