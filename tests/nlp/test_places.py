"""Place linking on hand-built Docs: level words, bare names, homonyms, datelines, persons, none."""

from __future__ import annotations

from tests.nlp.conftest import make_doc, run


def _codes(doc):
    return {loc["code"] for loc in doc._.locations if loc["code"]}


def _by_mention(doc):
    return {loc["mention"]: loc for loc in doc._.locations}


def test_level_words_and_abbreviations_link_to_the_right_level(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "Warga Kab. Nunukan dan Kecamatan Sebatik Barat berkumpul di "
                                             "Desa Long Sulit, lalu ke Kota Tarakan."))
    locs = _by_mention(doc)
    assert locs["Kab. Nunukan"]["code"] == "65.03" and locs["Kab. Nunukan"]["level"] == "regency"
    assert locs["Kecamatan Sebatik Barat"]["code"] == "65.03.08"
    assert locs["Kecamatan Sebatik Barat"]["parent_codes"] == ["65", "65.03"]
    # the data spells it "Lung Sulit"; news writes "Long Sulit"
    assert locs["Desa Long Sulit"]["code"] == "65.02.12.2006"
    assert locs["Desa Long Sulit"]["name"] == "Lung Sulit"
    assert locs["Kota Tarakan"]["code"] == "65.71"
    assert locs["Kota Tarakan"]["geo"]["lat"] > 3


def test_bare_names_prefer_the_regency_and_tanjung_selor_is_a_kecamatan(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "Rapat di Tanjung Selor membahas banjir di Nunukan."))
    locs = _by_mention(doc)
    assert locs["Tanjung Selor"]["code"] == "65.01.05"
    assert locs["Tanjung Selor"]["level"] == "district"
    assert locs["Nunukan"]["code"] == "65.03"
    assert {"65", "65.01", "65.01.05", "65.03"} <= {c for loc in doc._.locations for c in [loc["code"], *loc["parent_codes"]]}


def test_lowercase_common_words_are_not_places(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "harapan warga makmur dan bambang tidak terkait tempat."))
    assert doc._.locations == []
    assert doc._.primary_location is None


def test_homonym_village_is_resolved_by_the_regency_in_the_article(rules_nlp):
    malinau = run(rules_nlp, make_doc(rules_nlp, "Banjir melanda Desa Long Nawang di Kabupaten Malinau."))
    nunukan = run(rules_nlp, make_doc(rules_nlp, "Banjir melanda Desa Long Nawang di Kabupaten Nunukan."))
    assert _by_mention(malinau)["Desa Long Nawang"]["code"] == "65.02.05.2001"
    assert _by_mention(nunukan)["Desa Long Nawang"]["code"] == "65.03.05.2039"


def test_homonym_village_falls_back_to_the_source_home_region(rules_nlp):
    text = "Warga Desa Gunung Sari menggelar musyawarah."
    home = run(rules_nlp, make_doc(rules_nlp, text, meta={"source_region_code": "65.01"}))
    elsewhere = run(rules_nlp, make_doc(rules_nlp, text, meta={"source_region_code": "64.02"}))
    assert _by_mention(home)["Desa Gunung Sari"]["code"] == "65.01.05.2006"
    assert _by_mention(elsewhere)["Desa Gunung Sari"]["code"] == "64.02.12.2001"
    assert _by_mention(elsewhere)["Desa Gunung Sari"]["confidence"] < 1.0


def test_dateline_gives_the_primary_location(rules_nlp):
    text = ("TANJUNG SELOR, TerasKaltara.id – Pemerintah Provinsi Kalimantan Utara menggelar rapat. "
            "Hadir pula perwakilan dari Tarakan dan Tarakan Barat.")
    doc = run(rules_nlp, make_doc(rules_nlp, text, title="Rapat koordinasi"))
    primary = doc._.primary_location
    assert primary["code"] == "65.01.05"
    assert primary["regency_code"] == "65.01" and primary["province_code"] == "65"
    assert primary["district_code"] == "65.01.05" and primary["village_code"] is None
    assert [loc["primary"] for loc in doc._.locations].count(True) == 1


def test_uppercase_dateline_then_a_repeated_place_inside_it_is_more_specific(rules_nlp):
    text = ("NUNUKAN – Warga Kecamatan Sebatik Barat memblokade jalan. "
            "Aksi di Sebatik Barat berlangsung dua jam.")
    doc = run(rules_nlp, make_doc(rules_nlp, text))
    assert doc._.primary_location["code"] == "65.03.08"
    assert doc._.primary_location["regency_code"] == "65.03"


