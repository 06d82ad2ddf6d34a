"""Liveness and the state of Elasticsearch."""

from __future__ import annotations

from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout, TransportError
from fastapi import APIRouter, Response

from api.deps import EsDep
from api.schemas import HealthPublic
from waspada import __version__

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthPublic, responses={503: {"model": HealthPublic}})
def health(client: EsDep, response: Response) -> HealthPublic:
    """Report whether Elasticsearch answers; 503 when it does not."""
    try:
        cluster = client.cluster.health(request_timeout=3)
        info = client.info(request_timeout=3)
    except (ESConnectionError, ConnectionTimeout, TransportError) as exc:
        response.status_code = 503
        return HealthPublic(status="down", version=__version__,
                            elasticsearch={"status": "unreachable", "error": type(exc).__name__})
    es_status = cluster["status"]
    if es_status == "red":
        response.status_code = 503
    return HealthPublic(
        status={"green": "ok", "yellow": "ok", "red": "degraded"}[es_status],
        version=__version__,
        elasticsearch={"status": es_status, "cluster_name": cluster["cluster_name"],
                       "nodes": cluster["number_of_nodes"], "version": info["version"]["number"]},
    )
