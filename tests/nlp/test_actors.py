"""Actors on hand-built Docs: titles stripped with role kept, types, variants merged, groups."""

from __future__ import annotations

from nlp.actor_names import ActorRegistry, normalize_name, strip_titles
from nlp.actor_types import org_type
from nlp.components.actors import ActorLinker
from tests.nlp.conftest import make_doc, run


def _actor(doc, name):
    return next(a for a in doc._.actors if a["name"] == name)


def test_governor_titles_are_stripped_and_the_role_kept(rules_nlp):
    text = "Gubernur Kalimantan Utara Dr. H. Zainal A. Paliwang, SH, M.Hum. meninjau lokasi."
    doc = run(rules_nlp, make_doc(rules_nlp, text))
    actor = _actor(doc, "Zainal A. Paliwang")
    assert actor["role"] == "Gubernur Kalimantan Utara"
    assert actor["type"] == "government" and actor["label"] == "PER"
    assert actor["normalized"] in {"zainal a paliwang", "zainal arifin paliwang"}  # registry may merge
    assert text[actor["start"]:actor["end"]] == "Zainal A. Paliwang"


def test_titles_are_stripped_from_ner_person_spans(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "Menurut Drs. H. Sabarani, warga sudah tenang.",
                                  ents={"Drs. H. Sabarani": "PER"}))
    assert [(e.text, e.label_) for e in doc.ents] == [("Sabarani", "PER")]
    assert _actor(doc, "Sabarani")["type"] == "person"


def test_roles_type_security_legislature_election_and_village_heads(rules_nlp):
    text = ("Kapolres Nunukan AKBP Bonifasius Rio Sorong dan Dandim 0911 Nunukan Letkol Inf Ahmad Ridho bertemu "
            "Ketua DPRD Nunukan Hj. Leppa, Ketua KPU Nunukan Rahman, Camat Sebatik Barat Yusuf Hamid "
            "dan Kepala Desa Aji Kuning Sulaiman.")
    doc = run(rules_nlp, make_doc(rules_nlp, text))
    assert _actor(doc, "Bonifasius Rio Sorong")["type"] == "security"
    assert _actor(doc, "Bonifasius Rio Sorong")["role"] == "Kapolres Nunukan"
    assert _actor(doc, "Ahmad Ridho")["type"] == "security"
    assert _actor(doc, "Leppa")["type"] == "legislature" and _actor(doc, "Leppa")["role"] == "Ketua DPRD Nunukan"
    assert _actor(doc, "Rahman")["type"] == "election_body"
    assert _actor(doc, "Yusuf Hamid")["role"] == "Camat Sebatik Barat"
    assert _actor(doc, "Sulaiman")["type"] == "government"


def test_organisations_and_groups_are_typed(rules_nlp):
    text = ("PT Karangjuang Hijau Lestari digugat warga Desa Long Sulit dan masyarakat adat Dayak Lundayeh. "
            "Polres Bulungan, KPU Nunukan, Bawaslu, Partai Gerindra dan ormas Pemuda Pancasila hadir.")
    doc = run(rules_nlp, make_doc(rules_nlp, text))
    types = {a["name"]: a["type"] for a in doc._.actors}
    assert types["PT Karangjuang Hijau Lestari"] == "company"
    assert types["warga Desa Long Sulit"] == "community"
    assert types["masyarakat adat Dayak Lundayeh"] == "community"
    assert types["Polres Bulungan"] == "security"
    assert types["KPU Nunukan"] == "election_body" and types["Bawaslu"] == "election_body"
    assert types["Partai Gerindra"] == "party"
    assert types["Pemuda Pancasila"] == "mass_org"


def test_spelling_variants_and_surnames_merge_within_an_article(rules_nlp):
    text = ("Gubernur Kaltara Zainal A. Paliwang hadir. Zainal Arifin Paliwang berpesan agar warga tenang. "
            "Paliwang juga meninjau pos.")
    doc = run(rules_nlp, make_doc(rules_nlp, text, ents={"Zainal Arifin Paliwang": "PER", "Paliwang": "PER"}))
    people = [a for a in doc._.actors if a["label"] == "PER"]
    assert len(people) == 1
    assert people[0]["mentions"] == 3 and people[0]["role"] == "Gubernur Kaltara"


def test_registry_merges_variants_across_articles():
    registry = ActorRegistry()
    first = registry.canonical("zainal arifin paliwang", "PER")
    assert registry.canonical("zainal a paliwang", "PER") == first
    assert registry.canonical("irwan sabri", "PER") == "irwan sabri"
    assert registry.canonical("pt karangjuang hijau lestari", "ORG") == "pt karangjuang hijau lestari"
    assert registry.canonical("pt karang juang hijau lestari", "ORG") == "pt karangjuang hijau lestari"


def test_strip_titles_and_normalize():
    assert strip_titles("Dr. H. Zainal A. Paliwang, SH, M.Hum.") == "Zainal A. Paliwang"
    assert strip_titles("Hj. Leppa, S.Sos") == "Leppa"
    assert strip_titles("AKBP Bonifasius Rio Sorong") == "Bonifasius Rio Sorong"
    assert normalize_name("Ir. H. Irwan Sabri, S.E.") == "irwan sabri"
    assert org_type("Lembaga Adat Dayak") == "mass_org" and org_type("Acme Ltd") == "other"


def test_the_linker_merges_variants_across_articles(rules_nlp, gaz):
    linker = ActorLinker(lambda: gaz, ActorRegistry())  # a fresh registry: no other test's names
    first = linker(make_doc(rules_nlp, "Gubernur Kaltara Zainal Arifin Paliwang meninjau banjir."))
    second = linker(make_doc(rules_nlp, "Gubernur Kaltara Zainal A. Paliwang menerima tamu."))
    assert _actor(second, "Zainal A. Paliwang")["normalized"] == "zainal arifin paliwang"
    assert _actor(first, "Zainal Arifin Paliwang")["normalized"] == "zainal arifin paliwang"
