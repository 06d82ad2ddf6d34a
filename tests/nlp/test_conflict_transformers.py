"""The transformer variant of the conflict classifiers (nlp/configs/conflict_*_trf.cfg): a tiny BERT
built inside the test (never downloaded) is trained a few steps per head, assembled into a conflict
model and run through `waspada_conflict`. Skipped only when the `transformers` extra is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECORDS = [
    ("Ratusan buruh mogok kerja menuntut upah .", ["labor"], "incident", 1),
    ("Warga bentrok , dua orang tewas .", ["communal_violence"], "incident", 3),
    ("Forum menggelar rapat koordinasi pencegahan konflik .", [], "prevention", 0),
    ("Serikat pekerja mengancam mogok .", ["labor"], "tension", 1),
    ("Bupati meresmikan jembatan baru .", [], "none", 0),
    ("Massa memblokade jalan perusahaan tambang .", ["resource"], "incident", 2),
]


def _tiny_bert(folder: Path) -> Path:
    transformers = pytest.importorskip("transformers")
    words = sorted({w.lower() for text, *_ in RECORDS for w in text.split()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, *"abcdefghijklmnopqrstuvwxyz.,",
             *(f"##{c}" for c in "abcdefghijklmnopqrstuvwxyz")]
    vocab = list(dict.fromkeys(vocab))
    folder.mkdir(parents=True)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n")
    transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=True).save_pretrained(str(folder))
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=37, max_position_embeddings=160)
    transformers.BertModel(config).save_pretrained(str(folder))
    return folder


@pytest.mark.transformers
@pytest.mark.slow
def test_transformer_variant_trains_assembles_and_classifies(tmp_path: Path):
    pytest.importorskip("torch")
    pytest.importorskip("spacy_transformers")
    from nlp.conflict import data_sources as ds
    from nlp.conflict.model import classify
    from nlp.conflict.train import assemble
    from nlp.conflict.training import run_training

    bert = _tiny_bert(tmp_path / "tiny-bert")
    recs = [{"text": t, "categories": c, "stage": s, "intensity": i} for t, c, s, i in RECORDS]
    labels = {"categories": ds.category_cats, "stage": ds.stage_cats, "intensity": ds.intensity_cats}
    best = {}
    for head, fn in labels.items():
        data = [(r["text"], fn(r)) for r in recs]
        best[head] = run_training(ROOT / "nlp" / "configs" / f"conflict_{head}_trf.cfg", data, data, tmp_path / head,
                                  overrides={f"components.conflict_{head}.model.tok2vec.name": str(bert),
                                             "training.max_steps": 4, "training.eval_frequency": 2,
                                             "system.gpu_allocator": None})
    out = tmp_path / "conflict_trf"
    assemble(best, out, sources={"variant": "trf"})
    result = classify("Ratusan buruh mogok kerja menuntut upah .", model_dir=out)
    assert result["stage"] in {"none", "prevention", "tension", "incident"}
    assert set(result["category_scores"]) >= {"labor", "resource"}
    assert 0.0 <= result["stage_score"] <= 1.0
