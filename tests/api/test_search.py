"""Article search against a real node: every filter, facet, the user syntax and hostile input."""

from __future__ import annotations

import pytest


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {h["id"] for h in response.json()["hits"]}


@pytest.mark.parametrize(("params", "expected"), [
    ({"source": "kaltara-news"}, {"a2", "a3"}),
    ({"source": ["kaltara-news", "telegram-x"]}, {"a2", "a3", "a6"}),
    ({"region": "65.71"}, {"a1", "a2"}),
    ({"region": "65.03.10"}, {"a6"}),
    ({"region": "65"}, {"a1", "a2", "a3", "a4", "a5", "a6", "a7"}),
    ({"actor": "polres tarakan"}, {"a1", "a2"}),
    ({"actor": "KPU Nunukan"}, {"a4"}),
    ({"actor_type": "company"}, {"a3"}),
    ({"category": "communal_violence"}, {"a1", "a2"}),
    ({"category": "identity"}, {"a7"}),
    ({"stage": "tension"}, {"a3", "a6", "a7"}),
    ({"min_intensity": 2}, {"a1", "a2"}),
    ({"min_risk": 60}, {"a1", "a2", "a7"}),
    ({"sentiment": "positive"}, {"a5"}),
    ({"language": "en"}, {"a6"}),
    ({"kind": "post"}, {"a6"}),
    ({"date_from": "2024-12-03", "date_to": "2024-12-04T23:59:59+08:00"}, {"a2", "a7"}),
    ({"date_to": "2024-11-01"}, {"a5"}),
    ({"date_from": "now-30d/d"}, set()),
    ({"stage": "tension", "sentiment": "negative"}, {"a3", "a7"}),
])
def test_each_filter_selects_the_known_documents(reader, params, expected):
    assert ids(reader.get("/articles/search", params={**params, "size": 50})) == expected


def test_facets_count_each_filter_field(reader):
    body = reader.get("/articles/search", params={"facet": "all", "size": 0, "interval": "month"}).json()
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in body["facets"].items()}
    assert body["total"] == 7 and body["hits"] == []
    assert facets["source"] == {"kaltara-news": 2, "tarakan-post": 2, "nunukan-today": 2, "telegram-x": 1}
    assert facets["region"]["65"] == 7 and facets["region"]["65.71"] == 2 and facets["region"]["65.03"] == 2
    assert facets["actor"]["polres tarakan"] == 2  # nested: articles, not mentions
    assert facets["actor_type"] == {"security": 2, "community": 2, "company": 1, "election_body": 1}
    assert facets["category"]["communal_violence"] == 2 and facets["category"]["identity"] == 1
    assert facets["stage"] == {"tension": 3, "incident": 2, "prevention": 1, "none": 1}
    assert facets["sentiment"] == {"negative": 4, "neutral": 2, "positive": 1}
    assert facets["language"] == {"id": 6, "en": 1}
    assert facets["kind"] == {"article": 6, "post": 1}
    assert sum(facets["risk_band"].values()) == 7
    assert facets["histogram"] == {"2024-10-01T00:00:00.000+08:00": 1, "2024-11-01T00:00:00.000+08:00": 2,
                                   "2024-12-01T00:00:00.000+08:00": 4}


def test_facets_follow_the_filters(reader):
    body = reader.get("/articles/search", params={"facet": ["source", "stage"], "region": "65.71"}).json()
    assert {v["value"]: v["count"] for v in body["facets"]["source"]} == {"tarakan-post": 1, "kaltara-news": 1}
    assert set(body["facets"]) == {"source", "stage"}


@pytest.mark.parametrize(("q", "expected"), [
    ("berkelahi", {"a1", "a2"}),            # stemming: berkelahi ~ perkelahian
    ("perkelahian", {"a1", "a2"}),
    ('"kelompok pemuda"', {"a1"}),            # phrase on the exact field
    ('"pemuda kelompok"', set()),
    ("tarakan -tawuran", {"a2"}),             # must not
    ("+sawit +warga", {"a3"}),                # must
    ("sawit OR panen", {"a3", "a5"}),
    ("(sawit OR panen) malinau", {"a5"}),
    ("", {"a1", "a2", "a3", "a4", "a5", "a6", "a7"}),
])
def test_user_query_syntax(reader, q, expected):
    assert ids(reader.get("/articles/search", params={"q": q, "size": 50})) == expected


def test_highlights_and_hit_fields(reader):
    hit = reader.get("/articles/search", params={"q": "sawit"}).json()["hits"][0]
    assert hit["id"] == "a3" and "<mark>" in hit["highlight"]["title"][0]
    assert hit["categories"] == ["resource"] and hit["stage"] == "tension" and hit["risk_score"] == 50
    assert hit["region_codes"] == ["65", "65.01", "65.01.05"]
    plain = reader.get("/articles/search", params={"q": "sawit", "highlight": False}).json()["hits"][0]
    assert plain["highlight"] == {}


@pytest.mark.parametrize(("sort", "first"), [("newest", "a6"), ("risk", "a1")])
def test_sort_orders(reader, sort, first):
    hits = reader.get("/articles/search", params={"sort": sort, "size": 50}).json()["hits"]
    assert hits[0]["id"] == first
    if sort == "risk":
        scores = [h["risk_score"] for h in hits]
        assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("params", [
    {"q": '{"query": {"match_all": {}}}'},
    {"q": '{"bool":{"must":[]}}'},
    {"q": "title:("},
    {"q": "a AND ( OR"},
    {"q": "tawuran )("},
    {"q": "x" * 5000},
    {"q": "taw\x00uran"},
    {"q": '"unclosed phrase'},
    {"size": 100000},
    {"size": -1},
    {"min_intensity": 9},
    {"min_risk": "lots"},
    {"date_from": "yesterday"},
    {"date_from": "2024-13-45"},
    {"date_from": "2024-12-10", "date_to": "2024-12-01"},
    {"date_from": "now-7d/d||+1d"},
    {"sort": "_script"},
    {"facet": "text"},
    {"interval": "fortnight"},
    {"cursor": "not-a-cursor"},
    {"cursor": "eyJ2IjoxfQ"},
    {"region": "x" * 300},
    {"source": ["s"] * 60},
])
def test_hostile_input_is_a_4xx_with_a_message(reader, params):
    response = reader.get("/articles/search", params=params)
    assert 400 <= response.status_code < 500, (params, response.status_code, response.text)
    assert response.json()["detail"]


def test_hostile_text_that_is_only_words_is_answered(reader):
    for q in ["title: tawuran", "a && b || !c", "~tawuran*", "tawuran^99", "\\", "-", "+", "*", "AND tawuran OR"]:
        response = reader.get("/articles/search", params={"q": q})
        assert response.status_code in (200, 400), (q, response.text)
