"""Article text with its enrichment marked: places, actors, other entities and conflict cues.

The NLP stores character offsets into `text` (see nlp/pipeline.py) for `entities` (field "text"),
`locations`, `actors` and `conflict.cues`; spans in the title have null offsets and are listed,
not marked. Overlaps are resolved by priority (cue > place > actor > other entity, then the
longer span); text is escaped piece by piece, so the result is safe HTML.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from api.web.render import ACTOR_TYPE_LABELS, CATEGORY_LABELS, ENTITY_LABELS

PRIORITY = {"cue": 0, "loc": 1, "actor": 2, "ent": 3}


def _span(start, end, kind: str, css: str, title: str, text_len: int) -> dict | None:
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= text_len:
        return None
    return {"start": start, "end": end, "kind": kind, "css": css, "title": title}


def spans_of(doc: dict) -> list[dict]:
    """Every markable span of an article (possibly overlapping), from its enrichment fields."""
    text_len = len(doc.get("text") or "")
    out: list[dict | None] = []
    for cue in (doc.get("conflict") or {}).get("cues") or []:
        label = cue.get("label") or ""
        title = f"Isyarat konflik ({cue.get('kind') or 'cue'}): {CATEGORY_LABELS.get(label, label)}"
        out.append(_span(cue.get("start"), cue.get("end"), "cue", f"cue cue-{cue.get('kind') or 'x'}", title,
                         text_len))
    for loc in doc.get("locations") or []:
        title = f"Tempat: {loc.get('name') or loc.get('mention') or ''} ({loc.get('code') or 'tanpa kode'})"
        out.append(_span(loc.get("start"), loc.get("end"), "loc", "ent-loc", title, text_len))
    for actor in doc.get("actors") or []:
        kind = ACTOR_TYPE_LABELS.get(actor.get("type") or "", actor.get("type") or "aktor")
        title = f"Aktor: {actor.get('normalized') or actor.get('name')} — {kind}"
        out.append(_span(actor.get("start"), actor.get("end"), "actor", f"ent-actor actor-{actor.get('type')}",
                         title, text_len))
    entities = doc.get("entities") or []
    if isinstance(entities, list):
        for ent in entities:
            if ent.get("field", "text") != "text":
                continue
            label = str(ent.get("label") or "")
            title = f"Entitas: {ENTITY_LABELS.get(label, label)}"
            out.append(_span(ent.get("start"), ent.get("end"), "ent", f"ent ent-{label.lower()}", title, text_len))
    return [s for s in out if s]


def choose(spans: list[dict]) -> list[dict]:
    """Non-overlapping spans, preferring cues, then places, actors, entities; longer first."""
    kept: list[dict] = []
    for span in sorted(spans, key=lambda s: (PRIORITY[s["kind"]], -(s["end"] - s["start"]), s["start"])):
        if all(span["end"] <= k["start"] or span["start"] >= k["end"] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s["start"])


def marked_text(doc: dict) -> Markup:
    """The article text as HTML with `<mark class=...>` around each chosen span."""
    text = doc.get("text") or ""
    pieces: list[str] = []
    pos = 0
    for span in choose(spans_of(doc)):
        pieces.append(str(escape(text[pos:span["start"]])))
        pieces.append(f'<mark class="{escape(span["css"])}" title="{escape(span["title"])}">'
                      f'{escape(text[span["start"]:span["end"]])}</mark>')
        pos = span["end"]
    pieces.append(str(escape(text[pos:])))
    return Markup("".join(pieces))
