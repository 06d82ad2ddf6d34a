"""The daily digest as a web page and as JSON (consumer role), the same content as the email."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from alerts import digest as digests
from api.auth import ConsumerKey
from api.deps import EsDep
from store.subscribers import SubscriberRepository

router = APIRouter(prefix="/digests", tags=["digests"])
Day = Annotated[date, Path(description="Local date (YYYY-MM-DD)")]
SubscriberQuery = Annotated[str | None, Query(max_length=100, description="Use this subscriber's filters")]


def _build(request: Request, client, day: date, subscriber_id: str | None) -> dict:
    settings = request.app.state.settings
    subscriber = None
    if subscriber_id:
        subscriber = SubscriberRepository(client, settings.es.index_prefix).get(subscriber_id)
        if subscriber is None:
            raise HTTPException(404, f"E086: no subscriber {subscriber_id!r}")
    return digests.build(client, settings.es.index_prefix, settings.alerts, day, subscriber)


@router.get("/{day}.json")
def digest_json(key: ConsumerKey, request: Request, client: EsDep, day: Day,
                subscriber_id: SubscriberQuery = None) -> dict:
    """One day's digest as data."""
    return _build(request, client, day, subscriber_id)


@router.get("/{day}", response_class=HTMLResponse)
def digest_page(key: ConsumerKey, request: Request, client: EsDep, day: Day,
                subscriber_id: SubscriberQuery = None) -> HTMLResponse:
    """One day's digest as a web page (Indonesian)."""
    return HTMLResponse(digests.render_html(_build(request, client, day, subscriber_id)))
