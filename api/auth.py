"""Who is calling: API keys with roles, and the per-key rate limit, as FastAPI dependencies.

A key comes in the `X-API-Key` header, as `Authorization: Bearer <key>`, or as the `api_key`
query parameter (for feed readers). Roles are ordered consumer < analyst < admin; a route
declares the lowest role it needs with one of the aliases below:

    @router.get("/alerts")
    def list_alerts(key: AnalystKey): ...

No key or an unknown/revoked key → 401; a key with too low a role → 403; over the key's rate
limit → 429 with `Retry-After`.
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader, APIKeyQuery, HTTPAuthorizationCredentials, HTTPBearer

from api.deps import es_client
from store.keys import ROLES, ApiKey, KeyStore

_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="API key")
_bearer = HTTPBearer(auto_error=False, description="API key as a bearer token")
_query = APIKeyQuery(name="api_key", auto_error=False, description="API key as a query parameter (feeds)")

BOOTSTRAP = ApiKey(id="bootstrap", name="WASPADA_API_BOOTSTRAP_ADMIN_KEY", role="admin", created="")


class _KeyCache:
    """Verified keys for a few seconds, so a request does not always cost a GET on Elasticsearch."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, ApiKey | None]] = {}
        self._lock = threading.Lock()

    def get(self, plain: str, ttl: float) -> tuple[bool, ApiKey | None]:
        with self._lock:
            hit = self._items.get(plain)
        if hit and time.monotonic() - hit[0] < ttl:
            return True, hit[1]
        return False, None

    def put(self, plain: str, key: ApiKey | None) -> None:
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()
            self._items[plain] = (time.monotonic(), key)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def key_store(request: Request) -> KeyStore:
    return KeyStore(es_client(request), request.app.state.settings.es.index_prefix)


def forget_keys(request: Request) -> None:
    """Drop cached keys (after a revocation through the API)."""
    cache = getattr(request.app.state, "key_cache", None)
    if cache is not None:
        cache.clear()


def _presented_key(header: str | None, bearer: HTTPAuthorizationCredentials | None, query: str | None) -> str | None:
    if header:
        return header.strip()
    if bearer and bearer.credentials:
        return bearer.credentials.strip()
    if query:
        return query.strip()
    return None


def current_key(
    request: Request,
    header: Annotated[str | None, Security(_header)] = None,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)] = None,
    query: Annotated[str | None, Security(_query)] = None,
) -> ApiKey:
    """The verified key of this request (401 otherwise), after charging its rate limit (429)."""
    plain = _presented_key(header, bearer, query)
    unauthorized = {"WWW-Authenticate": 'Bearer realm="waspada"'}
    if not plain:
        raise HTTPException(401, "E054: an API key is required: send X-API-Key, Authorization: Bearer, or ?api_key=",
                            headers=unauthorized)
    settings = request.app.state.settings.api
    key: ApiKey | None
    if settings.bootstrap_admin_key and hmac.compare_digest(plain.encode(), settings.bootstrap_admin_key.encode()):
        key = BOOTSTRAP
    else:
        cache = _cache(request)
        cached, key = cache.get(plain, settings.key_cache_seconds)
        if not cached:
            key = key_store(request).verify(plain)
            cache.put(plain, key)
    if key is None:
        raise HTTPException(401, "E055: unknown or revoked API key; ask an admin for a new one", headers=unauthorized)
    _charge(request, key)
    request.state.api_key = key
    return key


def _cache(request: Request) -> _KeyCache:
    cache = getattr(request.app.state, "key_cache", None)
    if cache is None:
        cache = request.app.state.key_cache = _KeyCache()
    return cache


def _charge(request: Request, key: ApiKey) -> None:
    settings = request.app.state.settings.api
    per_minute = key.rate_limit_per_minute or settings.rate_limit_per_minute
    limiter = getattr(request.app.state, "limiter", None)
    if limiter is None or per_minute <= 0:
        return
    wait = limiter.acquire(key.id, per_minute, settings.rate_limit_burst or None)
    if wait > 0:
        raise HTTPException(429, f"E056: rate limit of {per_minute} requests per minute exceeded for key {key.id}; "
                                 "retry after the given seconds", headers={"Retry-After": str(max(1, math.ceil(wait)))})


def require_role(role: str):
    """A dependency that lets through keys of `role` or higher (403 for lower roles)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")

    def dependency(key: Annotated[ApiKey, Depends(current_key)]) -> ApiKey:
        if not key.allows(role):
            raise HTTPException(403, f"E057: this endpoint needs the {role} role; key {key.id} has {key.role}")
        return key

    dependency.__name__ = f"require_{role}"
    return dependency


ConsumerKey = Annotated[ApiKey, Depends(require_role("consumer"))]
AnalystKey = Annotated[ApiKey, Depends(require_role("analyst"))]
AdminKey = Annotated[ApiKey, Depends(require_role("admin"))]
