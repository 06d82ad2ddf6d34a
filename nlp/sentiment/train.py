"""Train the sentiment classifier (nlp/configs/sentiment.cfg) and assemble nlp/models/sentiment/.

Data: IndoNLU SmSA train (valid = dev, the goal metric) read from the staged data folder, plus the
news tone of the committed conflict corpus (incidents and tension negative, prevention positive,
other news as labelled), so the model also reads news rather than only reviews.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from pathlib import Path
from typing import Any

import spacy

from nlp.conflict import data_sources as ds
from nlp.conflict.evaluate import confusion, per_class
from nlp.conflict.training import run_training
from nlp.sentiment.data import LABELS, cats_for, read_smsa

ROOT = Path(__file__).resolve().parents[2]


def smsa(data_dir: Path, split: str) -> list[tuple[str, str]]:
    name = "train_preprocess.tsv" if split == "train" else "valid_preprocess.tsv"
    path = data_dir / "indonlu-smsa" / name
    if not path.is_file():
        from nlp.errors import WaspadaNlpError

        raise WaspadaNlpError("W221", f"SmSA not found at {path}; set WASPADA_NLP_TRAINING_DATA to the staged data folder")
    return read_smsa(path)


def news_tone(split: str) -> list[tuple[str, str]]:
    return [(ds.doc_text(r), r["sentiment"]) for r in ds.corpus(split) if r.get("sentiment") in LABELS]


def feedback_tone(path: Path) -> list[tuple[str, str]]:
    """Analysts' verdicts with a corrected `sentiment` {label} (or `sentiment` as a string)."""
    out = []
    for row in ds.read_jsonl(path):
        s = row.get("sentiment")
        label = s.get("label") if isinstance(s, dict) else s
        if label in LABELS and row.get("text"):
            out.append((ds.doc_text(row), label))
    return out


def train_sentiment(out_dir: Path | None = None, work_dir: Path | None = None, feedback: Path | None = None,
                    data_dir: Path | None = None, config: Path | None = None, news_share: int = 1500,
                    log=print) -> dict[str, Any]:
    from waspada.settings import get_settings

    settings = get_settings()
    out_dir = Path(out_dir or settings.nlp.sentiment_model)
    work_dir = Path(work_dir or settings.paths.home / "training" / "sentiment")
    data_dir = Path(data_dir or settings.nlp.training_data or ROOT.parent / "shared" / "data")
    train = smsa(data_dir, "train")
    dev = smsa(data_dir, "valid")
    news = news_tone("train")
    random.Random(3).shuffle(news)
    train = train + news[:news_share]
    before = None
    if feedback is not None:
        fb = feedback_tone(Path(feedback))
        log(f"feedback: {len(fb)} tone verdicts from {feedback}")
        if (out_dir / "meta.json").is_file():
            before = evaluate_sentiment(out_dir, dev)
        train += fb * 3
    log(f"--- training sentiment_textcat: {len(train)} train / {len(dev)} dev (SmSA valid)")
    t0 = time.time()
    best = run_training(Path(config or ROOT / "nlp" / "configs" / "sentiment.cfg"),
                        [(t, cats_for(lab)) for t, lab in train], [(t, cats_for(lab)) for t, lab in dev], work_dir)
    log(f"    done in {time.time() - t0:.0f}s")
    nlp = spacy.blank("id")
    nlp.add_pipe("sentiment_textcat", source=spacy.load(best))
    nlp.meta.update({"name": "waspada_sentiment", "version": "1.0.0",
                     "description": "Waspada news/document tone classifier (bag of n-grams)",
                     "waspada": {"trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                 "train": {"smsa": len(train) - min(news_share, len(news)), "news": min(news_share, len(news))}}})
    card = (out_dir / "MODEL_CARD.md").read_text() if (out_dir / "MODEL_CARD.md").exists() else None
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    if card:
        (out_dir / "MODEL_CARD.md").write_text(card)
    from nlp.sentiment.model import load

    load.cache_clear()
    result = evaluate_sentiment(out_dir, dev)
    meta = json.loads((out_dir / "meta.json").read_text())
    meta["waspada"]["smsa_valid_macro_f1"] = result["macro_f1"]
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    return {"dev": result, "before": before}


def evaluate_sentiment(model_dir: Path | str, rows: list[tuple[str, str]]) -> dict[str, Any]:
    """Per-class P/R/F1, macro-F1, accuracy and confusion of the classifier on (text, label) rows."""
    from nlp.sentiment.model import load

    load.cache_clear()
    nlp = load(str(model_dir))
    pred = [d._.sentiment["label"] for d in nlp.pipe((t for t, _ in rows), batch_size=256)]
    gold = [lab for _, lab in rows]
    pc = per_class(gold, pred, LABELS)
    return {"n": len(rows), "macro_f1": round(sum(v["f1"] for v in pc.values()) / len(pc), 4),
            "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(len(rows), 1), 4),
            "per_class": pc, "confusion": confusion(gold, pred, LABELS)}


def format_sentiment(name: str, m: dict[str, Any]) -> str:
    lines = [f"== {name} (n={m['n']}) macro-F1 {m['macro_f1']:.3f}  accuracy {m['accuracy']:.3f}",
             f"{'label':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"]
    for lab, v in m["per_class"].items():
        lines.append(f"{lab:<12}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}{v['support']:>6}")
    lines.append("confusion (rows gold, cols predicted): " + " ".join(LABELS))
    for g, row in m["confusion"].items():
        lines.append(f"  {g:<10}" + "".join(f"{row[p]:>6}" for p in LABELS))
    return "\n".join(lines)
