"""The whole pipeline with the committed NER model (slow: loads the model; still runs in CI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from nlp.pipeline import enrich, load_pipeline
from waspada.cli import app
from waspada.settings import NlpSettings, PathSettings, Settings, get_settings

ROOT = Path(__file__).resolve().parents[2]
MAPPING = json.loads((ROOT / "index_mappings" / "articles.json").read_text())["template"]["mappings"]["properties"]

ARTICLES = [
    {"id": "a1", "title": "Warga Desa Long Sulit Blokade Jalan Perusahaan",
     "text": "MALINAU – Ratusan warga Desa Long Sulit di Kecamatan Mentarang Hulu memblokade jalan "
             "PT Karangjuang Hijau Lestari. Bupati Malinau Wempi W. Mawa meminta warga menahan diri. "
             "Kapolres Malinau AKBP Andi Irwan mengatakan situasi di Long Sulit kondusif.",
     "source": "teraskaltara", "url": "https://example.id/a1", "published": "2026-11-28T08:00:00Z",
     "source_region_code": "65"},
    {"id": "a2", "title": "Harga cabai naik", "text": "Harga cabai naik tajam minggu ini, kata pedagang."},
]


@pytest.fixture(scope="module")
def settings(gazetteer_file: Path, tmp_path_factory) -> Settings:
    return Settings(paths=PathSettings(home=tmp_path_factory.mktemp("var")),
                    nlp=NlpSettings(gazetteer=gazetteer_file))


@pytest.fixture(scope="module")
def enriched(settings: Settings) -> list[dict]:
    return enrich([dict(a) for a in ARTICLES], settings=settings)


@pytest.mark.slow
def test_load_pipeline_builds_the_cfg_pipeline_once(settings: Settings):
    nlp = load_pipeline(settings)
    assert nlp.pipe_names == ["ner", "waspada_actor_linker", "waspada_place_linker", "waspada_conflict",
                              "waspada_sentiment", "waspada_risk"]
    assert set(nlp.get_pipe("ner").labels) >= {"PER", "ORG", "LOC"}
    assert load_pipeline(settings) is nlp
    assert nlp.meta["version"].startswith("waspada-nlp-")


@pytest.mark.slow
def test_enrich_keeps_the_input_and_adds_only_mapped_fields(enriched: list[dict]):
    first = enriched[0]
    assert first["url"] == "https://example.id/a1" and first["text"] == ARTICLES[0]["text"]
    unknown = set(first) - set(MAPPING)
    assert unknown == set()
    for loc in first["locations"]:
        assert set(loc) <= set(MAPPING["locations"]["properties"])
    for actor in first["actors"]:
        assert set(actor) <= set(MAPPING["actors"]["properties"])
    assert set(first["primary_location"]) <= set(MAPPING["primary_location"]["properties"])
    assert first["enrichment"]["model_version"].startswith("waspada-nlp-")


@pytest.mark.slow
def test_entity_offsets_point_into_text_or_title(enriched: list[dict]):
    article = enriched[0]
    assert article["entities"]
    for ent in article["entities"]:
        field = article[ent["field"]]
        assert field[ent["start"]:ent["end"]] == ent["text"]
    for item in article["locations"] + article["actors"]:
        if item["start"] is not None:
            assert article["text"][item["start"]:item["end"]]


@pytest.mark.slow
def test_places_and_actors_of_a_news_article(enriched: list[dict]):
    article = enriched[0]
    codes = {loc["code"] for loc in article["locations"]}
    assert {"65.02.12.2006", "65.02.12"} <= codes
    assert {"65", "65.02", "65.02.12", "65.02.12.2006"} <= set(article["region_codes"])
    assert article["primary_location"]["code"] == "65.02.12.2006"  # Long Sulit, inside the dateline's Malinau
    assert article["primary_location"]["regency_code"] == "65.02"
    types = {a["name"]: a["type"] for a in article["actors"]}
    assert types.get("PT Karangjuang Hijau Lestari") == "company"
    assert any(a["role"] == "Bupati Malinau" and a["type"] == "government" for a in article["actors"])
    assert "security" in article["actor_types"]


@pytest.mark.slow
def test_article_without_places_or_actors(enriched: list[dict]):
    article = enriched[1]
    assert article["locations"] == [] and article["region_codes"] == []
    assert article["primary_location"] is None


@pytest.mark.slow
def test_two_processes_give_the_same_result(settings: Settings, enriched: list[dict]):
    again = enrich([dict(a) for a in ARTICLES] * 3, settings=settings, n_process=2, batch_size=2)
    strip = [{k: v for k, v in a.items() if k != "enrichment"} for a in again[:2]]
    assert strip == [{k: v for k, v in a.items() if k != "enrichment"} for a in enriched]


@Language.factory("test_tone", assigns=["doc._.test_tone"])
def _make_tone(nlp: Language, name: str):
    if not Doc.has_extension("test_tone"):
        Doc.set_extension("test_tone", default=None)

    def tone(doc: Doc) -> Doc:
        doc._.test_tone = {"label": "negative" if "blokade" in doc.text.lower() else "neutral"}
        return doc

    return tone


@pytest.mark.slow
def test_a_component_listed_in_the_cfg_reaches_the_output(settings: Settings, tmp_path: Path):
    cfg = (ROOT / "nlp" / "configs" / "pipeline.cfg").read_text()
    cfg = cfg.replace('"waspada_risk"]', '"waspada_risk", "test_tone"]')
    cfg += '\n[components.test_tone]\nfactory = "test_tone"\n'
    path = tmp_path / "pipeline.cfg"
    path.write_text(cfg)
    nlp = load_pipeline(settings, config_path=path)
    out = enrich([dict(ARTICLES[0])], nlp=nlp, settings=settings)
    assert "test_tone" not in out[0]  # only listed extensions are copied
    from nlp.pipeline import iter_enrich

    out = list(iter_enrich([dict(ARTICLES[0])], nlp=nlp, settings=settings, extensions=("test_tone",)))
    assert out[0]["test_tone"] == {"label": "negative"}


@pytest.mark.slow
def test_cli_enrich_file_mode(gazetteer_file: Path, tmp_path: Path, monkeypatch):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    monkeypatch.setenv("WASPADA_NLP_GAZETTEER", str(gazetteer_file))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["enrich", "--input", str(src), "--output", str(dst)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a1", "a2"]
    assert rows[0]["primary_location"]["code"] == "65.02.12.2006"


@pytest.mark.slow
def test_cli_enrich_rejects_lines_without_text(gazetteer_file: Path, tmp_path: Path, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x", "title": "t"}\n')
    monkeypatch.setenv("WASPADA_NLP_GAZETTEER", str(gazetteer_file))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["enrich", "--input", str(src), "--output", str(tmp_path / "o.jsonl")])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "W131" in result.output


def _invoke(args: list[str], gazetteer_file: Path, monkeypatch):
    monkeypatch.setenv("WASPADA_NLP_GAZETTEER", str(gazetteer_file))
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args)
    finally:
        get_settings.cache_clear()


@pytest.mark.slow
def test_cli_evaluate_ner_prints_per_label_scores_and_type_macro_f1(gazetteer_file: Path, tmp_path: Path,
                                                                   monkeypatch):
    conll = tmp_path / "valid.txt"
    conll.write_text("Bupati\tO\nIrwan\tB-PERSON\nSabri\tI-PERSON\nke\tO\nKabupaten\tB-PLACE\nNunukan\tI-PLACE\n.\tO\n\n"
                     "Polres\tB-ORGANISATION\nBulungan\tI-ORGANISATION\nsiaga\tO\n.\tO\n")
    result = _invoke(["evaluate", "ner", "--valid", str(conll), "--train", str(conll)], gazetteer_file, monkeypatch)
    assert result.exit_code == 0, result.output
    assert result.output.count("type-macro F1") == 4
    for label in ("PER", "ORG", "LOC"):
        assert label in result.output
    # the dictionary baseline trained on the same file finds every entity
    first_block = result.output.split("NER model alone")[0]
    assert "type-macro F1 1.0000" in first_block


@pytest.mark.slow
def test_cli_evaluate_places_beats_the_context_free_baseline(gazetteer_file: Path, monkeypatch):
    result = _invoke(["evaluate", "places"], gazetteer_file, monkeypatch)
    assert result.exit_code == 0, result.output
    macro = [float(line.split()[2]) for line in result.output.splitlines() if line.startswith("macro F1")]
    primary = [float(line.split()[-1]) for line in result.output.splitlines() if line.startswith("macro F1")]
    assert len(macro) == 2
    assert macro[1] > macro[0] and primary[1] > primary[0]
