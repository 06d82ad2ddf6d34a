"""Cue lexicons: the phrases that explain a conflict decision, and the keyword-rule baseline.

The lexicons are matched (case-insensitively, on tokens) by the `waspada_conflict` component to show
analysts *why* a category, stage or intensity was chosen; they are also the whole of the
keyword-rule baseline the benchmark compares the trained models against (`rule_decision`).
"""

from __future__ import annotations

CATEGORY_CUES: dict[str, list[str]] = {
    "election": ["pilkada", "pemilu", "pemilihan", "KPU", "Bawaslu", "panwascam", "TPS", "kotak suara",
                 "surat suara", "rekapitulasi", "penghitungan suara", "politik uang", "serangan fajar",
                 "pasangan calon", "paslon", "calon bupati", "calon wali kota", "kepala desa terpilih",
                 "tim sukses", "tim pemenangan", "kampanye", "pencoblosan", "hak pilih", "PPK"],
    "identity": ["SARA", "rumah ibadah", "tempat ibadah", "gereja", "masjid", "pura", "vihara", "jemaat",
                 "antarumat beragama", "lintas agama", "antaretnis", "antarsuku", "kelompok suku",
                 "kelompok etnis", "suku", "etnis", "agama", "ujaran kebencian", "rasis", "pendatang",
                 "FKUB", "kerukunan", "keyakinan", "perantau", "pembauran"],
    "resource": ["lahan", "sengketa lahan", "tanah adat", "lahan adat", "hutan adat", "tanah ulayat",
                 "perkebunan", "sawit", "tambang", "batu bara", "nikel", "emas", "konsesi", "ganti rugi",
                 "nelayan", "pukat", "cantrang", "wilayah tangkap", "mata air", "agraria", "kebun",
                 "penggusuran", "reklamasi", "limbah", "plasma"],
    "boundary": ["tapal batas", "batas desa", "batas wilayah", "batas daerah", "patok batas",
                 "pilar batas", "batas negara", "penegasan batas", "garis batas", "perbatasan",
                 "negara tetangga", "negeri jiran", "batas perairan", "mengklaim", "saling klaim"],
    "governance": ["kebijakan", "DPRD", "kantor bupati", "kantor gubernur", "pemerintah daerah",
                   "korupsi", "dana desa", "pelayanan publik", "tarif", "pajak", "relokasi",
                   "bantuan sosial", "honorer", "mahasiswa", "kenaikan", "BBM", "jalan rusak",
                   "inspektorat", "transparan", "kantor camat", "kantor desa"],
    "labor": ["buruh", "pekerja", "karyawan", "mogok kerja", "mogok", "upah", "gaji", "PHK",
              "pemutusan hubungan kerja", "serikat pekerja", "serikat buruh", "pesangon", "THR",
              "lembur", "bipartit", "hubungan industrial", "tenaga kerja", "Disnaker", "manajemen"],
    "communal_violence": ["tawuran", "bentrok", "bentrokan", "antarkampung", "antarwarga", "antardesa",
                          "main hakim sendiri", "dihakimi massa", "diamuk massa", "amuk massa", "dikeroyok",
                          "perkelahian", "saling serang", "kerusuhan", "dibakar", "perang suku",
                          "senjata tajam", "parang", "panah", "celurit", "saling lempar", "serangan balasan"],
    "security": ["teroris", "terorisme", "Densus 88", "radikal", "radikalisme", "kelompok bersenjata",
                 "kelompok kriminal bersenjata", "KKB", "separatis", "baku tembak", "bom", "bahan peledak",
                 "senjata api", "amunisi", "ditembaki", "BNPT", "jihad", "ancaman"],
    "disinformation": ["hoaks", "hoax", "kabar bohong", "berita bohong", "provokasi", "provokatif",
                       "pesan berantai", "viral", "media sosial", "akun anonim", "akun palsu",
                       "disebarkan", "narasi", "terprovokasi", "literasi digital", "satgas siber",
                       "cek fakta", "rekayasa", "WhatsApp"],
}

