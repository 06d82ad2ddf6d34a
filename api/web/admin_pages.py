"""Source health (analyst) and API key management (admin) pages, through the API's route functions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from api.deps import EsDep
from api.routes.keys import create_key, list_keys, revoke_key
from api.routes.sources import sources_health
from api.schemas_search import KeyCreate
from api.web.render import page
from api.web.session import Admin, Analyst, WebError, check_csrf

router = APIRouter()


@router.get("/sources")
def sources_page(request: Request, user: Analyst, client: EsDep):
    """Every crawled source: last success, last new item, errors, and whether it went silent."""
    rows = sources_health(user.key, request, client, silent_only=False)
    return page(request, "sources.html", nav="sources", rows=rows,
                silent_days=request.app.state.settings.crawl.silent_days)


@router.get("/keys")
def keys_page(request: Request, user: Admin):
    """API keys (without secrets), a form for a new one, revocation."""
    return page(request, "keys.html", nav="keys", keys=list_keys(user.key, request), created=None)


@router.post("/keys")
def keys_create(request: Request, user: Admin, csrf: Annotated[str, Form(max_length=100)] = "",
                name: Annotated[str, Form(max_length=200)] = "",
                role: Annotated[str, Form(max_length=20)] = "consumer"):
    """Create a key and show it once (it is not stored in plain text and cannot be shown again)."""
    check_csrf(user, csrf)
    try:
        created = create_key(user.key, request, KeyCreate(name=name, role=role))  # type: ignore[arg-type]
    except ValidationError as exc:
        message = exc.errors()[0]["msg"]
        raise WebError(422, f"E118: give the key a name and a role (consumer, analyst, admin): {message}") from exc
    except HTTPException as exc:
        raise WebError(exc.status_code, str(exc.detail)) from exc
    return page(request, "keys.html", nav="keys", keys=list_keys(user.key, request), created=created)


@router.post("/keys/{key_id}/revoke")
def keys_revoke(request: Request, user: Admin, key_id: str, csrf: Annotated[str, Form(max_length=100)] = ""):
    """Revoke a key: its API calls and web sessions stop at once."""
    check_csrf(user, csrf)
    try:
        revoke_key(user.key, request, key_id[:40])
    except HTTPException as exc:
        raise WebError(exc.status_code, str(exc.detail)) from exc
    return RedirectResponse("/ui/keys", status_code=303)
