"""Place-linking evaluation on a small hand-annotated set (nlp/resources/places_eval.jsonl).

Each line: an article (id, title, text, source_region_code) written for this project, the
Kemendagri codes of the admin places it names (`codes`) and its primary location (`primary`,
null when the article names no place). Scores: P/R/F1 of linked codes per level (micro over
articles), their macro average, and primary-location accuracy; a context-free baseline (every
gazetteer name after a level word or bare, first candidate code, primary = first place) is
scored in the same run so the value of disambiguation is visible.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from nlp.gazetteer import LEVELS, Gazetteer
from nlp.pipeline import enrich, make_doc

DEFAULT_GOLD = Path(__file__).resolve().parent.parent / "resources" / "places_eval.jsonl"


@dataclass
class PlaceScores:
    rows: dict[str, dict[str, dict[str, float]]]  # system → level → p/r/f1

    def table(self) -> str:
        out = []
        for system, levels in self.rows.items():
            out.append(f"== {system}")
            out.append(f"{'level':<9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
            for level, s in levels.items():
                if level.startswith("_"):
                    continue
                out.append(f"{level:<9} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {int(s['gold']):5d}")
            out.append(f"macro F1 {levels['_macro']['f1']:.3f}   micro F1 {levels['_micro']['f1']:.3f}   "
                       f"primary accuracy {levels['_primary']['acc']:.3f}")
        return "\n".join(out)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold}


def _score(gaz: Gazetteer, gold: list[dict], pred_codes: list[set[str]], pred_primary: list) -> dict:
    levels: dict[str, dict[str, float]] = {}
    tp_all = np_all = ng_all = 0
    for level in LEVELS:
        tp = n_pred = n_gold = 0
        for g, p in zip(gold, pred_codes, strict=True):
            gs = {c for c in g["codes"] if gaz.units[c]["level"] == level}
            ps = {c for c in p if gaz.units[c]["level"] == level}
            tp, n_pred, n_gold = tp + len(gs & ps), n_pred + len(ps), n_gold + len(gs)
        levels[level] = _prf(tp, n_pred, n_gold)
        tp_all, np_all, ng_all = tp_all + tp, np_all + n_pred, ng_all + n_gold
    levels["_macro"] = {"f1": sum(levels[lv]["f1"] for lv in LEVELS) / len(LEVELS)}
    levels["_micro"] = _prf(tp_all, np_all, ng_all)
    correct = sum(1 for g, p in zip(gold, pred_primary, strict=True) if g["primary"] == p)
    levels["_primary"] = {"acc": correct / len(gold)}
    return levels


def _baseline(nlp: Language, gaz: Gazetteer, article: dict) -> tuple[set[str], str | None]:
    doc = make_doc(nlp, article)
    lower = [t.lower_ for t in doc]
    codes: list[str] = []
    i = 0
    while i < len(doc):
        for n in range(min(gaz.max_tokens, len(doc) - i), 0, -1):
            hit = gaz.bare.get(" ".join(lower[i:i + n])) if doc[i].text[:1].isupper() else None
            if hit:
                codes.append(hit[0])
                i += n
                break
        else:
            i += 1
    admin = [c for c in codes if gaz.units[c]["level"] != "non_admin"]
    return set(admin), (admin[0] if admin else None)


def evaluate_places(nlp: Language, gold_path: Path = DEFAULT_GOLD) -> PlaceScores:
    gold = [json.loads(line) for line in Path(gold_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    gaz = nlp.get_pipe("waspada_place_linker").gaz
    out = enrich([{k: g[k] for k in ("id", "title", "text", "source_region_code")} for g in gold], nlp=nlp)
    pred_codes = [{loc["code"] for loc in a["locations"] if loc["code"] and loc["level"] != "non_admin"}
                  for a in out]
    pred_primary = [(a["primary_location"] or {}).get("code") for a in out]
    base = [_baseline(nlp, gaz, g) for g in gold]
    return PlaceScores({
        "baseline (bare gazetteer names, first candidate)": _score(gaz, gold, [b[0] for b in base], [b[1] for b in base]),
        "place linker": _score(gaz, gold, pred_codes, pred_primary),
    })
