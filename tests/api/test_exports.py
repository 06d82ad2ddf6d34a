"""Exports: every matching article, as CSV, NDJSON and GeoJSON that parse."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from api.routes.exports import CSV_COLUMNS
from store.articles import ArticleRepository
from tests.api.conftest import article

POINT = {"type": "object", "required": ["type", "coordinates"],
         "properties": {"type": {"const": "Point"},
                        "coordinates": {"type": "array", "minItems": 2, "maxItems": 3,
                                        "items": {"type": "number"}}}}
POLYGON = {"type": "object", "required": ["type", "coordinates"],
           "properties": {"type": {"enum": ["Polygon", "MultiPolygon"]}, "coordinates": {"type": "array"}}}
FEATURE_COLLECTION = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "geometry", "properties"],
            "properties": {"type": {"const": "Feature"},
                           "geometry": {"oneOf": [{"type": "null"}, POINT, POLYGON]},
                           "properties": {"type": ["object", "null"]}}}},
    },
}


@pytest.fixture
def many(settings, es_client, tmp_path):
    """1,234 articles: more than two export pages."""
    repo = ArticleRepository(es_client, settings.es.index_prefix)
    with repo.writer(tmp_path / "spool", refresh="wait_for") as writer:
        for i in range(1234):
            writer.add(article(f"x{i:05d}", f"=Demo warga {i}, \"kutip\"\nbaris", "Demo damai.", source="s",
                               published=f"2024-11-{1 + i % 28:02d}T10:00:00+08:00", regions=["65", "65.01"],
                               geo={"lat": 2.8 + i / 10000, "lon": 117.3}, risk=i % 100))
    return 1234


def test_csv_export_is_complete_and_parses(consumer, many):
    response = consumer.get("/exports/articles", params={"format": "csv", "q": "demo"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == many
    assert list(rows[0]) == CSV_COLUMNS
    assert len({r["id"] for r in rows}) == many
    assert all(r["title"].startswith("'=Demo") for r in rows)  # no spreadsheet formulas
    assert rows[0]["region_codes"] == "65;65.01" and float(rows[0]["lat"]) > 2


def test_ndjson_export_lines_parse(consumer, many):
    response = consumer.get("/exports/articles", params={"format": "ndjson", "min_risk": 50})
    lines = response.text.splitlines()
    docs = [json.loads(line) for line in lines]
    assert len(docs) == sum(1 for i in range(many) if i % 100 >= 50)
    assert all(d["risk"]["score"] >= 50 for d in docs)


def test_geojson_export_is_a_valid_feature_collection(consumer, many):
    response = consumer.get("/exports/articles", params={"format": "geojson", "sort": "risk"})
    assert response.headers["content-type"].startswith("application/geo+json")
    data = response.json()
    jsonschema.validate(data, FEATURE_COLLECTION)
    assert len(data["features"]) == many
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert lon == 117.3 and 2.8 <= lat < 3


def test_export_of_nothing_is_still_valid(consumer, seeded):
    data = consumer.get("/exports/articles", params={"format": "geojson", "q": "tidakadaapapun"}).json()
    jsonschema.validate(data, FEATURE_COLLECTION)
    assert data["features"] == []
    rows = list(csv.reader(io.StringIO(consumer.get("/exports/articles", params={"q": "tidakadaapapun"}).text)))
    assert rows == [CSV_COLUMNS]
    assert consumer.get("/exports/articles", params={"q": "a AND ( OR"}).status_code == 400
