"""`waspada_sentiment`: tone of the article toward the situation, with the lexicon words that explain it.

Sets `doc._.sentiment` = {label, score, cues} (the `sentiment` object of the articles index):
label = the trained classifier's argmax (negative / neutral / positive, nlp/models/sentiment/),
score = P(positive) - P(negative) in [-1, 1], cues = lexicon words found in the text with their
weights and character offsets into the article text: the InSet lexicon (when the staged folder is
available; it is not committed) plus Waspada's own news-tone list (nlp/sentiment/news_tone.tsv).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

import nlp.components.conflict_textcat  # noqa: F401  (registers the classifier architecture)
from nlp.components.batching import BatchComponent
from nlp.components.conflict import resolve_model
from nlp.errors import WaspadaNlpError
from nlp.sentiment.data import read_inset

for _name in ("sentiment", "text_start"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=0 if _name == "text_start" else None)

NEWS_TONE = Path(__file__).resolve().parents[1] / "sentiment" / "news_tone.tsv"
MAX_CUES = 20


def load_lexicon(lexicon_dir: str) -> dict[str, float]:
    """News-tone words (own, weights ±2..5) overlaid on InSet (if its folder exists)."""
    folder = Path(lexicon_dir) if lexicon_dir else None
    if folder is None:
        from waspada.settings import PROJECT_ROOT, get_settings

        configured = get_settings().nlp.sentiment_lexicon
        folder = Path(configured) if configured else PROJECT_ROOT.parent / "shared" / "data" / "inset-lexicon"
    lex = read_inset(folder) if folder.is_dir() else {}
    for line in NEWS_TONE.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, weight = line.partition("\t")
        if word and weight:
            lex[word.lower()] = float(weight)
    return lex


class SentimentAnalyzer(BatchComponent):
    def __init__(self, nlp: Language, name: str, model_dir: str, lexicon_dir: str):
        path = resolve_model(model_dir, "sentiment_model")
        if not (path / "meta.json").is_file():
            raise WaspadaNlpError("W220", f"sentiment model not found at {path}; run `waspada train sentiment` "
                                  "or set WASPADA_NLP_SENTIMENT_MODEL")
        self.name = name
        self.model = spacy.load(path)
        self.pipe_ = self.model.get_pipe("sentiment_textcat")
        self.lexicon = load_lexicon(lexicon_dir)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("LEX", list(nlp.tokenizer.pipe(self.lexicon)))

    def _process(self, docs: list[Doc]) -> list[Doc]:
        scores = self.pipe_.predict(docs)
        labels = list(self.pipe_.labels)
        for i, doc in enumerate(docs):
            probs = {lab: float(scores[i][j]) for j, lab in enumerate(labels)}
            doc._.sentiment = self.decide(doc, probs)
        return docs

    def decide(self, doc: Doc, probs: dict[str, float]) -> dict[str, Any]:
        label = max(probs, key=probs.get)
        score = probs.get("positive", 0.0) - probs.get("negative", 0.0)
        ts = doc._.text_start or 0
        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        spans = spacy.util.filter_spans(spans)
        cues = []
        for span in spans:
            weight = self.lexicon.get(span.text.lower())
            if weight is None or (span.start_char < ts):
                continue
            polarity = "positive" if weight > 0 else "negative"
            cues.append({"kind": "lexicon", "label": polarity, "text": span.text,
                         "start": span.start_char - ts, "end": span.end_char - ts, "weight": weight})
        # strongest words agreeing with the decision first, so the explanation matches the label
        cues.sort(key=lambda c: (c["label"] != label, -abs(c["weight"]), c["start"]))
        return {"label": label, "score": round(score, 4), "cues": cues[:MAX_CUES]}


@Language.factory(
    "waspada_sentiment",
    assigns=["doc._.sentiment"],
    default_config={"model_dir": "", "lexicon_dir": ""},
)
def make_sentiment(nlp: Language, name: str, model_dir: str, lexicon_dir: str) -> SentimentAnalyzer:
    return SentimentAnalyzer(nlp, name, model_dir, lexicon_dir)
