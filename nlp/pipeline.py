"""The enrichment pipeline frame: build the spaCy pipeline from its .cfg and enrich article dicts.

    from nlp.pipeline import enrich
    enriched = enrich([{"id": "a1", "title": "...", "text": "..."}])

`load_pipeline(settings)` builds (once, cached) the pipeline listed in nlp/configs/pipeline.cfg:
the trained NER (sourced from nlp/models/ner) and the Waspada components in nlp/components/
(every module there is imported, so its `@Language.factory` is registered). `enrich(docs)` turns
each article into one Doc (title + "\\n\\n" + text), runs `nlp.pipe` in batches (n_process > 1
forks workers; it pays off from a few hundred articles) and serialises every Doc back into the
input dict plus the enrichment fields of index_mappings/articles.json. No Elasticsearch needed.

Output fields (schema documented in docs/nlp.md):
- `entities`: every entity mention {text, label, start, end, field}; `field` is "text" (offsets
  into `text`) or "title" (offsets into `title`).
- `locations`, `region_codes`, `primary_location`: see nlp/components/places.py; `start`/`end`
  are offsets into `text` (null when the place is only named in the title).
- `actors`, `actor_names`, `actor_types`: see nlp/components/actors.py; offsets as above.
- `enrichment`: {model_version, enriched_at}.

Plugging in another analysis (conflict, sentiment, risk): write a factory in
nlp/components/<name>.py that sets a Doc extension (`doc._.conflict`, `doc._.sentiment`,
`doc._.risk`) to a JSON-ready dict, add it to `pipeline` and `[components.<name>]` in the .cfg;
`serialize` copies every extension named in OUTPUT_EXTENSIONS that is registered and not None
to the output field of the same name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions
from nlp.errors import WaspadaNlpError

OUTPUT_EXTENSIONS = ("conflict", "sentiment", "risk")
TITLE_SEPARATOR = "\n\n"
PIPELINE_VERSION = "1"
_CACHE: dict[tuple, Language] = {}


def _settings(settings=None):
    if settings is None:
        from waspada.settings import get_settings

        settings = get_settings()
    return settings


def load_pipeline(settings=None, config_path: Path | None = None) -> Language:
    """The enrichment pipeline for these settings, built once per (config, model, gazetteer)."""
    from nlp.components import import_all
    from nlp.reference import gazetteer_path

    settings = _settings(settings)
    cfg_path = Path(config_path or settings.nlp.pipeline_config)
    ner_model = Path(settings.nlp.ner_model)
    gaz = Path(settings.nlp.gazetteer or gazetteer_path(settings.paths.home))
    key = (str(cfg_path), str(ner_model), str(gaz), settings.nlp.home_province)
    if key in _CACHE:
        return _CACHE[key]
    if not (ner_model / "meta.json").is_file():
        raise WaspadaNlpError("W120", f"NER model not found at {ner_model}; run `waspada train ner` "
                              "or set WASPADA_NLP_NER_MODEL")
    if not gaz.is_file():
        raise WaspadaNlpError("W110", f"gazetteer {gaz} not found; run `waspada data install`")
    import_all()
    import nlp.ner_lexicon  # noqa: F401  the NER's embedding architecture (also a spaCy entry point)
    extensions.register()
    config = spacy.util.load_config(cfg_path, overrides={
        "paths.ner_model": str(ner_model), "paths.gazetteer": str(gaz),
    }, interpolate=False)
    if "waspada_place_linker" in config["components"]:
        config["components"]["waspada_place_linker"]["home_province"] = settings.nlp.home_province
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    nlp.meta["name"] = "waspada_enrichment"
    nlp.meta["version"] = model_version(nlp, cfg_path, ner_model)
    _CACHE[key] = nlp
    return nlp


def model_version(nlp: Language, cfg_path: Path, ner_model: Path) -> str:
    """A short id that changes when the config or the NER weights change."""
    h = hashlib.sha256(Path(cfg_path).read_bytes())
    weights = ner_model / "ner" / "model"
    if weights.is_file():
        h.update(weights.read_bytes())
    return f"waspada-nlp-{PIPELINE_VERSION}-{h.hexdigest()[:10]}"


def make_doc(nlp: Language, article: dict) -> Doc:
    """One Doc for an article: title + blank line + text; the rest of the dict in doc._.meta."""
    title = article.get("title") or ""
    text = article.get("text") or ""
    has_title = bool(title.strip())
    full = f"{title}{TITLE_SEPARATOR}{text}" if has_title else text
    doc = nlp.make_doc(full)
    doc._.text_start = len(title) + len(TITLE_SEPARATOR) if has_title else 0
    doc._.meta = {k: v for k, v in article.items() if k not in ("text", "title")
                  and isinstance(v, (str, int, float, bool, type(None)))}
    return doc


def _offsets(doc: Doc, start: int | None, end: int | None) -> tuple[str, int | None, int | None]:
    """('text'|'title', start, end) relative to that field."""
    ts = doc._.text_start
    if start is None:
        return "text", None, None
    if ts and start < ts:
        return "title", start, end
    return "text", start - ts, end - ts


def serialize(doc: Doc, article: dict, version: str, enriched_at: str | None = None,
              extensions: Iterable[str] = OUTPUT_EXTENSIONS) -> dict:
    """The input dict plus the enrichment fields of the articles index mapping."""
    out = dict(article)
    entities = []
    for ent in doc.ents:
        where, s, e = _offsets(doc, ent.start_char, ent.end_char)
        entities.append({"text": ent.text, "label": ent.label_, "start": s, "end": e, "field": where})
    locations = []
    for loc in doc._.locations or []:
        item = {k: v for k, v in loc.items() if k != "mentions"}
        where, s, e = _offsets(doc, loc["start"], loc["end"])
        item["start"], item["end"] = (s, e) if where == "text" else (None, None)
        locations.append(item)
    region_codes = sorted({c for loc in locations for c in [loc["code"], *loc["parent_codes"]] if c})
    actors = []
    for actor in doc._.actors or []:
        item = dict(actor)
        where, s, e = _offsets(doc, actor["start"], actor["end"])
        item["start"], item["end"] = (s, e) if where == "text" else (None, None)
        actors.append(item)
    out.update({
        "entities": entities,
        "locations": locations,
        "region_codes": region_codes,
        "primary_location": doc._.primary_location,
        "actors": actors,
        "actor_names": sorted({a["normalized"] for a in actors}),
        "actor_types": sorted({a["type"] for a in actors}),
        "enrichment": {"model_version": version,
                       "enriched_at": enriched_at or datetime.now(UTC).isoformat(timespec="seconds")},
    })
    for name in extensions:
        if Doc.has_extension(name) and getattr(doc._, name) is not None:
            out[name] = getattr(doc._, name)
    return out


def iter_enrich(docs: Iterable[dict], nlp: Language | None = None, batch_size: int | None = None,
                n_process: int | None = None, settings=None,
                extensions: Iterable[str] = OUTPUT_EXTENSIONS) -> Iterator[dict]:
    """Enrich articles lazily, in input order (for large files and progress bars)."""
    settings = _settings(settings)
    nlp = nlp or load_pipeline(settings)
    batch_size = batch_size or settings.nlp.batch_size
    n_process = n_process or settings.nlp.n_process
    version = nlp.meta["version"]
    articles: list[dict] = []

    def feed() -> Iterator[Doc]:
        for article in docs:
            articles.append(article)
            yield make_doc(nlp, article)

    for i, doc in enumerate(nlp.pipe(feed(), batch_size=batch_size, n_process=n_process)):
        yield serialize(doc, articles[i], version, extensions=extensions)
        articles[i] = None  # type: ignore[call-overload]  # free memory as we go


def enrich(docs: Iterable[dict], batch_size: int | None = None, n_process: int | None = None,
           settings=None, nlp: Language | None = None) -> list[dict[str, Any]]:
    """Enrich article dicts (id, title, text, optional published/source/url/source_region_code)."""
    return list(iter_enrich(docs, nlp=nlp, batch_size=batch_size, n_process=n_process, settings=settings))
