"""Benchmark place linking: quality on the hand-annotated set and speed of the linker alone.

    .venv/bin/python benchmarks/nlp/places_benchmark.py

Quality: P/R/F1 of linked Kemendagri codes per level and primary-location accuracy on
nlp/resources/places_eval.jsonl, for the place linker and a context-free baseline (bare gazetteer
names, first candidate) measured in the same run. Speed: articles/s of the place linker alone
(NER output taken as given) on ~400-word articles, against the tokenizer alone.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ner_benchmark import articles  # noqa: E402

from nlp.pipeline import load_pipeline, make_doc  # noqa: E402
from nlp.training.places_eval import evaluate_places  # noqa: E402
from waspada.settings import get_settings  # noqa: E402


def main() -> None:
    nlp = load_pipeline(get_settings())
    print(evaluate_places(nlp).table(), "\n")
    docs = articles(300)
    t0 = time.perf_counter()
    staged = [make_doc(nlp, d) for d in docs]
    base = len(docs) / (time.perf_counter() - t0)
    staged = list(nlp.get_pipe("ner").pipe(staged))
    linker = nlp.get_pipe("waspada_place_linker")
    t0 = time.perf_counter()
    for doc in staged:
        linker(doc)
    rate = len(docs) / (time.perf_counter() - t0)
    print(f"tokenizer: {base:,.0f} articles/s; place linker alone: {rate:,.0f} articles/s ({rate / base:.2f}x)")


if __name__ == "__main__":
    main()
