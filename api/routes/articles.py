"""Article search and detail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ArticlesDep
from api.schemas import ArticleHit, ArticleSearchPublic

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("/search", response_model=ArticleSearchPublic)
def search_articles(
    articles: ArticlesDep,
    q: Annotated[str, Query(max_length=500, description='Words, "phrases", +must, -must_not, OR')] = "",
    size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> ArticleSearchPublic:
    """Full-text search with the Indonesian analyzer."""
    found = articles.search_text(q, size=size)
    hits = [
        ArticleHit(id=h["_source"]["id"], title=h["_source"].get("title"), url=h["_source"].get("url"),
                   source=h["_source"].get("source"), published=h["_source"].get("published"),
                   score=h.get("_score"), highlight=h.get("highlight", {}))
        for h in found["hits"]["hits"]
    ]
    return ArticleSearchPublic(total=found["hits"]["total"]["value"], hits=hits)
