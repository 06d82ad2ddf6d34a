"""Spike alerts: a seeded surge raises one alert (not repeated while it lasts), steady volume none."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alerts import silence, spikes
from alerts.spikes import check, episode_start
from store.alerts import AlertRepository
from store.articles import ArticleRepository
from tests.alerts.conftest import make_article
from waspada.settings import AlertSettings

NOW = datetime(2026, 11, 20, 6, 0, tzinfo=timezone.utc)  # 14:00 WITA


def test_bucket_check_uses_the_trailing_mean_and_thresholds():
    settings = AlertSettings(spike_baseline_days=4, spike_min_count=5, spike_ratio=3.0)
    assert check([2, 2, 2, 2, 12], 4, 4, settings).spike
    assert check([2, 2, 2, 2, 12], 4, 4, settings).expected == 2.0
    assert not check([2, 2, 2, 2, 4], 4, 4, settings).spike        # below the minimum count
    assert not check([4, 4, 4, 4, 8], 4, 4, settings).spike        # only twice the baseline
    assert episode_start([1, 1, 1, 1, 9, 12], 4, settings) == 4   # the surge began yesterday


def _seed(es_client, prefix, tmp_path, per_day: dict[tuple[str, str], list[int]], tag: str = ""):
    """per_day[(regency, category)] = counts for the days ending today (last = today)."""
    docs = []
    for (regency, category), counts in per_day.items():
        for back, n in enumerate(reversed(counts)):
            day = NOW - timedelta(days=back)
            for i in range(n):
                docs.append(make_article(f"{tag}{regency}-{category}-{back}-{i}", f"Berita {category} {i}",
                                         categories=[category], regency=regency,
                                         published=day - timedelta(minutes=5 * i)))
    with ArticleRepository(es_client, prefix).writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add_many(docs)


def test_seeded_surge_raises_one_spike_and_steady_volume_none(es_client, index_prefix, tmp_path):
    settings = AlertSettings()
    steady = [2] * 15
    surge = [2, 1, 2, 2, 3, 2, 1, 2, 2, 3, 2, 2, 2, 1, 12]
    _seed(es_client, index_prefix, tmp_path, {("65.01", "resource"): surge, ("65.71", "resource"): steady,
                                              ("65.03", "labor"): steady})
    events = spikes.run(es_client, index_prefix, settings, NOW, refresh="wait_for")
    assert len(events) == 1
    alert = events[0][1]
    assert alert["spike"]["regency_code"] == "65.01" and alert["spike"]["category"] == "resource"
    assert alert["spike"]["count"] == 12 and alert["spike"]["expected"] == 1.93
    assert alert["explanation"] == ("Lonjakan Sumber daya alam & lahan di Kabupaten Bulungan: "
                                    "12 artikel hari ini vs 1,9 yang diperkirakan")
    # the surge goes on: the same episode, refreshed, no new alert
    _seed(es_client, index_prefix, tmp_path, {("65.01", "resource"): [3]}, tag="more")  # three more today
    later = NOW + timedelta(hours=1)
    assert spikes.run(es_client, index_prefix, settings, later, refresh="wait_for") == []
    repo = AlertRepository(es_client, index_prefix)
    repo.refresh_index()
    total, found = repo.search(filters=[{"term": {"type": "spike"}}])
    assert total == 1
    assert found[0]["spike"]["count"] == 15 and found[0]["id"] == alert["id"]


def test_hourly_spike_for_social_posts(es_client, index_prefix, tmp_path):
    settings = AlertSettings(spike_baseline_days=2)
    docs = [make_article(f"p{i}", "Provokasi di grup", categories=["disinformation"], kind="social_post",
                         published=NOW + timedelta(minutes=i)) for i in range(8)]
    docs += [make_article(f"q{h}", "Unggahan biasa", categories=["disinformation"], kind="social_post",
                          published=NOW - timedelta(hours=h)) for h in range(2, 40, 3)]
    with ArticleRepository(es_client, index_prefix).writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add_many(docs)
    found = [a for a in spikes.detect(es_client, index_prefix, settings, NOW) if a["spike"]["granularity"] == "hour"]
    assert len(found) == 1
    assert found[0]["explanation"].endswith("8 unggahan jam ini vs 0,3 yang diperkirakan")


def test_source_that_usually_publishes_and_went_quiet_is_reported_once(es_client, index_prefix, tmp_path):
    settings = AlertSettings()
    docs = [make_article(f"busy{d}-{i}", "Berita harian", source="busy",
                         published=NOW - timedelta(days=d + 3, hours=i))
            for d in range(20) for i in range(3)]
    docs += [make_article(f"live{d}-{i}", "Berita harian", source="live",
                          published=NOW - timedelta(days=d, hours=i + 1))
             for d in range(20) for i in range(3)]
    docs += [make_article(f"rare{d}", "Berita mingguan", source="rare", published=NOW - timedelta(days=7 * d + 5))
             for d in range(4)]
    with ArticleRepository(es_client, index_prefix).writer(tmp_path / "spool", refresh="wait_for") as writer:
        writer.add_many(docs)
    events = silence.run(es_client, index_prefix, settings, NOW, refresh="wait_for")
    assert [e[1]["silence"]["source"] for e in events] == ["busy"]
    assert "biasanya 2,1 item per hari" in events[0][1]["explanation"]
    assert silence.run(es_client, index_prefix, settings, NOW + timedelta(hours=2), refresh="wait_for") == []
