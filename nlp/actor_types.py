"""The actor taxonomy as data: role phrases and organisation patterns → actor type.

Types (shared taxonomy): government, security, legislature, election_body, party, mass_org,
company, community, person, other.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

_ROLES = {
    "government": [
        "gubernur", "wakil gubernur", "wagub", "pj gubernur", "pj. gubernur", "penjabat gubernur",
        "bupati", "wakil bupati", "wabup", "pj bupati", "pj. bupati", "plt bupati", "plt. bupati",
        "wali kota", "walikota", "wakil wali kota", "wakil walikota", "pj wali kota", "pj. wali kota",
        "camat", "kepala desa", "kades", "lurah", "kepala kampung", "sekda", "sekretaris daerah",
        "presiden", "wakil presiden", "menteri", "wakil menteri", "kepala dinas", "kadis",
        "kepala badan", "kepala bpbd", "kepala kesbangpol", "kepala satpol pp", "kasatpol pp",
    ],
    "security": [
        "kapolri", "kapolda", "wakapolda", "kapolres", "kapolresta", "wakapolres", "kapolsek",
        "kasat reskrim", "kasatreskrim", "kabid humas", "kasi humas", "kasubsi penmas",
        "dandim", "danrem", "danramil", "pangdam", "danlanal", "danlantamal", "danyon",
        "dansatgas", "danyonif", "panglima tni", "panglima", "kabinda", "kepala bin",
    ],
    "legislature": [
        "ketua dprd", "wakil ketua dprd", "anggota dprd", "ketua dpr", "wakil ketua dpr",
        "anggota dpr", "anggota dpr ri", "anggota dpd", "anggota dpd ri", "ketua komisi",
        "legislator", "ketua mpr",
    ],
    "election_body": [
        "ketua kpu", "komisioner kpu", "anggota kpu", "ketua bawaslu", "anggota bawaslu",
        "ketua panwaslu", "ketua ppk", "ketua pps", "ketua dkpp",
    ],
    "party": [
        "ketua dpc", "sekretaris dpc", "ketua dpw", "ketua umum partai", "ketua partai", "kader partai",
        "sekjen partai",
    ],
    "mass_org": [
        "ketua adat", "kepala adat", "ketua lembaga adat", "ketua dewan adat", "ketua ormas",
        "ketua fkub", "ketua mui", "tokoh agama", "ketua pemuda", "ketua knpi", "ketua pp",
        "ketua umum", "pimpinan", "ketua aliansi", "koordinator aksi", "korlap",
    ],
    "company": [
        "direktur utama", "dirut", "direktur", "general manager", "manajer", "manager",
        "humas pt", "pemilik perusahaan", "ceo",
    ],
    "community": ["tokoh masyarakat", "ketua rt", "ketua rw", "warga bernama", "nelayan bernama"],
}
ROLE_TYPES: dict[tuple[str, ...], str] = {
    tuple(phrase.replace(".", " .").split()): typ for typ, phrases in _ROLES.items() for phrase in phrases
}
MAX_ROLE = max(len(k) for k in ROLE_TYPES)

# Words that begin an organisation name, with its type. Matched on the token's exact text.
ORG_HEADS: dict[str, str] = {
    **dict.fromkeys(["Pemkab", "Pemprov", "Pemkot", "Pemdes", "Pemerintah", "Dinas", "Kementerian",
                     "BPBD", "Satpol", "Kesbangpol", "Bappeda", "Disdukcapil", "Setda"], "government"),
    **dict.fromkeys(["Polri", "Polda", "Polres", "Polresta", "Polsek", "TNI", "Kodim", "Korem",
                     "Kodam", "Koramil", "Brimob", "Lanal", "Lantamal", "BIN", "Densus", "Satgas",
                     "Yonif", "Bakamla", "Imigrasi", "Bea"], "security"),
    **dict.fromkeys(["DPRD", "DPR", "DPD", "MPR"], "legislature"),
    **dict.fromkeys(["KPU", "Bawaslu", "Panwaslu", "DKPP", "PPK", "PPS"], "election_body"),
    **dict.fromkeys(["Partai", "PDIP", "PDI-P", "Golkar", "Gerindra", "PKB", "PKS", "NasDem",
                     "Nasdem", "Demokrat", "PAN", "PPP", "Hanura", "Perindo", "PSI", "PBB"], "party"),
    **dict.fromkeys(["Ormas", "FPI", "NU", "PBNU", "Muhammadiyah", "GMNI", "HMI", "PMII", "KNPI",
                     "FKUB", "MUI", "Laskar", "Aliansi", "LSM", "Lembaga", "Dewan", "Persatuan",
                     "Forum", "Ikatan", "Himpunan", "Pemuda", "Kerukunan", "Gerakan"], "mass_org"),
    **dict.fromkeys(["PT", "CV", "Perum", "PTPN", "Koperasi", "Bank"], "company"),
}
COMMUNITY_HEADS = {"warga", "masyarakat", "nelayan", "petani", "suku", "kelompok", "komunitas",
                   "massa", "pendukung", "simpatisan", "buruh", "karyawan"}

_ORG_RE = [
    (re.compile(r"\b(Polri|Polda|Polres\w*|Polsek|TNI|Kodim|Korem|Kodam|Koramil|Brimob|Lanal|Lantamal|BIN|Densus|Satgas|Yonif|Bakamla|Imigrasi|Bea Cukai)\b"), "security"),
    (re.compile(r"\b(KPU|Bawaslu|Panwaslu|DKPP|PPK|PPS)\b"), "election_body"),
    (re.compile(r"\b(DPRD|DPR|DPD|MPR)\b"), "legislature"),
    (re.compile(r"\b(Partai|PDIP|PDI-P|PDI Perjuangan|Golkar|Gerindra|PKB|PKS|Nas[Dd]em|Demokrat|PAN|PPP|Hanura|Perindo|PSI)\b"), "party"),
    (re.compile(r"\b(PT|CV|Tbk|Perum|PTPN|Koperasi|Bank)\b"), "company"),
    (re.compile(r"\b(Pemkab|Pemprov|Pemkot|Pemdes|Pemerintah|Dinas|Kementerian|BPBD|Satpol|Kesbangpol|Bappeda|Setda|Kantor)\b"), "government"),
    (re.compile(r"\b(Ormas|FPI|NU|PBNU|Nahdlatul|Muhammadiyah|GMNI|HMI|PMII|KNPI|FKUB|MUI|Laskar|Aliansi|LSM|Adat|Forum|Ikatan|Himpunan|Pemuda|Kerukunan|Gerakan|Persekutuan)\b"), "mass_org"),
    (re.compile(r"\b(warga|masyarakat|nelayan|petani|suku|kelompok|komunitas)\b", re.I), "community"),
]


def org_type(name: str) -> str:
    """The actor type of an organisation or group name; `other` when nothing matches."""
    for pattern, typ in _ORG_RE:
        if pattern.search(name):
            return typ
    return "other"


def role_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """(end token, type) of the longest role phrase starting at doc[i], if any (must be capitalised
    unless it is a mid-sentence role word such as "kata camat")."""
    lower = [t.lower_ for t in doc[i: i + MAX_ROLE]]
    for n in range(len(lower), 0, -1):
        typ = ROLE_TYPES.get(tuple(lower[:n]))
        if typ:
            return i + n, typ
    return None
