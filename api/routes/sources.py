"""Source health: each source's last success and how long it has been silent."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.auth import AnalystKey
from api.deps import EsDep
from api.schemas_search import SourceHealth
from store.crawl_state import source_health

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("/health", response_model=list[SourceHealth])
def sources_health(
    key: AnalystKey, request: Request, client: EsDep,
    silent_only: Annotated[bool, Query(description="Only sources silent for WASPADA_CRAWL_SILENT_DAYS or broken")] = False,
) -> list[SourceHealth]:
    """Every crawled source: last success, last new item, errors and days silent."""
    settings = request.app.state.settings
    rows = []
    for state in source_health(client, settings.es.index_prefix):
        silent = (state.get("days_silent") is None or state["days_silent"] >= settings.crawl.silent_days
                  or (state.get("last_finish_reason") not in (None, "finished") and not state.get("last_success")))
        fields = {k: state.get(k) for k in SourceHealth.model_fields if k != "silent"}
        row = SourceHealth(**fields, silent=silent)
        if row.silent or not silent_only:
            rows.append(row)
    return rows
