"""Config-driven training of the conflict and sentiment text classifiers.

Labelled records (text + cats) become spaCy DocBins under var/, then `spacy.cli.train.train`
runs the `.cfg` in nlp/configs/ (so every hyper-parameter lives in the config, overridable),
and the best model's classifier is returned for assembly into a shipped pipeline.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin

import nlp.components.conflict_textcat  # noqa: F401  (registers waspada.TextCatBOWLower.v1)

Record = tuple[str, dict[str, float]]


def write_docbin(records: Iterable[Record], path: Path, lang: str = "id") -> int:
    """Serialise (text, cats) pairs; returns how many were written."""
    tokenizer_nlp = spacy.blank(lang)
    db = DocBin(store_user_data=False)
    n = 0
    for text, cats in records:
        doc = tokenizer_nlp.make_doc(text)
        doc.cats = dict(cats)
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def run_training(
    config: Path,
    train: list[Record],
    dev: list[Record],
    work_dir: Path,
    overrides: dict | None = None,
) -> Path:
    """Train with spaCy's loop (console progress) and return the model-best directory."""
    if work_dir.exists():
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True)
    write_docbin(train, work_dir / "train.spacy")
    write_docbin(dev, work_dir / "dev.spacy")
    opts = {"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "dev.spacy")}
    opts.update(overrides or {})
    spacy_train(config, work_dir / "out", overrides=opts, use_gpu=-1)
    return work_dir / "out" / "model-best"
