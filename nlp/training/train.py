"""`waspada train ner`: build the corpora and run spaCy's config-driven training.

The CPU default (nlp/configs/ner_cnn.cfg) trains in about 6-10 minutes on 2 cores; the result is
copied to nlp/models/ner (committed when under ~30 MB). The transformer variant
(nlp/configs/ner_trf.cfg) needs the `transformers` extra and a model name available locally.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from nlp.training.corpus import build_corpora

CONFIGS = Path(__file__).resolve().parent.parent / "configs"
GRIT_REPEAT = 1  # NERGrit sentences repeated this many times next to NERP (see nlp/training/corpus.py)
CONFIG_BY_NAME = {"cnn": CONFIGS / "ner_cnn.cfg", "trf": CONFIGS / "ner_trf.cfg"}


def train_ner(nergrit: Path, nerp: Path | None, work_dir: Path, output: Path, config: Path,
              overrides: dict | None = None, use_gpu: int = -1, grit_repeat: int = GRIT_REPEAT) -> dict:
    """Convert the data into work_dir/corpus, train into work_dir/run, copy model-best to output."""
    from spacy.cli.train import train

    counts = build_corpora(nergrit, nerp, work_dir / "corpus", grit_repeat=grit_repeat)
    run_dir = work_dir / "run"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    train(config, run_dir, use_gpu=use_gpu, overrides={
        "paths.train": str(work_dir / "corpus" / "train.spacy"),
        "paths.dev": str(work_dir / "corpus" / "dev.spacy"),
        **(overrides or {}),
    })
    meta = install_model(run_dir / "model-best", output)
    return {"counts": counts, "performance": meta.get("performance", {})}


def install_model(best: Path, output: Path) -> dict:
    """Copy a trained pipeline to `output` (e.g. nlp/models/ner) with Waspada's name and sources."""
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    meta = json.loads((output / "meta.json").read_text())
    meta.update(name="waspada_ner", version="1.0.0",
                description="Indonesian NER (PER, ORG, LOC) trained on IndoNLU NERGrit + case-restored NERP",
                sources=[{"name": "IndoNLU NERGrit", "license": "Apache-2.0/MIT (as stated)"},
                         {"name": "IndoNLU NERP", "license": "CC BY-SA 4.0 (as stated by SEACrowd)"}])
    (output / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta
