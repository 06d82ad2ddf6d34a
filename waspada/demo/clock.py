"""The demo clock: the scenario's day 0 plays faster than real time, and never runs ahead of it.

At start the clock reads `live_from` (06:00 WITA) of day 0 and runs `speed` times faster than
real time until it catches up with the real clock, then follows it. Day 0 is today when the
real local time is already past the last day-0 item, else yesterday, so every item is dated in
the past (the crawler's high-water marks, "last 24 hours" queries and spike buckets all see a
plausible past, never a future article).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from waspada.demo.scenario import WITA


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class DemoClock:
    """Demo time = min(real now, start + (real now - started) x speed)."""

    day0: date
    start: datetime  # demo time when the clock started (aware)
    speed: float = 120.0
    started: datetime = field(default_factory=_utcnow)  # real time when the clock started
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def for_scenario(cls, live_from: time, last_live: time, speed: float, now: datetime | None = None) -> DemoClock:
        """A clock whose day 0 lies wholly in the past of `now` (real time)."""
        now = now or _utcnow()
        local = now.astimezone(WITA)
        day0 = local.date()
        if local.time() < last_live:
            day0 -= timedelta(days=1)
        start = datetime.combine(day0, live_from, WITA)
        return cls(day0=day0, start=start, speed=max(speed, 1.0), started=now)

    def now(self) -> datetime:
        real = _utcnow()
        with self._lock:
            virtual = self.start + (real - self.started) * self.speed
        return min(real, virtual).astimezone(WITA)

    def is_live(self) -> bool:
        """True while the demo clock still runs faster than the real one."""
        return self.now() < _utcnow().astimezone(WITA) - timedelta(seconds=1)

    def real_seconds_until(self, when: datetime) -> float:
        """Real seconds until the demo clock reads `when` (0 when already past)."""
        with self._lock:
            virtual_gap = (when - self.start).total_seconds()
        real_at = self.started + timedelta(seconds=max(0.0, virtual_gap) / self.speed)
        return max(0.0, (max(real_at, when) - _utcnow()).total_seconds())
