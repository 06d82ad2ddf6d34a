"""The gazetteer: Kemendagri administrative units (+ Kaltara islands) keyed by their token names.

Built once by `waspada data install` from the installed CSVs into one pickle of plain dicts
(fast to load, ~10 MB), loaded by the place linker through the registered function
`waspada.gazetteer.v1`. Keys are lower-cased names tokenised with the pipeline's own tokenizer
and joined by one space, so the linker can look up token n-grams directly.

Levels: province (PP), regency (PP.KK), district (PP.KK.CC), village (PP.KK.CC.NNNN) and
`non_admin` for islands (attached to their regency).
"""

from __future__ import annotations

import csv
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.util import registry

from nlp.errors import WaspadaNlpError

FORMAT_VERSION = 1
LEVELS = ("province", "regency", "district", "village")
LEVEL_RANK = {"province": 0, "regency": 1, "district": 2, "village": 3, "non_admin": 4}

# Common short names of provinces used in Indonesian news.
PROVINCE_ALIASES = {
    "65": ["Kaltara"], "64": ["Kaltim"], "61": ["Kalbar"], "62": ["Kalteng"], "63": ["Kalsel"],
    "11": ["NAD"], "12": ["Sumut"], "13": ["Sumbar"], "14": [], "16": ["Sumsel"], "17": [],
    "19": ["Babel"], "21": ["Kepri"], "31": ["Jakarta", "DKI"], "32": ["Jabar"], "33": ["Jateng"],
    "34": ["DIY", "Yogyakarta", "Jogja"], "35": ["Jatim"], "51": [], "52": ["NTB"], "53": ["NTT"],
    "71": ["Sulut"], "72": ["Sulteng"], "73": ["Sulsel"], "74": ["Sultra"], "75": [], "76": ["Sulbar"],
    "81": [], "82": ["Malut"],
}


@dataclass
class Gazetteer:
    """Units by code, and name keys → codes; `bare` keys may match without a level word."""

    units: dict[str, dict] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    bare: dict[str, list[str]] = field(default_factory=dict)
    max_tokens: int = 1
    home_province: str = "65"

    def parents(self, code: str) -> list[str]:
        """Codes of the units containing `code`, outermost first (province, regency, district)."""
        unit = self.units.get(code)
        chain = []
        while unit and unit.get("parent"):
            chain.append(unit["parent"])
            unit = self.units.get(unit["parent"])
        return chain[::-1]

    def lookup(self, key: str, levels: tuple[str, ...] | None = None, bare: bool = False) -> list[str]:
        codes = (self.bare if bare else self.keys).get(key, [])
        return [c for c in codes if levels is None or self.units[c]["level"] in levels]

    def is_within(self, code: str, ancestor: str) -> bool:
        return code == ancestor or ancestor in self.parents(code)


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _strip_prefix(name: str) -> str:
    return re.sub(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+", "", name)


def _variants(name: str) -> list[str]:
    """Spelling variants news uses: Sei ↔ Sungai, Lung → Long."""
    out = [name]
    if re.match(r"^Sei\b", name):
        out.append(re.sub(r"^Sei\b", "Sungai", name))
    if re.match(r"^Sungai\b", name):
        out.append(re.sub(r"^Sungai\b", "Sei", name))
    if re.match(r"^Lung\b", name):  # Dayak "Long"/"Lung" (river mouth) is spelled both ways
        out.append(re.sub(r"^Lung\b", "Long", name))
    return out


def build(reference: Path, out: Path, home_province: str = "65") -> Gazetteer:
    """Read the installed CSVs and write the gazetteer pickle; return it."""
    import spacy

    tok = spacy.blank("id").tokenizer
    gaz = Gazetteer(home_province=home_province)
    keys: dict[str, list[str]] = defaultdict(list)
    bare: dict[str, list[str]] = defaultdict(list)

    def key_of(name: str) -> str:
        return " ".join(t.lower_ for t in tok(name))

    def add(code, level, name, parent, lat, lng, kind, aliases=(), allow_bare=False):
        gaz.units[code] = {"code": code, "level": level, "name": name, "parent": parent,
                           "lat": _float(lat), "lon": _float(lng), "kind": kind}
        for alias in {*_variants(name), *aliases}:
            k = key_of(alias)
            keys[k].append(code)
            if allow_bare:
                bare[k].append(code)

    def rows(name):
        with open(reference / name, encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)

    for r in rows("provinces.csv"):
        add(r["kode"], "province", r["nama"], None, r["lat"], r["lng"], "provinsi",
            PROVINCE_ALIASES.get(r["kode"], []), allow_bare=True)
    for r in rows("regencies.csv"):
        short = _strip_prefix(r["nama"])
        add(r["kode"], "regency", r["nama"], r["kode_prov"], r["lat"], r["lng"], r["jenis"],
            [short], allow_bare=True)
        # "Kabupaten X" itself must not be a bare key for X; keep only the short alias bare.
        bare[key_of(r["nama"])].append(r["kode"])
    for r in rows("districts.csv"):
        home = r["kode_prov"] == home_province
        add(r["kode"], "district", r["nama"], r["kode_kab"], r["lat"], r["lng"], "kecamatan",
            allow_bare=home)
    for r in rows("villages.csv"):
        home = r["kode_prov"] == home_province
        # Bare village names only at home and only multi-word ("Long Sulit"), to avoid common words.
        add(r["kode"], "village", r["nama"], r["kode_kec"], r["lat"], r["lng"], r["jenis"],
            allow_bare=home and " " in r["nama"].strip())
    for r in rows("islands.csv"):
        if r["kode_prov"] != home_province or not r["nama"].startswith("Pulau "):
            continue
        parent = r["kode_kab"] if r["kode_kab"] in gaz.units else r["kode_prov"]
        short = r["nama"].removeprefix("Pulau ")
        add(r["kode"], "non_admin", r["nama"], parent, r["lat"], r["lng"], "island", [short])
    gaz.keys = {k: sorted(set(v)) for k, v in keys.items()}
    gaz.bare = {k: sorted(set(v)) for k, v in bare.items()}
    gaz.max_tokens = max(len(k.split()) for k in gaz.keys)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        pickle.dump({"version": FORMAT_VERSION, **gaz.__dict__}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return gaz


@lru_cache(maxsize=4)
def load(path: str) -> Gazetteer:
    """Load (and cache per path) a gazetteer pickle built by `build`."""
    p = Path(path)
    if not p.is_file():
        raise WaspadaNlpError("W110", f"gazetteer {p} not found; run `waspada data install`")
    with open(p, "rb") as fh:
        data = pickle.load(fh)
    if data.pop("version", None) != FORMAT_VERSION:
        raise WaspadaNlpError("W111", f"gazetteer {p} is from another version; run `waspada data install`")
    return Gazetteer(**data)


def default_path() -> Path:
    from waspada.settings import get_settings

    from nlp.reference import gazetteer_path

    return gazetteer_path(get_settings().paths.home)


@registry.misc("waspada.gazetteer.v1")
def gazetteer_loader(path: str | None = None):
    """Config hook: a callable returning the gazetteer (path null = <home>/reference/gazetteer.pkl)."""

    def get() -> Gazetteer:
        return load(str(path or default_path()))

    return get
