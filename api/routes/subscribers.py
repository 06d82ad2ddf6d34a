"""Subscribers of digests and webhooks (admin role). A webhook secret is shown once, on creation."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response
from pydantic import BaseModel, Field, field_validator

from alerts.delivery.webhooks import EVENT_TYPES, new_secret
from alerts.ids import iso, stable_id, utc_now
from api.auth import AdminKey
from api.deps import EsDep
from store.subscribers import SubscriberRepository

router = APIRouter(prefix="/subscribers", tags=["subscribers"])
SubscriberId = Annotated[str, Path(max_length=100)]
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class SubscriberCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(None, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$", description="Digest recipient")
    regions: list[str] = Field(default_factory=list, max_length=50, description="Kemendagri codes (65.01, ...)")
    categories: list[str] = Field(default_factory=list, max_length=20)
    min_risk: float | None = Field(None, ge=0, le=1000)
    digest: bool = Field(True, description="Send the daily digest (needs an email)")
    digest_time: str | None = Field(None, description="Local HH:MM; default WASPADA_ALERTS_DIGEST_TIME")
    timezone: str | None = Field(None, max_length=60, description="IANA zone; default WASPADA_ALERTS_TIMEZONE")
    webhook_url: str | None = Field(None, max_length=2000, pattern=r"^https?://", description="Receives alert events")
    webhook_events: list[str] = Field(default_factory=list, description=f"Subset of {', '.join(EVENT_TYPES)}")
    rule_ids: list[str] = Field(default_factory=list, max_length=100, description="Only alerts of these rules")
    active: bool = True

    @field_validator("digest_time")
    @classmethod
    def _time(cls, value: str | None) -> str | None:
        if value is not None and not _TIME.match(value):
            raise ValueError("E083: digest_time is HH:MM in 24-hour local time, e.g. 07:00")
        return value

    @field_validator("webhook_events")
    @classmethod
    def _events(cls, values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in EVENT_TYPES]
        if unknown:
            raise ValueError(f"E084: unknown webhook event {unknown[0]!r}; use {', '.join(EVENT_TYPES)}")
        return values

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        if value:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError("E085: unknown time zone; use an IANA name such as Asia/Makassar") from exc
        return value


def _public(sub: dict, show_secret: bool = False) -> dict:
    out = dict(sub)
    if not show_secret and out.get("webhook_secret"):
        out["webhook_secret"] = "whsec_…"
    return out


def _repo(request: Request, client) -> SubscriberRepository:
    return SubscriberRepository(client, request.app.state.settings.es.index_prefix)


@router.get("")
def list_subscribers(admin: AdminKey, request: Request, client: EsDep) -> list[dict]:
    """Every subscriber (webhook secrets hidden)."""
    return [_public(s) for s in _repo(request, client).list()]


@router.post("", status_code=201)
def create_subscriber(admin: AdminKey, request: Request, client: EsDep, body: SubscriberCreate) -> dict:
    """A new subscriber; the response shows its webhook secret (whsec_…) this one time."""
    now = iso(utc_now())
    sub = body.model_dump() | {"id": stable_id("subscriber", body.name, now), "created": now, "updated": now}
    if body.webhook_url:
        sub["webhook_secret"] = new_secret()
    _repo(request, client).put(sub)
    return _public(sub, show_secret=True)


@router.get("/{subscriber_id}", responses={404: {"description": "No such subscriber"}})
def get_subscriber(admin: AdminKey, request: Request, client: EsDep, subscriber_id: SubscriberId) -> dict:
    """One subscriber (webhook secret hidden)."""
    sub = _repo(request, client).get(subscriber_id)
    if sub is None:
        raise HTTPException(404, f"E086: no subscriber {subscriber_id!r}")
    return _public(sub)


@router.put("/{subscriber_id}", responses={404: {"description": "No such subscriber"}})
def replace_subscriber(admin: AdminKey, request: Request, client: EsDep, subscriber_id: SubscriberId,
                       body: SubscriberCreate) -> dict:
    """Change a subscriber; its webhook secret and digest bookkeeping are kept."""
    repo = _repo(request, client)
    old = repo.get(subscriber_id)
    if old is None:
        raise HTTPException(404, f"E086: no subscriber {subscriber_id!r}")
    sub = body.model_dump() | {k: old.get(k) for k in ("id", "created", "last_digest_date", "webhook_secret")}
    sub["updated"] = iso(utc_now())
    if body.webhook_url and not sub.get("webhook_secret"):
        sub["webhook_secret"] = new_secret()
    repo.put(sub)
    return _public(sub, show_secret=not old.get("webhook_secret") and bool(sub.get("webhook_secret")))


@router.delete("/{subscriber_id}", status_code=204, responses={404: {"description": "No such subscriber"}})
def delete_subscriber(admin: AdminKey, request: Request, client: EsDep, subscriber_id: SubscriberId) -> Response:
    """Remove a subscriber (no more digests or webhooks)."""
    if not _repo(request, client).delete(subscriber_id):
        raise HTTPException(404, f"E086: no subscriber {subscriber_id!r}")
    return Response(status_code=204)
