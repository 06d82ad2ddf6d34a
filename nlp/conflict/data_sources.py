"""Training records for the conflict classifiers: the committed corpus plus staged third-party sets.

- nlp/conflict/data/train.jsonl (generated) + handwritten.jsonl (hand-written, weighted by
  HANDWRITTEN_REPEAT, plus SYNONYM_COPIES synonym-swapped copies): every label. Dev = dev.jsonl
  (generated) + dev_handwritten.jsonl (every tenth hand-written record, never trained on);
  HOLDOUTS are hand-written test sets.
- id-hatespeech-abusive (CC BY-NC-SA 4.0, non-commercial; skipped with `no_noncommercial`):
  tweets with HS_Religion/HS_Race/HS_Group → identity=1, tweets without hate speech → identity=0;
  other categories left missing, and the tweets are not used for stage or intensity.
- id-hoax-news-pratiwi2017 (CC BY 4.0): hoax → disinformation=1, valid → disinformation=0.
Third-party data are read from the staged folder at training time and never committed.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

from nlp.conflict.cues import CATEGORIES, STAGES

HERE = Path(__file__).resolve().parent / "data"


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# Hand-written test sets, each from handwritten/<name>.txt (GUIDE.md says what each was used for)
HOLDOUTS = ("holdout", "holdout_b", "holdout_c", "holdout_d", "holdout_e")
# The test sets no training variant or weight was ever chosen on (`holdout` chose blend weights)
NEVER_TUNED = ("holdout_b", "holdout_c", "holdout_d", "holdout_e")
SPLITS = ("train", "dev", "dev_generated", "dev_handwritten", *HOLDOUTS)
# Hand-written texts are few next to the generated ones but carry the real variety of style, so
# each counts this many times in training.
HANDWRITTEN_REPEAT = 2
# Synonym-swapped copies of each hand-written record added to training (nlp/conflict/paraphrase.py),
# so words the corpus uses rarely still get weights; chosen on validation (see the model card).
SYNONYM_COPIES = 1


def corpus(split: str) -> list[dict]:
    """Committed labelled records of one split (see SPLITS); 'dev' = generated + hand-written dev."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    if split == "train":
        return read_jsonl(HERE / "train.jsonl") + read_jsonl(HERE / "handwritten.jsonl")
    if split == "dev":
        return read_jsonl(HERE / "dev.jsonl") + corpus("dev_handwritten")
    if split == "dev_generated":
        return read_jsonl(HERE / "dev.jsonl")
    path = HERE / f"{split}.jsonl"
    return read_jsonl(path) if path.exists() else []


def training_records(synonym_copies: int = SYNONYM_COPIES) -> list[dict]:
    """The train split with hand-written records repeated HANDWRITTEN_REPEAT times, plus their
    synonym-swapped copies."""
    from nlp.conflict.paraphrase import augment

    hand = read_jsonl(HERE / "handwritten.jsonl")
    return read_jsonl(HERE / "train.jsonl") + hand * HANDWRITTEN_REPEAT + augment(hand, copies=synonym_copies)


def doc_text(rec: dict) -> str:
    title = (rec.get("title") or "").strip()
    return f"{title}\n\n{rec['text']}" if title else rec["text"]


def category_cats(rec: dict) -> dict[str, float]:
    return {c: float(c in rec["categories"]) for c in CATEGORIES}


def stage_cats(rec: dict) -> dict[str, float]:
    return {s: float(s == rec["stage"]) for s in STAGES}


def intensity_cats(rec: dict) -> dict[str, float]:
    return {f"intensity_{k}": float(k == int(rec["intensity"])) for k in range(4)}


def hate_speech_tweets(data_dir: Path, limit: int = 1500, seed: int = 7) -> list[tuple[str, dict[str, float]]]:
    """Identity-labelled tweets (HS_Religion/HS_Race/HS_Group positive, non-HS negative), balanced."""
    path = data_dir / "id-hatespeech-abusive" / "re_dataset_train.csv"
    if not path.is_file():
        return []
    pos, neg = [], []
    with open(path, encoding="latin-1", newline="") as fh:
        for row in csv.DictReader(fh):
            text = row["Tweet"].replace("USER", "").replace("RT ", "").replace("URL", "").strip()
            text = text.replace("\\n", " ")
            if not text:
                continue
            if row["HS"] == "1" and "1" in (row["HS_Religion"], row["HS_Race"], row["HS_Group"]):
                pos.append(text)
            elif row["HS"] == "0":
                neg.append(text)
    rng = random.Random(seed)
    rng.shuffle(pos)
    rng.shuffle(neg)
    half = limit // 2
    return [(t, {"identity": 1.0}) for t in pos[:half]] + [(t, {"identity": 0.0}) for t in neg[:half]]


def hoax_articles(data_dir: Path) -> list[tuple[str, dict[str, float]]]:
    path = data_dir / "id-hoax-news-pratiwi2017" / "hoax_news_600.utf8.csv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return [(row["text"][:3000], {"disinformation": float(row["label"] == "hoax")})
                for row in csv.DictReader(fh)]


def feedback_records(path: Path) -> list[dict]:
    """Analysts' verdicts (JSONL, the format of `waspada alerts feedback`, alerts/feedback.py):
    text, title, categories, stage, verdict (verified | dismissed), optional intensity; or a
    corrected `conflict` object. A verified row confirms its categories and stage; a dismissed row
    only says its categories were wrong (a false alarm), so it teaches category negatives and
    nothing about stage or intensity. Rows without text are skipped."""
    out = []
    for row in read_jsonl(path):
        verdict = row.get("conflict") or row
        if not row.get("text"):
            continue
        dismissed = row.get("verdict") == "dismissed" or row.get("label") == 0
        stage = verdict.get("stage") if verdict.get("stage") in STAGES and not dismissed else None
        intensity = verdict.get("intensity")
        out.append({"title": row.get("title", ""), "text": row["text"],
                    "categories": [c for c in verdict.get("categories") or [] if c in CATEGORIES],
                    "stage": stage, "intensity": None if dismissed or intensity is None else int(intensity),
                    "dismissed": dismissed, "source": "feedback"})
    return out


def feedback_sets(rows: list[dict]) -> dict[str, list[tuple[str, dict[str, float]]]]:
    """Per-head training pairs from feedback rows (partial labels where the verdict says little)."""
    sets: dict[str, list[tuple[str, dict[str, float]]]] = {"categories": [], "stage": [], "intensity": []}
    for r in rows:
        text = doc_text(r)
        if r["dismissed"]:
            if r["categories"]:
                sets["categories"].append((text, {c: 0.0 for c in r["categories"]}))
            continue
        sets["categories"].append((text, category_cats(r)))
        if r["stage"]:
            sets["stage"].append((text, stage_cats(r)))
        if r["intensity"] is not None:
            sets["intensity"].append((text, intensity_cats(r)))
    return sets
