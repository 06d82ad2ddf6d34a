"""`_meta.include_properties_of`: a template borrows another's mapping (percolator indices)."""

from __future__ import annotations

import json

import pytest

from store.indices import MAPPINGS_DIR, load_specs


def test_alert_rules_get_every_article_property_and_keep_their_own():
    specs = {s.name: s for s in load_specs()}
    articles = specs["articles"].body["template"]
    rules = specs["alert_rules"].body["template"]
    assert set(articles["mappings"]["properties"]) < set(rules["mappings"]["properties"])
    assert rules["mappings"]["properties"]["query"] == {"type": "percolator"}
    assert rules["mappings"]["properties"]["conflict"] == articles["mappings"]["properties"]["conflict"]
    assert rules["settings"]["analysis"] == articles["settings"]["analysis"]  # analyzers referenced by fields
    raw = json.loads((MAPPINGS_DIR / "alert_rules.json").read_text())
    assert "title" not in raw["template"]["mappings"]["properties"]  # articles.json stays the single source


def test_own_properties_win_and_unknown_source_is_an_error(tmp_path):
    base = {"index_patterns": ["a-v*"], "version": 1, "_meta": {"alias": "a"},
            "template": {"mappings": {"dynamic": "strict", "properties": {"x": {"type": "keyword"},
                                                                          "y": {"type": "text"}}}}}
    child = {"index_patterns": ["b-v*"], "version": 1, "_meta": {"alias": "b", "include_properties_of": "a"},
             "template": {"mappings": {"dynamic": "strict", "properties": {"y": {"type": "keyword"}}}}}
    (tmp_path / "a.json").write_text(json.dumps(base))
    (tmp_path / "b.json").write_text(json.dumps(child))
    merged = {s.name: s for s in load_specs(tmp_path)}["b"].body["template"]["mappings"]["properties"]
    assert merged == {"x": {"type": "keyword"}, "y": {"type": "keyword"}}
    base["version"] = 2  # a new version of the included mapping gives the includer a new index version
    (tmp_path / "a.json").write_text(json.dumps(base))
    assert {s.name: s.version for s in load_specs(tmp_path)} == {"a": 2, "b": 2}
    child["version"] = 2
    (tmp_path / "b.json").write_text(json.dumps(child))
    assert {s.name: s.version for s in load_specs(tmp_path)} == {"a": 2, "b": 3}
    child["_meta"]["include_properties_of"] = "missing"
    (tmp_path / "b.json").write_text(json.dumps(child))
    with pytest.raises(KeyError, match="E025"):
        load_specs(tmp_path)


def test_percolator_index_accepts_queries_on_article_fields(es_client, index_prefix):
    query = {"bool": {"filter": [{"nested": {"path": "actors", "query": {"term": {"actors.type": "security"}}}},
                                 {"match_phrase": {"title.exact": "desa long"}}]}}
    es_client.index(index=f"{index_prefix}alert_rules", id="r1", refresh=True,
                    document={"rule": {"id": "r1", "enabled": True}, "query": query})
    doc = {"id": "d", "title": "Bentrok di Desa Long Bia", "actors": [{"name": "Polres", "type": "security"}]}
    found = es_client.search(index=f"{index_prefix}alert_rules",
                             query={"percolate": {"field": "query", "document": doc}})
    assert [h["_id"] for h in found["hits"]["hits"]] == ["r1"]
