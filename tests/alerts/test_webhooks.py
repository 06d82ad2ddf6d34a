"""Signed webhook delivery to a real receiver: signatures verify, 500s are retried, failures go dead."""

from __future__ import annotations

import json
from datetime import timedelta

from standardwebhooks.webhooks import Webhook

from alerts.delivery.webhooks import WebhookQueue, new_secret, sign
from alerts.ids import utc_now
from alerts.rules import AlertPercolator, RuleCreate, save_rule
from store.articles import ArticleRepository
from store.rules import RuleRepository
from store.search import SearchParams
from store.subscribers import SubscriberRepository
from tests.alerts.conftest import make_article
from waspada.settings import WebhookSettings


def _subscribe(es_client, prefix, url, **extra):
    secret = new_secret()
    SubscriberRepository(es_client, prefix).put({"id": "sub-1", "name": "Posko Bulungan", "webhook_url": url,
                                                 "webhook_secret": secret, "active": True, **extra})
    return secret


def _fire(es_client, prefix, tmp_path, queue, docs):
    rules = RuleRepository(es_client, prefix)
    if not rules.list():
        save_rule(rules, RuleCreate(name="Bentrok", params=SearchParams(q="bentrok")), owner="analis")
    percolator = AlertPercolator(es_client, prefix, sinks=[queue], refresh="wait_for")
    with ArticleRepository(es_client, prefix).writer(tmp_path / "spool", listeners=[percolator]) as writer:
        writer.add_many(docs)


def test_signature_matches_the_standard_webhooks_reference():
    secret = new_secret()
    body = '{"type":"alert.created"}'
    timestamp = int(utc_now().timestamp())
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(timestamp),
               "webhook-signature": sign(secret, "msg_1", timestamp, body)}
    assert Webhook(secret).verify(body, headers) == {"type": "alert.created"}


def test_alert_event_arrives_signed_and_verifies(es_client, index_prefix, tmp_path, receiver):
    secret = _subscribe(es_client, index_prefix, receiver.url, regions=["65.01"])
    queue = WebhookQueue(es_client, index_prefix, WebhookSettings(backoff_seconds=0.01))
    _fire(es_client, index_prefix, tmp_path, queue,
          [make_article("w1", "Bentrok warga di Tanjung Selor"),
           make_article("w2", "Bentrok di Nunukan", regency="65.03"),  # outside the subscriber's region
           make_article("w3", "Pasar murah di Tarakan")])
    assert queue.deliver_due() == {"delivered": 1, "retry": 0, "dead": 0}
    request = receiver.wait_for(1)[0]
    payload = Webhook(secret).verify(request["body"], request["headers"])
    assert payload["type"] == "alert.created"
    assert payload["data"]["title"] == "Bentrok warga di Tanjung Selor"
    assert request["headers"]["webhook-id"].startswith("msg_")
    # tampering is detected by the receiver's library
    tampered = request["body"].replace("Tanjung Selor", "Tarakan")
    try:
        Webhook(secret).verify(tampered, request["headers"])
        raise AssertionError("tampered body verified")
    except Exception as exc:  # noqa: BLE001 — the library raises WebhookVerificationError
        assert "signature" in str(exc).lower()
    assert queue.deliveries.list(status="delivered")[0]["attempts"] == 1


def test_receiver_500_is_retried_then_permanent_failure_is_dead_lettered(es_client, index_prefix, tmp_path,
                                                                          receiver):
    secret = _subscribe(es_client, index_prefix, receiver.url)
    settings = WebhookSettings(backoff_seconds=1, max_attempts=3)
    queue = WebhookQueue(es_client, index_prefix, settings)
    receiver.codes = [500, 204]
    _fire(es_client, index_prefix, tmp_path, queue, [make_article("r1", "Bentrok antarkelompok pemuda")])
    assert queue.deliver_due() == {"delivered": 0, "retry": 1, "dead": 0}
    # the retry is not due yet; it is after the backoff
    assert queue.deliver_due() == {"delivered": 0, "retry": 0, "dead": 0}
    later = utc_now() + timedelta(seconds=5)
    assert queue.deliver_due(later) == {"delivered": 1, "retry": 0, "dead": 0}
    requests = receiver.wait_for(2)
    assert [r["code"] for r in requests] == [500, 204]
    assert requests[0]["headers"]["webhook-id"] == requests[1]["headers"]["webhook-id"]
    for r in requests:
        Webhook(secret).verify(r["body"], r["headers"])
    delivered = queue.deliveries.list(status="delivered")[0]
    assert [entry["status_code"] for entry in delivered["log"]] == [500, 204]

    # a receiver that always fails: three attempts, then the dead-letter list; re-send delivers
    receiver.codes = [500, 500, 500]
    _fire(es_client, index_prefix, tmp_path, queue, [make_article("r2", "Bentrok di perbatasan desa")])
    moment = utc_now()
    outcomes = []
    for step in range(3):
        outcomes.append(queue.deliver_due(moment + timedelta(seconds=10 * step)))
    assert outcomes == [{"delivered": 0, "retry": 1, "dead": 0}, {"delivered": 0, "retry": 1, "dead": 0},
                        {"delivered": 0, "retry": 0, "dead": 1}]
    dead = queue.deliveries.list(status="dead")
    assert len(dead) == 1 and dead[0]["attempts"] == 3 and dead[0]["last_status_code"] == 500
    assert json.loads(dead[0]["payload"])["data"]["title"] == "Bentrok di perbatasan desa"
    queue.resend(dead[0]["id"])
    assert queue.deliver_due() == {"delivered": 1, "retry": 0, "dead": 0}
    assert queue.deliveries.list(status="dead") == []
    queue.close()
