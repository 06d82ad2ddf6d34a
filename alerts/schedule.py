"""What `waspada run` (or cron, via `waspada alerts tick`) calls to keep alerts and delivery going.

- `due_digests(client, settings, now)`: the (subscriber, day) pairs whose digest is due: a
  subscriber's digest for a local day D is due from `digest_time` (local) on day D+1 and is sent
  once (`last_digest_date` remembers it).
- `send_due_digests(...)`: build, email and mark them.
- `tick(client, settings, now)`: spikes, source silence, due digests; events go to the webhook queue.
- `start_background(settings, stop)`: threads for `tick` (every minute) and the webhook worker.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from elasticsearch import Elasticsearch

from alerts import digest as digests
from alerts import silence, spikes
from alerts.delivery import smtp
from alerts.delivery.webhooks import WebhookQueue, run_worker
from alerts.ids import iso, utc_now
from store.subscribers import SubscriberRepository
from waspada.settings import Settings

log = logging.getLogger(__name__)
TICK_SECONDS = 60.0


@dataclass
class DueDigest:
    subscriber: dict
    day: date


def _send_time(value: str | None, default: str) -> time:
    try:
        hours, minutes = (value or default).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        hours, minutes = default.split(":")
        return time(int(hours), int(minutes))


def due_digests(client: Elasticsearch, settings: Settings, now: datetime | None = None) -> list[DueDigest]:
    """Subscribers whose digest of yesterday (their local time) is due and not yet sent."""
    now = now or utc_now()
    due = []
    for sub in SubscriberRepository(client, settings.es.index_prefix).list(active_only=True, with_digest=True):
        if not sub.get("email"):
            continue
        local = now.astimezone(ZoneInfo(sub.get("timezone") or settings.alerts.timezone))
        if local.time() < _send_time(sub.get("digest_time"), settings.alerts.digest_time):
            continue
        day = local.date() - timedelta(days=1)
        if (sub.get("last_digest_date") or "") >= day.isoformat():
            continue
        due.append(DueDigest(sub, day))
    return due


def send_digests(client: Elasticsearch, settings: Settings, items: list[DueDigest], *,
                 mark: bool = True) -> int:
    """Email each digest; mark the subscriber's day as sent only after the server accepted it."""
    prefix = settings.es.index_prefix
    subscribers = SubscriberRepository(client, prefix)
    sent = 0
    for item in items:
        data = digests.build(client, prefix, settings.alerts, item.day, item.subscriber)
        message = smtp.build_message(data, item.subscriber["email"], settings.smtp.sender)
        smtp.send([message], settings.smtp)
        sent += 1
        if mark:
            subscribers.mark_digest_sent(item.subscriber["id"], item.day.isoformat(), iso(utc_now()))
    return sent


def send_due_digests(client: Elasticsearch, settings: Settings, now: datetime | None = None) -> int:
    due = due_digests(client, settings, now)
    if due and not settings.smtp.host:
        log.warning("E080: %d digests are due but WASPADA_SMTP_HOST is empty; they stay on the web", len(due))
        return 0
    return send_digests(client, settings, due)


def tick(client: Elasticsearch, settings: Settings, now: datetime | None = None) -> dict[str, int]:
    """One round of the periodic work; each part fails alone (logged) so the others still run."""
    now = now or utc_now()
    prefix = settings.es.index_prefix
    queue = WebhookQueue(client, prefix, settings.webhook)
    done = {"spikes": 0, "silences": 0, "digests": 0, "queued": 0}
    for name, job in (("spikes", spikes.run), ("silences", silence.run)):
        try:
            events = job(client, prefix, settings.alerts, now)
            done[name] = len(events)
            done["queued"] += queue.enqueue_events(events)
        except Exception:  # noqa: BLE001
            log.exception("E081: %s detection failed; it runs again next tick", name)
    try:
        done["digests"] = send_due_digests(client, settings, now)
    except Exception:  # noqa: BLE001
        log.exception("E082: sending digests failed; they are retried next tick")
    return done


def start_background(client: Elasticsearch, settings: Settings, stop: threading.Event) -> list[threading.Thread]:
    """Start the tick loop and the webhook worker as daemon threads (for `waspada run`)."""

    def loop() -> None:
        while not stop.is_set():
            try:
                tick(client, settings)
            except Exception:  # noqa: BLE001 — the loop must outlive an outage
                log.exception("E081: alert tick failed; retrying in %.0fs", TICK_SECONDS)
            stop.wait(TICK_SECONDS)

    threads = [threading.Thread(target=loop, name="waspada-alerts-tick", daemon=True),
               threading.Thread(target=run_worker, name="waspada-webhooks", daemon=True,
                                args=(client, settings.es.index_prefix, settings.webhook, stop))]
    for thread in threads:
        thread.start()
    return threads


def indexing_listeners(client: Elasticsearch, settings: Settings) -> list:
    """The BulkWriter listeners of the indexing path: percolate new articles, queue their webhooks."""
    from alerts.rules import AlertPercolator

    queue = WebhookQueue(client, settings.es.index_prefix, settings.webhook)
    return [AlertPercolator(client, settings.es.index_prefix, sinks=[queue])]


def supervisor_jobs(client: Elasticsearch, settings: Settings) -> list:
    """The alert jobs for `waspada.supervisor.Supervisor` (what `waspada run` starts)."""
    from waspada.supervisor import Job

    return [Job("alerts", TICK_SECONDS, lambda stop: tick(client, settings)),
            Job("webhooks", 1.0, lambda stop: run_worker(client, settings.es.index_prefix, settings.webhook, stop))]
