"""Sentiment: lexicon reading, and the shipped model's tone and cues on texts written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.components.sentiment import load_lexicon
from nlp.sentiment.data import cats_for, read_inset, read_smsa

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "nlp" / "models" / "sentiment"

NEGATIVE = "Bentrokan antarwarga kembali pecah; tiga orang tewas, puluhan rumah dibakar dan warga ketakutan."
POSITIVE = "Warga kedua desa menyambut baik kesepakatan damai. Suasana kini rukun, aman dan kondusif, dan panen berhasil."


def test_readers_parse_smsa_and_inset(tmp_path: Path):
    (tmp_path / "s.tsv").write_text("enak sekali\tpositive\nburuk\tnegative\n\nrusak\tbogus\n")
    assert read_smsa(tmp_path / "s.tsv") == [("enak sekali", "positive"), ("buruk", "negative")]
    (tmp_path / "positive.tsv").write_text("word\tweight\nbagus\t4\n")
    (tmp_path / "negative.tsv").write_text("word\tweight\nputus asa\t-3\n")
    assert read_inset(tmp_path) == {"bagus": 4.0, "putus asa": -3.0}
    assert cats_for("neutral") == {"negative": 0.0, "neutral": 1.0, "positive": 0.0}


def test_own_news_tone_words_are_always_in_the_lexicon(tmp_path: Path):
    lex = load_lexicon(str(tmp_path / "absent"))  # no InSet folder: the committed list still explains
    assert lex["tewas"] < 0 < lex["damai"]


@pytest.fixture(scope="module")
def analyse():
    if not (MODEL / "meta.json").is_file():
        pytest.fail("nlp/models/sentiment is missing: run `waspada train sentiment`")
    from nlp.sentiment.model import analyse as _analyse

    return lambda text: _analyse(text, model_dir=MODEL)


@pytest.mark.slow
def test_violent_news_is_negative_and_peace_news_positive(analyse):
    neg, pos = analyse(NEGATIVE), analyse(POSITIVE)
    assert neg["label"] == "negative" and neg["score"] < 0
    assert pos["label"] == "positive" and pos["score"] > 0
    for result in (neg, pos):
        assert -1.0 <= result["score"] <= 1.0


@pytest.mark.slow
def test_sentiment_cues_are_lexicon_words_at_their_offsets(analyse):
    result = analyse(NEGATIVE)
    assert result["cues"]
    for cue in result["cues"]:
        assert NEGATIVE[cue["start"]:cue["end"]] == cue["text"]
        assert (cue["weight"] > 0) == (cue["label"] == "positive")
    assert result["cues"][0]["label"] == "negative"
    assert "tewas" in {c["text"] for c in result["cues"]}


@pytest.mark.slow
def test_sentiment_is_deterministic_and_json_ready(analyse):
    assert analyse(POSITIVE) == analyse(POSITIVE)
    assert json.dumps(analyse(POSITIVE))
