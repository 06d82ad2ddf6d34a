"""Risk: bands, the formula's ordering, the Peta Rawan Konflik priors, and the spaCy component."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from nlp.errors import WaspadaNlpError
from nlp.risk import aggregate, article_risk, band_for, load_priors


def conflict(stage, intensity=0, categories=()):
    return {"stage": stage, "intensity": intensity, "categories": list(categories)}


@pytest.mark.parametrize("score,band", [(0, "Aman"), (24.9, "Aman"), (25, "Cenderung Aman"), (49.9, "Cenderung Aman"),
                                        (50, "Rawan"), (74.9, "Rawan"), (75, "Sangat Rawan"), (100, "Sangat Rawan")])
def test_band_for_thresholds(score, band):
    assert band_for(score) == band


def test_risk_grows_with_stage_and_intensity():
    none = article_risk(conflict("none"))
    prevention = article_risk(conflict("prevention", 0, ["identity"]), {"label": "positive", "score": 0.8})
    tension = article_risk(conflict("tension", 1, ["resource"]), {"label": "negative", "score": -0.6})
    protest = article_risk(conflict("incident", 1, ["labor"]), {"label": "negative", "score": -0.4})
    riot = article_risk(conflict("incident", 3, ["identity", "communal_violence"]), {"label": "negative", "score": -0.9},
                        actors=[{"type": "community"}, {"type": "security"}])
    scores = [r["score"] for r in (none, prevention, tension, protest, riot)]
    assert scores == sorted(scores) and len(set(scores)) == 5
    assert none["band"] == "Aman" and prevention["band"] == "Aman"
    assert riot["band"] == "Sangat Rawan"
    assert riot["factors"]["actors"] == {"value": ["community", "security"], "points": 5}
    assert 0 <= riot["score"] <= 100


def test_risk_degrades_gracefully_without_sentiment_actors_or_places():
    risk = article_risk(conflict("incident", 2, ["resource"]))
    assert set(risk["factors"]) == {"stage", "intensity", "categories"}
    assert risk["score"] == 35 + 15 + 5
    assert article_risk(None)["score"] == 0


def test_hotspot_prior_raises_the_baseline(tmp_path: Path):
    path = tmp_path / "peta_rawan.csv"
    path.write_text("code,band,note\n65.03.05,Sangat Rawan,bentrok lahan 2019\n65.01.01,Aman,\n")
    priors = load_priors(path)
    plain = article_risk(conflict("tension", 1, ["resource"]), place_codes=["65.03.05.2001", "65.03.05"], priors={})
    hot = article_risk(conflict("tension", 1, ["resource"]), place_codes=["65.03.05.2001", "65.03.05"], priors=priors)
    assert hot["score"] == plain["score"] + 15
    assert hot["factors"]["place_prior"]["note"] == "bentrok lahan 2019"
    assert article_risk(conflict("none"), place_codes=["65.03.05"], priors=priors)["score"] == 0


def test_priors_file_errors_say_what_to_do(tmp_path: Path):
    with pytest.raises(WaspadaNlpError, match="W230"):
        load_priors(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("code,band,note\n65.03,Merah,\n")
    with pytest.raises(WaspadaNlpError, match="W231"):
        load_priors(bad)
    assert load_priors("") == {}


def test_aggregate_region_day_score():
    assert aggregate([]) == 0.0
    assert aggregate([30.0, 20.0]) == 30.0
    assert aggregate([60.0, 55.0, 52.0]) == 70.0  # 60 + 5*log2(1+3)
    assert aggregate([98.0, 90.0]) == 100.0
    assert band_for(aggregate([60.0, 55.0, 52.0])) == "Rawan"


def test_risk_component_reads_conflict_actors_and_primary_location(tmp_path: Path):
    import nlp.components.risk  # noqa: F401

    priors = tmp_path / "p.csv"
    priors.write_text("code,band,note\n65.04.02,Rawan,sengketa batas\n")
    nlp = spacy.blank("id")
    nlp.add_pipe("waspada_risk", config={"priors_path": str(priors)})
    doc = nlp.make_doc("Warga dua desa bentrok.")
    doc._.conflict = conflict("incident", 2, ["boundary", "communal_violence"])
    doc._.actors = [{"type": "community", "name": "warga"}]
    doc._.primary_location = {"code": "65.04.02.2003", "district_code": "65.04.02", "regency_code": "65.04"}
    doc = nlp(doc)
    risk = doc._.risk
    assert risk["factors"]["place_prior"]["value"] == "65.04.02"
    assert risk["score"] == 35 + 15 + (8 + 2) + 3 + 10
    bare = nlp(nlp.make_doc("Tanpa analisis."))
    assert bare._.risk["score"] == 0 and bare._.risk["band"] == "Aman"
