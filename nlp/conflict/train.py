"""Train the conflict classifiers (categories, stage, intensity) and assemble the shipped model.

Three spaCy training runs, one per config (nlp/configs/conflict_{categories,stage,intensity}.cfg),
because an exclusive textcat refuses docs whose `cats` hold other components' labels. Their best
models are sourced into one pipeline saved at nlp/models/conflict/, with the intensity decision
(cue rules or the intensity classifier) chosen by dev accuracy and recorded in meta.json.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import spacy

from nlp.conflict import data_sources as ds
from nlp.conflict.evaluate import score
from nlp.conflict.training import run_training

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / "nlp" / "configs"
HEADS = ("categories", "stage", "intensity")
# Share of the cue lexicon in the stage decision (nlp/components/conflict.py `_blend`), chosen on the
# validation sets (dev_handwritten + holdout; the generated dev split cannot choose it, the
# classifier alone is perfect there) among 0.2 ... 0.5: 0.3 with the round-5 model (0.4 before).
RULE_WEIGHT = 0.3
# Share of the category cue evidence in each category's score (`_blend_categories`), chosen the same
# way among 0, 0.2, 0.3, 0.4 (0.4 scored best on holdout; 0.3 kept to lean less on a lexicon that
# was written after the holdout texts).
CUE_WEIGHT = 0.3
# Each head is trained once per seed and the runs' weights are averaged (nlp/conflict/training.py
# `average_weights`): runs with other seeds differed by up to 0.06 incident F1 on the 125-text
# holdout, and the average is steadier and no worse on validation (see the model card).
SEEDS = (42, 1, 2, 3)


def _settings():
    from waspada.settings import get_settings

    return get_settings()


def train_conflict(out_dir: Path | None = None, work_dir: Path | None = None, no_noncommercial: bool = False,
                   feedback: Path | None = None, config_dir: Path = CONFIGS, overrides: dict | None = None,
                   data_dir: Path | None = None, variant: str = "bow", transformer: str | None = None,
                   rule_weight: float = RULE_WEIGHT, cue_weight: float = CUE_WEIGHT, seeds: tuple[int, ...] = SEEDS,
                   log=print) -> dict[str, Any]:
    """Train, assemble and evaluate on dev; returns dev metrics (and the previous model's, with feedback).

    variant "bow" = the CPU default (conflict_<head>.cfg); "trf" = the transformer variant
    (conflict_<head>_trf.cfg, needs the `transformers` extra; `transformer` = model folder or name).
    """
    settings = _settings()
    out_dir = Path(out_dir or settings.nlp.conflict_model)
    work_dir = Path(work_dir or settings.paths.home / "training" / "conflict")
    data_dir = Path(data_dir or settings.nlp.training_data or ROOT.parent / "shared" / "data")
    train = ds.training_records()
    dev = ds.corpus("dev")
    before = None
    fb_sets: dict[str, list] = {"categories": [], "stage": [], "intensity": []}
    if feedback is not None:
        fb = ds.feedback_records(Path(feedback))
        fb_sets = ds.feedback_sets(fb)
        log(f"feedback: {len(fb)} verdicts from {feedback} "
            f"({', '.join(f'{h} {len(v)}' for h, v in fb_sets.items())})")
        if (out_dir / "meta.json").is_file():
            before = evaluate_model(out_dir, dev)
    extra_cat: list[tuple[str, dict[str, float]]] = []
    if not no_noncommercial:
        tweets = ds.hate_speech_tweets(data_dir)
        log(f"id-hatespeech-abusive (CC BY-NC-SA): {len(tweets)} tweets for identity")
        extra_cat += tweets
    else:
        log("--no-noncommercial: training without the CC BY-NC-SA hate-speech tweets")
    hoax = ds.hoax_articles(data_dir)
    log(f"id-hoax-news-pratiwi2017: {len(hoax)} articles for disinformation")
    extra_cat += hoax
    sets = {
        "categories": ([(ds.doc_text(r), ds.category_cats(r)) for r in train] + extra_cat,
                       [(ds.doc_text(r), ds.category_cats(r)) for r in dev]),
        "stage": ([(ds.doc_text(r), ds.stage_cats(r)) for r in train],
                  [(ds.doc_text(r), ds.stage_cats(r)) for r in dev]),
        "intensity": ([(ds.doc_text(r), ds.intensity_cats(r)) for r in train],
                      [(ds.doc_text(r), ds.intensity_cats(r)) for r in dev]),
    }
    best: dict[str, Path] = {}
    for head in HEADS:
        tr, dv = sets[head]
        tr = tr + fb_sets[head] * 3  # analysts' verdicts weigh more than synthetic text
        log(f"--- training conflict_{head}: {len(tr)} train / {len(dv)} dev, seeds {', '.join(map(str, seeds))}")
        t0 = time.time()
        cfg = config_dir / (f"conflict_{head}.cfg" if variant == "bow" else f"conflict_{head}_{variant}.cfg")
        head_overrides = dict((overrides or {}).get(head) or {})
        if transformer:
            head_overrides[f"components.conflict_{head}.model.tok2vec.name"] = str(transformer)
        best[head] = run_training(cfg, tr, dv, work_dir / head, overrides=head_overrides,
                                  seeds=seeds if variant == "bow" else ())
        log(f"    done in {time.time() - t0:.0f}s")
    assemble(best, out_dir, sources={"noncommercial": not no_noncommercial, "feedback": str(feedback or ""),
                                     "variant": variant})
    modes = {m: evaluate_model(out_dir, dev, intensity_mode=m, rule_weight=rule_weight, cue_weight=cue_weight)
             for m in ("rules", "model")}
    # the cue rules explain themselves; the classifier must beat them clearly on dev to be chosen
    chosen = "model" if modes["model"]["intensity_accuracy"] - modes["rules"]["intensity_accuracy"] > 0.02 else "rules"
    meta_path = out_dir / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["waspada"]["intensity_mode"] = chosen
    meta["waspada"]["rule_weight"] = rule_weight
    meta["waspada"]["cue_weight"] = cue_weight
    meta["waspada"]["dev_intensity_accuracy"] = {m: modes[m]["intensity_accuracy"] for m in modes}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    log(f"intensity: rules {modes['rules']['intensity_accuracy']:.3f} vs model "
        f"{modes['model']['intensity_accuracy']:.3f} on dev -> {chosen}")
    from nlp.conflict.model import load

    load.cache_clear()
    return {"dev": modes[chosen], "before": before}


def assemble(best: dict[str, Path], out_dir: Path, sources: dict) -> None:
    """Source the three trained classifiers into one pipeline folder."""
    nlp = spacy.blank("id")
    for head, path in best.items():
        trained = spacy.load(path)
        nlp.add_pipe(f"conflict_{head}", source=trained)
    nlp.meta["name"] = "waspada_conflict"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Waspada conflict categories / stage / intensity classifiers (bag of n-grams)"
    nlp.meta["waspada"] = {"sources": sources, "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    if out_dir.exists():
        keep = out_dir / "MODEL_CARD.md"
        card = keep.read_text() if keep.exists() else None
        shutil.rmtree(out_dir)
    else:
        card = None
    nlp.to_disk(out_dir)
    if card:
        (out_dir / "MODEL_CARD.md").write_text(card)


def evaluate_model(model_dir: Path, records: list[dict], intensity_mode: str = "",
                   rule_weight: float = -1.0, cue_weight: float = -1.0) -> dict[str, Any]:
    from nlp.conflict.model import classify_many, load

    load.cache_clear()
    return score(records, classify_many(records, model_dir=model_dir, intensity_mode=intensity_mode,
                                        rule_weight=rule_weight, cue_weight=cue_weight))
