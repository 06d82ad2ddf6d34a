"""Signed webhook delivery (Standard Webhooks), retried with exponential backoff, dead letters kept.

Indexing never waits for a receiver: the percolation listener only *queues* one delivery per
(event, subscriber) in the `webhook_deliveries` index and wakes the worker. `deliver_due()` sends
what is due; `run_worker()` is the loop `waspada run` starts in a thread.

Signing follows https://www.standardwebhooks.com: headers `webhook-id`, `webhook-timestamp`
(Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the
key = base64-decoded secret after its `whsec_` prefix.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from datetime import datetime, timedelta

import httpx
from elasticsearch import Elasticsearch

from alerts.ids import iso, stable_id, utc_now
from store.deliveries import DeliveryRepository
from store.subscribers import SubscriberRepository
from waspada.settings import WebhookSettings

log = logging.getLogger(__name__)

SECRET_PREFIX = "whsec_"
EVENT_TYPES = ("alert.created", "alert.updated", "alert.status_changed")
DUE_PAGE = 100  # deliveries fetched per round

#: set by the indexing path when deliveries were queued, so the worker sends them at once
WAKE = threading.Event()


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def sign(secret: str, msg_id: str, timestamp: int, body: str) -> str:
    """The `webhook-signature` header value for one message."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("E061: webhook secrets start with whsec_; generate one with POST /subscribers")
    key = base64.b64decode(secret[len(SECRET_PREFIX):])
    digest = hmac.new(key, f"{msg_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def alert_payload(alert: dict) -> dict:
    """The public part of an alert sent to receivers (no audit trail)."""
    keep = ("id", "type", "status", "rule_id", "rule_name", "title", "explanation", "articles", "sources",
            "hits", "categories", "stage", "risk", "regency_code", "region_codes", "first_seen", "last_seen",
            "spike", "silence", "verdict")
    return {k: alert[k] for k in keep if alert.get(k) is not None}


def wants(subscriber: dict, event_type: str, alert: dict) -> bool:
    """Does this subscriber's filter (events, rules, regions, categories, min risk) take the alert?"""
    if not subscriber.get("active", True) or not subscriber.get("webhook_url"):
        return False
    if subscriber.get("webhook_events") and event_type not in subscriber["webhook_events"]:
        return False
    if subscriber.get("rule_ids") and alert.get("rule_id") not in subscriber["rule_ids"]:
        return False
    if subscriber.get("regions"):
        codes = set(alert.get("region_codes") or []) | {alert.get("regency_code")}
        if not codes & set(subscriber["regions"]):
            return False
    if subscriber.get("categories") and alert.get("type") in ("rule", "spike"):
        if not set(alert.get("categories") or []) & set(subscriber["categories"]):
            return False
    if subscriber.get("min_risk") and alert.get("type") == "rule":
        if (alert.get("risk") or 0) < subscriber["min_risk"]:
            return False
    return True


def event_id(event_type: str, alert: dict) -> str:
    """Stable per event: the same alert growing to the same size is the same message."""
    return "msg_" + stable_id(event_type, alert["id"], alert.get("hits"), alert.get("status"), alert.get("updated"))


class WebhookQueue:
    """Queue events for subscribers and deliver them; one instance per worker or listener."""

    def __init__(self, client: Elasticsearch, prefix: str = "", settings: WebhookSettings | None = None,
                 refresh: bool | str = True):
        self.settings = settings or WebhookSettings()
        self.deliveries = DeliveryRepository(client, prefix, refresh=refresh)
        self.subscribers = SubscriberRepository(client, prefix)
        self._http: httpx.Client | None = None

    # --- queueing (called from the indexing path: must be quick) ----------------------------------------------------

    def enqueue_events(self, events: list[tuple[str, dict]]) -> int:
        """One pending delivery per (event, interested subscriber); wakes the worker."""
        if not events:
            return 0
        subscribers = self.subscribers.list(active_only=True, with_webhook=True)
        now = iso(utc_now())
        rows = []
        for event_type, alert in events:
            msg_id = event_id(event_type, alert)
            payload = json.dumps({"type": event_type, "timestamp": now, "data": alert_payload(alert)},
                                 ensure_ascii=False, separators=(",", ":"), default=str)
            for sub in subscribers:
                if wants(sub, event_type, alert):
                    rows.append({"id": stable_id(msg_id, sub["id"]), "event_id": msg_id, "event_type": event_type,
                                 "alert_id": alert["id"], "subscriber_id": sub["id"], "url": sub["webhook_url"],
                                 "payload": payload, "status": "pending", "attempts": 0, "next_attempt_at": now,
                                 "created": now, "enqueued_at": now, "log": []})
        created = self.deliveries.enqueue(rows)
        if created:
            WAKE.set()
        return created

    __call__ = enqueue_events  # an AlertSink

    # --- delivering (the worker) ------------------------------------------------------------------------------------

    @property
    def http(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(timeout=self.settings.timeout, follow_redirects=False)
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def deliver_due(self, now: datetime | None = None) -> dict[str, int]:
        """Send every due delivery once; returns counts by outcome (delivered, retry, dead)."""
        now = now or utc_now()
        outcome = {"delivered": 0, "retry": 0, "dead": 0}
        secrets_by_sub: dict[str, str | None] = {}
        for delivery, seq_no, term in self.deliveries.due(iso(now), size=DUE_PAGE):
            lease = iso(now + timedelta(seconds=self.settings.timeout * 3))
            if not self.deliveries.claim(delivery, seq_no, term, lease):
                continue  # another worker took it
            sub_id = delivery["subscriber_id"]
            if sub_id not in secrets_by_sub:
                sub = self.subscribers.get(sub_id)
                secrets_by_sub[sub_id] = (sub or {}).get("webhook_secret")
            outcome[self._attempt(delivery, secrets_by_sub[sub_id])] += 1
        return outcome

    def _attempt(self, delivery: dict, secret: str | None) -> str:
        started = time.perf_counter()
        at = utc_now()
        status_code: int | None = None
        error: str | None = None
        if not secret:
            error = "E062: the subscriber is gone or has no webhook secret"
        else:
            timestamp = int(time.time())
            headers = {"content-type": "application/json", "webhook-id": delivery["event_id"],
                       "webhook-timestamp": str(timestamp),
                       "webhook-signature": sign(secret, delivery["event_id"], timestamp, delivery["payload"]),
                       "user-agent": "Waspada-Webhooks/1"}
            try:
                response = self.http.post(delivery["url"], content=delivery["payload"].encode(), headers=headers)
                status_code = response.status_code
                if not 200 <= status_code < 300:
                    error = f"HTTP {status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
        delivery["attempts"] = delivery.get("attempts", 0) + 1
        delivery["last_status_code"] = status_code
        delivery["last_error"] = error
        delivery.setdefault("log", []).append({"at": iso(at), "status_code": status_code, "error": error,
                                               "ms": round((time.perf_counter() - started) * 1000, 1)})
        if error is None:
            delivery["status"] = "delivered"
            delivery["delivered_at"] = iso(utc_now())
            result = "delivered"
        elif delivery["attempts"] >= self.settings.max_attempts or not secret:
            delivery["status"] = "dead"
            result = "dead"
            log.warning("E063: webhook %s to %s failed %d times (%s); moved to the dead-letter list",
                        delivery["event_id"], delivery["url"], delivery["attempts"], error)
        else:
            delay = min(self.settings.backoff_seconds * 2 ** (delivery["attempts"] - 1),
                        self.settings.max_backoff_seconds)
            delivery["next_attempt_at"] = iso(at + timedelta(seconds=delay))
            result = "retry"
        self.deliveries.save(delivery)
        return result

    def resend(self, delivery_id: str) -> dict | None:
        """Put a (dead) delivery back in the queue with a fresh attempt budget; the log is kept."""
        delivery = self.deliveries.get(delivery_id)
        if delivery is None:
            return None
        delivery.update(status="pending", attempts=0, next_attempt_at=iso(utc_now()), last_error=None)
        self.deliveries.save(delivery)
        WAKE.set()
        return delivery


def run_worker(client: Elasticsearch, prefix: str, settings: WebhookSettings, stop: threading.Event,
               wake: threading.Event | None = None) -> None:
    """Deliver until `stop` is set: at once when woken by the indexing path, else every poll interval."""
    wake = wake or WAKE
    queue = WebhookQueue(client, prefix, settings, refresh=False)
    try:
        while not stop.is_set():
            wake.clear()
            try:
                while sum(queue.deliver_due().values()) >= DUE_PAGE and not stop.is_set():
                    pass  # a full page was due: drain the backlog before sleeping
            except Exception:  # noqa: BLE001 — keep the worker alive through an Elasticsearch outage
                log.exception("E064: webhook delivery round failed; retrying in %.0fs", settings.poll_seconds)
            wake.wait(settings.poll_seconds)
    finally:
        queue.close()
