"""Atom and JSON feeds of rules and saved searches: parse with feedparser, stable ids, ETag / 304."""

from __future__ import annotations

import feedparser

from store.articles import ArticleRepository
from tests.alerts.conftest import make_article


def _seed(settings, es_client, tmp_path):
    docs = [make_article("f1", "Bentrok warga di Sebatik", published="2026-11-18T02:00:00Z", categories=["boundary"]),
            make_article("f2", "Bentrok susulan di Sebatik", published="2026-11-19T02:00:00Z",
                         categories=["boundary"]),
            make_article("f3", "Panen raya di Malinau", published="2026-11-19T03:00:00Z", categories=[])]
    with ArticleRepository(es_client, settings.es.index_prefix).writer(tmp_path / "spool",
                                                                       refresh="wait_for") as writer:
        writer.add_many(docs)
    return docs


def test_rule_feed_atom_and_json_with_key_in_query_and_etag(client, keys, settings, es_client, tmp_path):
    docs = _seed(settings, es_client, tmp_path)
    rule = client.post("/rules", json={"name": "Bentrok Sebatik", "params": {"q": "bentrok"}},
                       headers={"X-API-Key": keys["analyst"]}).json()
    assert client.get(f"/feeds/rules/{rule['id']}.atom").status_code == 401
    atom = client.get(f"/feeds/rules/{rule['id']}.atom", params={"api_key": keys["consumer"]})
    assert atom.status_code == 200 and atom.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(atom.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Waspada: Bentrok Sebatik"
    assert [e.title for e in parsed.entries] == ["Bentrok susulan di Sebatik", "Bentrok warga di Sebatik"]
    assert [e.id for e in parsed.entries] == [f"urn:waspada:article:{docs[1]['id']}",
                                              f"urn:waspada:article:{docs[0]['id']}"]
    assert keys["consumer"] not in atom.text  # the key is never echoed into the feed

    tag, modified = atom.headers["etag"], atom.headers["last-modified"]
    again = client.get(f"/feeds/rules/{rule['id']}.atom", params={"api_key": keys["consumer"]},
                       headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    since = client.get(f"/feeds/rules/{rule['id']}.atom", headers={"X-API-Key": keys["consumer"],
                                                                  "If-Modified-Since": modified})
    assert since.status_code == 304
    stale = client.get(f"/feeds/rules/{rule['id']}.atom", headers={"X-API-Key": keys["consumer"],
                                                                  "If-None-Match": 'W/"old"'})
    assert stale.status_code == 200

    as_json = client.get(f"/feeds/rules/{rule['id']}.json", headers={"X-API-Key": keys["consumer"]})
    # feedparser 6.0 does not read JSON Feed: check the JSON Feed 1.1 required members directly
    feed = as_json.json()
    assert as_json.headers["content-type"].startswith("application/feed+json")
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"] == "Waspada: Bentrok Sebatik"
    assert [item["id"] for item in feed["items"]] == [e.id for e in parsed.entries]
    assert all(isinstance(item["id"], str) and item["content_text"] for item in feed["items"])
    assert feed["items"][0]["tags"] == ["Batas wilayah"]
    assert as_json.headers["etag"] != tag

    # a new matching article changes the validators: the reader gets the new entry
    with ArticleRepository(es_client, settings.es.index_prefix).writer(tmp_path / "spool",
                                                                       refresh="wait_for") as writer:
        writer.add(make_article("f4", "Bentrok ketiga di Sebatik", published="2026-11-20T02:00:00Z"))
    changed = client.get(f"/feeds/rules/{rule['id']}.atom", params={"api_key": keys["consumer"]},
                         headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert feedparser.parse(changed.content).entries[0].title == "Bentrok ketiga di Sebatik"
    assert client.get("/feeds/rules/nope.atom", params={"api_key": keys["consumer"]}).status_code == 404


def test_saved_search_feed(client, keys, settings, es_client, tmp_path):
    _seed(settings, es_client, tmp_path)
    response = client.get("/feeds/search.atom", params={"q": "panen", "api_key": keys["consumer"]})
    parsed = feedparser.parse(response.content)
    assert [e.title for e in parsed.entries] == ["Panen raya di Malinau"]
    assert client.get("/feeds/search.rss", params={"api_key": keys["consumer"]}).status_code == 404
