"""Run periodic jobs beside the API and stop them cleanly.

`waspada run` composes the service from jobs (crawl a source, replay the spool, check spikes,
send due digests, deliver webhooks, check source health); each runs in its own thread on its
own interval. SIGTERM sets one stop event: every job finishes the step it is in (a crawl
subprocess gets SIGTERM and closes its Scrapy job directory), nothing new starts, and the state
each job keeps (high-water marks, the spool, delivery logs) lets the next start pick up where
this one stopped.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Job:
    """A function run every `interval` seconds until the service stops."""

    name: str
    interval: float
    run: Callable[[threading.Event], object]
    initial_delay: float = 0.0


@dataclass
class JobState:
    """What `waspada status` shows about a job."""

    runs: int = 0
    failures: int = 0
    last_started: str | None = None
    last_finished: str | None = None
    last_result: str | None = None
    last_error: str | None = None
    running: bool = False


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Supervisor:
    """Threads for jobs, one stop event, and a status file."""

    jobs: list[Job]
    status_file: Path | None = None
    stop_event: threading.Event = field(default_factory=threading.Event)
    states: dict[str, JobState] = field(default_factory=dict)
    _threads: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        for job in self.jobs:
            self.states[job.name] = JobState()
            thread = threading.Thread(target=self._loop, args=(job,), name=f"job-{job.name}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _loop(self, job: Job) -> None:
        if self.stop_event.wait(job.initial_delay):
            return
        while not self.stop_event.is_set():
            state = self.states[job.name]
            state.running, state.last_started = True, _now()
            self.write_status()
            began = time.monotonic()
            try:
                result = job.run(self.stop_event)
                state.last_result = None if result is None else str(result)[:500]
                state.last_error = None
            except Exception as exc:  # noqa: BLE001 — a failing job must not stop the others
                state.failures += 1
                state.last_error = f"{type(exc).__name__}: {exc}"[:500]
                log.exception("job %s failed", job.name)
            state.runs += 1
            state.running, state.last_finished = False, _now()
            self.write_status()
            elapsed = time.monotonic() - began
            if self.stop_event.wait(max(0.0, job.interval - elapsed)):
                return

    def stop(self, timeout: float = 60.0) -> None:
        """Ask every job to stop and wait for the current steps to finish."""
        self.stop_event.set()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self.write_status()

    def write_status(self) -> None:
        if not self.status_file:
            return
        with self._lock:
            self.status_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.status_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"updated": _now(), "jobs": {k: asdict(v) for k, v in self.states.items()}},
                                      indent=1))
            tmp.replace(self.status_file)
