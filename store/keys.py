"""API keys: created once (the plain key is shown only then), stored hashed, looked up by a prefix id.

A key reads `wsp_<id>_<secret>`: `id` (12 hex characters) is the document id in the `api-keys`
alias and is safe to show and log; only `sha256(key)` is stored. Verification is one GET by id
and a constant-time comparison of hashes. Roles are ordered: consumer < analyst < admin.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from elasticsearch import Elasticsearch, NotFoundError

from store.indices import alias_name

ALIAS = "api-keys"
ROLES = ("consumer", "analyst", "admin")
KEY_PATTERN = re.compile(r"^wsp_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$")


class ApiKeyError(ValueError):
    """A key operation that cannot be done; the message says what to do."""


def role_rank(role: str) -> int:
    return ROLES.index(role)


def hash_key(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()


@dataclass(frozen=True)
class ApiKey:
    """A stored key, without its secret."""

    id: str
    name: str
    role: str
    created: str
    revoked: str | None = None
    rate_limit_per_minute: int | None = None

    @property
    def active(self) -> bool:
        return self.revoked is None

    def allows(self, role: str) -> bool:
        """Whether this key may act as `role` (higher roles include the lower ones)."""
        return role_rank(self.role) >= role_rank(role)

    @classmethod
    def from_doc(cls, doc: dict) -> ApiKey:
        return cls(id=doc["id"], name=doc.get("name", ""), role=doc["role"], created=doc["created"],
                   revoked=doc.get("revoked"), rate_limit_per_minute=doc.get("rate_limit_per_minute"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class KeyStore:
    """API keys in one cluster under an optional index prefix."""

    def __init__(self, client: Elasticsearch, prefix: str = ""):
        self.client = client
        self.alias = alias_name(ALIAS, prefix)

    def create(self, name: str, role: str, rate_limit_per_minute: int | None = None) -> tuple[ApiKey, str]:
        """A new key; returns the record and the plain key, which is never stored."""
        if role not in ROLES:
            raise ApiKeyError(f"E050: unknown role {role!r}; use one of {', '.join(ROLES)}")
        if not name.strip() or len(name) > 200:
            raise ApiKeyError("E051: give the key a name (1-200 characters) saying who uses it")
        key_id = secrets.token_hex(6)
        plain = f"wsp_{key_id}_{secrets.token_urlsafe(30)}"
        doc = {"id": key_id, "hash": hash_key(plain), "name": name.strip(), "role": role, "created": _now(),
               "revoked": None, "rate_limit_per_minute": rate_limit_per_minute}
        self.client.index(index=self.alias, id=key_id, document=doc, op_type="create", refresh="wait_for")
        return ApiKey.from_doc(doc), plain

    def get(self, key_id: str) -> ApiKey | None:
        try:
            return ApiKey.from_doc(self.client.get(index=self.alias, id=key_id)["_source"])
        except NotFoundError:
            return None

    def verify(self, plain: str) -> ApiKey | None:
        """The active key matching `plain`, or None."""
        match = KEY_PATTERN.match(plain or "")
        if not match:
            return None
        try:
            doc = self.client.get(index=self.alias, id=match.group(1))["_source"]
        except NotFoundError:
            return None
        if not hmac.compare_digest(doc.get("hash", ""), hash_key(plain)) or doc.get("revoked"):
            return None
        return ApiKey.from_doc(doc)

    def revoke(self, key_id: str) -> ApiKey:
        key = self.get(key_id)
        if key is None:
            raise ApiKeyError(f"E052: no API key with id {key_id!r}; `waspada keys list` shows the ids")
        if key.revoked:
            return key
        self.client.update(index=self.alias, id=key_id, doc={"revoked": _now()}, refresh="wait_for")
        return self.get(key_id)  # type: ignore[return-value]

    def list(self, include_revoked: bool = True) -> list[ApiKey]:
        query: dict = {"match_all": {}} if include_revoked else {
            "bool": {"must_not": {"exists": {"field": "revoked"}}}}
        found = self.client.search(index=self.alias, query=query, size=1000, sort=[{"created": "asc"}, {"id": "asc"}])
        return [ApiKey.from_doc(h["_source"]) for h in found["hits"]["hits"]]
