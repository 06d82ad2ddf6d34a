"""Benchmark the entity pipeline: NER quality on NERGrit valid and throughput on ~400-word articles.

    .venv/bin/python benchmarks/nlp/ner_benchmark.py [--articles 400] [--skip-quality]

Quality: entity-level P/R/F1 per type and IndoNLU type-macro F1 on NERGrit valid for a dictionary
baseline (entity strings seen in NERGrit train), the NER model alone, and the full pipeline
(NER + actor rules + gazetteer), all measured in this run.
Throughput: the whole enrichment pipeline of pipeline.cfg (tokenizer, NER, actors, places, and the
conflict, sentiment and risk components after them, serialisation) on ~400-word
news articles built from the staged Indonesian news corpus (id-hoax-news-pratiwi2017, read at
run time, never committed), with n_process=1 and 2, against a baseline of the tokenizer alone;
peak RSS of this process and of the worker processes.
Needs: the gazetteer (`waspada data install`) and the shared data folder (../shared/data).
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nlp.pipeline import enrich, load_pipeline  # noqa: E402
from nlp.training.evaluate import dictionary_baseline, gold_nergrit, run_pipeline, score  # noqa: E402
from waspada.settings import get_settings  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
WORDS_PER_ARTICLE = 400
KALTARA_LEAD = ("NUNUKAN – Warga Desa Long Sulit di Kecamatan Mentarang Hulu bertemu Bupati Nunukan "
                "H. Irwan Sabri dan Kapolres Nunukan AKBP Bonifasius Rio Sorong di Kantor Camat Sebatik Barat. ")


def articles(n: int) -> list[dict]:
    """n articles of ~400 words: a Kaltara lead sentence + consecutive news texts, cut at 400 words."""
    csv.field_size_limit(10**7)
    with open(DATA / "id-hoax-news-pratiwi2017" / "hoax_news_600.utf8.csv", encoding="utf-8") as fh:
        texts = [" ".join(r["text"].split()) for r in csv.DictReader(fh)]
    words = " ".join(texts).split()
    out, pos = [], 0
    lead = KALTARA_LEAD.split()
    for i in range(n):
        body = words[pos: pos + WORDS_PER_ARTICLE - len(lead)]
        pos = (pos + len(body)) % max(1, len(words) - WORDS_PER_ARTICLE)
        out.append({"id": f"b{i}", "title": f"Berita {i}", "text": " ".join(lead + body)})
    return out


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def quality(nlp) -> None:
    valid = DATA / "indonlu-nergrit" / "valid_preprocess.txt"
    words, gold = gold_nergrit(valid)
    runs = {
        "dictionary baseline": dictionary_baseline(DATA / "indonlu-nergrit" / "train_preprocess.txt", words),
        "NER model alone": run_pipeline(nlp, words, ["ner"]),
        "full pipeline (NER + rules + gazetteer)": run_pipeline(nlp, words),
    }
    base = None
    for name, pred in runs.items():
        s = score(gold, pred)
        base = base or s.macro_f1
        print(f"== {name}\n{s.table()}\nratio vs dictionary baseline: {s.macro_f1 / base:.2f}x\n")


def throughput(nlp, n: int) -> None:
    docs = articles(n)
    n_words = sum(len(d["text"].split()) for d in docs)
    t0 = time.perf_counter()
    for _ in nlp.tokenizer.pipe(d["text"] for d in docs):
        pass
    base = n / (time.perf_counter() - t0)
    print(f"{n} articles, {n_words / n:.0f} words each on average")
    print(f"baseline tokenizer only: {base:,.0f} articles/s")
    enrich(docs[:8], nlp=nlp)  # warm-up
    from nlp.pipeline import make_doc

    staged = [make_doc(nlp, d) for d in docs]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        staged = list(proc.pipe(staged, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in staged]
        print(f"  component {name}: {n / (time.perf_counter() - t0):,.1f} articles/s")
    for procs in (1, 2):
        t0 = time.perf_counter()
        out = enrich(docs, nlp=nlp, n_process=procs, batch_size=32)
        rate = n / (time.perf_counter() - t0)
        assert len(out) == n
        print(f"whole pipeline n_process={procs}: {rate:.1f} articles/s ({rate * n_words / n:,.0f} words/s), "
              f"{rate / base:.3f}x tokenizer")
    print(f"peak RSS: main {rss_mb(resource.RUSAGE_SELF):.0f} MB, largest worker "
          f"{rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    rss_import = rss_mb(resource.RUSAGE_SELF)
    nlp = load_pipeline(get_settings())
    print(f"RSS after imports {rss_import:.0f} MB ({'torch imported by thinc' if 'torch' in sys.modules else 'no torch'}), "
          f"after loading the pipeline {rss_mb(resource.RUSAGE_SELF):.0f} MB")
    model = get_settings().nlp.ner_model
    size = sum(p.stat().st_size for p in Path(model).rglob("*") if p.is_file()) / 1e6
    print(f"pipeline {nlp.pipe_names}, model {model} ({size:.1f} MB), version {nlp.meta['version']}\n")
    if not args.skip_quality:
        quality(nlp)
    throughput(nlp, args.articles)


if __name__ == "__main__":
    main()
