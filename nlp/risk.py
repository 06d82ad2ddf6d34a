"""Risk of an article (0-100) and the band of any score: the documented formula of docs/risk.md.

Pure functions, no spaCy: `article_risk(conflict, sentiment, actors, place_codes, priors)` gives
{score, band, factors}; `band_for(score)` maps any score (one article or an aggregated region-day)
to Aman / Cenderung Aman / Rawan / Sangat Rawan; `aggregate(scores)` is the region-day score the
store layer can reproduce in Elasticsearch (max + volume bonus); `load_priors(path)` reads the
Peta Rawan Konflik CSV (code, band, note) that raises the baseline of known hotspots.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

BANDS = (("Aman", 0), ("Cenderung Aman", 25), ("Rawan", 50), ("Sangat Rawan", 75))
STAGE_POINTS = {"none": 0, "prevention": 5, "tension": 20, "incident": 35}
INTENSITY_POINTS = {0: 0, 1: 5, 2: 15, 3: 30}
CATEGORY_POINTS = {"security": 10, "identity": 10, "communal_violence": 8, "election": 5, "resource": 5,
                   "boundary": 5, "disinformation": 5, "governance": 3, "labor": 2}
EXTRA_CATEGORY_POINTS, CATEGORY_CAP = 2, 15
SENTIMENT_POINTS = 5
ACTOR_POINTS = {"community": 3, "mass_org": 3, "security": 2, "company": 2, "party": 2, "election_body": 1}
ACTOR_CAP = 8
PRIOR_POINTS = {"Aman": 0, "Cenderung Aman": 3, "Rawan": 10, "Sangat Rawan": 15}
PRIOR_RELEVANCE = {"none": 0.0, "prevention": 0.5, "tension": 1.0, "incident": 1.0}


def band_for(score: float) -> str:
    """Band of a 0-100 score: <25 Aman, <50 Cenderung Aman, <75 Rawan, else Sangat Rawan."""
    band = BANDS[0][0]
    for name, low in BANDS:
        if score >= low:
            band = name
    return band


def load_priors(path: str | Path | None) -> dict[str, dict[str, str]]:
    """Peta Rawan Konflik: {kemendagri code: {band, note}}; empty when no path is configured."""
    if not path:
        return {}
    from nlp.errors import WaspadaNlpError

    path = Path(path)
    if not path.is_file():
        raise WaspadaNlpError("W230", f"risk priors file {path} not found; fix WASPADA_NLP_RISK_PRIORS or leave it empty")
    priors = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            band = (row.get("band") or "").strip()
            if band not in PRIOR_POINTS:
                raise WaspadaNlpError("W231", f"{path}: band {band!r} for code {row.get('code')!r} must be one of "
                                      f"{', '.join(PRIOR_POINTS)}")
            priors[row["code"].strip()] = {"band": band, "note": (row.get("note") or "").strip()}
    return priors


def article_risk(conflict: dict[str, Any] | None, sentiment: dict[str, Any] | None = None,
                 actors: Iterable[dict] | None = None, place_codes: Iterable[str] = (),
                 priors: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The `risk` object {score, band, factors} of one article (see docs/risk.md for the formula)."""
    conflict = conflict or {"stage": "none", "intensity": 0, "categories": []}
    stage = conflict.get("stage", "none")
    factors: dict[str, Any] = {}
    factors["stage"] = {"value": stage, "points": STAGE_POINTS.get(stage, 0)}
    if stage == "none":
        intensity_pts = cat_pts = sent_pts = actor_pts = 0
    else:
        intensity = int(conflict.get("intensity", 0))
        intensity_pts = INTENSITY_POINTS.get(intensity, 0)
        factors["intensity"] = {"value": intensity, "points": intensity_pts}
        cats = sorted(conflict.get("categories", []), key=lambda c: -CATEGORY_POINTS.get(c, 0))
        cat_pts = 0
        if cats:
            cat_pts = min(CATEGORY_CAP, CATEGORY_POINTS.get(cats[0], 0) + EXTRA_CATEGORY_POINTS * (len(cats) - 1))
        factors["categories"] = {"value": cats, "points": cat_pts}
        sent_pts = 0.0
        if sentiment:
            # negative tone adds, positive tone (peace, agreement) subtracts
            sent_pts = round(-SENTIMENT_POINTS * float(sentiment.get("score", 0.0)), 2)
            factors["sentiment"] = {"value": sentiment.get("label"), "points": sent_pts}
        types = sorted({a.get("type") for a in (actors or []) if a.get("type") in ACTOR_POINTS})
        actor_pts = min(ACTOR_CAP, sum(ACTOR_POINTS[t] for t in types))
        if actors is not None:
            factors["actors"] = {"value": types, "points": actor_pts}
    prior_pts = 0.0
    if priors:
        hits = [(c, priors[c]) for c in place_codes if c in priors]
        if hits:
            code, prior = max(hits, key=lambda h: PRIOR_POINTS[h[1]["band"]])
            prior_pts = PRIOR_POINTS[prior["band"]] * PRIOR_RELEVANCE.get(stage, 0.0)
            factors["place_prior"] = {"value": code, "band": prior["band"], "note": prior["note"], "points": prior_pts}
    raw = STAGE_POINTS.get(stage, 0) + intensity_pts + cat_pts + sent_pts + actor_pts + prior_pts
    score = round(max(0.0, min(100.0, raw)), 1)
    return {"score": score, "band": band_for(score), "factors": factors}


def aggregate(scores: Iterable[float], high: float = 50.0) -> float:
    """Region-day score: the highest article score plus 5·log2(1 + articles scoring ≥ high), capped at 100."""
    scores = list(scores)
    if not scores:
        return 0.0
    n_high = sum(1 for s in scores if s >= high)
    return round(min(100.0, max(scores) + min(15.0, 5 * math.log2(1 + n_high))), 1)
