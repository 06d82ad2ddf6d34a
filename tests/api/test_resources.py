"""Article detail, region summaries and source health against a real node."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jsonschema
from fastapi.testclient import TestClient

from store.crawl_state import record_run
from tests.api.test_exports import FEATURE_COLLECTION


def test_article_detail_has_entities_cues_and_same_story(reader):
    body = reader.get("/articles/a1").json()
    assert body["title"] == "Tawuran pemuda di Tarakan"
    assert {a["normalized"] for a in body["actors"]} == {"polres tarakan", "warga sebengkok"}
    assert body["conflict"]["cues"][0]["label"] == "tawuran"
    assert body["entities"]["ORG"] == ["Polres Tarakan", "Warga Sebengkok"]
    assert [o["id"] for o in body["same_story"]] == ["a2"]
    assert reader.get("/articles/a5").json()["same_story"] == []
    missing = reader.get("/articles/nope")
    assert missing.status_code == 404 and "E058" in missing.json()["detail"]


def test_region_summary_counts_per_regency(reader):
    body = reader.get("/regions/summary", params={"level": "regency", "parent": "65"}).json()
    rows = {r["code"]: r for r in body["regions"]}
    assert rows["65.71"]["articles"] == 2 and rows["65.71"]["incidents"] == 2
    assert rows["65.71"]["max_intensity"] == 2 and rows["65.71"]["risk_band"] in {"Rawan", "Sangat Rawan"}
    assert rows["65.03"]["articles"] == 2 and rows["65.02"]["risk_band"] == "Aman"
    assert rows["65.71"]["name"]  # names from the Kemendagri reference tables
    assert set(rows) >= {"65.01", "65.02", "65.03", "65.04", "65.71"}
    in_period = reader.get("/regions/summary", params={"date_from": "2024-12-01"}).json()
    assert {r["code"]: r["articles"] for r in in_period["regions"]}["65.01"] == 0


def test_region_summary_per_district_as_geojson(reader):
    response = reader.get("/regions/summary", params={"level": "district", "parent": "65.71", "format": "geojson"})
    assert response.headers["content-type"].startswith("application/geo+json")
    data = response.json()
    jsonschema.validate(data, FEATURE_COLLECTION)
    by_code = {f["properties"]["code"]: f for f in data["features"]}
    assert by_code["65.71.02"]["properties"]["articles"] == 2
    assert by_code["65.71.02"]["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    assert reader.get("/regions/summary", params={"level": "district", "parent": "65.71.02"}).status_code == 400
    assert reader.get("/regions/summary", params={"parent": "x"}).status_code == 400


def test_source_health_reports_silence(settings, es_client, keys):
    now = datetime.now(timezone.utc)
    prefix = settings.es.index_prefix
    record_run(es_client, "fresh", prefix=prefix, started=now, reason="finished", items=5, errors=0,
               newest_item=now - timedelta(hours=3))
    record_run(es_client, "quiet", prefix=prefix, started=now, reason="finished", items=0, errors=0,
               newest_item=now - timedelta(days=10))
    record_run(es_client, "broken", prefix=prefix, started=now, reason="shutdown", items=0, errors=4,
               last_error="HTTP 503")
    from api.main import create_app

    client = TestClient(create_app(settings), headers={"X-API-Key": keys["analyst"]})
    rows = {r["source"]: r for r in client.get("/sources/health").json()}
    assert rows["fresh"]["silent"] is False and rows["fresh"]["last_success"]
    assert rows["quiet"]["silent"] is True and rows["quiet"]["days_silent"] >= 9.9
    assert rows["broken"]["silent"] is True and rows["broken"]["last_error"] == "HTTP 503"
    assert {r["source"] for r in client.get("/sources/health", params={"silent_only": True}).json()} == {"quiet", "broken"}
