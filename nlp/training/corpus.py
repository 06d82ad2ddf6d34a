"""Turn the IndoNLU NER corpora (CoNLL, IOB2) into spaCy DocBin files under var/.

One label scheme for all corpora: PER, ORG, LOC.
- NERGrit (cased, Wikipedia-style): PERSON→PER, PLACE→LOC, ORGANISATION→ORG.
- NERP (lower-cased news): used as *augmentation* of the cased NERGrit data, never as dev data.
  Its text is case-restored before training so it does not teach the model that names are lower
  case: entity tokens and the sentence start are title-cased, other tokens take their majority
  cased form from NERGrit (e.g. "kpk"→"KPK"). NERP has no organisation class (KPK, Polri are tagged
  O) and IND/EVT/FNB have no counterpart, so those spans and every O token that case restoration
  capitalised mid-sentence are marked *missing* (unknown), not O: the model learns PER/LOC from
  NERP and nothing false about ORG. Exact duplicate sentences are dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

NERGRIT_LABELS = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
NERP_LABELS = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}  # EVT, FNB → missing
NO_SPACE_BEFORE = set(",.;:!?)]}%'\"”’")
NO_SPACE_AFTER = set("([{\"“‘")

Sentence = list[tuple[str, str]]


def read_conll(path: Path) -> Iterator[Sentence]:
    """Sentences of (token, IOB2 tag) pairs from a `token<TAB>tag` file with blank-line breaks."""
    sent: Sentence = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            token, _, tag = line.rpartition("\t")
            sent.append((token, tag or "O"))
    if sent:
        yield sent


def spaces_for(words: list[str]) -> list[bool]:
    """Plausible whitespace so the rebuilt text reads like news text (no space before a comma)."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and nxt not in NO_SPACE_BEFORE and word not in NO_SPACE_AFTER)
    return spaces


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans from IOB2 tags; a stray I- opens a span as CoNLL eval does."""
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if prefix == "B" or prefix == "O" or (prefix == "I" and typ != label):
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, typ) if prefix in ("B", "I") else (None, None)
    return spans


def nergrit_doc(vocab: Vocab, sent: Sentence) -> Doc:
    words = [w for w, _ in sent]
    doc = Doc(vocab, words=words, spaces=spaces_for(words))
    ents = [Span(doc, s, e, label=NERGRIT_LABELS[t]) for s, e, t in iob_spans([t for _, t in sent])]
    doc.set_ents(ents, default="outside")
    return doc


def case_table(sentences: Iterable[Sentence]) -> dict[str, str]:
    """lower → majority cased form of words seen mid-sentence in cased text (capitalised ones only)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for sent in sentences:
        for word, _ in sent[1:]:
            forms[word.lower()][word] += 1
    table = {}
    for low, counter in forms.items():
        best, _ = counter.most_common(1)[0]
        if best != low and best[:1].isupper():
            table[low] = best
    return table


def restore_case(sent: Sentence, table: dict[str, str]) -> tuple[list[str], list[bool]]:
    """Cased words for a lower-cased sentence and, per token, whether restoration capitalised it."""
    words, changed = [], []
    tags = [t for _, t in sent]
    for i, (word, tag) in enumerate(sent):
        if tag != "O" and tag.split("-")[1] in NERP_LABELS:
            new = table.get(word, word[:1].upper() + word[1:])
        elif word in table:
            new = table[word]
        elif i == 0:
            new = word[:1].upper() + word[1:]
        else:
            new = word
        words.append(new)
        changed.append(new != word and i > 0 and tags[i] == "O")
    return words, changed


def nerp_doc(vocab: Vocab, sent: Sentence, table: dict[str, str]) -> Doc:
    words, changed = restore_case(sent, table)
    doc = Doc(vocab, words=words, spaces=spaces_for(words))
    ents, missing = [], []
    for s, e, t in iob_spans([t for _, t in sent]):
        (ents if t in NERP_LABELS else missing).append(
            Span(doc, s, e, label=NERP_LABELS.get(t, "MISSING"))
        )
    covered = {i for span in ents + missing for i in range(span.start, span.end)}
    missing += [Span(doc, i, i + 1) for i, c in enumerate(changed) if c and i not in covered]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def _dedupe(sentences: Iterable[Sentence], seen: set[tuple[str, ...]]) -> Iterator[Sentence]:
    for sent in sentences:
        key = tuple(w.lower() for w, _ in sent)
        if key not in seen:
            seen.add(key)
            yield sent


def build_corpora(nergrit_dir: Path, nerp_dir: Path | None, out_dir: Path, grit_repeat: int = 1) -> dict[str, int]:
    """Write train.spacy (NERGrit train [+ case-restored NERP train]) and dev.spacy (NERGrit valid).

    `grit_repeat` > 1 repeats the (in-domain, cased) NERGrit sentences so NERP does not dominate."""
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    grit_train = list(read_conll(nergrit_dir / "train_preprocess.txt"))
    grit_valid = list(read_conll(nergrit_dir / "valid_preprocess.txt"))
    seen = {tuple(w.lower() for w, _ in s) for s in grit_valid}  # never train on a dev sentence
    train = DocBin(store_user_data=False)
    counts = Counter()
    for sent in _dedupe(grit_train, seen):
        for _ in range(grit_repeat):
            train.add(nergrit_doc(vocab, sent))
        counts["nergrit_train"] += 1
    if nerp_dir is not None:
        table = case_table(grit_train)
        for sent in _dedupe(read_conll(nerp_dir / "train_preprocess.txt"), seen):
            train.add(nerp_doc(vocab, sent, table))
            counts["nerp_train"] += 1
    dev = DocBin(store_user_data=False)
    for sent in grit_valid:
        dev.add(nergrit_doc(vocab, sent))
        counts["nergrit_valid"] += 1
    train.to_disk(out_dir / "train.spacy")
    dev.to_disk(out_dir / "dev.spacy")
    return dict(counts)
