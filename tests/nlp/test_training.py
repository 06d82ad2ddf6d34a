"""NER data conversion (IOB2 → DocBin, NERP case restoration) and the IndoNLU-style scorer."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from nlp.training.corpus import build_corpora, case_table, iob_spans, nerp_doc, restore_case
from nlp.training.evaluate import dictionary_baseline, score


def test_iob_spans_close_on_type_change_and_open_on_stray_inside():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"]
    assert iob_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC")]


def test_nerp_is_case_restored_and_unknown_labels_are_missing_not_outside():
    table = case_table([[("Kata", "O"), ("KPK", "B-ORGANISATION"), ("hari", "O")]])
    sent = [("kpk", "O"), ("memanggil", "O"), ("amos", "B-PPL"), ("kenda", "I-PPL"), ("di", "O"),
            ("manado", "B-PLC"), ("saat", "O"), ("festival", "B-EVT"), ("kopi", "I-EVT"), ("bersama", "O"),
            ("kpk", "O")]
    words, changed = restore_case(sent, table)
    assert words[:6] == ["KPK", "memanggil", "Amos", "Kenda", "di", "Manado"]
    doc = nerp_doc(spacy.blank("id").vocab, sent, table)
    assert [(e.text, e.label_) for e in doc.ents] == [("Amos Kenda", "PER"), ("Manado", "LOC")]
    iob = [t.ent_iob_ for t in doc]
    assert iob[7] == "" and iob[8] == ""  # EVT: unknown, not O
    assert iob[10] == ""  # "KPK" restored mid-sentence but tagged O in NERP: unknown
    assert iob[1] == "O" and iob[4] == "O"


def test_build_corpora_keeps_dev_sentences_out_of_train(tmp_path: Path):
    grit = tmp_path / "grit"
    grit.mkdir()
    sent_a = "Budi\tB-PERSON\ntinggal\tO\ndi\tO\nTarakan\tB-PLACE\n.\tO\n"
    sent_b = "PT\tB-ORGANISATION\nAcme\tI-ORGANISATION\nbangkrut\tO\n"
    (grit / "train_preprocess.txt").write_text(f"{sent_a}\n{sent_b}\n")
    (grit / "valid_preprocess.txt").write_text(f"{sent_b}\n")
    counts = build_corpora(grit, None, tmp_path / "out")
    assert counts == {"nergrit_train": 1, "nergrit_valid": 1}
    nlp = spacy.blank("id")
    train = list(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(nlp.vocab))
    assert [(e.text, e.label_) for e in train[0].ents] == [("Budi", "PER"), ("Tarakan", "LOC")]
    assert train[0].text == "Budi tinggal di Tarakan."


def test_type_macro_f1_averages_per_type_f1():
    gold = [{(0, 1, "PER"), (3, 4, "LOC")}, {(0, 2, "ORG")}]
    pred = [{(0, 1, "PER"), (3, 4, "ORG")}, {(0, 2, "ORG")}]
    s = score(gold, pred)
    assert s.per_type["PER"]["f1"] == 1.0
    assert s.per_type["LOC"]["f1"] == 0.0
    assert round(s.per_type["ORG"]["f1"], 4) == round(2 * 0.5 * 1.0 / 1.5, 4)
    assert round(s.macro_f1, 4) == round((1.0 + 0.0 + 2 / 3) / 3, 4)
    assert "type-macro F1" in s.table()


def test_dictionary_baseline_tags_longest_known_strings(tmp_path: Path):
    train = tmp_path / "train.txt"
    train.write_text("Kota\tB-PLACE\nTarakan\tI-PLACE\n\nTarakan\tB-PLACE\n")
    assert dictionary_baseline(train, [["di", "Kota", "Tarakan"]]) == [{(1, 3, "LOC")}]