def test_without_dateline_the_most_specific_repeated_place_is_primary(rules_nlp):
    text = ("Bupati menyebut Kabupaten Bulungan aman. Di Desa Gunung Sari warga berkumpul. "
            "Kepala Desa Gunung Sari meminta warga tenang. Kaltara tetap kondusif.")
    doc = run(rules_nlp, make_doc(rules_nlp, text, meta={"source_region_code": "65"}))
    assert doc._.primary_location["code"] == "65.01.05.2006"
    assert doc._.primary_location["level"] == "village"


def test_a_person_named_like_a_place_is_not_a_place(rules_nlp):
    # "Bunyu" is a kecamatan in Bulungan; here it is a person (NER says PER, or an honorific precedes)
    by_ner = run(rules_nlp, make_doc(rules_nlp, "Menurut Bunyu, rapat berjalan lancar.", ents={"Bunyu": "PER"}))
    by_title = run(rules_nlp, make_doc(rules_nlp, "Pak Bunyu mengatakan rapat berjalan lancar."))
    by_role = run(rules_nlp, make_doc(rules_nlp, "Camat Sebuku Bunyu Ahmad mengatakan rapat lancar."))
    assert _codes(by_ner) == set() and _codes(by_title) == set()
    assert _codes(by_role) == {"65.03.06"}  # Sebuku is the role's area, Bunyu Ahmad is the Camat
    assert any(e.label_ == "PER" and e.text == "Bunyu Ahmad" for e in by_role.ents)


def test_non_admin_places_are_kept_and_attached_to_their_area(rules_nlp):
    text = "Perahu terbalik di Sungai Sesayap, Kabupaten Tana Tidung. Korban dibawa ke Pulau Bunyu."
    doc = run(rules_nlp, make_doc(rules_nlp, text))
    locs = _by_mention(doc)
    river = locs["Sungai Sesayap"]
    assert river["level"] == "non_admin" and river["kind"] == "river" and river["code"] is None
    assert river["parent_codes"] == ["65", "65.04"]  # the river, not kecamatan Sesayap
    island = locs["Pulau Bunyu"]
    assert island["level"] == "non_admin" and island["geo"] is not None
    assert "65.01" in island["parent_codes"]
    assert doc._.primary_location["code"] == "65.04"


def test_ner_places_unknown_to_the_gazetteer_are_non_admin(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "Delegasi tiba dari Sabah kemarin.", ents={"Sabah": "LOC"}))
    assert doc._.locations[0]["name"] == "Sabah"
    assert doc._.locations[0]["level"] == "non_admin" and doc._.locations[0]["code"] is None
    assert doc._.primary_location is None


def test_an_article_without_places_has_no_places(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "Harga cabai naik tajam minggu ini, kata pedagang.", title="Harga naik"))
    assert doc._.locations == [] and doc._.primary_location is None


def test_gazetteer_places_become_loc_entities_and_fix_ner_labels(rules_nlp):
    doc = run(rules_nlp, make_doc(rules_nlp, "NUNUKAN – Warga Kecamatan Sebatik Barat berkumpul.",
                                  ents={"NUNUKAN": "ORG", "Sebatik": "PER"}))
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("NUNUKAN", "LOC") in ents and ("Kecamatan Sebatik Barat", "LOC") in ents


def test_a_place_named_with_a_level_word_is_a_place_when_repeated_bare(rules_nlp):
    # NER reads the second "Aji Kuning" as a person; the article calls it "Desa Aji Kuning" first
    text = "NUNUKAN – Warga Desa Aji Kuning berkumpul. Kapolres meminta warga Aji Kuning tenang."
    doc = run(rules_nlp, make_doc(rules_nlp, text, ents={"Aji Kuning": "PER"}))
    assert doc._.primary_location["code"] == "65.03.12.2003"
    assert not any(e.label_ == "PER" for e in doc.ents)
    groups = [a for a in doc._.actors if a["label"] == "GROUP"]
    assert len(groups) == 1 and groups[0]["mentions"] == 2 and groups[0]["type"] == "community"


def test_an_entity_across_the_title_break_is_split(rules_nlp):
    doc = make_doc(rules_nlp, "NUNUKAN – Rapat digelar.", title="Bentrok di Sebatik")
    doc.ents = [doc.char_span(doc.text.index("Sebatik"), doc.text.index("NUNUKAN") + 7, label="LOC")]
    doc = run(rules_nlp, doc)
    assert {e.text for e in doc.ents} == {"Sebatik", "NUNUKAN"}
