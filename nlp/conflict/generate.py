"""Compose the synthetic labelled conflict corpus from the hand-written templates.

`python -m nlp.conflict.generate` writes nlp/conflict/data/{train,dev}.jsonl (deterministic,
seeded). Each article = outlet dateline + lead (which fixes stage/intensity/categories) + details
matching the stage + optional quote, background and aftermath; lengths range from a one-sentence
brief to a multi-paragraph report. Hand-written full articles (data/handwritten.jsonl) are added
to train; the dev split is generated with a different seed and never trained on.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from nlp.conflict import templates as T
from nlp.conflict.paraphrase import paraphrase

DATA = Path(__file__).resolve().parent / "data"
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
NUM_WORDS = ["dua", "tiga", "empat", "lima", "enam", "tujuh"]
BACKGROUND = {
    "incident": ["Persoalan ini sebenarnya sudah berlangsung sejak beberapa tahun terakhir tanpa penyelesaian.",
                 "Peristiwa serupa pernah terjadi di wilayah yang sama pada {year}."],
    "tension": ["Persoalan ini sudah beberapa kali dibahas, tetapi belum menemukan titik temu.",
                "Wilayah tersebut pernah dilanda bentrok pada {year}, sehingga warga khawatir peristiwa itu terulang."],
    "prevention": ["Wilayah tersebut pernah dilanda kerusuhan pada {year} yang menelan korban jiwa.",
                   "Tahun lalu tercatat beberapa kasus tawuran dan unjuk rasa di daerah itu, tetapi kini situasinya relatif aman."],
}
AFTERMATH = ["Pascakejadian, Forkopimda {kab} menggelar pertemuan dengan tokoh kedua pihak untuk meredam situasi.",
             "Polisi masih berjaga di lokasi dan meminta warga tidak mudah terpancing isu yang belum jelas kebenarannya.",
             "Pemerintah daerah berjanji memfasilitasi mediasi agar peristiwa serupa tidak terulang."]


def _slots(rng: random.Random) -> dict[str, str]:
    kab, prov, dateline, kec_word, desa_word, kecs, desas = rng.choice(T.REGIONS)
    desa, desa2 = rng.sample(desas, 2)
    day = rng.choice(DAYS)
    return {
        "kab": kab, "prov": prov, "dateline": dateline, "kec_word": kec_word, "desa_word": desa_word,
        "kec": rng.choice(kecs), "desa": desa, "desa2": desa2, "name": rng.choice(T.NAMES),
        "company": rng.choice(T.COMPANIES), "k": str(rng.randint(1, 4)), "n_tps": str(rng.randint(2, 30)),
        "n_injured": str(rng.randint(3, 40)), "n_dead": rng.choice(NUM_WORDS + ["3", "4", "8", "12"]),
        "n_big": str(rng.choice([60, 85, 120, 150, 240, 300, 450, 700, 1200])),
        "n_small_num": str(rng.randint(2, 9)), "ha": str(rng.choice([75, 120, 300, 800, 1500, 4200])),
        "price": rng.choice(["45.000", "60.000", "85.000", "110.000"]),
        "day": f"{day} ({rng.randint(1, 28)}/{rng.randint(1, 12)})", "dayname": day,
        "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2023, 2024, 2025])}",
        "year": str(rng.choice([2012, 2016, 2018, 2019, 2021])),
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _short_title(sentence: str) -> str:
    """A headline from the first clause of a lead: at most nine words, no trailing period."""
    clause = sentence.split(";")[0].split(", ")[0].rstrip(".")
    return " ".join(clause.split()[:9])


def _dateline(rng: random.Random, s: dict[str, str]) -> str:
    outlet = rng.choice(T.OUTLETS)
    city = s["dateline"]
    style = rng.randrange(7)
    if style == 0:
        return f"{city}, {outlet} – "
    if style == 1:
        return f"{city.title()} ({outlet}) - "
    if style == 2:
        return f"{city} – "
    if style == 3:
        return f"{outlet}, {city.title()} — "
    if style == 4:
        return f"{city.title()}, {s['date']} - "
    return ""


def _quote(rng: random.Random, stage: str, category: str | None, s: dict[str, str]) -> str:
    kind = rng.choice(T.SPEAKER_FOR.get(category or "", ["police", "gov"]))
    speaker = _fill(rng.choice(T.SPEAKERS[kind]), s)
    text = rng.choice(T.QUOTES[stage]["community" if kind == "community" else "official"])
    verb = rng.choice(T.SAY)
    if rng.random() < 0.5:
        return f"“{text},” {verb} {speaker}."
    return f"{speaker[0].upper() + speaker[1:]} mengatakan, {text[0].lower() + text[1:]}."


def compose(rng: random.Random) -> dict:
    """One labelled article (title, text, categories, stage, intensity, sentiment)."""
    s = _slots(rng)
    roll = rng.random()
    if roll < 0.24:
        topic, tone, lead = rng.choice(T.NONE_LEADS)
        sents = [_fill(lead, s)]
        details = T.NONE_DETAILS[T.DETAIL_KIND.get(topic, "general")]
        sents += [_fill(x, s) for x in rng.sample(details, rng.randint(0, min(2, len(details))))]
        title = _short_title(_fill(lead, s))
        rec = {"categories": [], "stage": "none", "intensity": 0, "sentiment": tone, "topic": topic}
    elif roll < 0.29:
        sents = [_fill(rng.choice(T.PREVENTION_GENERIC), s)]
        sents += [_fill(x, s) for x in rng.sample(T.DETAILS["prevention"], rng.randint(1, 3))]
        if rng.random() < 0.5:
            sents.append(_quote(rng, "prevention", None, s))
        title = _fill("Forkopimda {kab} Perkuat Kewaspadaan Dini", s)
        rec = {"categories": [], "stage": "prevention", "intensity": 0, "sentiment": "positive", "topic": "generic"}
    else:
        category = rng.choice(list(T.LEADS))
        stage, intensity, lead = rng.choice(T.LEADS[category])
        cats = {category}
        if lead.startswith("+"):
            extra, lead = lead[1:].split("|", 1)
            cats.update(extra.split(","))
        sents = [_fill(lead, s)]
        detail_key = f"incident{intensity}" if stage == "incident" else stage
        n_details = rng.choice([0, 1, 1, 2, 2, 3])
        sents += [_fill(x, s) for x in rng.sample(T.DETAILS[detail_key], min(n_details, len(T.DETAILS[detail_key])))]
        if rng.random() < 0.55:
            sents.append(_quote(rng, stage, category, s))
        if rng.random() < 0.35:
            sents.append(_fill(rng.choice(BACKGROUND[stage]), s))
        if stage == "incident" and rng.random() < 0.3:
            sents.append(_fill(rng.choice(AFTERMATH), s))
        title = _fill(rng.choice(T.TITLES[category][stage]), s)
        tone = "positive" if stage == "prevention" else "negative"
        rec = {"categories": sorted(cats), "stage": stage, "intensity": intensity, "sentiment": tone,
               "topic": category}
    # paragraphs: one or two sentences each, dateline on the first
    paras, i = [], 0
    while i < len(sents):
        k = rng.choice([1, 2])
        paras.append(" ".join(sents[i:i + k]))
        i += k
    body = "\n\n".join(paras)
    if rng.random() < 0.7:
        body = paraphrase(body, rng)
    text = _dateline(rng, s) + body
    if rng.random() < 0.3:
        title = ""
    return {"title": title, "text": text, **rec, "region": s["kab"], "source": "generated"}


def generate(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    seen: set[str] = set()
    out = []
    while len(out) < n:
        rec = compose(rng)
        if rec["text"] in seen:
            continue
        seen.add(rec["text"])
        rec["id"] = f"gen-{seed}-{len(out):05d}"
        out.append(rec)
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(n_train: int = 3000, n_dev: int = 400) -> None:
    train = generate(n_train, seed=13)
    dev_all = generate(n_dev * 2, seed=99)
    train_texts = {r["text"] for r in train}
    dev = [r for r in dev_all if r["text"] not in train_texts][:n_dev]
    write_jsonl(DATA / "train.jsonl", train)
    write_jsonl(DATA / "dev.jsonl", dev)
    print(f"train {len(train)}  dev {len(dev)}  -> {DATA}")


if __name__ == "__main__":
    main()
