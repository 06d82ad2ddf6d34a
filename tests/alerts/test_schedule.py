"""`tick`: one periodic round raises a seeded spike once and queues its webhook for the worker."""

from __future__ import annotations

import threading
from datetime import timedelta

from standardwebhooks.webhooks import Webhook

from alerts.delivery.webhooks import new_secret, run_worker
from alerts.schedule import tick
from store.subscribers import SubscriberRepository
from tests.alerts.test_spikes import NOW, _seed


def test_tick_raises_spike_once_and_worker_delivers_it(es_client, index_prefix, tmp_path, settings, receiver):
    secret = new_secret()
    SubscriberRepository(es_client, index_prefix).put({"id": "posko", "name": "Posko", "webhook_url": receiver.url,
                                                       "webhook_secret": secret, "active": True,
                                                       "regions": ["65.01"]})
    _seed(es_client, index_prefix, tmp_path, {("65.01", "labor"): [1] * 14 + [9]})
    first = tick(es_client, settings, NOW)
    assert first == {"spikes": 1, "silences": 0, "digests": 0, "queued": 1}
    es_client.indices.refresh(index=f"{index_prefix}alerts")
    assert tick(es_client, settings, NOW + timedelta(minutes=1))["spikes"] == 0

    stop, wake = threading.Event(), threading.Event()
    settings.webhook.poll_seconds = 0.2
    worker = threading.Thread(target=run_worker, args=(es_client, index_prefix, settings.webhook, stop, wake))
    worker.start()
    try:
        request = receiver.wait_for(1)[0]
    finally:
        stop.set()
        wake.set()
        worker.join(10)
    payload = Webhook(secret).verify(request["body"], request["headers"])
    assert payload["type"] == "alert.created" and payload["data"]["type"] == "spike"
    assert payload["data"]["explanation"].endswith("9 artikel hari ini vs 1 yang diperkirakan")


def test_supervisor_runs_the_alert_jobs_and_stops_them(es_client, settings, index_prefix, receiver):
    from alerts.schedule import supervisor_jobs
    from waspada.supervisor import Supervisor

    settings.webhook.poll_seconds = 0.2
    supervisor = Supervisor(jobs=supervisor_jobs(es_client, settings))
    supervisor.start()
    try:
        import time as _time

        deadline = _time.monotonic() + 20
        while supervisor.states["alerts"].runs == 0 and _time.monotonic() < deadline:
            _time.sleep(0.1)
    finally:
        supervisor.stop(timeout=20)
    assert supervisor.states["alerts"].runs >= 1 and supervisor.states["alerts"].failures == 0
    assert "spikes" in supervisor.states["alerts"].last_result
    assert supervisor.states["webhooks"].failures == 0