STAGE_CUES: dict[str, list[str]] = {
    "incident": ["unjuk rasa", "berunjuk rasa", "demonstrasi", "demo", "aksi", "mogok", "bentrok",
                 "bentrokan", "ricuh", "kericuhan", "memblokade", "blokade", "memblokir", "menduduki",
                 "menyegel", "merusak", "dirusak", "dibakar", "membakar", "dikeroyok", "tewas",
                 "luka-luka", "menyerang", "serangan", "mengepung", "menggeruduk", "digeruduk",
                 "tawuran", "kerusuhan", "ditangkap", "menangkap", "meringkus", "melempari", "dilempari"],
    "tension": ["mengancam", "ancaman", "ultimatum", "memanas", "tegang", "ketegangan", "resah",
                "keresahan", "menolak", "penolakan", "protes", "menuai protes", "saling tuding",
                "saling klaim", "mempersoalkan", "mengeluhkan", "berencana", "akan menggelar",
                "bersiap", "terprovokasi", "dugaan", "siaga", "bersitegang"],
    "prevention": ["rapat koordinasi", "rakor", "deklarasi damai", "ikrar damai", "kesepakatan damai",
                   "mediasi", "memfasilitasi", "musyawarah", "dialog", "mencegah", "pencegahan",
                   "deteksi dini", "kewaspadaan dini", "patroli", "sosialisasi", "kerukunan", "damai",
                   "kondusif", "apel", "antisipasi", "mengantisipasi", "sepakat", "perdamaian",
                   "literasi digital", "silaturahmi", "pemetaan"],
    "none": ["serangan jantung", "perang melawan narkoba", "perang terhadap", "laga", "derbi",
             "pertandingan", "stadion", "banjir", "longsor", "gempa", "kebakaran", "kecelakaan",
             "narkoba", "sabu", "hama", "satwa", "perang tarif", "perang harga", "mesin", "meresmikan",
             "festival", "vaksinasi", "wisatawan", "bencana", "banjir bandang", "tanah longsor", "gempa bumi",
             "tsunami", "puting beliung", "erupsi", "terseret arus", "tenggelam", "tim SAR", "BPBD",
             "kebakaran hutan", "kekeringan", "abrasi"],
}

INTENSITY_CUES: dict[int, list[str]] = {
    3: ["tewas", "meninggal", "meninggal dunia", "meregang nyawa", "korban jiwa", "gugur", "terbunuh",
        "dibunuh", "merenggut nyawa", "menewaskan", "kerusuhan", "mengungsi", "pengungsi", "perang suku",
        "rata dengan tanah", "amuk massa", "bom bunuh diri"],
    2: ["luka", "luka-luka", "terluka", "luka tembak", "memblokade", "blokade", "memblokir", "merusak",
        "dirusak", "rusak", "dibakar", "membakar", "ricuh", "kericuhan", "menduduki", "menyegel",
        "gas air mata", "dikeroyok", "dihajar", "dianiaya", "dilempari", "melempari", "lempar batu",
        "baku tembak", "menahan", "menyandera", "roboh", "portal", "ditembaki", "lumpuh"],
    1: ["unjuk rasa", "berunjuk rasa", "demonstrasi", "demo", "aksi damai", "mogok", "protes", "orasi",
        "tertib", "menuntut", "ditangkap", "meringkus", "menangkap"],
}

NEGATIONS = ("tidak ada", "tanpa", "belum ada", "tak ada", "nihil", "bukan")

STAGES = ("none", "prevention", "tension", "incident")
CATEGORIES = tuple(CATEGORY_CUES)


def rule_decision(text: str) -> dict:
    """Keyword-rule baseline: count lexicon hits (lower-cased substring) to pick stage and categories."""
    low = f" {text.lower()} "

    def hits(words: list[str]) -> int:
        return sum(low.count(f" {w.lower()}") for w in words)

    stage_hits = {s: hits(w) for s, w in STAGE_CUES.items()}
    conflict = max(("incident", "tension", "prevention"), key=lambda s: stage_hits[s])
    if stage_hits[conflict] == 0 or stage_hits["none"] > stage_hits[conflict]:
        stage = "none"
    else:
        stage = conflict
    cats = [] if stage == "none" else [c for c, w in CATEGORY_CUES.items() if hits(w) >= 2]
    intensity = 0
    if stage == "tension":
        intensity = 1
    elif stage == "incident":
        intensity = next((lvl for lvl in (3, 2, 1) if hits(INTENSITY_CUES[lvl])), 1)
    return {"categories": cats, "stage": stage, "intensity": intensity}
