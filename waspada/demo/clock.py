"""The demo clock: the scenario's day 0 plays faster than real time, and never runs ahead of it.

At start the clock reads `live_from` (06:00 WITA) of day 0 and runs `speed` times faster than
real time until it catches up with the real clock, then follows it. Day 0 is today when the
real local time is already past the last day-0 item, else yesterday, so every item is dated in
the past (the crawler's high-water marks, "last 24 hours" queries and spike buckets all see a
plausible past, never a future article).

`resume_or_start()` keeps the clock in a state file (WASPADA_HOME/demo/clock.json): a restart
continues the same demo day where it stopped instead of replaying it, because the crawler's
high-water marks and the index already hold what was served (a replayed article would be older
than the mark and never fetched again). A clock whose day 0 is older than yesterday starts anew.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

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

    def reading_at(self, real: datetime) -> datetime:
        """What the clock reads at real time `real`."""
        with self._lock:
            virtual = self.start + (real - self.started) * self.speed
        return min(real, virtual).astimezone(WITA)

    def now(self) -> datetime:
        return self.reading_at(_utcnow())

    def to_json(self) -> dict:
        return {"day0": self.day0.isoformat(), "start": self.start.isoformat(), "speed": self.speed,
                "started": self.started.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> DemoClock:
        return cls(day0=date.fromisoformat(data["day0"]), start=datetime.fromisoformat(data["start"]),
                   speed=float(data["speed"]), started=datetime.fromisoformat(data["started"]))

    def is_live(self) -> bool:
        """True while the demo clock still runs faster than the real one."""
        return self.now() < _utcnow().astimezone(WITA) - timedelta(seconds=1)

    def real_seconds_until(self, when: datetime) -> float:
        """Real seconds until the demo clock reads `when` (0 when already past)."""
        with self._lock:
            virtual_gap = (when - self.start).total_seconds()
        real_at = self.started + timedelta(seconds=max(0.0, virtual_gap) / self.speed)
        return max(0.0, (max(real_at, when) - _utcnow()).total_seconds())


def resume_or_start(state_file: Path, live_from: time, last_live: time, speed: float, *, fresh: bool = False,
                    now: datetime | None = None) -> DemoClock:
    """The saved clock continued at its current reading (new speed from here on), or a new one; saved."""
    now = now or _utcnow()
    clock = None
    if not fresh and state_file.exists():
        try:
            saved = DemoClock.from_json(json.loads(state_file.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError):
            saved = None  # unreadable state: start anew
        if saved is not None and saved.day0 >= now.astimezone(WITA).date() - timedelta(days=1):
            clock = DemoClock(day0=saved.day0, start=saved.reading_at(now), speed=max(speed, 1.0), started=now)
    if clock is None:
        clock = DemoClock.for_scenario(live_from, last_live, speed, now=now)
    state_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = state_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(clock.to_json()), encoding="utf-8")
    tmp.replace(state_file)
    return clock
