"""Volume spikes per kabupaten × conflict category, explained in Indonesian.

For each (regency_code, category), the current bucket (today in local time, or — for
`social_post` — the current hour) is compared with the mean of the trailing baseline
(`spike_baseline_days` days, or as many hours):

    spike  ⇔  count ≥ spike_min_count  and  count ≥ spike_ratio × max(expected, spike_floor)

A spike lasts while consecutive buckets are spikes; its alert id is
hash(regency, category, granularity, first bucket of the episode), so re-running the detector
while the surge lasts refreshes the figures of the same alert instead of raising a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from elasticsearch import Elasticsearch

from alerts.ids import iso, stable_id, utc_now
from store.alerts import AlertRepository, volume_histogram
from waspada.settings import AlertSettings

#: how far back an episode start is looked for (buckets)
EPISODE_LOOKBACK = 7

CATEGORY_LABELS = {
    "election": "Politik & Pemilu/Pilkada", "identity": "SARA", "resource": "Sumber daya alam & lahan",
    "boundary": "Batas wilayah", "governance": "Kebijakan & tata kelola", "labor": "Ketenagakerjaan",
    "communal_violence": "Kekerasan komunal", "security": "Keamanan, radikalisme & separatisme",
    "disinformation": "Hoaks & provokasi",
}

#: names of the home province's regencies (Kemendagri 2025 codes); other codes are shown as codes
REGENCY_NAMES = {"65.01": "Kabupaten Bulungan", "65.02": "Kabupaten Malinau", "65.03": "Kabupaten Nunukan",
                 "65.04": "Kabupaten Tana Tidung", "65.71": "Kota Tarakan"}


def regency_name(code: str | None) -> str:
    return REGENCY_NAMES.get(code or "", f"wilayah {code}" if code else "wilayah tak dikenal")


@dataclass(frozen=True)
class BucketCheck:
    count: int
    expected: float
    ratio: float
    spike: bool


def check(counts: list[int], index: int, baseline: int, settings: AlertSettings) -> BucketCheck:
    """Is bucket `index` of `counts` a spike against the `baseline` buckets before it?"""
    window = counts[max(0, index - baseline):index]
    expected = sum(window) / baseline if baseline else 0.0
    count = counts[index]
    ratio = count / max(expected, settings.spike_floor)
    spike = count >= settings.spike_min_count and ratio >= settings.spike_ratio
    return BucketCheck(count, round(expected, 2), round(ratio, 2), spike)


def episode_start(counts: list[int], baseline: int, settings: AlertSettings) -> int:
    """Index of the first bucket of the spike that includes the last bucket."""
    start = len(counts) - 1
    for i in range(len(counts) - 2, max(baseline, len(counts) - 1 - EPISODE_LOOKBACK) - 1, -1):
        if not check(counts, i, baseline, settings).spike:
            break
        start = i
    return start


def number_id(value: float) -> str:
    """Indonesian number format: 2,1 and 1.234."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def explain(count: int, expected: float, granularity: str, kind: str, regency: str, category: str) -> str:
    noun = "unggahan" if kind == "social_post" else "artikel"
    period = "jam ini" if granularity == "hour" else "hari ini"
    label = CATEGORY_LABELS.get(category, category)
    return (f"Lonjakan {label} di {regency_name(regency)}: {number_id(count)} {noun} {period} "
            f"vs {number_id(expected)} yang diperkirakan")


def _series(buckets: dict, start: datetime, step: timedelta, n: int) -> list[int]:
    keys = sorted(buckets)
    by_time = {k: buckets[k] for k in keys}
    first = int(start.timestamp() * 1000)
    step_ms = int(step.total_seconds() * 1000)
    return [by_time.get(first + i * step_ms, 0) for i in range(n)]


def detect(client: Elasticsearch, prefix: str, settings: AlertSettings, now: datetime | None = None) -> list[dict]:
    """Spike alerts for now: daily for every kind, hourly for social posts."""
    now = now or utc_now()
    tz = ZoneInfo(settings.timezone)
    local = now.astimezone(tz)
    plans = [
        ("day", None, "article", local.replace(hour=0, minute=0, second=0, microsecond=0), timedelta(days=1)),
        ("hour", ["social_post"], "social_post", local.replace(minute=0, second=0, microsecond=0),
         timedelta(hours=1)),
    ]
    alerts = []
    for granularity, kinds, kind, current, step in plans:
        baseline = settings.spike_baseline_days * (24 if granularity == "hour" else 1)
        n = baseline + EPISODE_LOOKBACK + 1
        start = current - step * (n - 1)
        end = current + step
        interval = "1d" if granularity == "day" else "1h"
        # cheap first pass: only regencies with enough items in the current bucket can spike, so the
        # long histogram (baseline + lookback buckets) is asked for those alone
        now_counts = volume_histogram(client, prefix, start=current.isoformat(), end=end.isoformat(),
                                      interval=interval, time_zone=settings.timezone, kinds=kinds)
        candidates = sorted({reg for (reg, _), buckets in now_counts.items()
                             if sum(buckets.values()) >= settings.spike_min_count})
        if not candidates:
            continue
        volumes = volume_histogram(client, prefix, start=start.isoformat(), end=end.isoformat(), interval=interval,
                                   time_zone=settings.timezone, kinds=kinds, only_regencies=candidates)
        for (regency, category), buckets in sorted(volumes.items()):
            counts = _series(buckets, start, step, n)
            last = check(counts, n - 1, baseline, settings)
            if not last.spike:
                continue
            first = start + step * episode_start(counts, baseline, settings)
            alert_id = stable_id("spike", regency, category, granularity, iso(first))
            moment = iso(now)
            alerts.append({
                "id": alert_id, "type": "spike", "status": "new", "story_key": alert_id,
                "title": explain(last.count, last.expected, granularity, kind, regency, category),
                "explanation": explain(last.count, last.expected, granularity, kind, regency, category),
                "categories": [category], "regency_code": regency, "region_codes": [regency], "hits": last.count,
                "article_ids": [], "sources": [], "articles": [],
                "spike": {"regency_code": regency, "category": category, "kind": kind, "granularity": granularity,
                          "episode_start": iso(first), "bucket": iso(current), "count": last.count,
                          "expected": last.expected, "ratio": last.ratio},
                "created": moment, "updated": moment, "first_seen": iso(first), "last_seen": iso(current),
                "history": [],
            })
    return alerts


def run(client: Elasticsearch, prefix: str, settings: AlertSettings, now: datetime | None = None,
        refresh: bool | str = False) -> list[tuple[str, dict]]:
    """Detect and record spikes; returns the events (alert.created for a new episode) to deliver."""
    alerts = detect(client, prefix, settings, now)
    repo = AlertRepository(client, prefix, refresh=refresh)
    results = dict(repo.record_episodes(alerts, ("spike", "title", "explanation", "hits", "last_seen")))
    by_id = {a["id"]: a for a in alerts}
    return [("alert.created", by_id[a]) for a, r in results.items() if r == "created"]
