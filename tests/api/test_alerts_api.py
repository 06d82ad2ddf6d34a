"""The alerts API end to end on a real node: rules, the inbox and lifecycle, precision, feedback, digests,
subscribers and the webhook dead-letter list, each behind its role."""

from __future__ import annotations

import json
from datetime import timedelta

from alerts.delivery.webhooks import WebhookQueue
from alerts.ids import utc_now
from alerts.rules import AlertPercolator
from store.articles import ArticleRepository
from tests.alerts.conftest import Receiver, make_article


def _index(settings, es_client, tmp_path, docs):
    prefix = settings.es.index_prefix
    listener = AlertPercolator(es_client, prefix, sinks=[WebhookQueue(es_client, prefix, settings.webhook)],
                               refresh="wait_for")
    with ArticleRepository(es_client, prefix).writer(tmp_path / "spool", listeners=[listener],
                                                     refresh="wait_for") as writer:
        writer.add_many(docs)


def test_rules_alerts_lifecycle_precision_and_feedback(client, keys, settings, es_client, tmp_path):
    analyst = {"X-API-Key": keys["analyst"]}
    rule_body = {"name": "Sengketa lahan", "params": {"q": "lahan", "category": ["resource"]}, "min_risk": 30}
    assert client.post("/rules", json=rule_body, headers={"X-API-Key": keys["consumer"]}).status_code == 403
    assert client.post("/rules", json=rule_body).status_code == 401
    bad = client.post("/rules", json={"name": "x", "params": {"date_from": "now-7d/d"}}, headers=analyst)
    assert bad.status_code == 422 and "E050" in bad.text
    created = client.post("/rules", json=rule_body, headers=analyst)
    assert created.status_code == 201, created.text
    rule = created.json()
    assert rule["owner"] == "test analyst" and client.get(f"/rules/{rule['id']}", headers=analyst).json() == rule

    _index(settings, es_client, tmp_path, [
        make_article("api1", "Sengketa lahan warga dan perusahaan", risk=60),
        make_article("api2", "Sengketa lahan kebun", risk=20),  # below the rule's minimum risk
        make_article("api3", "Pertandingan sepak bola", categories=[], stage="none")])
    listing = client.get("/alerts", params={"status": "new", "rule_id": rule["id"]}, headers=analyst).json()
    assert listing["total"] == 1
    alert = listing["alerts"][0]
    assert alert["title"] == "Sengketa lahan warga dan perusahaan"

    url = f"/alerts/{alert['id']}/transition"
    assert client.post(url, json={"to": "verified"}, headers=analyst).status_code == 409
    assert client.post(url, json={"to": "closed"}, headers=analyst).status_code == 422
    assert client.post(url, json={"to": "acknowledged"}, headers={"X-API-Key": keys["consumer"]}).status_code == 403
    ack = client.post(url, json={"to": "acknowledged", "note": "sedang dicek"}, headers=analyst)
    assert ack.status_code == 200, ack.text
    done = client.post(url, json={"to": "verified", "note": "benar terjadi"}, headers=analyst).json()
    assert done["status"] == "verified" and done["verdict_by"] == "test analyst"
    trail = client.get(f"/alerts/{alert['id']}", headers=analyst).json()["history"]
    assert [(h["to"], h["by"], h["note"]) for h in trail] == [("acknowledged", "test analyst", "sedang dicek"),
                                                              ("verified", "test analyst", "benar terjadi")]
    es_client.indices.refresh(index=f"{settings.es.index_prefix}alerts")
    precision = client.get("/alerts/precision", headers=analyst).json()
    assert precision["rules"][rule["id"]]["precision"] == 1.0
    exported = client.get("/alerts/feedback.jsonl", headers=analyst)
    assert exported.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in exported.text.splitlines()]
    assert [(r["title"], r["verdict"], r["categories"], r["stage"]) for r in rows] == [
        ("Sengketa lahan warga dan perusahaan", "verified", ["resource"], "tension")]
    assert client.delete(f"/rules/{rule['id']}", headers=analyst).status_code == 204
    assert client.get(f"/rules/{rule['id']}", headers=analyst).status_code == 404


def test_subscribers_webhook_dead_letters_and_resend(client, keys, settings, es_client, tmp_path):
    admin = {"X-API-Key": keys["admin"]}
    receiver = Receiver()
    receiver.thread.start()
    try:
        body = {"name": "Posko Kaltara", "webhook_url": receiver.url, "regions": ["65.01"]}
        assert client.post("/subscribers", json=body, headers={"X-API-Key": keys["analyst"]}).status_code == 403
        sub = client.post("/subscribers", json=body, headers=admin).json()
        assert sub["webhook_secret"].startswith("whsec_")
        assert client.get(f"/subscribers/{sub['id']}", headers=admin).json()["webhook_secret"] == "whsec_…"
        assert client.post("/subscribers", json=body | {"digest_time": "7 pagi"}, headers=admin).status_code == 422

        client.post("/rules", json={"name": "Demo", "params": {"q": "demo"}}, headers={"X-API-Key": keys["analyst"]})
        settings.webhook.max_attempts = 1
        receiver.codes = [503, 204]
        _index(settings, es_client, tmp_path, [make_article("wh1", "Demo buruh di Tanjung Selor")])
        queue = WebhookQueue(es_client, settings.es.index_prefix, settings.webhook)
        assert queue.deliver_due() == {"delivered": 0, "retry": 0, "dead": 1}
        dead = client.get("/webhooks/dead-letters", headers=admin).json()
        assert len(dead) == 1 and dead[0]["last_status_code"] == 503
        assert client.get("/webhooks/dead-letters", headers={"X-API-Key": keys["analyst"]}).status_code == 403
        resent = client.post(f"/webhooks/deliveries/{dead[0]['id']}/resend", headers=admin)
        assert resent.status_code == 200 and resent.json()["status"] == "pending"
        assert queue.deliver_due(utc_now() + timedelta(seconds=1)) == {"delivered": 1, "retry": 0, "dead": 0}
        assert client.get("/webhooks/dead-letters", headers=admin).json() == []
        log = client.get("/webhooks/deliveries", params={"status": "delivered"}, headers=admin).json()[0]["log"]
        assert [entry["status_code"] for entry in log] == [503, 204]
        queue.close()
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()


def test_digest_page_and_json(client, keys, settings, es_client, tmp_path):
    _index(settings, es_client, tmp_path, [
        make_article("dg1", "Konflik tapal batas Malinau", categories=["boundary"], regency="65.02",
                     published="2026-11-19T03:00:00Z")])
    consumer = {"X-API-Key": keys["consumer"]}
    data = client.get("/digests/2026-11-19.json", headers=consumer).json()
    assert data["tanggal"] == "Kamis, 19 November 2026"
    assert [a["title"] for a in data["articles"]] == ["Konflik tapal batas Malinau"]
    page = client.get("/digests/2026-11-19", headers=consumer)
    assert page.headers["content-type"].startswith("text/html")
    assert "Konflik tapal batas Malinau" in page.text and "Batas wilayah" in page.text
    assert client.get("/digests/2026-11-18.json", headers=consumer).json()["articles"] == []
    assert client.get("/digests/19-11-2026.json", headers=consumer).status_code == 422
