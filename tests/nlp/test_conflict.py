"""Conflict categories / stage / intensity: the corpus contract, the scorer, and the shipped model's
decisions on texts written for this test (none of them is in the training corpus)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from nlp.conflict import data_sources as ds
from nlp.conflict.cues import CATEGORIES, STAGES, rule_decision
from nlp.conflict.evaluate import score
from nlp.conflict.generate import generate
from nlp.conflict.paraphrase import paraphrase

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "nlp" / "models" / "conflict"

INCIDENTS = {
    "election": "Ratusan pendukung calon wali kota yang kalah mengepung kantor KPU kota sejak pagi dan menuntut rekapitulasi suara diulang. Pagar kantor dirobohkan massa.",
    "identity": "Sekelompok orang merusak bangunan gereja yang sedang direnovasi di pinggir kota. Jemaat yang berada di dalam ketakutan dan kaca-kaca jendela hancur.",
    "resource": "Warga adat memblokade jalan angkutan kayu milik perusahaan perkebunan sawit karena lahan adat mereka digusur tanpa ganti rugi.",
    "boundary": "Warga dari dua desa yang bersengketa tapal batas mencabut patok batas wilayah yang baru dipasang dan merusak tugu batas desa.",
    "governance": "Ribuan mahasiswa berdemonstrasi di depan kantor DPRD menolak kenaikan pajak daerah. Aksi berakhir ricuh dan gas air mata ditembakkan.",
    "labor": "Seribu buruh pabrik pengolahan ikan mogok kerja dan berunjuk rasa di depan pabrik menuntut upah yang belum dibayar tiga bulan.",
    "communal_violence": "Tawuran antarwarga dua kampung pecah tengah malam. Puluhan rumah dibakar dan tiga orang tewas terkena senjata tajam.",
    "security": "Kelompok kriminal bersenjata menembaki pos aparat di distrik pegunungan dan membakar gedung sekolah. Dua prajurit gugur.",
    "disinformation": "Hoaks penculikan anak yang disebarkan lewat grup WhatsApp membuat warga mengeroyok seorang pedagang keliling hingga luka parah.",
}
PREVENTION = [
    "Bupati memimpin rapat koordinasi tim terpadu penanganan konflik sosial bersama Kapolres, Dandim, tokoh agama dan tokoh adat. Rapat membahas pemetaan daerah rawan bentrok, kerusuhan, dan tawuran agar deteksi dini berjalan.",
    "Tokoh pemuda dari dua kelurahan menandatangani ikrar damai di kantor camat, disaksikan polisi dan tokoh masyarakat, untuk menjaga situasi tetap kondusif.",
    "FKUB kabupaten menggelar dialog lintas agama bersama pemuda gereja dan remaja masjid untuk mencegah konflik bernuansa SARA menjelang hari raya.",
]
TRAPS = [
    "Kapolres menyatakan perang melawan narkoba dan memusnahkan dua kilogram sabu di halaman mapolres, disaksikan jaksa dan hakim.",
    "Mantan kepala dinas itu meninggal dunia akibat serangan jantung di rumahnya pada Minggu pagi. Jenazahnya dimakamkan di kampung halamannya.",
    "Laga panas derbi antara dua tim papan atas liga daerah berakhir 1-1. Kedua tim saling serang dan menggempur pertahanan lawan sejak menit awal.",
    "Banjir bandang merendam lima desa dan memaksa ratusan warga mengungsi ke balai desa. Dua orang meninggal terseret arus.",
    "Polisi menangkap seorang pria yang mencuri tiga sepeda motor di parkiran rumah sakit. Pelaku terancam tujuh tahun penjara.",
]


# --- corpus contract (no model needed)

def test_corpus_covers_every_category_stage_and_intensity():
    train = ds.corpus("train")
    assert len(train) >= 1500
    pairs = {(c, r["stage"]) for r in train for c in r["categories"]}
    for cat in CATEGORIES:
        for stage in ("prevention", "tension", "incident"):
            assert (cat, stage) in pairs, (cat, stage)
    assert {r["intensity"] for r in train} == {0, 1, 2, 3}
    assert {r["stage"] for r in train} == set(STAGES)


def test_dev_and_holdout_are_never_in_train():
    train_texts = {r["text"] for r in ds.corpus("train")}
    assert len(ds.corpus("holdout")) >= 120
    for split in ("dev", "dev_handwritten", *ds.HOLDOUTS):
        assert not train_texts & {r["text"] for r in ds.corpus(split)}, split


def test_unknown_split_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown split"):
        ds.corpus("test")


def test_generator_is_deterministic_and_labels_are_valid():
    a, b = generate(50, seed=5), generate(50, seed=5)
    assert a == b
    for rec in a:
        assert rec["stage"] in STAGES and set(rec["categories"]) <= set(CATEGORIES)
        expected = {"none": {0}, "prevention": {0}, "tension": {1}, "incident": {1, 2, 3}}[rec["stage"]]
        assert rec["intensity"] in expected
        if rec["stage"] == "none":
            assert rec["categories"] == []


def test_paraphrase_keeps_capitals_and_is_seeded():
    text = "Warga berunjuk rasa. Polisi mengamankan sejumlah orang."
    assert paraphrase(text, random.Random(1), rate=1.0) == paraphrase(text, random.Random(1), rate=1.0)
    out = paraphrase(text, random.Random(1), rate=1.0)
    assert out != text and out[0].isupper()


def test_score_counts_incidents_stage_and_categories():
    gold = [{"stage": "incident", "categories": ["labor"], "intensity": 1},
            {"stage": "none", "categories": [], "intensity": 0},
            {"stage": "tension", "categories": ["resource"], "intensity": 1}]
    pred = [{"stage": "incident", "categories": ["labor"], "intensity": 2},
            {"stage": "incident", "categories": ["labor"], "intensity": 1},
            {"stage": "tension", "categories": ["resource"], "intensity": 1}]
    m = score(gold, pred)
    assert m["incident"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "support": 1}
    assert m["stage_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["categories"]["labor"]["p"] == 0.5 and m["categories"]["resource"]["f1"] == 1.0
    assert m["stage_confusion"]["none"]["incident"] == 1
    assert m["intensity_accuracy"] == pytest.approx(1 / 3, abs=1e-4)


def test_keyword_baseline_keeps_plain_news_out():
    assert rule_decision("Bupati meresmikan pasar baru dan festival kuliner di alun-alun.")["stage"] == "none"
    decision = rule_decision("Warga bentrok dan membakar rumah; dua orang tewas dalam kerusuhan itu.")
    assert decision["stage"] == "incident" and decision["intensity"] == 3


def test_feedback_rows_in_the_alerts_export_format_become_partial_labels(tmp_path: Path):
    path = tmp_path / "verdicts.jsonl"
    rows = [{"text": "a", "title": "", "categories": ["labor"], "stage": "incident", "verdict": "verified", "label": 1},
            {"text": "b", "categories": ["security"], "stage": "incident", "verdict": "dismissed", "label": 0},
            {"text": "c", "conflict": {"stage": "tension", "categories": ["resource", "bogus"], "intensity": 1}},
            {"text": "", "stage": "none"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    recs = ds.feedback_records(path)
    assert [r["stage"] for r in recs] == ["incident", None, "tension"]
    sets = ds.feedback_sets(recs)
    assert sets["categories"][1] == ("b", {"security": 0.0})  # a false alarm: only a category negative
    assert [t for t, _ in sets["stage"]] == ["a", "c"]
    assert sets["intensity"] == [("c", {"intensity_0": 0.0, "intensity_1": 1.0, "intensity_2": 0.0, "intensity_3": 0.0})]
    assert sets["categories"][2][1]["resource"] == 1.0 and "bogus" not in sets["categories"][2][1]


# --- the shipped model

@pytest.fixture(scope="module")
def classify():
    if not (MODEL / "meta.json").is_file():
        pytest.fail("nlp/models/conflict is missing: run `waspada train conflict`")
    from nlp.conflict.model import classify as _classify

    return lambda text, title=None: _classify(text, title=title, model_dir=MODEL)


@pytest.mark.slow
@pytest.mark.parametrize("category", sorted(INCIDENTS))
def test_clear_incident_per_category(classify, category):
    result = classify(INCIDENTS[category])
    assert result["stage"] == "incident"
    assert category in result["categories"]
    assert result["intensity"] >= 1


@pytest.mark.slow
@pytest.mark.parametrize("text", PREVENTION)
def test_prevention_articles_stay_prevention(classify, text):
    result = classify(text)
    assert result["stage"] == "prevention"
    assert result["intensity"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_none(classify, text):
    result = classify(text)
    assert result["stage"] == "none"
    assert result["categories"] == [] and result["intensity"] == 0


@pytest.mark.slow
def test_deaths_and_riots_are_intensity_three(classify):
    assert classify(INCIDENTS["communal_violence"])["intensity"] == 3
    riot = ("Kerusuhan melanda ibu kota kabupaten setelah pengumuman hasil pilkada. Massa membakar kantor KPU "
            "dan kantor bupati; empat orang meninggal dunia dan ribuan warga mengungsi.")
    result = classify(riot)
    assert result["stage"] == "incident" and result["intensity"] == 3


@pytest.mark.slow
def test_cues_point_at_the_right_spans_in_the_text(classify):
    title = "Buruh Mogok di Kawasan Industri"
    text = INCIDENTS["labor"]
    result = classify(text, title=title)
    assert result["cues"], "every decision carries cues"
    kinds = {c["kind"] for c in result["cues"]}
    assert {"category", "stage", "stage_sentence"} <= kinds
    for cue in result["cues"]:
        assert set(cue) == {"kind", "label", "text", "sentence", "start", "end", "weight"}
        if cue["start"] is not None:
            assert text[cue["start"]:cue["end"]] == cue["text"]
            assert cue["text"] in cue["sentence"]
    labor_words = {c["text"].lower() for c in result["cues"] if c["kind"] == "category" and c["label"] == "labor"}
    assert {"buruh", "mogok kerja"} & labor_words


@pytest.mark.slow
def test_same_input_same_output(classify):
    text = INCIDENTS["resource"]
    assert classify(text) == classify(text)
    assert json.dumps(classify(text))  # JSON-ready for the index


@pytest.mark.slow
def test_component_runs_in_a_spacy_pipeline_with_a_title_offset():
    import spacy

    import nlp.components.conflict  # noqa: F401

    nlp = spacy.blank("id")
    nlp.add_pipe("waspada_conflict", config={"model_dir": str(MODEL)})
    title = "Bentrok Antarkampung"
    text = INCIDENTS["communal_violence"]
    doc = nlp.make_doc(f"{title}\n\n{text}")
    doc._.text_start = len(title) + 2
    doc = nlp(doc)
    conflict = doc._.conflict
    assert conflict["stage"] == "incident"
    assert set(conflict) == {"categories", "category_scores", "stage", "stage_score", "intensity", "cues"}
    for cue in conflict["cues"]:
        if cue["start"] is not None:
            assert text[cue["start"]:cue["end"]] == cue["text"]
