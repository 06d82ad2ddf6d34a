"""Lifecycle transitions with an audit trail, refused illegal moves, precision and the feedback export."""

from __future__ import annotations

import io
import json

import pytest

from alerts.feedback import write_jsonl
from alerts.lifecycle import LifecycleError, precision, transition
from alerts.rules import AlertPercolator, RuleCreate, save_rule
from store.alerts import AlertRepository
from store.articles import ArticleRepository
from store.rules import RuleRepository
from store.search import SearchParams
from tests.alerts.conftest import make_article


@pytest.fixture
def two_alerts(es_client, index_prefix, tmp_path):
    rule = save_rule(RuleRepository(es_client, index_prefix),
                     RuleCreate(name="Tawuran", params=SearchParams(q="tawuran")), owner="analis")
    docs = [make_article("t1", "Tawuran pelajar di Tarakan", "Dua kelompok pelajar terlibat tawuran di Tarakan.",
                         categories=["communal_violence"], stage="incident", regency="65.71"),
            make_article("t2", "Lomba tari, bukan tawuran", "Festival tari tradisional.", categories=["resource"],
                         stage="none")]
    with ArticleRepository(es_client, index_prefix).writer(
            tmp_path / "spool", listeners=[AlertPercolator(es_client, index_prefix, refresh="wait_for")]) as writer:
        writer.add_many(docs)
    repo = AlertRepository(es_client, index_prefix)
    repo.refresh_index()
    alerts = {a["article_ids"][0]: a for a in repo.search()[1]}
    return rule, repo, alerts[docs[0]["id"]], alerts[docs[1]["id"]]


def test_transitions_record_who_when_and_why(two_alerts):
    rule, repo, real, false_alarm = two_alerts
    transition(repo, real["id"], "acknowledged", by="analis-bulungan", note="dicek ke Polres")
    done = transition(repo, real["id"], "verified", by="kepala-bidang", note="dikonfirmasi Polres Tarakan")
    assert done["status"] == "verified" and done["verdict_by"] == "kepala-bidang"
    stored = repo.get(real["id"])
    assert [(h["from"], h["to"], h["by"], h["note"]) for h in stored["history"]] == [
        ("new", "acknowledged", "analis-bulungan", "dicek ke Polres"),
        ("acknowledged", "verified", "kepala-bidang", "dikonfirmasi Polres Tarakan")]


def test_illegal_transitions_are_refused(two_alerts):
    _, repo, real, _ = two_alerts
    with pytest.raises(LifecycleError) as skipped:
        transition(repo, real["id"], "verified", by="analis")
    assert skipped.value.status == 409
    transition(repo, real["id"], "acknowledged", by="analis")
    transition(repo, real["id"], "dismissed", by="analis")
    with pytest.raises(LifecycleError) as final:
        transition(repo, real["id"], "acknowledged", by="analis")
    assert final.value.status == 409
    reopened = transition(repo, real["id"], "new", by="analis", note="salah klik")
    assert reopened["status"] == "new" and "verdict" not in reopened
    with pytest.raises(LifecycleError) as unknown:
        transition(repo, real["id"], "closed", by="analis")
    assert unknown.value.status == 422
    assert [h["to"] for h in repo.get(real["id"])["history"]] == ["acknowledged", "dismissed", "new"]


def test_precision_and_feedback_export(es_client, index_prefix, two_alerts):
    rule, repo, real, false_alarm = two_alerts
    for alert, verdict in ((real, "verified"), (false_alarm, "dismissed")):
        transition(repo, alert["id"], "acknowledged", by="analis")
        transition(repo, alert["id"], verdict, by="analis", note=f"catatan {verdict}")
    repo.refresh_index()
    stats = precision(repo)
    assert stats["rules"][rule.id] | {} == {"verified": 1, "dismissed": 1, "name": "Tawuran", "judged": 2,
                                            "precision": 0.5}
    assert stats["categories"]["communal_violence"]["precision"] == 1.0
    assert stats["categories"]["resource"]["precision"] == 0.0
    out = io.StringIO()
    assert write_jsonl(repo, ArticleRepository(es_client, index_prefix), out) == 2
    rows = sorted((json.loads(line) for line in out.getvalue().splitlines()), key=lambda r: r["label"])
    assert [(r["title"], r["verdict"], r["label"], r["stage"]) for r in rows] == [
        ("Lomba tari, bukan tawuran", "dismissed", 0, "none"),
        ("Tawuran pelajar di Tarakan", "verified", 1, "incident")]
    assert rows[1]["text"] == "Dua kelompok pelajar terlibat tawuran di Tarakan."
    assert rows[1]["categories"] == ["communal_violence"] and rows[1]["note"] == "catatan verified"
