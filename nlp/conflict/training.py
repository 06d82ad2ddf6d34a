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
    seeds: tuple[int, ...] = (),
) -> Path:
    """Train with spaCy's loop (console progress) and return the model directory to use.

    With several `seeds`, one run per seed on the same data; the runs' weights are averaged
    (`average_weights`) and the averaged model's directory is returned.
    """
    if work_dir.exists():
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True)
    write_docbin(train, work_dir / "train.spacy")
    write_docbin(dev, work_dir / "dev.spacy")
    opts = {"paths.train": str(work_dir / "train.spacy"), "paths.dev": str(work_dir / "dev.spacy")}
    opts.update(overrides or {})
    if len(seeds) <= 1:
        seed_opts = {"system.seed": seeds[0]} if seeds else {}
        spacy_train(config, work_dir / "out", overrides={**opts, **seed_opts}, use_gpu=-1)
        return work_dir / "out" / "model-best"
    runs = []
    for seed in seeds:
        spacy_train(config, work_dir / f"out-seed{seed}", overrides={**opts, "system.seed": seed}, use_gpu=-1)
        runs.append(work_dir / f"out-seed{seed}" / "model-best")
    return average_weights(runs, work_dir / "averaged")


def average_weights(model_dirs: list[Path], out: Path) -> Path:
    """Save to `out` the first model with every weight replaced by its mean over all the models.

    Meant for runs of one linear classifier (same config and labels, other seeds): for a linear
    model the mean of the weights gives the mean of the runs' scores before the output
    activation, so the averaged model is an ensemble at the size and speed of one run.
    """
    models = [spacy.load(d) for d in model_dirs]
    base = models[0]
    for name in base.pipe_names:
        for nodes in zip(*(list(m.get_pipe(name).model.walk()) for m in models), strict=True):
            for param in nodes[0].param_names:
                if not all(n.has_param(param) for n in nodes):
                    continue
                values = [n.get_param(param) for n in nodes]
                if len({v.shape for v in values}) != 1:
                    raise ValueError(f"{name}: parameter {param} differs in shape between runs")
                nodes[0].set_param(param, sum(values) / len(values))
    base.to_disk(out)
    return out
