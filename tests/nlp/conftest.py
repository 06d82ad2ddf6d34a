"""Fixtures for the NLP tests: the reference data (WASPADA_REFERENCE_DATA or ../shared/data/...),
a gazetteer built from it once per session, and a blank `id` pipeline with the Waspada components
(Docs are built by hand: entities are set by the test, not by a model)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import gazetteer as gazetteer_module
from nlp.components import import_all

ROOT = Path(__file__).resolve().parents[2]


def reference_source() -> Path | None:
    env = os.environ.get("WASPADA_REFERENCE_DATA")
    path = Path(env) if env else ROOT.parent / "shared" / "data" / "id-wilayah-kemendagri"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    src = reference_source()
    if src is None:
        pytest.skip("reference data missing: set WASPADA_REFERENCE_DATA to the id-wilayah-kemendagri folder")
    return src


@pytest.fixture(scope="session")
def gazetteer_file(reference_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reference") / "gazetteer.pkl"
    gazetteer_module.build(reference_dir, out)
    return out


@pytest.fixture(scope="session")
def gaz(gazetteer_file: Path) -> gazetteer_module.Gazetteer:
    return gazetteer_module.load(str(gazetteer_file))


@pytest.fixture(scope="session")
def rules_nlp(gazetteer_file: Path) -> Language:
    """Tokenizer + actor linker + place linker, no statistical model."""
    import_all()
    nlp = spacy.blank("id")
    gaz_cfg = {"gazetteer": {"@misc": "waspada.gazetteer.v1", "path": str(gazetteer_file)}}
    nlp.add_pipe("waspada_actor_linker", config=gaz_cfg)
    nlp.add_pipe("waspada_place_linker", config=gaz_cfg)
    return nlp


def make_doc(nlp: Language, text: str, title: str = "", ents: dict[str, str] | None = None,
             meta: dict | None = None) -> Doc:
    """A Doc like nlp.pipeline.make_doc builds, with hand-set entities {surface: label}."""
    from nlp.pipeline import make_doc as pipeline_make_doc

    doc = pipeline_make_doc(nlp, {"title": title, "text": text, **(meta or {})})
    spans: list[Span] = []
    for surface, label in sorted((ents or {}).items(), key=lambda kv: -len(kv[0])):
        start = 0
        while (start := doc.text.find(surface, start)) >= 0:
            span = doc.char_span(start, start + len(surface), label=label)
            assert span is not None, f"{surface!r} is not on token boundaries"
            if not any(s.start < span.end and span.start < s.end for s in spans):
                spans.append(span)
            start += len(surface)
    spans.sort(key=lambda s: s.start)
    doc.ents = spans
    return doc


def run(nlp: Language, doc: Doc) -> Doc:
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


__all__ = ["make_doc", "run", "Span"]
