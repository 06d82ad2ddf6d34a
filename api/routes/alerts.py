"""Alerts: the inbox, lifecycle transitions, precision and the labelled-feedback export (analyst role)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from alerts import feedback, lifecycle
from alerts.delivery.webhooks import WebhookQueue
from api.auth import AnalystKey
from api.deps import EsDep
from store.alerts import AlertRepository
from store.articles import ArticleRepository

router = APIRouter(prefix="/alerts", tags=["alerts"])
AlertId = Annotated[str, Path(max_length=100, description="The alert's id")]


class Transition(BaseModel):
    to: Literal["new", "acknowledged", "verified", "dismissed"] = Field(description="The new status")
    note: str = Field("", max_length=2000, description="Why (kept in the audit trail)")


class AlertList(BaseModel):
    total: int
    alerts: list[dict]


def _repo(request: Request, client) -> AlertRepository:
    return AlertRepository(client, request.app.state.settings.es.index_prefix)


@router.get("", response_model=AlertList)
def list_alerts(
    key: AnalystKey, request: Request, client: EsDep,
    status: Annotated[list[str] | None, Query(description="new, acknowledged, verified, dismissed")] = None,
    type: Annotated[list[str] | None, Query(description="rule, spike, silence")] = None,
    rule_id: Annotated[str | None, Query(max_length=100)] = None,
    region: Annotated[str | None, Query(max_length=40, description="Kemendagri code")] = None,
    category: Annotated[str | None, Query(max_length=40)] = None,
    size: Annotated[int, Query(ge=0, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10000)] = 0,
) -> AlertList:
    """Alerts, most recently active first, filtered by status, type, rule, region or category."""
    filters: list[dict] = []
    if status:
        filters.append({"terms": {"status": status}})
    if type:
        filters.append({"terms": {"type": type}})
    if rule_id:
        filters.append({"term": {"rule_id": rule_id}})
    if region:
        filters.append({"term": {"region_codes": region}})
    if category:
        filters.append({"term": {"categories": category}})
    total, found = _repo(request, client).search(filters=filters, size=size, from_=offset)
    return AlertList(total=total, alerts=found)


@router.get("/precision")
def alert_precision(key: AnalystKey, request: Request, client: EsDep) -> dict:
    """Share of judged alerts that were verified, per rule, per category and per alert type."""
    return lifecycle.precision(_repo(request, client))


@router.get("/feedback.jsonl", response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}}})
def export_feedback(key: AnalystKey, request: Request, client: EsDep) -> StreamingResponse:
    """Verdicts as labelled JSONL (text, title, categories, stage, verdict, ...) for retraining."""
    import json

    prefix = request.app.state.settings.es.index_prefix
    rows = feedback.rows(AlertRepository(client, prefix), ArticleRepository(client, prefix))
    return StreamingResponse((json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                             media_type="application/x-ndjson",
                             headers={"Content-Disposition": 'attachment; filename="waspada-feedback.jsonl"'})


@router.get("/{alert_id}", responses={404: {"description": "No such alert"}})
def get_alert(key: AnalystKey, request: Request, client: EsDep, alert_id: AlertId) -> dict:
    """One alert with its articles and audit trail."""
    alert = _repo(request, client).get(alert_id)
    if alert is None:
        raise HTTPException(404, f"E071: no alert {alert_id!r}")
    return alert


@router.post("/{alert_id}/transition", responses={404: {"description": "No such alert"},
                                                  409: {"description": "Not allowed from the current status"}})
def transition_alert(key: AnalystKey, request: Request, client: EsDep, alert_id: AlertId, body: Transition) -> dict:
    """Acknowledge, verify, dismiss or reopen an alert; who and why go to its audit trail."""
    try:
        alert = lifecycle.transition(_repo(request, client), alert_id, body.to, by=key.name, note=body.note)
    except lifecycle.LifecycleError as exc:
        raise HTTPException(exc.status, str(exc)) from exc
    settings = request.app.state.settings
    WebhookQueue(client, settings.es.index_prefix, settings.webhook).enqueue_events(
        [("alert.status_changed", alert)])
    return alert
