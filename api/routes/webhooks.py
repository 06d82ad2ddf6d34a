"""Webhook delivery log, dead letters and re-sending (admin role)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request

from alerts.delivery.webhooks import WebhookQueue
from api.auth import AdminKey
from api.deps import EsDep

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


def _queue(request: Request, client) -> WebhookQueue:
    settings = request.app.state.settings
    return WebhookQueue(client, settings.es.index_prefix, settings.webhook)


@router.get("/deliveries")
def list_deliveries(
    admin: AdminKey, request: Request, client: EsDep,
    status: Annotated[Literal["pending", "delivered", "dead"] | None, Query()] = None,
    subscriber_id: Annotated[str | None, Query(max_length=100)] = None,
    size: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[dict]:
    """The delivery log, newest first, with every attempt's status code and error."""
    return _queue(request, client).deliveries.list(status=status, subscriber_id=subscriber_id, size=size)


@router.get("/dead-letters")
def dead_letters(admin: AdminKey, request: Request, client: EsDep,
                 size: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict]:
    """Deliveries that failed every attempt."""
    return _queue(request, client).deliveries.list(status="dead", size=size)


@router.post("/deliveries/{delivery_id}/resend", responses={404: {"description": "No such delivery"}})
def resend(admin: AdminKey, request: Request, client: EsDep,
           delivery_id: Annotated[str, Path(max_length=100)]) -> dict:
    """Queue a delivery again with a fresh attempt budget (same webhook-id, so receivers can dedupe)."""
    delivery = _queue(request, client).resend(delivery_id)
    if delivery is None:
        raise HTTPException(404, f"E065: no delivery {delivery_id!r}; see GET /webhooks/dead-letters")
    return delivery
