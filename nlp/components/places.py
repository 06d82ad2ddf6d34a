"""`waspada_place_linker`: find place mentions, link them to Kemendagri codes, pick the primary one.

Mentions come from three sources, longest first, never overlapping:
1. gazetteer names after a level word ("Kabupaten Nunukan", "Kab. Nunukan", "Kecamatan Sebatik
   Barat", "Desa Long Sulit", "Kota Tarakan", "Pulau Sebatik") — any unit in Indonesia;
2. bare gazetteer names ("Nunukan", "Tanjung Selor", "Kaltara") — provinces and regencies
   nationwide, districts and multi-word villages of the home province; they must be capitalised
   and are dropped when they overlap a PER entity or follow an honorific ("Pak Bunyu");
3. non-admin places: a facility/landform word + capitalised words ("Sungai Kayan", "Pelabuhan
   Tunon Taka") and NER LOC entities the gazetteer does not know, attached to the nearest admin
   place that follows within a few tokens, else to the primary location.
Homonyms are resolved by the other places of the article (ancestors score most), then by the
source's home region (`doc._.meta["source_region_code"]`), then by the home province, then by
preferring the higher level. The primary location is the dateline place ("NUNUKAN –", "TANJUNG
SELOR, TerasKaltara.id –"), refined to a more specific place inside it mentioned at least twice;
without a dateline, the most specific place mentioned at least twice, else the first admin place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import extensions  # noqa: F401  (registers the Doc extensions)
from nlp.gazetteer import LEVEL_RANK, Gazetteer

LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "provinsi": ("province",), "propinsi": ("province",), "prov": ("province",),
    "kabupaten": ("regency",), "kab": ("regency",),
    "kota": ("regency", "district"), "kotamadya": ("regency",),
    "kecamatan": ("district",), "kec": ("district",),
    "desa": ("village",), "kelurahan": ("village",), "kel": ("village",), "kampung": ("village",),
    "pulau": ("non_admin",),
}
NON_ADMIN_WORDS = {
    "sungai": "river", "sei": "river", "danau": "lake", "pantai": "beach", "teluk": "bay",
    "selat": "strait", "gunung": "mountain", "bukit": "hill", "tanjung": "cape", "pulau": "island",
    "pelabuhan": "port", "bandara": "airport", "bandar": "airport", "jalan": "road", "jl": "road",
    "pasar": "market", "masjid": "building", "gereja": "building", "kantor": "building",
    "gedung": "building", "hotel": "building", "rsud": "building", "lapas": "building",
    "rutan": "building", "lapangan": "building", "stadion": "building", "perbatasan": "border",
    "dermaga": "port", "jembatan": "bridge", "taman": "park", "hutan": "forest", "kebun": "plantation",
}
BUILDING_KINDS = {"building", "port", "airport", "market", "road", "bridge", "park"}
HONORIFICS = {"pak", "bapak", "bu", "ibu", "sdr", "saudara", "saudari", "tuan", "nyonya", "h", "hj", "dr"}
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.\- ]{2,40}?)\s*(?:\([^)\n]{0,40}\))?\s*"
    r"(?:,\s*[^\n–—]{1,60}?)?\s*(?:–|—|-{1,2})\s"
)
MAX_ATTACH_GAP = 6


def _capitalised(tokens) -> bool:
    words = [t for t in tokens if t.is_alpha]
    return bool(words) and all(t.text[0].isupper() for t in words)


def _level_word_at(doc: Doc, i: int) -> tuple[int, tuple[str, ...]] | None:
    """(tokens used, levels) when doc[i] starts a level word such as "Kab." or "Kecamatan"."""
    tok = doc[i]
    levels = LEVEL_WORDS.get(tok.lower_.rstrip("."))
    if not levels or not tok.text[0].isupper():
        return None
    used = 1
    if i + 1 < len(doc) and doc[i + 1].text == "." and tok.lower_ in {"kab", "kec", "kel", "prov"}:
        used = 2
    return used, levels


class PlaceLinker:
    """Links place mentions to gazetteer units and sets doc._.locations / doc._.primary_location."""

    def __init__(self, get_gazetteer: Callable[[], Gazetteer], home_province: str = "65"):
        self._get_gazetteer = get_gazetteer
        self._gaz: Gazetteer | None = None
        self.home_province = home_province

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = self._get_gazetteer()
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._find(doc)
        self._add_ents(doc, mentions)
        self._resolve(doc, mentions)
        self._attach_non_admin(mentions)
        primary = self._primary(doc, mentions)
        doc._.locations = self._aggregate(mentions, primary, doc._.text_start)
        doc._.primary_location = self._primary_dict(primary) if primary else None
        return doc

    # -- finding ---------------------------------------------------------------------------
    def _firsts(self, bare: bool) -> set[str]:
        """First words of the gazetteer keys: most tokens start no name and are skipped at once."""
        attr = "_bare_firsts" if bare else "_key_firsts"
        if not hasattr(self, attr):
            setattr(self, attr, {k.split(" ", 1)[0] for k in (self.gaz.bare if bare else self.gaz.keys)})
        return getattr(self, attr)

    def _longest(self, doc: Doc, start: int, levels, bare: bool):
        gaz = self.gaz
        if doc[start].lower_ not in self._firsts(bare):
            return None
        lower = [t.lower_ for t in doc[start: start + gaz.max_tokens]]
        for n in range(len(lower), 0, -1):
            if n > 1 and doc[start + n - 1].is_punct:
                continue
            codes = gaz.lookup(" ".join(lower[:n]), levels, bare=bare)
            if codes and _capitalised(doc[start: start + n]):
                return n, codes
        return None

    def _find(self, doc: Doc) -> list[dict]:
        person = set()
        for ent in doc.ents:
            if ent.label_ == "PER":
                person.update(range(ent.start, ent.end))
        mentions, i, n = [], 0, len(doc)
        text_start = doc._.text_start
        title_words = [t for t in doc[:200] if t.idx < text_start and t.is_alpha and len(t) > 3]
        # In a Title Case headline every word is capitalised: landmark rules would run on.
        title_case = len(title_words) > 2 and sum(t.text[0].isupper() for t in title_words) > 0.6 * len(title_words)
        while i < n:
            found = None
            lw = _level_word_at(doc, i)
            if lw:
                used, levels = lw
                hit = self._longest(doc, i + used, levels, bare=False) if i + used < n else None
                if hit:
                    found = (i, i + used + hit[0], hit[1], True)
            if not found and i not in person:
                hit = self._longest(doc, i, None, bare=True)
                prev = doc[i - 1].lower_.rstrip(".") if i else ""
                if prev == "." and i > 1:
                    prev = doc[i - 2].lower_
                if hit and prev not in HONORIFICS and not person.intersection(range(i, i + hit[0])):
                    found = (i, i + hit[0], hit[1], False)
            if not found and doc[i].lower_.rstrip(".") in NON_ADMIN_WORDS and doc[i].text[0].isupper() \
                    and not (title_case and doc[i].idx < text_start):
                j = i + 1 + (doc[i + 1].text == "." if i + 1 < n else 0)
                k = j
                while k < n and k - j < 4 and doc[k].is_alpha and doc[k].text[0].isupper():
                    k += 1
                if k > j and not person.intersection(range(j, k)):
                    found = (i, k, [], False)
            if found:
                s, e, codes, lvl = found
                span = doc[s:e]
                mentions.append({"start": s, "end": e, "span": span, "codes": codes, "level_word": lvl,
                                 "kind": NON_ADMIN_WORDS.get(doc[s].lower_.rstrip(".")) if not codes else None})
                i = e
            else:
                i += 1
        covered = {t for m in mentions for t in range(m["start"], m["end"])}
        for ent in doc.ents:
            if ent.label_ == "LOC" and not covered.intersection(range(ent.start, ent.end)):
                mentions.append({"start": ent.start, "end": ent.end, "span": ent, "codes": [],
                                 "level_word": False, "kind": "place"})
        mentions.sort(key=lambda m: m["start"])
        return mentions

    def _add_ents(self, doc: Doc, mentions: list[dict]) -> None:
        """Gazetteer and landform/facility mentions become LOC entities where NER found nothing."""
        ents = list(doc.ents)
        for m in mentions:
            if not m["codes"] and m["kind"] == "place":
                continue  # an NER LOC already
            # NER spans inside the mention give way ("Mentarang" in "Kecamatan Mentarang Hulu");
            # larger NER spans stay ("SMA Negeri 4 Yogyakarta"), except in a Title Case headline
            # where NER runs on ("Desa Long Sulit Blokade Jalan").
            in_title = m["span"].start_char < doc._.text_start
            inside = [e for e in ents if (m["start"] <= e.start and e.end <= m["end"]
                                          and (e.label_ != "PER" or m["level_word"]))
                      or (in_title and e.label_ == "LOC" and m["level_word"] and e.start == m["start"])]
            if any(e.start < m["end"] and m["start"] < e.end for e in ents if e not in inside):
                continue  # overlaps a larger entity ("Polres Nunukan"): keep that one
            ents = [e for e in ents if e not in inside]
            ents.append(Span(doc, m["start"], m["end"], label="LOC"))
        doc.ents = sorted(ents, key=lambda s: s.start)

    # -- resolving -------------------------------------------------------------------------
    def _resolve(self, doc: Doc, mentions: list[dict]) -> None:
        gaz = self.gaz
        meta = doc._.meta or {}
        home = str(meta.get("source_region_code") or "")
        anchors: set[str] = {m["codes"][0] for m in mentions if len(m["codes"]) == 1}
        for _ in range(2):
            for m in mentions:
                if len(m["codes"]) <= 1:
                    m["code"] = m["codes"][0] if m["codes"] else None
                    m["confidence"] = (1.0 if m["level_word"] else 0.9) if m["codes"] else 0.5
                    continue
                scored = []
                for code in m["codes"]:
                    chain = set(gaz.parents(code))
                    score = 4.0 if code in anchors else 0.0  # the same unit named unambiguously
                    score += 3.0 * len(chain & anchors)
                    score += 1.0 * sum(1 for a in anchors if code in gaz.parents(a))
                    if home and (code == home or home in chain or code.startswith(home + ".")):
                        score += 2.0
                    if code.split(".")[0] == self.home_province:
                        score += 1.0
                    score -= 0.5 * LEVEL_RANK[gaz.units[code]["level"]]
                    scored.append((score, code))
                scored.sort(key=lambda x: (-x[0], x[1]))
                best, second = scored[0], scored[1]
                m["code"] = best[1]
                m["confidence"] = round(min(0.95, 0.6 + 0.1 * (best[0] - second[0])), 2)
            anchors |= {m["code"] for m in mentions if m.get("code")}
        self._link_ner_places(mentions, anchors, home)

    def _link_ner_places(self, mentions: list[dict], anchors: set[str], home: str) -> None:
        """An NER LOC the bare-name list skipped ("Setabu", a one-word village) is linked when a
        unit of that name lies inside a regency/district the article names or the source's region."""
        gaz = self.gaz
        areas = {a for a in anchors if gaz.units[a]["level"] in ("regency", "district")}
        if home and home in gaz.units and gaz.units[home]["level"] != "province":
            areas.add(home)
        if not areas:
            return
        for m in mentions:
            if m["codes"] or m["kind"] != "place":
                continue
            key = " ".join(t.lower_ for t in m["span"])
            inside = [c for c in gaz.keys.get(key, []) if gaz.units[c]["level"] != "non_admin"
                      and any(a in gaz.parents(c) for a in areas)]
            if inside:
                inside.sort(key=lambda c: (-sum(1 for a in areas if a in gaz.parents(c)), c))
                m["codes"], m["code"], m["kind"] = inside, inside[0], None
                m["confidence"] = 0.7 if len(inside) == 1 else 0.6

    def _attach_non_admin(self, mentions: list[dict]) -> None:
        for idx, m in enumerate(mentions):
            if m.get("code") and self.gaz.units[m["code"]]["level"] != "non_admin":
                continue
            m.setdefault("area", None)
            if m.get("code"):  # a gazetteer island: its parent is known
                m["area"] = self.gaz.units[m["code"]]["parent"]
                continue
            inner = self._inner_area(m["span"]) if m["kind"] in BUILDING_KINDS else None
            if inner:
                m["area"] = inner
                continue
            for nxt in mentions[idx + 1:]:
                if nxt["start"] - m["end"] > MAX_ATTACH_GAP:
                    break
                if nxt.get("code") and self.gaz.units[nxt["code"]]["level"] != "non_admin":
                    m["area"] = nxt["code"]
                    break

    def _inner_area(self, span) -> str | None:
        """An admin unit named inside a landmark ("Kantor Camat Sebatik Barat" → Sebatik Barat)."""
        for i in range(1, len(span)):
            hit = self._longest(span.doc, span.start + i, None, bare=True)
            if hit and span.start + i + hit[0] <= span.end:
                codes = [c for c in hit[1] if c.startswith(self.home_province)] or hit[1]
                return codes[0]
        return None

    def _primary(self, doc: Doc, mentions: list[dict]) -> dict | None:
        admin = [m for m in mentions if m.get("code") and self.gaz.units[m["code"]]["level"] != "non_admin"]
        if not admin:
            return None
        counts = Counter(m["code"] for m in admin)
        text_start = doc._.text_start
        head = []  # the first ~120 characters of the text, without building doc.text
        for tok in doc:
            if tok.idx >= text_start + 120:
                break
            if tok.idx >= text_start:
                head.append(tok.text_with_ws)
        dateline = DATELINE.match("".join(head))
        base = None
        if dateline:
            d_end = text_start + dateline.end("place")
            base = next((m for m in admin if text_start <= m["span"].start_char < d_end), None)
        repeated = [m for m in admin if counts[m["code"]] >= 2]
        if base is not None:
            inside = [m for m in repeated if m["code"] != base["code"]
                      and self.gaz.is_within(m["code"], base["code"])]
            return max(inside, key=self._specificity) if inside else base
        if repeated:
            return max(repeated, key=self._specificity)
        # No dateline, nothing repeated: the place the others contain (Tana Tidung > Sesayap Hilir >
        # Seludau → Seludau), else the first one.
        codes = set(counts)
        return max(admin, key=lambda m: (len(codes & set(self.gaz.parents(m["code"]))),
                                         *self._specificity(m)) if len(codes) > 1 else (0, 0, -m["start"]))

    def _specificity(self, m: dict):
        return (LEVEL_RANK[self.gaz.units[m["code"]]["level"]], -m["start"])

    # -- output ----------------------------------------------------------------------------
    def _geo(self, code: str | None) -> dict | None:
        unit = self.gaz.units.get(code) if code else None
        if unit and unit["lat"] is not None and unit["lon"] is not None:
            return {"lat": unit["lat"], "lon": unit["lon"]}
        return None

    def _aggregate(self, mentions: list[dict], primary: dict | None, text_start: int = 0) -> list[dict]:
        """One entry per distinct place (first mention, in the text rather than the title when
        possible), mentions counted; doc char offsets."""
        out: dict[str, dict] = {}
        for m in mentions:
            code = m.get("code")
            key = code or m["span"].text.lower()
            if key in out:
                out[key]["mentions"] += 1
                if out[key]["start"] < text_start <= m["span"].start_char:
                    out[key].update(start=m["span"].start_char, end=m["span"].end_char, mention=m["span"].text)
                continue
            if code:
                unit = self.gaz.units[code]
                level, name = unit["level"], unit["name"]
                kind = unit["kind"] if level != "non_admin" else "island"
                parents = self.gaz.parents(code)
            else:
                level, name, kind = "non_admin", m["span"].text, m["kind"] or "place"
                area = m.get("area") or (primary or {}).get("code")
                parents = [*self.gaz.parents(area), area] if area else []
            if level == "non_admin" and m.get("area"):
                parents = [*self.gaz.parents(m["area"]), m["area"]]
            out[key] = {
                "code": code, "level": level, "name": name, "mention": m["span"].text,
                "parent_codes": parents, "geo": self._geo(code), "primary": m is primary,
                "kind": kind, "start": m["span"].start_char, "end": m["span"].end_char,
                "confidence": m.get("confidence", 0.5), "mentions": 1,
            }
        if primary is not None:
            out[primary["code"]]["primary"] = True
        return list(out.values())

    def _primary_dict(self, m: dict) -> dict:
        code = m["code"]
        unit = self.gaz.units[code]
        chain = [*self.gaz.parents(code), code]
        by_level = {self.gaz.units[c]["level"]: c for c in chain}
        return {
            "code": code, "level": unit["level"], "name": unit["name"], "geo": self._geo(code),
            "province_code": by_level.get("province"), "regency_code": by_level.get("regency"),
            "district_code": by_level.get("district"), "village_code": by_level.get("village"),
        }


@Language.factory(
    "waspada_place_linker",
    requires=["doc.ents"],
    assigns=["doc._.locations", "doc._.primary_location", "doc.ents"],
    default_config={"gazetteer": {"@misc": "waspada.gazetteer.v1", "path": None}, "home_province": "65"},
)
def make_place_linker(nlp: Language, name: str, gazetteer: Callable[[], Gazetteer], home_province: str):
    return PlaceLinker(gazetteer, home_province)
