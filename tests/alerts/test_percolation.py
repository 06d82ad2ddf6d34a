"""Rules percolate each newly indexed article once, in the indexing path; stories group into one alert."""

from __future__ import annotations

from alerts.rules import AlertPercolator, RuleCreate, save_rule
from store.alerts import AlertRepository
from store.articles import ArticleRepository
from store.rules import RuleRepository
from store.search import SearchParams
from tests.alerts.conftest import make_article


def _index(es_client, index_prefix, tmp_path, docs, listener):
    repo = ArticleRepository(es_client, index_prefix)
    with repo.writer(tmp_path / "spool", listeners=[listener], refresh="wait_for") as writer:
        writer.add_many(docs)
    return writer


def test_rule_fires_once_per_matching_article_and_never_for_others(es_client, index_prefix, tmp_path):
    rules = RuleRepository(es_client, index_prefix)
    land = save_rule(rules, RuleCreate(name="Sengketa lahan sawit", params=SearchParams(q="sengketa lahan",
                                                                                        category=["resource"])),
                     owner="analis")
    save_rule(rules, RuleCreate(name="Risiko tinggi Nunukan", params=SearchParams(region=["65.03"]), min_risk=70),
              owner="analis")
    percolator = AlertPercolator(es_client, index_prefix, refresh="wait_for")
    docs = [
        make_article("a1", "Sengketa lahan sawit di Bulungan memanas", categories=["resource"]),
        make_article("a2", "Warga Tanjung Palas protes sengketa lahan perusahaan", categories=["resource"]),
        make_article("a3", "Sengketa lahan dibahas dalam rapat pilkada", categories=["election"]),
        make_article("a4", "Festival budaya Iraw Tengkayu", categories=[], stage="none", risk=5),
        make_article("a5", "Bentrok warga di Nunukan", categories=["communal_violence"], regency="65.03", risk=65),
    ]
    _index(es_client, index_prefix, tmp_path, docs, percolator)
    alerts = AlertRepository(es_client, index_prefix)
    alerts.refresh_index()
    total, found = alerts.search(filters=[{"term": {"rule_id": land.id}}])
    assert total == 2
    assert sorted(a["article_ids"][0] for a in found) == sorted([docs[0]["id"], docs[1]["id"]])
    assert all(a["status"] == "new" and a["type"] == "rule" for a in found)
    all_total, _ = alerts.search()
    assert all_total == 2  # a5 is below the second rule's minimum risk (65 < 70)

    # re-indexing the same articles updates them: the listener is not called, no new hits
    writer = _index(es_client, index_prefix, tmp_path, docs, percolator)
    assert writer.stats.updated == 5 and writer.stats.created == 0
    # a replayed batch (the listener called again with the same documents) records nothing new
    results = percolator.process(docs[:2])
    assert [r for _, r in results] == ["noop", "noop"]
    alerts.refresh_index()
    assert alerts.search()[0] == 2
    assert {a["hits"] for a in alerts.search()[1]} == {1}


def test_story_carried_by_three_outlets_makes_one_alert(es_client, index_prefix, tmp_path):
    rules = RuleRepository(es_client, index_prefix)
    rule = save_rule(rules, RuleCreate(name="Blokade jalan", params=SearchParams(q="blokade")), owner="analis")
    events: list[tuple[str, dict]] = []
    percolator = AlertPercolator(es_client, index_prefix, sinks=[events.extend], refresh="wait_for")
    story = [make_article(f"s{i}", f"Warga blokade jalan tambang di Malinau ({src})", source=src, cluster_id="c-42")
             for i, src in enumerate(["teraskaltara", "tribunkaltara", "kaltarakini"])]
    _index(es_client, index_prefix, tmp_path, story[:1], percolator)
    _index(es_client, index_prefix, tmp_path, story[1:], percolator)
    alerts = AlertRepository(es_client, index_prefix)
    alerts.refresh_index()
    total, found = alerts.search(filters=[{"term": {"rule_id": rule.id}}])
    assert total == 1
    alert = found[0]
    assert alert["hits"] == 3
    assert sorted(alert["sources"]) == ["kaltarakini", "teraskaltara", "tribunkaltara"]
    assert [a["source"] for a in alert["articles"]] == ["teraskaltara", "tribunkaltara", "kaltarakini"]
    assert [e[0] for e in events] == ["alert.created", "alert.updated"]
