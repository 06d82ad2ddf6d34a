"""Templates, versioned indices and aliases against a real node."""

from __future__ import annotations

import json
import uuid

from store.indices import MAPPINGS_DIR, apply_templates, delete_prefixed, load_specs


def test_every_template_is_strict_and_versioned():
    specs = load_specs()
    assert {s.alias for s in specs} >= {"articles"}
    for spec in specs:
        assert spec.body["template"]["mappings"]["dynamic"] == "strict", spec.name
        assert spec.version >= 1


def test_templates_apply_twice_without_change(es_client):
    prefix = f"t{uuid.uuid4().hex[:10]}-"
    try:
        first = apply_templates(es_client, prefix=prefix, replicas=0)
        second = apply_templates(es_client, prefix=prefix, replicas=0)
        assert first.changed
        assert f"alias {prefix}articles → {prefix}articles-v1" in first.changes
        assert not second.changed, second.changes
        assert es_client.indices.get_alias(name=f"{prefix}articles") == {f"{prefix}articles-v1": {"aliases": {f"{prefix}articles": {}}}}
    finally:
        delete_prefixed(es_client, prefix)


def test_mapping_change_creates_next_version_and_moves_alias(es_client, tmp_path):
    prefix = f"t{uuid.uuid4().hex[:10]}-"
    body = json.loads((MAPPINGS_DIR / "articles.json").read_text())
    (tmp_path / "articles.json").write_text(json.dumps(body))
    try:
        apply_templates(es_client, prefix=prefix, replicas=0, directory=tmp_path)
        es_client.index(index=f"{prefix}articles", id="a1", document={"id": "a1", "title": "Rapat koordinasi"},
                        refresh=True)
        body["version"] = 2
        body["template"]["mappings"]["properties"]["summary"]["fields"] = {"exact": {"type": "text"}}
        (tmp_path / "articles.json").write_text(json.dumps(body))
        report = apply_templates(es_client, prefix=prefix, replicas=0, directory=tmp_path)
        assert f"reindexed {prefix}articles-v1 → {prefix}articles-v2; alias {prefix}articles moved" in report.changes
        assert list(es_client.indices.get_alias(name=f"{prefix}articles")) == [f"{prefix}articles-v2"]
        assert es_client.get(index=f"{prefix}articles", id="a1")["_source"]["title"] == "Rapat koordinasi"
    finally:
        delete_prefixed(es_client, prefix)
