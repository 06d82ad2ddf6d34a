"""Readers for the sentiment training data (loaded from the staged data folder, never committed)."""

from __future__ import annotations

import csv
from pathlib import Path

LABELS = ("negative", "neutral", "positive")


def read_smsa(path: Path) -> list[tuple[str, str]]:
    """IndoNLU SmSA `text<TAB>label` rows."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            text, _, label = line.rpartition("\t")
            if label in LABELS and text:
                rows.append((text, label))
    return rows


def read_inset(folder: Path) -> dict[str, float]:
    """InSet lexicon: word/phrase → summed weight (positive.tsv + negative.tsv; zero sums dropped)."""
    lex: dict[str, float] = {}
    for name in ("positive.tsv", "negative.tsv"):
        path = folder / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if len(row) < 2 or row[0] == "word":
                    continue
                try:
                    weight = float(row[1])
                except ValueError:
                    continue
                word = row[0].strip().lower()
                # InSet lists 1,142 words in both files: their scores are meant to be summed
                lex[word] = lex.get(word, 0.0) + weight
    return {w: v for w, v in lex.items() if v}


def cats_for(label: str) -> dict[str, float]:
    return {lab: float(lab == label) for lab in LABELS}
