"""Word-level paraphrasing of training texts: synonyms swapped at random.

Two uses, one mechanism (`_swap`):
- `paraphrase` spreads the vocabulary of the generated articles: templates alone teach a classifier
  their exact wording; swapping common news words for their usual synonyms (demo / unjuk rasa,
  tewas / meninggal dunia, ...) makes it learn the situation rather than the sentence.
- `augment` writes synonym-swapped copies of the hand-written texts. The conflict heads are bags of
  n-grams: a word never seen in training carries no evidence, and real reports describe one event
  with many words ("dikeroyok", "dihajar massa", "diamuk massa"; "ditangkap", "diringkus",
  "dibekuk", "diciduk"). Each of SYNONYM_GROUPS holds phrases that replace one another without
  changing what the text reports under the labelling guide (GUIDE.md): the same stage, category and
  intensity, and the same grammatical slot (a meN- verb for a meN- verb, a noun for a noun). Words
  whose meaning depends on the context ("mogok" of a machine, "aksi" of a film star) are left out;
  the labels are copied unchanged.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable

SYNONYMS: dict[str, list[str]] = {
    "unjuk rasa": ["demonstrasi", "demo", "aksi protes", "aksi unjuk rasa"],
    "berunjuk rasa": ["berdemonstrasi", "berdemo", "menggelar aksi protes", "turun ke jalan"],
    "tewas": ["meninggal dunia", "kehilangan nyawa", "tewas"],
    "menewaskan": ["merenggut nyawa", "mengakibatkan tewasnya", "menewaskan"],
    "luka-luka": ["terluka", "mengalami luka", "cedera"],
    "bentrokan": ["bentrok", "keributan", "perkelahian massal", "adu fisik"],
    "ricuh": ["rusuh", "ricuh"],
    "merusak": ["menghancurkan", "merusak"],
    "warga": ["warga", "masyarakat", "penduduk"],
    "polisi": ["polisi", "aparat kepolisian", "pihak kepolisian"],
    "menolak": ["menolak", "menentang"],
    "memprotes": ["memprotes", "menentang", "mengecam"],
    "menuntut": ["menuntut", "mendesak", "meminta"],
    "memblokade": ["memblokade", "memblokir", "menutup", "memalang"],
    "mengungsi": ["mengungsi", "menyelamatkan diri"],
    "perusahaan": ["perusahaan", "pihak perusahaan", "korporasi"],
    "pekerja": ["pekerja", "karyawan", "buruh"],
    "mogok kerja": ["mogok kerja", "aksi mogok", "berhenti bekerja"],
    "hoaks": ["hoaks", "kabar bohong", "berita palsu", "informasi palsu", "disinformasi"],
    "media sosial": ["media sosial", "medsos", "Facebook", "grup WhatsApp"],
    "rapat koordinasi": ["rapat koordinasi", "rakor", "pertemuan koordinasi"],
    "mencegah": ["mencegah", "mengantisipasi", "meredam"],
    "kondusif": ["kondusif", "aman", "terkendali"],
    "sengketa": ["sengketa", "perselisihan", "perebutan"],
    "menggelar": ["menggelar", "mengadakan", "melaksanakan"],
    "sejumlah": ["sejumlah", "beberapa"],
    "ratusan": ["ratusan", "puluhan", "ribuan"],
    "mengamankan": ["mengamankan", "menangkap", "menahan"],
    "dirusak": ["dirusak", "dihancurkan"],
    "memanas": ["memanas", "meruncing", "kian panas"],
    "resah": ["resah", "gelisah", "khawatir"],
    "mengancam": ["mengancam", "mengultimatum akan"],
    "aparat": ["aparat", "petugas"],
    "kantor bupati": ["kantor bupati", "kantor pemkab"],
    "dibakar": ["dibakar", "dibakar massa"],
    "pemerintah daerah": ["pemerintah daerah", "pemda", "pemerintah setempat"],
    "deklarasi": ["deklarasi", "ikrar"],
    "provokatif": ["provokatif", "menghasut", "memecah belah"],
    "kelompok": ["kelompok", "golongan"],
}
_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def _swap(text: str, pattern: re.Pattern, rng: random.Random, rate: float, choose: Callable[[str], str]) -> str:
    """Replace each match of `pattern`, with probability `rate`, by `choose(matched text)`."""

    def replace(m: re.Match) -> str:
        found = m.group(0)
        if rng.random() >= rate:
            return found
        return choose(found)

    return pattern.sub(replace, text)


def paraphrase(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """Swap each known word for a synonym with probability `rate`, keeping an initial capital."""

    def choose(word: str) -> str:
        choice = rng.choice(SYNONYMS[word.lower()])
        return choice[0].upper() + choice[1:] if word[0].isupper() else choice

    return _swap(text, _PATTERN, rng, rate, choose)


SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # protests and strikes (incident, intensity 1)
    ("berunjuk rasa", "berdemonstrasi", "menggelar aksi", "menggelar demo", "turun ke jalan"),
    ("unjuk rasa", "demonstrasi", "aksi massa", "aksi protes"),
    ("mogok kerja", "aksi mogok", "mogok massal"),
    ("menggeruduk", "menyatroni", "mendatangi beramai-ramai"),
    ("digeruduk", "didatangi beramai-ramai"),
    ("orasi", "berorasi", "menyampaikan orasi"),
    # blockades, occupation, sealing (intensity 2)
    ("memblokade", "memblokir", "menutup paksa", "memalang"),
    ("diblokade", "diblokir", "ditutup paksa", "dipalang"),
    ("blokade", "pemblokiran", "pemalangan", "penutupan paksa"),
    ("menduduki", "menguasai paksa"),
    ("menyegel", "menggembok"),
    ("disegel", "digembok"),
    # group violence
    ("bentrok", "baku hantam", "adu fisik", "baku pukul", "adu jotos"),
    ("bentrokan", "perkelahian massal", "baku hantam", "adu fisik"),
    ("tawuran", "perang batu", "perkelahian antarkelompok"),
    ("mengeroyok", "memukuli beramai-ramai", "menghajar beramai-ramai"),
    ("dikeroyok", "dihajar massa", "diamuk massa", "dipukuli beramai-ramai"),
    ("main hakim sendiri", "aksi massa main hakim sendiri", "penghakiman massa"),
    ("melempari", "menimpuki"),
    ("dilempari", "ditimpuki"),
    ("merusak", "mengobrak-abrik", "memporak-porandakan", "menghancurkan"),
    ("dirusak", "diobrak-abrik", "diporak-porandakan", "dihancurkan"),
    ("membakar", "menghanguskan"),
    ("ricuh", "rusuh"),
    ("menyerang", "menyerbu"),
    ("diserang", "diserbu"),
    ("senjata tajam", "sajam"),
    ("parang", "golok", "mandau", "celurit", "badik"),
    # arrests (incident when of conflict actors; the text around decides)
    ("menangkap", "meringkus", "membekuk", "menciduk"),
    ("ditangkap", "diringkus", "dibekuk", "diciduk"),
    # harm
    ("tewas", "meninggal dunia", "meregang nyawa", "kehilangan nyawa"),
    ("menewaskan", "merenggut nyawa"),
    ("luka-luka", "terluka", "cedera"),
    ("mengungsi", "mengungsikan diri", "eksodus"),
    # tension
    ("mengancam", "mengultimatum"),
    ("resah", "gelisah", "waswas", "cemas"),
    ("keresahan", "kegelisahan", "kecemasan"),
    ("menolak", "menentang"),
    ("penolakan", "penentangan"),
    ("memanas", "kian tegang", "mencekam"),
    ("provokasi", "hasutan"),
    ("hoaks", "kabar bohong", "berita bohong", "informasi palsu"),
    # prevention
    ("rapat koordinasi", "rakor", "pertemuan koordinasi"),
    ("deklarasi damai", "ikrar damai", "komitmen damai"),
    ("mediasi", "perundingan", "musyawarah"),
    ("mencegah", "mengantisipasi", "meredam"),
    ("kondusif", "aman terkendali"),
    # actors and subjects (same category)
    ("pilkada", "pemilihan kepala daerah"),
    ("paslon", "pasangan calon"),
    ("tim sukses", "timses", "tim pemenangan"),
    ("simpatisan", "pendukung"),
    ("tanah adat", "tanah ulayat", "lahan adat", "wilayah adat"),
    ("tapal batas", "batas wilayah"),
    ("rumah ibadah", "tempat ibadah"),
    ("antaretnis", "antarsuku"),
    ("buruh", "pekerja", "karyawan"),
    ("PHK", "pemutusan hubungan kerja"),
    ("KKB", "kelompok kriminal bersenjata", "kelompok bersenjata"),
    ("aparat gabungan", "personel gabungan", "tim gabungan"),
    # informal spelling of social posts
    ("yang", "yg"),
    ("sudah", "sdh", "udah"),
    ("tidak", "tdk", "gak", "nggak"),
    ("karena", "krn"),
    ("dengan", "dgn"),
)


def _build_index(groups: Iterable[tuple[str, ...]]) -> tuple[re.Pattern, dict[str, list[tuple[str, ...]]]]:
    by_phrase: dict[str, list[tuple[str, ...]]] = {}
    for group in groups:
        for phrase in group:
            by_phrase.setdefault(phrase.lower(), []).append(group)
    # longest phrases first so "unjuk rasa" wins over a shorter overlap
    alternatives = sorted(by_phrase, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in alternatives) + r")(?![\w-])", re.IGNORECASE)
    return pattern, by_phrase


_GROUP_PATTERN, _BY_PHRASE = _build_index(SYNONYM_GROUPS)


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def swap_synonyms(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """`text` with each matched phrase replaced, with probability `rate`, by another of its group."""

    def choose(found: str) -> str:
        group = rng.choice(_BY_PHRASE[found.lower()])
        others = [p for p in group if p.lower() != found.lower()]
        return _match_case(found, rng.choice(others)) if others else found

    return _swap(text, _GROUP_PATTERN, rng, rate, choose)


def augment(records: list[dict], copies: int = 1, seed: int = 5, rate: float = 0.5) -> list[dict]:
    """`copies` augmented copies of each record that has a swappable phrase (labels unchanged)."""
    rng = random.Random(seed)
    out = []
    for rec in records:
        for n in range(copies):
            text = swap_synonyms(rec["text"], rng, rate)
            title = swap_synonyms(rec.get("title") or "", rng, rate)
            if text != rec["text"] or title != (rec.get("title") or ""):
                out.append({**rec, "id": f"{rec.get('id', '')}+syn{n}", "text": text, "title": title})
    return out
