"""Builds the FastAPI application: every router is included here, in one place."""

from __future__ import annotations

from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout, TransportError
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.ratelimit import TokenBucketLimiter
from api.routes import alerts, digests, feeds, rules, subscribers, webhooks
from api.routes import articles, exports, health, keys, regions, sources
from api.web import register as register_web_ui
from store.queries import QueryError
from waspada import __version__
from waspada.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new app; tests pass their own settings (index prefix, ES URL)."""
    app = FastAPI(
        title="Waspada API",
        version=__version__,
        description="Early warning of social conflict from Indonesian regional news: search, alerts, feeds.",
    )
    app.state.settings = settings or get_settings()
    app.state.es = None
    app.state.limiter = TokenBucketLimiter()
    app.include_router(health.router)
    app.include_router(articles.router)
    app.include_router(regions.router)
    app.include_router(exports.router)
    app.include_router(sources.router)
    app.include_router(keys.router)
    app.include_router(alerts.router)
    app.include_router(rules.router)
    app.include_router(feeds.router)
    app.include_router(digests.router)
    app.include_router(webhooks.router)
    app.include_router(subscribers.router)
    register_web_ui(app)

    @app.exception_handler(QueryError)
    async def _query_error(_: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.exception_handler(ESConnectionError)
    @app.exception_handler(ConnectionTimeout)
    async def _es_down(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=503, content={"detail": "E040: Elasticsearch is unreachable; try again later"},
                            headers={"Retry-After": "30"})

    @app.exception_handler(TransportError)
    async def _es_error(_: Request, exc: TransportError) -> JSONResponse:
        status = exc.status_code if isinstance(exc.status_code, int) else 503
        if status == 400:
            return JSONResponse(status_code=400, content={"detail": f"E041: query rejected: {exc.error}"})
        return JSONResponse(status_code=503 if status >= 500 or status == 429 else 502,
                            content={"detail": f"E042: Elasticsearch error {exc.status_code}"})

    return app
