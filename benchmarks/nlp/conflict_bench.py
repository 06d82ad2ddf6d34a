"""Conflict / sentiment / risk benchmark: the issue's goals, next to baselines measured in the same run.

    PYTHONPATH=. .venv/bin/python benchmarks/nlp/conflict_bench.py [--no-throughput]

Prints, on the dev splits, the validation holdout and the hand-written test sets never trained or
tuned on (data_sources.NEVER_TUNED, also pooled): incident-detection F1, stage accuracy, category
macro-F1 and intensity accuracy of the shipped model and of the keyword-rule baseline (the cue
lexicons alone), with model/baseline ratios and a bootstrap 95 % interval of the model's incident
F1 (small sets move by several points per text); sentiment macro-F1 on IndoNLU SmSA valid against a
lexicon-only baseline (InSet + news-tone sum); throughput in articles/s of conflict + sentiment
+ risk alone and of the full enrichment pipeline when it can be loaded.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nlp.conflict import data_sources as ds  # noqa: E402
from nlp.conflict.cues import rule_decision  # noqa: E402
from nlp.conflict.evaluate import per_class, score  # noqa: E402
from nlp.conflict.model import classify_many  # noqa: E402

GOALS = {"incident_f1": 0.90, "stage_accuracy": 0.85, "category_macro_f1": 0.80, "sentiment_macro_f1": 0.85,
         "throughput": 40.0}


def flag(value: float, goal: float) -> str:
    return "PASS" if value >= goal else "FAIL"


def incident_f1_interval(records: list[dict], decisions: list[dict], rounds: int = 1000,
                         seed: int = 0) -> tuple[float, float]:
    """Bootstrap 95 % interval of incident F1: articles resampled with replacement."""
    rng = random.Random(seed)
    n = len(records)
    values = []
    for _ in range(rounds):
        idx = [rng.randrange(n) for _ in range(n)]
        values.append(score([records[i] for i in idx], [decisions[i] for i in idx])["incident"]["f1"])
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def conflict_section() -> None:
    print("== conflict (goals: incident F1 >= 0.90, stage accuracy >= 0.85, category macro-F1 >= 0.80)")
    print(f"{'split':<16}{'system':<10}{'incident F1':>12}{'stage acc':>11}{'cat macroF1':>13}{'intensity':>11}")
    splits = [(split, ds.corpus(split)) for split in ("dev_generated", "dev_handwritten", *ds.HOLDOUTS)]
    splits.append(("never-tuned", [r for split in ds.NEVER_TUNED for r in ds.corpus(split)]))
    for split, records in splits:
        if not records:
            continue
        decisions = classify_many(records)
        model = score(records, decisions)
        base = score(records, [rule_decision(ds.doc_text(r)) for r in records])
        for name, m in (("model", model), ("baseline", base)):
            print(f"{split:<16}{name:<10}{m['incident']['f1']:>12.3f}{m['stage_accuracy']:>11.3f}"
                  f"{m['category_macro_f1']:>13.3f}{m['intensity_accuracy']:>11.3f}")
        ratio = lambda a, b: a / b if b else float("inf")  # noqa: E731
        print(f"{split:<16}{'ratio':<10}{ratio(model['incident']['f1'], base['incident']['f1']):>12.2f}"
              f"{ratio(model['stage_accuracy'], base['stage_accuracy']):>11.2f}"
              f"{ratio(model['category_macro_f1'], base['category_macro_f1']):>13.2f}"
              f"{ratio(model['intensity_accuracy'], base['intensity_accuracy']):>11.2f}")
        low, high = incident_f1_interval(records, decisions)
        print(f"{split:<16}{'goals':<10}{flag(model['incident']['f1'], GOALS['incident_f1']):>12}"
              f"{flag(model['stage_accuracy'], GOALS['stage_accuracy']):>11}"
              f"{flag(model['category_macro_f1'], GOALS['category_macro_f1']):>13}   (n={model['n']}, "
              f"{model['incident']['support']} incidents; incident F1 95% interval {low:.3f}-{high:.3f})")


def sentiment_section() -> None:
    from nlp.components.sentiment import load_lexicon
    from nlp.sentiment.data import LABELS
    from nlp.sentiment.train import evaluate_sentiment, smsa
    from waspada.settings import get_settings

    settings = get_settings()
    try:
        rows = smsa(Path(settings.nlp.training_data or ROOT.parent / "shared" / "data"), "valid")
    except Exception as exc:  # noqa: BLE001  (the staged data may be absent on a fresh machine)
        print(f"== sentiment skipped: {exc}")
        return
    model = evaluate_sentiment(settings.nlp.sentiment_model, rows)
    lex = load_lexicon("")
    gold, pred = [], []
    for text, label in rows:
        words = text.lower().split()
        total = sum(lex.get(w, 0.0) for w in words)
        pred.append("positive" if total > 1 else "negative" if total < -1 else "neutral")
        gold.append(label)
    pc = per_class(gold, pred, LABELS)
    base = sum(v["f1"] for v in pc.values()) / len(pc)
    print(f"== sentiment on SmSA valid (n={len(rows)}; goal macro-F1 >= 0.85; IndoBERT-base publishes 0.88)")
    print(f"model macro-F1 {model['macro_f1']:.3f} (accuracy {model['accuracy']:.3f})  "
          f"lexicon baseline {base:.3f}  ratio {model['macro_f1'] / base:.2f}  "
          f"{flag(model['macro_f1'], GOALS['sentiment_macro_f1'])}")


def throughput_section(n: int = 600) -> None:
    import spacy

    import nlp.components.conflict  # noqa: F401
    import nlp.components.risk  # noqa: F401
    import nlp.components.sentiment  # noqa: F401
    from nlp.conflict.model import make_doc

    records = (ds.corpus("dev") + ds.corpus("holdout")) * 3
    records = records[:n]
    from waspada.settings import get_settings

    data_dir = Path(get_settings().nlp.training_data or ROOT.parent / "shared" / "data")
    long_texts = [{"title": "", "text": t} for t, _ in ds.hoax_articles(data_dir)]
    if long_texts:  # real news articles of realistic length (mean ~2,200 chars), text only
        records = long_texts[: n // 2] + records[: n // 2]
    nlp = spacy.blank("id")
    for name in ("waspada_conflict", "waspada_sentiment", "waspada_risk"):
        nlp.add_pipe(name)
    docs = [make_doc(nlp, r["text"], r.get("title")) for r in records[:20]]
    list(nlp.pipe(docs))  # warm-up
    t0 = time.perf_counter()
    list(nlp.pipe((make_doc(nlp, r["text"], r.get("title")) for r in records), batch_size=64))
    rate = len(records) / (time.perf_counter() - t0)
    chars = sum(len(r["text"]) for r in records) / len(records)
    print(f"== throughput (1 process; mean article {chars:.0f} chars; goal whole pipeline >= 40 articles/s)")
    print(f"conflict + sentiment + risk: {rate:.0f} articles/s")
    try:
        from nlp.pipeline import enrich, load_pipeline

        full = load_pipeline()  # nlp/configs/pipeline.cfg: NER, actors, places, conflict, sentiment, risk
        articles = [{"id": str(i), "title": r.get("title", ""), "text": r["text"]} for i, r in enumerate(records)]
        enrich(articles[:20], nlp=full, n_process=1)
        t0 = time.perf_counter()
        out = enrich(articles, nlp=full, n_process=1)
        rate_full = len(articles) / (time.perf_counter() - t0)
        has = all(k in out[0] for k in ("conflict", "sentiment", "risk"))
        print(f"full enrichment pipeline {full.pipe_names}: {rate_full:.0f} articles/s "
              f"({flag(rate_full, GOALS['throughput'])}; conflict/sentiment/risk in output: {has})")
    except Exception as exc:  # noqa: BLE001  (NER model or gazetteer not installed here)
        print(f"full enrichment pipeline not measured: {exc}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-throughput", action="store_true")
    args = parser.parse_args()
    conflict_section()
    sentiment_section()
    if not args.no_throughput:
        throughput_section()


if __name__ == "__main__":
    main()
