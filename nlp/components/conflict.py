"""`waspada_conflict`: conflict categories, stage and intensity of an article, with the cues behind them.

Sets `doc._.conflict` = the `conflict` object of index_mappings/articles.json:
{categories, category_scores, stage, stage_score, intensity, cues}. The trained classifiers
(bag-of-n-gram text classifiers, nlp/models/conflict/) score the whole doc; each decision then
carries cues: lexicon phrases (nlp/conflict/cues.py, PhraseMatcher) and the sentences the
classifier scores highest for the chosen label, with character offsets into the article text
(doc offsets minus `doc._.text_start`; cues inside the title have start/end None).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

import nlp.components.conflict_textcat  # noqa: F401  (registers the classifier architecture)
from nlp.components.batching import BatchComponent
from nlp.conflict.cues import CATEGORIES, CATEGORY_CUES, INTENSITY_CUES, NEGATIONS, STAGE_CUES, STAGES
from nlp.errors import WaspadaNlpError

for _name in ("conflict", "text_start"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=0 if _name == "text_start" else None)

BACKGROUND_MARKERS = ("pernah", "tahun lalu", "sebelumnya", "riwayat", "tahun-tahun")
MAX_PHRASE_CUES = 24


def resolve_model(path: str, setting: str) -> Path:
    """The model folder: the explicit path, else the WASPADA_NLP_* setting."""
    if path:
        return Path(path)
    from waspada.settings import get_settings

    return Path(getattr(get_settings().nlp, setting))


def sentence_spans(doc: Doc, sentencizer: Sentencizer) -> list[Span]:
    """Sentences without touching the doc: its own boundaries if set, else punctuation + blank lines."""
    if doc.has_annotation("SENT_START"):
        return list(doc.sents)
    tags = sentencizer.predict([doc])[0]
    spans, start = [], 0
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if tags[i] or (prev.is_space and "\n" in prev.text):
            if doc[start:i].text.strip():
                spans.append(doc[start:i])
            start = i
    if len(doc) and doc[start:].text.strip():
        spans.append(doc[start:])
    return spans


def _offsets(doc: Doc, start: int, end: int) -> tuple[int | None, int | None]:
    ts = doc._.text_start or 0
    if start < ts:
        return None, None
    return start - ts, end - ts


class ConflictAnalyzer(BatchComponent):
    """Runs the three conflict classifiers and explains their decisions."""

    def __init__(self, nlp: Language, name: str, model_dir: str, threshold: float,
                 intensity_mode: str, max_sentence_cues: int, rule_weight: float = -1.0,
                 cue_weight: float = -1.0):
        path = resolve_model(model_dir, "conflict_model")
        if not (path / "meta.json").is_file():
            raise WaspadaNlpError("W210", f"conflict model not found at {path}; run `waspada train conflict` "
                                  "or set WASPADA_NLP_CONFLICT_MODEL")
        self.name = name
        self.model = spacy.load(path)
        self.cat_pipe = self.model.get_pipe("conflict_categories")
        self.stage_pipe = self.model.get_pipe("conflict_stage")
        self.int_pipe = self.model.get_pipe("conflict_intensity") if "conflict_intensity" in self.model.pipe_names else None
        self.threshold = threshold
        meta = self.model.meta.get("waspada", {})
        self.intensity_mode = intensity_mode or meta.get("intensity_mode", "rules")
        self.rule_weight = float(meta.get("rule_weight", 0.0)) if rule_weight < 0 else rule_weight
        self.cue_weight = float(meta.get("cue_weight", 0.0)) if cue_weight < 0 else cue_weight
        self.max_sentence_cues = max_sentence_cues
        self.sentencizer = Sentencizer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cat, words in CATEGORY_CUES.items():
            self.matcher.add(f"category|{cat}", [nlp.make_doc(w) for w in words])
        for stage, words in STAGE_CUES.items():
            self.matcher.add(f"stage|{stage}", [nlp.make_doc(w) for w in words])
        for level, words in INTENSITY_CUES.items():
            self.matcher.add(f"intensity|{level}", [nlp.make_doc(w) for w in words])

    def _process(self, docs: list[Doc]) -> list[Doc]:
        cat_scores = self.cat_pipe.predict(docs)
        stage_scores = self.stage_pipe.predict(docs)
        int_scores = self.int_pipe.predict(docs) if self.int_pipe is not None else None
        for i, doc in enumerate(docs):
            cats = {label: float(cat_scores[i][j]) for j, label in enumerate(self.cat_pipe.labels)}
            stages = {label: float(stage_scores[i][j]) for j, label in enumerate(self.stage_pipe.labels)}
            ints = None
            if int_scores is not None:
                ints = {int(label.rsplit("_", 1)[1]): float(int_scores[i][j])
                        for j, label in enumerate(self.int_pipe.labels)}
            doc._.conflict = self.decide(doc, cats, stages, ints)
        return docs

    def decide(self, doc: Doc, cats: dict[str, float], stages: dict[str, float],
               ints: dict[int, float] | None) -> dict[str, Any]:
        """Turn classifier scores into the index's `conflict` object, with cues."""
        matches = self._matches(doc)
        if self.rule_weight > 0:
            stages = self._blend(stages, matches)
        stage = max(STAGES, key=lambda s: stages.get(s, 0.0))
        if self.cue_weight > 0:
            cats = self._blend_categories(cats, matches)
        chosen: list[str] = []
        if stage != "none":
            chosen = [c for c in CATEGORIES if cats.get(c, 0.0) >= self.threshold]
            if not chosen and stage in ("incident", "tension"):
                best = max(CATEGORIES, key=lambda c: cats.get(c, 0.0))
                if cats.get(best, 0.0) >= self.threshold / 2:
                    chosen = [best]
        sents = sentence_spans(doc, self.sentencizer)
        intensity, int_spans = self._intensity(doc, stage, sents, matches, ints)
        cues = self._sentence_cues(doc, sents, chosen, stage)
        sent_weight = {(c["label"], c["sentence"]): c["weight"] for c in cues}
        wanted = {f"category|{c}" for c in chosen} | {f"stage|{stage}"}
        phrase_cues = []
        for key, span in matches:
            if key not in wanted:
                continue
            kind, label = key.split("|")
            phrase_cues.append(self._cue(doc, kind, label, span, sent_weight, sents))
        for span in int_spans:
            phrase_cues.append(self._cue(doc, "intensity", str(intensity), span, sent_weight, sents))
        cues.extend(phrase_cues[:MAX_PHRASE_CUES])
        return {
            "categories": chosen,
            "category_scores": {c: round(cats.get(c, 0.0), 4) for c in CATEGORIES},
            "stage": stage,
            "stage_score": round(stages.get(stage, 0.0), 4),
            "intensity": intensity,
            "cues": cues,
        }

    def _blend(self, stages: dict[str, float], matches: list[tuple[str, Span]]) -> dict[str, float]:
        """Mix the classifier's stage distribution with the cue lexicon's (smoothed hit shares):
        the lexicon is general vocabulary, the classifier knows the corpus' phrasing."""
        counts = dict.fromkeys(STAGES, 0.0)
        for key, _span in matches:
            kind, label = key.split("|")
            if kind == "stage":  # not intensity cues: floods also kill and displace people
                counts[label] += 1
        total = sum(counts.values()) + 0.5 * len(STAGES)
        w = self.rule_weight
        return {s: (1 - w) * stages.get(s, 0.0) + w * (counts[s] + 0.5) / total for s in STAGES}

    def _blend_categories(self, cats: dict[str, float], matches: list[tuple[str, Span]]) -> dict[str, float]:
        """Mix each category's probability with its cue evidence (two or more distinct cue hits = 1)."""
        hits: dict[str, set[str]] = {c: set() for c in CATEGORIES}
        for key, span in matches:
            kind, label = key.split("|")
            if kind == "category":
                hits[label].add(span.text.lower())
        v = self.cue_weight
        return {c: (1 - v) * cats.get(c, 0.0) + v * min(1.0, len(hits[c]) / 2) for c in CATEGORIES}

    def _matches(self, doc: Doc) -> list[tuple[str, Span]]:
        out = []
        for match_id, start, end in self.matcher(doc):
            out.append((doc.vocab.strings[match_id], doc[start:end]))
        # keep the longest phrase when several of one key overlap ("unjuk rasa" over "aksi")
        out.sort(key=lambda m: (m[1].start, -(m[1].end - m[1].start)))
        kept: list[tuple[str, Span]] = []
        for key, span in out:
            if any(k == key and s.start <= span.start < s.end for k, s in kept):
                continue
            kept.append((key, span))
        return kept

    def _intensity(self, doc, stage, sents, matches, ints) -> tuple[int, list[Span]]:
        if stage in ("none", "prevention"):
            return 0, []
        if stage == "tension":
            return 1, []
        found: dict[int, list[Span]] = {1: [], 2: [], 3: []}
        for key, span in matches:
            if not key.startswith("intensity|"):
                continue
            sent = span.sent if doc.has_annotation("SENT_START") else next(
                (s for s in sents if s.start <= span.start < s.end), span)
            if any(m in sent.text.lower() for m in BACKGROUND_MARKERS):
                continue
            before = doc[max(sent.start, span.start - 3):span.start].text.lower()
            if any(n in before for n in NEGATIONS):
                continue
            found[int(key.split("|")[1])].append(span)
        if self.intensity_mode == "model" and ints:
            level = max((1, 2, 3), key=lambda k: ints.get(k, 0.0))
        else:
            level = next((k for k in (3, 2, 1) if found[k]), 1)
        return level, found.get(level, [])[:6]

    def _sentence_cues(self, doc: Doc, sents: list[Span], chosen: list[str], stage: str) -> list[dict]:
        if not sents or self.max_sentence_cues <= 0:
            return []
        sdocs = [s.as_doc() for s in sents]
        cues = []
        jobs: list[tuple[str, str, Any]] = [("category", c, self.cat_pipe) for c in chosen]
        if stage != "none":
            jobs.append(("stage", stage, self.stage_pipe))
        cache: dict[int, Any] = {}
        for kind, label, pipe in jobs:
            if id(pipe) not in cache:
                cache[id(pipe)] = pipe.predict(sdocs)
            col = list(pipe.labels).index(label)
            scores = [(float(cache[id(pipe)][k][col]), k) for k in range(len(sents))]
            scores.sort(reverse=True)
            for score, k in scores[: self.max_sentence_cues]:
                if score < 0.5 and cues and cues[-1]["label"] == label:
                    break
                span = sents[k]
                start, end = _offsets(doc, span.start_char, span.end_char)
                text = span.text.strip()
                cues.append({"kind": f"{kind}_sentence", "label": label, "text": text, "sentence": text,
                             "start": start, "end": None if start is None else start + len(text),
                             "weight": round(score, 4)})
        return cues

    def _cue(self, doc: Doc, kind: str, label: str, span: Span, sent_weight: dict, sents: list[Span]) -> dict:
        sent = next((s for s in sents if s.start <= span.start < s.end), span)
        start, end = _offsets(doc, span.start_char, span.end_char)
        stext = sent.text.strip()
        return {"kind": kind, "label": label, "text": span.text, "sentence": stext, "start": start, "end": end,
                "weight": sent_weight.get((label, stext), 1.0)}


@Language.factory(
    "waspada_conflict",
    assigns=["doc._.conflict"],
    default_config={"model_dir": "", "threshold": 0.5, "intensity_mode": "", "max_sentence_cues": 2,
                    "rule_weight": -1.0, "cue_weight": -1.0},
)
def make_conflict(nlp: Language, name: str, model_dir: str, threshold: float, intensity_mode: str,
                  max_sentence_cues: int, rule_weight: float, cue_weight: float) -> ConflictAnalyzer:
    """rule_weight / cue_weight < 0 = the values recorded in the model's meta.json (0 when absent)."""
    return ConflictAnalyzer(nlp, name, model_dir, threshold, intensity_mode, max_sentence_cues, rule_weight,
                            cue_weight)
