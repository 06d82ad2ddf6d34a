"""`waspada run`: the whole service in one supervised process.

Order of start: Elasticsearch (local when ES_URL is empty) → templates → spool replay →
reference data → jobs (crawls per source on their schedule, alert checks and due digests,
webhook delivery, spool replay) → the API and UI. SIGTERM or Ctrl-C stops the API, lets each job
finish its step (a running crawl gets SIGTERM, stores what it has and closes its job directory)
and exits; the next start picks up from the crawl state, the spool and the delivery log.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch import Elasticsearch

from waspada.settings import PROJECT_ROOT, Settings
from waspada.supervisor import Job, Supervisor

log = logging.getLogger(__name__)

CRAWL_TICK_SECONDS = 5.0


@dataclass
class CrawlSchedule:
    """When each source is due; one crawl subprocess at a time keeps a small server responsive."""

    intervals: dict[str, float]
    env: dict[str, str]
    log_dir: Path
    next_due: dict[str, float] = field(default_factory=dict)
    current: subprocess.Popen | None = None

    def due(self, now: float) -> list[str]:
        return [name for name, every in self.intervals.items() if self.next_due.get(name, 0.0) <= now]

    def run(self, stop: threading.Event) -> str | None:
        """Crawl every due source in one `waspada crawl` subprocess (a fresh Twisted reactor each time)."""
        now = time.monotonic()
        names = self.due(now)
        if not names:
            return None
        self.log_dir.mkdir(parents=True, exist_ok=True)
        args = [sys.executable, "-m", "waspada.cli", "crawl"]
        for name in names:
            args += ["--source", name]
        with (self.log_dir / "crawl.log").open("ab") as out:
            self.current = subprocess.Popen(args, cwd=PROJECT_ROOT, env=self.env, stdout=out, stderr=out)
            while self.current.poll() is None:
                if stop.wait(0.5):
                    self.current.send_signal(signal.SIGTERM)  # Scrapy stores what it has and closes
                    try:
                        self.current.wait(90)
                    except subprocess.TimeoutExpired:
                        self.current.kill()
                        self.current.wait()
        code = self.current.returncode
        finished = time.monotonic()
        for name in names:
            self.next_due[name] = finished + self.intervals[name]
        return f"crawled {', '.join(names)}: exit {code}"


def crawl_job(settings: Settings, sources_file: Path | None, interval_override: float | None = None) -> Job:
    """The job that crawls every enabled source of the registry on its interval."""
    from crawlers.sources import load_sources

    sources = load_sources(sources_file or settings.crawl.sources_file or None)
    intervals = {name: float(interval_override or source.interval or settings.crawl.interval)
                 for name, source in sources.items() if source.enabled}
    env = {**os.environ, "ES_URL": settings.es.url, "ES_INDEX_PREFIX": settings.es.index_prefix,
           "WASPADA_HOME": str(settings.paths.home), "WASPADA_QUEUE_URL": queue_url(settings)}
    if sources_file:
        env["WASPADA_CRAWL_SOURCES_FILE"] = str(sources_file)
    schedule = CrawlSchedule(intervals, env, settings.paths.home / "logs")
    return Job("crawl", CRAWL_TICK_SECONDS, schedule.run)


def spool_job(client: Elasticsearch, settings: Settings) -> Job:
    """Replay writes spooled during an outage as soon as Elasticsearch is back."""
    from waspada.runtime import replay_spool

    return Job("spool", 60.0, lambda stop: replay_spool(client, settings), initial_delay=60.0)


def ensure_reference_data(settings: Settings) -> None:
    """Install the Kemendagri reference data and gazetteer on first start."""
    from nlp import reference

    gazetteer = settings.nlp.gazetteer or reference.gazetteer_path(settings.paths.home)
    if Path(gazetteer).exists():
        return
    from waspada.commands.data import install

    log.info("reference data missing: installing it (waspada data install)")
    install(source=None, url=None)


def queue_url(settings: Settings) -> str:
    """The service's work queue: WASPADA_QUEUE_URL, else a folder under WASPADA_HOME.

    Crawl subprocesses only publish to it and the service enriches from it, so the NLP models are
    loaded once per service rather than once per crawl cycle."""
    return settings.queue.url or f"file://{(settings.paths.home / 'queue').resolve()}"


def worker_job(client: Elasticsearch, settings: Settings) -> Job:
    """The service consumes the work queue (more `waspada worker` processes may join a Redis one)."""
    import socket

    from waspada.indexing import IndexingPath
    from workers.queue import open_queue
    from workers.worker import run_worker

    queue = open_queue(queue_url(settings), stream=settings.queue.stream,
                       claim_idle_ms=settings.queue.claim_idle_ms)
    path = IndexingPath(settings, client)
    # a stable name on one machine: after a restart the service takes its own unfinished batches back
    name = f"{socket.gethostname()}-run" if not settings.queue.url else f"{socket.gethostname()}-{os.getpid()}-run"
    return Job("worker", 1.0, lambda stop: run_worker(queue, name, path.process, stop))


def build_jobs(client: Elasticsearch, settings: Settings, *, sources_file: Path | None = None,
               crawl_interval: float | None = None, crawl: bool = True) -> list[Job]:
    from alerts.schedule import supervisor_jobs

    jobs = [*supervisor_jobs(client, settings), spool_job(client, settings)]
    if crawl:
        jobs.append(crawl_job(settings, sources_file, crawl_interval))
    if crawl or settings.queue.url:
        jobs.append(worker_job(client, settings))
    return jobs


def serve_until_stopped(settings: Settings, supervisor: Supervisor, host: str, port: int) -> None:
    """Run the API in a thread; the main thread waits for SIGTERM/SIGINT, then stops everything."""
    import uvicorn

    from api.main import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(settings), host=host, port=port, log_config=None))
    thread = threading.Thread(target=server.run, name="api", daemon=True)
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        log.info("received %s: shutting down", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    supervisor.start()
    thread.start()
    log.info("Waspada is running: API and UI on http://%s:%d (UI at /ui/)", host, port)
    while not stop.wait(1.0):
        if not thread.is_alive():
            log.error("E060: the API server stopped; shutting down")
            break
    server.should_exit = True
    supervisor.stop(timeout=120)
    thread.join(30)
    log.info("stopped cleanly")
