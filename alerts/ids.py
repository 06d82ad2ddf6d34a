"""Deterministic ids: the same hit, spike episode or event always gets the same id (replays are no-ops)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:24]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
