"""Source-silence alerts: a source that usually publishes has gone quiet.

A source's usual rate is its item count over `silence_window_days` (from the articles index:
`published`; the crawler's `crawl_state` gives the same answer for crawl failures, see
`store.crawl_state.silent_sources`). A source publishing at least `silence_min_per_day` items a
day is silent when its newest item is older than max(silence_factor × usual gap,
silence_min_hours). One alert per silence: its id is hash(source, newest item time).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from elasticsearch import Elasticsearch

from alerts.ids import iso, stable_id, utc_now
from alerts.spikes import number_id
from store.alerts import AlertRepository, source_activity
from waspada.settings import AlertSettings


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def detect(client: Elasticsearch, prefix: str, settings: AlertSettings, now: datetime | None = None) -> list[dict]:
    now = now or utc_now()
    since = now - timedelta(days=settings.silence_window_days)
    alerts = []
    for row in source_activity(client, prefix, since=iso(since)):
        per_day = row["recent"] / settings.silence_window_days
        last = _parse(row["last_published"])
        if per_day < settings.silence_min_per_day or last is None:
            continue
        hours = (now - last).total_seconds() / 3600
        limit = max(settings.silence_factor * 24 / per_day, settings.silence_min_hours)
        if hours < limit:
            continue
        alert_id = stable_id("silence", row["source"], iso(last))
        text = (f"Sumber {row['name'] or row['source']} tidak menerbitkan apa pun selama "
                f"{number_id(round(hours, 1))} jam; "
                f"biasanya {number_id(round(per_day, 1))} item per hari")
        alerts.append({
            "id": alert_id, "type": "silence", "status": "new", "story_key": alert_id, "title": text,
            "explanation": text, "sources": [row["source"]], "article_ids": [], "articles": [], "categories": [],
            "region_codes": [], "hits": 0,
            "silence": {"source": row["source"], "last_item": iso(last), "usual_per_day": round(per_day, 2),
                        "hours_silent": round(hours, 1)},
            "created": iso(now), "updated": iso(now), "first_seen": iso(now), "last_seen": iso(last),
            "history": [],
        })
    return alerts


def run(client: Elasticsearch, prefix: str, settings: AlertSettings, now: datetime | None = None,
        refresh: bool | str = False) -> list[tuple[str, dict]]:
    alerts = detect(client, prefix, settings, now)
    results = dict(AlertRepository(client, prefix, refresh=refresh).record_episodes(alerts, ("silence",)))
    by_id = {a["id"]: a for a in alerts}
    return [("alert.created", by_id[a]) for a, r in results.items() if r == "created"]
