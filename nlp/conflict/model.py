"""Load the shipped conflict model once and classify articles standalone (no NER, no gazetteer).

A blank Indonesian pipeline with `waspada_conflict` only, so tests, the benchmark and
`waspada evaluate conflict` do not depend on the rest of the enrichment pipeline.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

TITLE_SEPARATOR = "\n\n"


@lru_cache(maxsize=4)
def load(model_dir: str = "", intensity_mode: str = "", rule_weight: float = -1.0,
         cue_weight: float = -1.0) -> Language:
    """A blank `id` pipeline running waspada_conflict on the model in model_dir (default: settings)."""
    import nlp.components.conflict  # noqa: F401  (registers the factory)

    nlp = spacy.blank("id")
    nlp.add_pipe("waspada_conflict", config={"model_dir": str(model_dir), "intensity_mode": intensity_mode,
                                             "rule_weight": rule_weight, "cue_weight": cue_weight})
    return nlp


def make_doc(nlp: Language, text: str, title: str | None = None) -> Doc:
    """Same layout as nlp.pipeline.make_doc: title + blank line + text, offsets relative to text."""
    title = (title or "").strip()
    doc = nlp.make_doc(f"{title}{TITLE_SEPARATOR}{text}" if title else text)
    doc._.text_start = len(title) + len(TITLE_SEPARATOR) if title else 0
    return doc


def classify(text: str, title: str | None = None, model_dir: str | Path = "", intensity_mode: str = "") -> dict[str, Any]:
    nlp = load(str(model_dir), intensity_mode)
    return nlp(make_doc(nlp, text, title))._.conflict


def classify_many(records: list[dict], model_dir: str | Path = "", intensity_mode: str = "",
                  rule_weight: float = -1.0, cue_weight: float = -1.0) -> list[dict[str, Any]]:
    """Decisions for records with `text` and optional `title`, batched."""
    nlp = load(str(model_dir), intensity_mode, rule_weight, cue_weight)
    docs = (make_doc(nlp, r["text"], r.get("title")) for r in records)
    return [d._.conflict for d in nlp.pipe(docs, batch_size=64)]
