"""Entity-level NER evaluation as IndoNLU scores it: per-type P/R/F1 and their macro average.

IndoNLU's `conll_evaluation` counts an entity as correct when its span and type both match
exactly, computes P/R/F1 per type and reports the unweighted mean of the per-type F1
("type-macro F1"). Gold and predicted spans here are token spans on the corpus' own tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlp.training.corpus import NERGRIT_LABELS, iob_spans, read_conll, spaces_for

TYPES = ("PER", "ORG", "LOC")
Spans = set[tuple[int, int, str]]


@dataclass
class Scores:
    per_type: dict[str, dict[str, float]]
    macro_f1: float
    micro_f1: float

    def table(self) -> str:
        lines = [f"{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for label, s in self.per_type.items():
            lines.append(f"{label:<6} {s['p']:6.4f} {s['r']:6.4f} {s['f1']:6.4f} {int(s['gold']):6d}")
        lines.append(f"type-macro F1 {self.macro_f1:.4f}   micro F1 {self.micro_f1:.4f}")
        return "\n".join(lines)


def score(gold: list[Spans], pred: list[Spans], types: Iterable[str] = TYPES) -> Scores:
    per_type, tp_all, np_all, ng_all = {}, 0, 0, 0
    for label in types:
        tp = sum(len({s for s in g if s[2] == label} & {s for s in p if s[2] == label})
                 for g, p in zip(gold, pred, strict=True))
        n_pred = sum(1 for p in pred for s in p if s[2] == label)
        n_gold = sum(1 for g in gold for s in g if s[2] == label)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[label] = {"p": prec, "r": rec, "f1": f1, "gold": n_gold, "pred": n_pred}
        tp_all, np_all, ng_all = tp_all + tp, np_all + n_pred, ng_all + n_gold
    micro_p = tp_all / np_all if np_all else 0.0
    micro_r = tp_all / ng_all if ng_all else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    macro = sum(s["f1"] for s in per_type.values()) / len(per_type)
    return Scores(per_type, macro, micro)


def gold_nergrit(path: Path) -> tuple[list[list[str]], list[Spans]]:
    words, gold = [], []
    for sent in read_conll(path):
        words.append([w for w, _ in sent])
        gold.append({(s, e, NERGRIT_LABELS[t]) for s, e, t in iob_spans([t for _, t in sent])})
    return words, gold


def run_pipeline(nlp: Language, words: list[list[str]], components: Iterable[str] | None = None) -> list[Spans]:
    """Predicted token spans when the named components (default: all) run over gold tokens."""
    names = list(components) if components is not None else nlp.pipe_names
    docs = [Doc(nlp.vocab, words=w, spaces=spaces_for(w)) for w in words]
    for name in names:
        docs = list(nlp.get_pipe(name).pipe(docs)) if hasattr(nlp.get_pipe(name), "pipe") else [
            nlp.get_pipe(name)(d) for d in docs]
    return [{(e.start, e.end, e.label_) for e in d.ents if e.label_ in TYPES} for d in docs]


def dictionary_baseline(train_path: Path, words: list[list[str]]) -> list[Spans]:
    """Baseline: tag every longest exact match of an entity string seen in training (majority type)."""
    from collections import Counter, defaultdict

    seen: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for sent in read_conll(train_path):
        toks = [w for w, _ in sent]
        for s, e, t in iob_spans([t for _, t in sent]):
            seen[tuple(toks[s:e])][NERGRIT_LABELS[t]] += 1
    max_len = max(len(k) for k in seen)
    out = []
    for toks in words:
        spans, i = set(), 0
        while i < len(toks):
            for n in range(min(max_len, len(toks) - i), 0, -1):
                key = tuple(toks[i:i + n])
                if key in seen:
                    spans.add((i, i + n, seen[key].most_common(1)[0][0]))
                    i += n
                    break
            else:
                i += 1
        out.append(spans)
    return out


def evaluate_ner(nlp: Language, valid_path: Path, components: Iterable[str] | None = None) -> Scores:
    words, gold = gold_nergrit(valid_path)
    return score(gold, run_pipeline(nlp, words, components))


EvalFn = Callable[..., Scores]
