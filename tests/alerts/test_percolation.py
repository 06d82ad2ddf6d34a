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


def test_the_shared_indexing_path_percolates_and_queues_webhooks(es_client, settings, index_prefix, receiver):
    from alerts.delivery.webhooks import new_secret
    from store.deliveries import DeliveryRepository
    from store.subscribers import SubscriberRepository
    from waspada.indexing import IndexingPath

    save_rule(RuleRepository(es_client, index_prefix), RuleCreate(name="Mogok", params=SearchParams(q="mogok")),
              owner="analis")
    SubscriberRepository(es_client, index_prefix).put({"id": "s", "name": "s", "webhook_url": receiver.url,
                                                       "webhook_secret": new_secret(), "active": True})
    path = IndexingPath(settings, es_client, enrich=False, refresh="wait_for")
    path.process([make_article("m1", "Buruh sawit mogok kerja", categories=["labor"]),
                  make_article("m2", "Pameran UMKM", categories=[])])
    path.process([make_article("m1", "Buruh sawit mogok kerja", categories=["labor"])])  # again: an update
    alerts = AlertRepository(es_client, index_prefix)
    alerts.refresh_index()
    assert alerts.search()[0] == 1
    queued = DeliveryRepository(es_client, index_prefix).list(status="pending")
    assert [d["event_type"] for d in queued] == ["alert.created"]


def test_articles_spooled_during_an_outage_are_percolated_once_on_replay(es_client, settings, index_prefix):
    from store.spool import Spool
    from waspada.runtime import replay_spool

    save_rule(RuleRepository(es_client, index_prefix), RuleCreate(name="Kericuhan", params=SearchParams(q="kericuhan")),
              owner="analis")
    alias = f"{index_prefix}articles"
    doc = make_article("sp1", "Kericuhan di pelabuhan Tarakan")
    Spool(settings.paths.spool_dir / alias).put([{"index": alias, "id": doc["id"], "doc": doc}])
    assert replay_spool(es_client, settings) == 1
    Spool(settings.paths.spool_dir / alias).put([{"index": alias, "id": doc["id"], "doc": doc}])  # spooled twice
    assert replay_spool(es_client, settings) == 1
    alerts = AlertRepository(es_client, index_prefix)
    alerts.refresh_index()
    total, found = alerts.search()
    assert total == 1 and found[0]["article_ids"] == [doc["id"]] and found[0]["hits"] == 1
