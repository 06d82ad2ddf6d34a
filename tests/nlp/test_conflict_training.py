"""`waspada train conflict --with-feedback` end to end: the real training loop on the committed corpus
and the staged third-party data, cut to a few steps per head, retrains over an existing model and
reports the change on dev; the new model is assembled, loads and classifies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.conflict.train import RULE_WEIGHT
from waspada.cli import app
from waspada.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
VERDICTS = [
    {"text": "Ratusan buruh pabrik sepatu di Serang memblokade gerbang pabrik menuntut pesangon dibayar penuh.",
     "title": "Buruh blokade gerbang pabrik", "conflict": {"stage": "incident", "categories": ["labor"], "intensity": 2}},
    {"text": "Tim Kesbangpol menggelar rapat koordinasi deteksi dini menjelang Natal dan Tahun Baru.",
     "conflict": {"stage": "prevention", "categories": [], "intensity": 0}},
    {"text": "Dua kesebelasan saling serang sejak menit awal dalam laga panas di stadion.",
     "categories": ["communal_violence"], "stage": "incident", "verdict": "dismissed", "label": 0},
]


@pytest.mark.slow
def test_retraining_with_feedback_reports_the_change_on_dev(tmp_path: Path, monkeypatch):
    if not (DATA / "id-hatespeech-abusive").is_dir():
        pytest.skip("staged training data missing (../shared/data)")
    model = tmp_path / "conflict"
    shutil.copytree(ROOT / "nlp" / "models" / "conflict", model)
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text("\n".join(json.dumps(v, ensure_ascii=False) for v in VERDICTS) + "\n")
    monkeypatch.setenv("WASPADA_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["train", "conflict", "--with-feedback", str(verdicts), "--output", str(model),
                                          "--data", str(DATA), "--max-steps", "4", "--seeds", "7"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # rich wraps long lines at the terminal width
    assert f"feedback: 3 verdicts from {verdicts} (categories 3, stage 2, intensity 2)" in out
    assert "training conflict_stage" in out and "seeds 7" in out
    assert "change on dev after retraining with feedback" in out
    assert "incident F1" in out and "->" in out
    meta = json.loads((model / "meta.json").read_text())["waspada"]
    assert meta["sources"]["feedback"] == str(verdicts) and meta["sources"]["noncommercial"] is True
    assert meta["intensity_mode"] in {"rules", "model"} and meta["rule_weight"] == RULE_WEIGHT
    assert (model / "MODEL_CARD.md").is_file()  # the card survives retraining
    assert (tmp_path / "home" / "training" / "conflict" / "stage" / "train.spacy").is_file()

    from nlp.conflict.model import classify, load

    decision = classify("Warga dua desa bentrok, tiga rumah dibakar.", model_dir=model)
    load.cache_clear()
    assert decision["stage"] in {"none", "prevention", "tension", "incident"}
    assert set(decision["category_scores"]) == {"election", "identity", "resource", "boundary", "governance", "labor",
                                                "communal_violence", "security", "disinformation"}


def test_bad_seeds_are_a_clear_usage_error():
    result = CliRunner().invoke(app, ["train", "conflict", "--seeds", "satu,dua"])
    assert result.exit_code == 2 and "--seeds takes comma-separated integers" in result.output
