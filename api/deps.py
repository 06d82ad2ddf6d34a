"""Dependencies shared by the routers, as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from elasticsearch import Elasticsearch
from fastapi import Depends, HTTPException, Query, Request
from pydantic import ValidationError

from store.articles import ArticleRepository
from store.search import MAX_VALUES, SearchParams
from waspada.settings import Settings, get_settings


def settings_dep() -> Settings:
    return get_settings()


def es_client(request: Request) -> Elasticsearch:
    """The app's client, built on first use so that the API starts even when Elasticsearch is down."""
    client = getattr(request.app.state, "es", None)
    if client is None:
        from store.client import make_client

        settings = request.app.state.settings
        client = make_client(settings.es, opaque_id="waspada-api")
        request.app.state.es = client
    return client


def article_repository(request: Request, client: Annotated[Elasticsearch, Depends(es_client)]) -> ArticleRepository:
    return ArticleRepository(client, request.app.state.settings.es.index_prefix)


SettingsDep = Annotated[Settings, Depends(settings_dep)]
EsDep = Annotated[Elasticsearch, Depends(es_client)]
ArticlesDep = Annotated[ArticleRepository, Depends(article_repository)]


def _values(description: str):
    return Query(description=f"{description}; at most {MAX_VALUES} values")


def search_params(
    q: Annotated[str, Query(max_length=500, description='Words (stemmed), "exact phrase", +must, -must_not, a OR b')] = "",
    date_from: Annotated[str | None, Query(max_length=40, description="Published on/after: ISO date or now-7d/d")] = None,
    date_to: Annotated[str | None, Query(max_length=40, description="Published on/before: ISO date or date math")] = None,
    source: Annotated[list[str] | None, _values("Source id; repeat for several (OR)")] = None,
    region: Annotated[list[str] | None, _values("Kemendagri code at any level (65, 65.04, 65.04.01, ...)")] = None,
    actor: Annotated[list[str] | None, _values("Actor name (normalized or as written)")] = None,
    actor_type: Annotated[list[str] | None, _values("Actor type: government, security, party, community, ...")] = None,
    category: Annotated[list[str] | None, _values("Conflict category: election, identity, resource, ...")] = None,
    stage: Annotated[list[str] | None, _values("Conflict stage: none, prevention, tension, incident")] = None,
    sentiment: Annotated[list[str] | None, _values("negative, neutral or positive")] = None,
    language: Annotated[list[str] | None, _values("Language code (id, en)")] = None,
    kind: Annotated[list[str] | None, _values("Document kind (article, post)")] = None,
    min_intensity: Annotated[int | None, Query(ge=0, le=3, description="Lowest conflict intensity 0-3")] = None,
    min_risk: Annotated[float | None, Query(ge=0, le=1000, description="Lowest risk score (0-100)")] = None,
) -> SearchParams:
    """The query and filters of a search request (the same model saved searches store)."""
    try:
        return SearchParams(q=q, date_from=date_from, date_to=date_to, source=source or [], region=region or [],
                            actor=actor or [], actor_type=actor_type or [], category=category or [],
                            stage=stage or [], sentiment=sentiment or [], language=language or [], kind=kind or [],
                            min_intensity=min_intensity, min_risk=min_risk)
    except ValidationError as exc:
        raise HTTPException(422, "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from exc


SearchParamsDep = Annotated[SearchParams, Depends(search_params)]
