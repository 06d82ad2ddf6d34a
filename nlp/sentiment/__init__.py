"""Tone of an article toward the situation (negative / neutral / positive), explained by lexicon cues.

`analyse(text)` runs the shipped model in nlp/models/sentiment/ standalone; in the full pipeline the
`waspada_sentiment` factory (nlp/components/sentiment.py) sets `doc._.sentiment`.
"""

from __future__ import annotations

from typing import Any


def analyse(text: str) -> dict[str, Any]:
    """The `sentiment` object {label, score in [-1, 1], cues} for one text."""
    from nlp.sentiment.model import analyse as _analyse

    return _analyse(text)
