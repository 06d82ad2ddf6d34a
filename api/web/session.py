"""Sign-in of the web UI: an API key, checked once, becomes a signed session cookie.

The cookie holds the key's id, role and name and a CSRF nonce — never the key itself — and is
signed with `WASPADA_API_SESSION_SECRET` (itsdangerous, with a timestamp checked against
`WASPADA_API_SESSION_MAX_AGE`). Every request re-reads the key record, so a revoked key ends
its sessions at once. Roles are the API's: consumer (search, read, map, trends), analyst (+ alerts
inbox, rules, digests), admin (everything). POST forms carry the nonce as `csrf` (checked here),
on top of the SameSite=Lax cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request, Response
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from api.auth import BOOTSTRAP, _charge, key_store
from store.keys import ApiKey

COOKIE = "waspada_session"
SALT = "waspada.web.session"


class WebError(Exception):
    """An error shown as an HTML page (status + a message that says what to do)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class LoginRequired(Exception):
    """No valid session: pages redirect to the sign-in form, JSON endpoints answer 401."""

    def __init__(self, next_url: str = "/ui/search", json: bool = False):
        self.next_url = next_url
        self.json = json


@dataclass(frozen=True)
class WebUser:
    """The signed-in key, as the templates see it."""

    key: ApiKey
    csrf: str

    @property
    def role(self) -> str:
        return self.key.role

    def allows(self, role: str) -> bool:
        return self.key.allows(role)


def _secret(request: Request) -> str:
    configured = request.app.state.settings.api.session_secret
    if configured:
        if len(configured) < 32:
            raise RuntimeError("E110: WASPADA_API_SESSION_SECRET must be at least 32 random characters or empty")
        return configured
    secret = getattr(request.app.state, "web_secret", None)
    if secret is None:
        secret = request.app.state.web_secret = secrets.token_urlsafe(32)
    return secret


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(_secret(request), salt=SALT)


def _fingerprint(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()[:16]


def verify_plain_key(request: Request, plain: str) -> ApiKey | None:
    """The active key for a plain API key (the bootstrap admin key included), or None."""
    plain = plain.strip()
    bootstrap = request.app.state.settings.api.bootstrap_admin_key
    if bootstrap and hmac.compare_digest(plain.encode(), bootstrap.encode()):
        return BOOTSTRAP
    return key_store(request).verify(plain) if plain else None


def start_session(request: Request, response: Response, key: ApiKey, plain: str) -> None:
    """Set the signed cookie for `key` (called after a successful sign-in)."""
    settings = request.app.state.settings.api
    payload = {"k": key.id, "c": secrets.token_urlsafe(18)}
    if key.id == BOOTSTRAP.id:
        payload["b"] = _fingerprint(plain)
    response.set_cookie(COOKIE, _serializer(request).dumps(payload), max_age=settings.session_max_age,
                        httponly=True, samesite="lax", secure=settings.session_https_only, path="/")


def end_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/")


def read_session(request: Request) -> WebUser | None:
    """The user of a valid, unexpired cookie whose key is still active; None otherwise."""
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    settings = request.app.state.settings.api
    try:
        payload = _serializer(request).loads(token, max_age=settings.session_max_age)
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("k"), str) or not payload.get("c"):
        return None
    if payload["k"] == BOOTSTRAP.id:
        boot = settings.bootstrap_admin_key
        key = BOOTSTRAP if boot and hmac.compare_digest(payload.get("b", ""), _fingerprint(boot)) else None
    else:
        key = key_store(request).get(payload["k"])
    if key is None or not key.active:
        return None
    return WebUser(key=key, csrf=payload["c"])


def _here(request: Request) -> str:
    path = request.url.path
    return path + ("?" + request.url.query if request.url.query else "")


def login_url(next_url: str) -> str:
    return "/ui/login?next=" + quote(next_url, safe="/")


def require(role: str, json: bool = False):
    """A dependency: the signed-in user with at least `role` (sign-in redirect, or 403)."""

    def dependency(request: Request) -> WebUser:
        user = read_session(request)
        if user is None:
            raise LoginRequired(_here(request), json=json)
        if not user.allows(role):
            raise WebError(403, f"E111: this page needs the {role} role; your key {user.key.id} has "
                                     f"{user.role}; ask an admin for a key with that role")
        _charge(request, user.key)
        request.state.web_user = user
        return user

    dependency.__name__ = f"web_{role}"
    return dependency


def check_csrf(user: WebUser, token: str) -> None:
    """Refuse a POST whose form does not carry this session's nonce."""
    if not token or not hmac.compare_digest(token.encode(), user.csrf.encode()):
        raise WebError(403, "E112: the form has expired or came from another site; reload the page and retry")


def safe_next(value: str | None) -> str:
    """Only local UI paths are followed after sign-in (no open redirect)."""
    if value and value.startswith("/ui/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/ui/search"


Consumer = Annotated[WebUser, Depends(require("consumer"))]
Analyst = Annotated[WebUser, Depends(require("analyst"))]
Admin = Annotated[WebUser, Depends(require("admin"))]
AnalystJson = Annotated[WebUser, Depends(require("analyst", json=True))]
