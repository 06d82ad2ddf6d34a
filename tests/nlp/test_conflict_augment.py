"""Synonym augmentation of the hand-written conflict corpus (nlp/conflict/paraphrase.py)."""

from __future__ import annotations

import random

from nlp.conflict import data_sources as ds
from nlp.conflict.paraphrase import SYNONYM_GROUPS, augment, swap_synonyms


def test_a_swapped_phrase_comes_from_its_own_group_and_keeps_its_case():
    text = "Ratusan warga berunjuk rasa. Dua orang Ditangkap polisi setelah BENTROK di pasar."
    swapped = swap_synonyms(text, random.Random(1), rate=1.0)
    assert "berunjuk rasa" not in swapped and "Ditangkap" not in swapped and "BENTROK" not in swapped
    protest = next(g for g in SYNONYM_GROUPS if "berunjuk rasa" in g)
    assert any(f"warga {p}." in swapped for p in protest if p != "berunjuk rasa")
    arrest = next(g for g in SYNONYM_GROUPS if "ditangkap" in g)
    assert any(f"orang {p[0].upper() + p[1:]} polisi" in swapped for p in arrest if p != "ditangkap")
    assert any(f"setelah {p.upper()} di" in swapped for g in SYNONYM_GROUPS if "bentrok" in g for p in g)


def test_words_inside_longer_words_and_context_dependent_words_are_left_alone():
    text = "Mesin kapal mogok di tengah laut; penangkapan ikan tetap berjalan dan pemblokirannya batal."
    assert swap_synonyms(text, random.Random(3), rate=1.0) == text


def test_copies_keep_their_labels_and_are_reproducible():
    records = [{"id": "a", "title": "Massa Dikeroyok", "text": "Warga mengeroyok dua pemuda hingga luka-luka.",
                "stage": "incident", "intensity": 2, "categories": ["communal_violence"], "sentiment": "negative"},
               {"id": "b", "title": "Harga Cabai Turun", "text": "Harga cabai di pasar turun menjelang panen.",
                "stage": "none", "intensity": 0, "categories": [], "sentiment": "neutral"}]
    first = augment(records, copies=2, seed=9, rate=1.0)
    assert first == augment(records, copies=2, seed=9, rate=1.0)
    assert [r["id"] for r in first] == ["a+syn0", "a+syn1"]  # nothing to swap in the price report
    for copy in first:
        assert copy["text"] != records[0]["text"]
        assert {k: copy[k] for k in ("stage", "intensity", "categories", "sentiment")} == \
            {"stage": "incident", "intensity": 2, "categories": ["communal_violence"], "sentiment": "negative"}


def test_training_records_hold_the_swapped_copies_beside_the_originals():
    plain = ds.training_records(synonym_copies=0)
    augmented = ds.training_records(synonym_copies=1)
    extra = augmented[len(plain):]
    assert augmented[:len(plain)] == plain
    assert extra and all(r["id"].endswith("+syn0") for r in extra)
