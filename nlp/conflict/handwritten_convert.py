"""Turn the hand-written article files (handwritten/*.txt, one `|`-separated record a line) into JSONL.

The plain-text form is easier for analysts to review and extend than JSON; the JSONL is what
training and evaluation read. `python -m nlp.conflict.handwritten_convert` validates every record
against the labelling guide and rewrites the JSONL files; `--check FILE...` only validates.

Training files are `handwritten/train_*.txt` (with a title field); every tenth training record
(by position in its file) goes to the hand-written dev split instead, never trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nlp.conflict.cues import CATEGORIES, STAGES
from nlp.conflict.data_sources import HOLDOUTS

HERE = Path(__file__).resolve().parent
SENTIMENTS = ("negative", "neutral", "positive")
DEV_EVERY = 10


class RecordError(ValueError):
    """A hand-written record that breaks the format or the labelling guide."""


def check(row: dict) -> None:
    """Raise RecordError when labels are unknown or contradict the guide's intensity rules."""
    stage, intensity, cats = row["stage"], row["intensity"], row["categories"]
    if stage not in STAGES:
        raise RecordError(f"unknown stage {stage!r}")
    unknown = [c for c in cats if c not in CATEGORIES]
    if unknown:
        raise RecordError(f"unknown categories {unknown}")
    if row["sentiment"] not in SENTIMENTS:
        raise RecordError(f"unknown sentiment {row['sentiment']!r}")
    if stage == "none" and cats:
        raise RecordError("stage none takes no categories")
    if stage in ("none", "prevention") and intensity != 0:
        raise RecordError(f"stage {stage} needs intensity 0")
    if stage == "tension" and intensity != 1:
        raise RecordError("stage tension needs intensity 1")
    if stage == "incident" and intensity not in (1, 2, 3):
        raise RecordError("stage incident needs intensity 1-3")
    if stage == "incident" and not cats:
        raise RecordError("an incident needs at least one category")
    if len(row["text"]) < 40:
        raise RecordError("text shorter than 40 characters")


def parse(path: Path, with_title: bool) -> list[dict]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 5 if with_title else 4)
        try:
            if len(parts) != (6 if with_title else 5):
                raise RecordError(f"expected {6 if with_title else 5} '|'-separated fields, got {len(parts)}")
            stage, intensity, cats, sentiment = (p.strip() for p in parts[:4])
            title, text = (parts[4].strip(), parts[5].strip()) if with_title else ("", parts[4].strip())
            if not intensity.isdigit():
                raise RecordError(f"intensity {intensity!r} is not a number")
            row = {"id": f"{path.stem}-{i:04d}", "title": title, "text": text.replace("\\n", "\n\n"),
                   "categories": [c.strip() for c in cats.split(",") if c.strip()], "stage": stage,
                   "intensity": int(intensity), "sentiment": sentiment, "source": "handwritten"}
            check(row)
        except RecordError as exc:
            raise RecordError(f"{path.name} line {i + 1}: {exc}") from None
        rows.append(row)
    return rows


def write_jsonl(rows: list[dict], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(out.name, len(rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", nargs="+", type=Path, help="only validate these files")
    args = parser.parse_args(argv)
    try:
        if args.check:
            for path in args.check:
                rows = parse(path, with_title=path.name.startswith("train_"))
                print(f"{path.name}: {len(rows)} records OK")
            return 0
        for name in HOLDOUTS:
            if (HERE / "handwritten" / f"{name}.txt").exists():
                write_jsonl(parse(HERE / "handwritten" / f"{name}.txt", False), HERE / "data" / f"{name}.jsonl")
        train, dev = [], []
        for path in sorted((HERE / "handwritten").glob("train_*.txt")):
            for n, row in enumerate(parse(path, True)):
                (dev if n % DEV_EVERY == DEV_EVERY - 1 else train).append(row)
        write_jsonl(train, HERE / "data" / "handwritten.jsonl")
        write_jsonl(dev, HERE / "data" / "dev_handwritten.jsonl")
    except RecordError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
