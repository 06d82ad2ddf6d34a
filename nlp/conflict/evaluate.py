"""Scores of conflict decisions against labelled records: the figures the issue's goals name.

Incident detection (stage == incident, binary P/R/F1), stage accuracy with per-class P/R/F1 and a
confusion matrix, category per-class P/R/F1 and macro-F1 (over articles with a conflict stage,
the multi-label decision), intensity accuracy and confusion. Pure functions over decision dicts,
so the model, the keyword baseline and analysts' feedback are all scored the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nlp.conflict.cues import CATEGORIES, STAGES


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def confusion(gold: list, pred: list, labels: Iterable) -> dict[str, dict[str, int]]:
    labels = list(labels)
    m = {str(g): {str(p): 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred):
        m[str(g)][str(p)] += 1
    return m


def per_class(gold: list, pred: list, labels: Iterable) -> dict[str, dict[str, float]]:
    out = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        out[str(lab)] = prf(tp, fp, fn)
    return out


def score(records: list[dict], decisions: list[dict]) -> dict[str, Any]:
    """All conflict metrics for gold records and predicted decisions (same order)."""
    g_stage = [r["stage"] for r in records]
    p_stage = [d["stage"] for d in decisions]
    inc = per_class([s == "incident" for s in g_stage], [s == "incident" for s in p_stage], [True])["True"]
    stage_acc = sum(g == p for g, p in zip(g_stage, p_stage)) / max(len(records), 1)
    cat = {}
    for c in CATEGORIES:
        tp = sum(1 for r, d in zip(records, decisions) if c in r["categories"] and c in d["categories"])
        fp = sum(1 for r, d in zip(records, decisions) if c not in r["categories"] and c in d["categories"])
        fn = sum(1 for r, d in zip(records, decisions) if c in r["categories"] and c not in d["categories"])
        cat[c] = prf(tp, fp, fn)
    present = [c for c in CATEGORIES if cat[c]["support"]]
    macro = sum(cat[c]["f1"] for c in present) / max(len(present), 1)
    g_int = [int(r["intensity"]) for r in records]
    p_int = [int(d["intensity"]) for d in decisions]
    int_acc = sum(g == p for g, p in zip(g_int, p_int)) / max(len(records), 1)
    inc_idx = [i for i, r in enumerate(records) if r["stage"] == "incident" and decisions[i]["stage"] == "incident"]
    int_acc_inc = sum(g_int[i] == p_int[i] for i in inc_idx) / max(len(inc_idx), 1)
    return {
        "n": len(records),
        "incident": inc,
        "stage_accuracy": round(stage_acc, 4),
        "stage": per_class(g_stage, p_stage, STAGES),
        "stage_confusion": confusion(g_stage, p_stage, STAGES),
        "category_macro_f1": round(macro, 4),
        "categories": cat,
        "intensity_accuracy": round(int_acc, 4),
        "intensity_accuracy_on_incidents": round(int_acc_inc, 4),
        "intensity_confusion": confusion(g_int, p_int, range(4)),
    }


def decide_all(records: list[dict], fn: Callable[[dict], dict]) -> list[dict]:
    return [fn(r) for r in records]


def format_report(name: str, m: dict[str, Any]) -> str:
    """Human-readable table: headline figures, per-class P/R/F1 and confusion matrices."""
    lines = [f"== {name} (n={m['n']})",
             f"incident F1 {m['incident']['f1']:.3f} (P {m['incident']['p']:.3f} R {m['incident']['r']:.3f})  "
             f"stage accuracy {m['stage_accuracy']:.3f}  category macro-F1 {m['category_macro_f1']:.3f}  "
             f"intensity accuracy {m['intensity_accuracy']:.3f}"]
    lines.append(f"{'stage':<18}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for lab, v in m["stage"].items():
        lines.append(f"{lab:<18}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}{v['support']:>6}")
    lines.append("confusion (rows gold, cols predicted): " + " ".join(STAGES))
    for g, row in m["stage_confusion"].items():
        lines.append(f"  {g:<12}" + "".join(f"{row[p]:>6}" for p in STAGES))
    lines.append(f"{'category':<18}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for lab, v in m["categories"].items():
        lines.append(f"{lab:<18}{v['p']:>7.3f}{v['r']:>7.3f}{v['f1']:>7.3f}{v['support']:>6}")
    lines.append("intensity confusion (rows gold 0-3, cols predicted 0-3):")
    for g, row in m["intensity_confusion"].items():
        lines.append(f"  {g:<3}" + "".join(f"{row[p]:>6}" for p in row))
    return "\n".join(lines)
