"""Seed averaging of the linear conflict classifiers (nlp/conflict/training.py average_weights)."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.training import Example

from nlp.conflict.training import average_weights

TEXTS = [("Warga bentrok di perbatasan desa", {"conflict": 1.0}), ("Harga cabai turun di pasar", {"conflict": 0.0})]


def _trained(path: Path, seed: int, labels=("conflict",)) -> Path:
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("id")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "waspada.TextCatBOWLower.v1", "exclusive_classes": False, "ngram_size": 1,
        "length": 1024}})
    for label in labels:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {k: c.get(k, 0.0) for k in labels}}) for t, c in TEXTS]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(3 + seed):  # the runs differ
        nlp.update(examples, sgd=optimizer)
    nlp.to_disk(path)
    return path


def _weights(path: Path) -> numpy.ndarray:
    model = spacy.load(path).get_pipe("textcat_multilabel").model
    return next(n.get_param("W") for n in model.walk() if n.has_param("W"))


def test_averaged_model_holds_the_mean_of_the_runs_weights(tmp_path: Path):
    runs = [_trained(tmp_path / f"run{s}", s) for s in (0, 1, 2)]
    out = average_weights(runs, tmp_path / "averaged")
    expected = sum(_weights(r) for r in runs) / 3
    assert not numpy.allclose(_weights(runs[0]), _weights(runs[2]))
    assert numpy.allclose(_weights(out), expected)
    nlp = spacy.load(out)
    scores = nlp("Warga bentrok lagi").cats
    assert set(scores) == {"conflict"} and 0.0 <= scores["conflict"] <= 1.0


def test_runs_with_other_labels_are_refused(tmp_path: Path):
    a = _trained(tmp_path / "a", 0)
    b = _trained(tmp_path / "b", 0, labels=("conflict", "other"))
    with pytest.raises(ValueError, match="differs in shape"):
        average_weights([a, b], tmp_path / "averaged")
