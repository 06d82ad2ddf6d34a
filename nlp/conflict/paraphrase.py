"""Word-level paraphrasing of generated articles: general news synonyms swapped at random.

Templates alone teach a classifier their exact wording; swapping common Indonesian news words
for their usual synonyms (demo / unjuk rasa, tewas / meninggal dunia, ...) spreads the vocabulary
so the model learns the situation rather than the sentence.
"""

from __future__ import annotations

import random
import re

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


def paraphrase(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """Swap each known word for a synonym with probability `rate`, keeping an initial capital."""

    def swap(m: re.Match) -> str:
        word = m.group(0)
        if rng.random() >= rate:
            return word
        choice = rng.choice(SYNONYMS[word.lower()])
        if word[0].isupper():
            choice = choice[0].upper() + choice[1:]
        return choice

    return _PATTERN.sub(swap, text)
