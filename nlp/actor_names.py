"""Actor names: strip academic/religious titles, normalise, merge spelling variants (rapidfuzz).

Within an article `merge_mentions` groups mentions of one actor ("Zainal A. Paliwang", "Zainal
Arifin Paliwang", "Paliwang"); across articles an `ActorRegistry` maps each new normalised name
to a canonical one already seen when they are close enough (same label, same last word, fuzzy
ratio >= threshold).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

PREFIX_TITLES = {
    "dr", "drs", "dra", "ir", "prof", "h", "hj", "kh", "k.h", "ust", "ustaz", "ustadz", "habib",
    "pdt", "romo", "pastor", "drg", "dr(c)", "apt", "ns", "bapak", "pak", "ibu", "bu", "sdr",
    "saudara", "tuan", "kompol", "akbp", "akp", "iptu", "ipda", "aiptu", "aipda", "brigpol",
    "bripka", "brigadir", "briptu", "bripda", "kombes", "kombes pol", "irjen", "irjen pol",
    "brigjen", "brigjen pol", "letkol", "kolonel", "mayor", "kapten", "lettu", "letda", "serka",
    "sertu", "serda", "pelda", "peltu", "kopda", "praka", "pratu", "mayjen", "laksma", "marsma",
    "inf", "kav", "arh", "cke", "pol",
}
# Degrees after a comma: "SH", "S.H.", "M.Hum.", "S.Sos", "MM", "M.Si", "Ph.D", "Lc", "MA".
DEGREE = re.compile(
    r"^(?:[A-Z][a-zA-Z]{0,3}\.)+(?:\s?[A-Z][a-zA-Z]{0,4}\.?)*$|^(?:S|M|D)\.?[A-Z][a-zA-Z]{0,4}\.?$"
    r"|^(?:SH|SE|MM|MH|MT|ST|SIP|SP|SPd|MPd|MSi|SSos|SAg|MAg|Lc|MA|SKM|MKes|MAP|MBA|PhD|SKom|MKom)$"
)
_SPACE = re.compile(r"\s+")


def _is_title(token: str) -> bool:
    return token.lower().rstrip(".").replace(" ", "") in PREFIX_TITLES


def strip_titles(name: str, trailing_only: bool = False) -> str:
    """Remove leading titles/ranks and trailing ", SH, M.Hum." degrees; keep the name itself."""
    name = _SPACE.sub(" ", name).strip().strip(",")
    # trailing degrees: split on commas, drop degree-looking parts at the end
    parts = [p.strip() for p in name.split(",")]
    while len(parts) > 1 and all(DEGREE.match(x) for x in parts[-1].split()):
        parts.pop()
    name = ", ".join(parts)
    if trailing_only:
        return name
    tokens = name.split(" ")
    while tokens and _is_title(tokens[0]):
        tokens.pop(0)
    return " ".join(tokens).strip(" ,")


def normalize_name(name: str) -> str:
    """Lower-case ASCII, no titles, no punctuation except spaces; "" for an empty name."""
    name = strip_titles(name)
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"[^\w\s]", " ", name.lower())
    return _SPACE.sub(" ", name).strip()


GROUP_FILLERS = {"desa", "kelurahan", "kampung", "kecamatan", "kabupaten", "kota", "kab", "kec", "kel"}


def _same_actor(a: str, b: str, label: str) -> bool:
    if a == b:
        return True
    if label == "GROUP":  # "warga Desa Aji Kuning" = "warga Aji Kuning"
        return [w for w in a.split() if w not in GROUP_FILLERS] == [w for w in b.split() if w not in GROUP_FILLERS]
    if label != "PER":
        return fuzz.ratio(a, b) >= 92
    ta, tb = a.split(), b.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1:  # "Paliwang" → "Zainal A. Paliwang" (surname or first name)
        return short[0] in (long_[-1], long_[0]) and len(short[0]) > 3
    if short[-1] != long_[-1]:
        return fuzz.ratio(a, b) >= 92
    # same last word: initials or abbreviations ("zainal a paliwang" ~ "zainal arifin paliwang")
    firsts_ok = all(x[0] == y[0] for x, y in zip(short, long_, strict=False))
    return firsts_ok and fuzz.token_set_ratio(a, b) >= 80


def merge_mentions(found: list[dict]) -> list[dict]:
    """Group mentions of the same actor; keep the longest name, the first role and offsets."""
    groups: list[dict] = []
    for item in sorted(found, key=lambda f: -len(f["normalized"])):
        for g in groups:
            if g["label"] == item["label"] and _same_actor(g["normalized"], item["normalized"], item["label"]):
                g["mentions"] += 1
                if item["span"].start_char < g["start"]:
                    g["start"], g["end"] = item["span"].start_char, item["span"].end_char
                if not g["role"] and item["role"]:
                    g["role"], g["type"] = item["role"], item["type"]
                break
        else:
            groups.append({
                "name": item["name"], "normalized": item["normalized"], "role": item["role"],
                "type": item["type"], "label": item["label"], "mentions": 1,
                "start": item["span"].start_char, "end": item["span"].end_char,
            })
    return sorted(groups, key=lambda g: g["start"])


class ActorRegistry:
    """Canonical names across articles: a variant maps to the first close name seen before."""

    def __init__(self, limit: int = 100_000):
        self._by_label: dict[str, list[str]] = {}
        self._cache: dict[tuple[str, str], str] = {}
        self.limit = limit

    def canonical(self, normalized: str, label: str) -> str:
        key = (label, normalized)
        if key in self._cache:
            return self._cache[key]
        names = self._by_label.setdefault(label, [])
        match = None
        if len(normalized.split()) > 1:
            last = normalized.split()[-1]
            match = next((n for n in names if (label != "PER" or n.split()[-1] == last)
                          and len(n.split()) > 1 and _same_actor(n, normalized, label)), None)
        result = match or normalized
        if match is None and len(names) < self.limit:
            names.append(normalized)
        self._cache[key] = result
        return result
