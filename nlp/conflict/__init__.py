"""What kind of trouble an article reports: conflict categories, stage, intensity, with cues.

`classify(text, title=None)` runs the shipped model (nlp/models/conflict/) standalone and returns
the `conflict` object of the index (see index_mappings/articles.json); the corpus, labelling guide
(GUIDE.md) and training code live in this package.
"""

from __future__ import annotations

from typing import Any


def classify(text: str, title: str | None = None) -> dict[str, Any]:
    """The `conflict` object for one article (categories, scores, stage, intensity, cues)."""
    from nlp.conflict.model import classify as _classify

    return _classify(text, title=title)
