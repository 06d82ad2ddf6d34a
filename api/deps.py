"""Dependencies shared by the routers, as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from elasticsearch import Elasticsearch
from fastapi import Depends, Request

from store.articles import ArticleRepository
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
