"""API keys: create (the key is shown once), list and revoke. Admin only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request

from api.auth import AdminKey, forget_keys, key_store
from api.schemas_search import KeyCreate, KeyCreated, KeyPublic
from store.keys import ApiKeyError

router = APIRouter(prefix="/keys", tags=["keys"])


def _public(key) -> KeyPublic:
    return KeyPublic(id=key.id, name=key.name, role=key.role, created=key.created, revoked=key.revoked,
                     rate_limit_per_minute=key.rate_limit_per_minute)


@router.get("", response_model=list[KeyPublic])
def list_keys(admin: AdminKey, request: Request) -> list[KeyPublic]:
    """Every key (without secrets), revoked ones included."""
    return [_public(k) for k in key_store(request).list()]


@router.post("", response_model=KeyCreated, status_code=201)
def create_key(admin: AdminKey, request: Request, body: KeyCreate) -> KeyCreated:
    """A new key; the response is the only time the key itself is shown."""
    try:
        key, plain = key_store(request).create(body.name, body.role, body.rate_limit_per_minute)
    except ApiKeyError as exc:
        raise HTTPException(422, str(exc)) from exc
    return KeyCreated(**_public(key).model_dump(), key=plain)


@router.delete("/{key_id}", response_model=KeyPublic, responses={404: {"description": "No such key"}})
def revoke_key(admin: AdminKey, request: Request,
               key_id: Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description="The key's id")]) -> KeyPublic:
    """Revoke a key; it stops working at once in this process."""
    try:
        key = key_store(request).revoke(key_id)
    except ApiKeyError as exc:
        raise HTTPException(404, str(exc)) from exc
    forget_keys(request)
    return _public(key)
