"""Pure search-body builders: filters, percolator-safe query, cursors, facets (no cluster needed)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from store.queries import QueryError
from store.search import (Cursor, SearchParams, build_query, build_search_body, decode_cursor, facet_aggs,
                          read_facets)


def test_build_query_is_plain_json_with_one_clause_per_filter():
    params = SearchParams(q="tawuran", region=["65.71"], actor=["polres tarakan"], stage=["incident"],
                          date_from="now-7d/d", min_intensity=2, min_risk=50)
    query = build_query(params)
    json.dumps(query)  # storable as a percolator query
    filters = query["bool"]["filter"]
    assert {"terms": {"region_codes": ["65.71"]}} in filters
    assert any("nested" in f and f["nested"]["path"] == "actors" for f in filters)
    assert {"range": {"conflict.intensity": {"gte": 2}}} in filters
    assert any(f.get("range", {}).get("published", {}).get("gte") == "now-7d/d" for f in filters)
    assert query["bool"]["must"][0]["simple_query_string"]["quote_field_suffix"] == ".exact"


def test_empty_params_match_everything():
    assert build_query(SearchParams()) == {"bool": {"must": [{"match_all": {}}], "filter": []}}


@pytest.mark.parametrize("bad", [{"q": "a\x00b"}, {"date_from": "kemarin"}, {"region": ["x" * 300]},
                                 {"source": ["s"] * 51}, {"min_intensity": 4}, {"raw": {"match_all": {}}},
                                 {"date_from": "2024-12-10", "date_to": "2024-12-01"}])
def test_invalid_params_are_refused(bad):
    with pytest.raises(ValidationError):
        SearchParams(**bad)


def test_cursor_round_trip_and_binding_to_its_search():
    params = SearchParams(q="demo")
    token = Cursor(sort="newest", fp=params.fingerprint(), upper="2024-12-01T00:00:00Z", after=[1, "a"]).encode()
    assert decode_cursor(token, params, "newest").after == [1, "a"]
    with pytest.raises(QueryError, match="E037"):
        decode_cursor(token, SearchParams(q="lain"), "newest")
    with pytest.raises(QueryError, match="E036"):
        decode_cursor("%%%", params, "newest")
    body = build_search_body(params, sort="newest", cursor=decode_cursor(token, params, "newest"))
    assert body["search_after"] == [1, "a"] and body["sort"][-1] == {"id": "asc"}
    assert any("indexed" in json.dumps(f) for f in body["query"]["bool"]["filter"])


def test_page_size_and_sort_are_bounded():
    with pytest.raises(QueryError):
        build_search_body(SearchParams(), size=1000)
    with pytest.raises(QueryError):
        build_search_body(SearchParams(), sort="_script")


def test_actor_facet_is_nested_and_counts_articles():
    aggs = facet_aggs(["actor", "stage"], "day")
    assert aggs["actor"]["nested"] == {"path": "actors"}
    assert "reverse_nested" in aggs["actor"]["aggs"]["values"]["aggs"]["articles"]
    result = {"actor": {"values": {"buckets": [{"key": "kpu", "doc_count": 5, "articles": {"doc_count": 2}}]}},
              "stage": {"buckets": [{"key": "incident", "doc_count": 3}]},
              "histogram": {"buckets": [{"key_as_string": "2024-12-01", "doc_count": 1}]}}
    assert read_facets(result) == {"actor": [{"value": "kpu", "count": 2}], "stage": [{"value": "incident", "count": 3}],
                                   "histogram": [{"value": "2024-12-01", "count": 1}]}
