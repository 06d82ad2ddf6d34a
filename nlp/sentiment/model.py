"""Load the shipped sentiment model once and analyse texts standalone (blank `id` + waspada_sentiment)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language


@lru_cache(maxsize=4)
def load(model_dir: str = "", lexicon_dir: str = "") -> Language:
    import nlp.components.sentiment  # noqa: F401  (registers the factory)

    nlp = spacy.blank("id")
    nlp.add_pipe("waspada_sentiment", config={"model_dir": str(model_dir), "lexicon_dir": str(lexicon_dir)})
    return nlp


def analyse(text: str, model_dir: str | Path = "") -> dict[str, Any]:
    """The `sentiment` object {label, score, cues} for one text."""
    return load(str(model_dir))(text)._.sentiment
