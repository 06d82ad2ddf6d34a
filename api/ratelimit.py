"""Per-key rate limits: a token bucket per API key, answering how long to wait when a key is over its limit.

`RateLimiter` is the interface the API uses (`acquire(key, per_minute) -> seconds to wait or 0`);
`TokenBucketLimiter` keeps buckets in this process. A Redis-backed limiter for several API
workers implements the same method (e.g. a Lua script doing the same arithmetic) and is set
on `app.state.limiter`.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol


class RateLimiter(Protocol):
    def acquire(self, key: str, per_minute: int, burst: int | None = None) -> float:
        """Take one token for `key`; 0 when allowed, else the seconds until a token is available."""
        ...


class TokenBucketLimiter:
    """In-process token buckets: `per_minute` tokens refill per minute, up to `burst` (default `per_minute`)."""

    def __init__(self, clock=time.monotonic, max_keys: int = 100_000):
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # key → (tokens, last refill time)
        self._lock = threading.Lock()
        self._max_keys = max_keys

    def acquire(self, key: str, per_minute: int, burst: int | None = None) -> float:
        if per_minute <= 0:
            return 0.0
        capacity = float(burst or per_minute)
        rate = per_minute / 60.0
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._store(key, tokens - 1.0, now)
                return 0.0
            self._store(key, tokens, now)
            return (1.0 - tokens) / rate

    def _store(self, key: str, tokens: float, now: float) -> None:
        if key not in self._buckets and len(self._buckets) >= self._max_keys:
            self._buckets.clear()  # bounded memory; a cleared bucket starts full, which only errs on allowing
        self._buckets[key] = (tokens, now)
