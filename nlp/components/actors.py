"""`waspada_actor_linker`: persons and organisations with a role and a type, variants merged.

Sources: NER PER/ORG entities; persons after a role phrase ("Bupati Nunukan H. Irwan Sabri",
"Kapolres Bulungan AKBP Ronny Firmansyah"): the role may name its area or body, recognised
through the gazetteer and org acronyms, then titles, then the name; org patterns ("PT …",
"Partai …", "KPU Nunukan", "Polres Bulungan"); groups ("warga Desa …", "masyarakat adat …").
Academic, religious and police/military titles are stripped from names, the role is kept
("Gubernur Kalimantan Utara Dr. H. Zainal A. Paliwang, SH, M.Hum." → "Zainal A. Paliwang",
role "Gubernur Kalimantan Utara", type government). Persons found only through a role are added
to doc.ents as PER, so the place linker will not read "Bunyu" in "Camat Bunyu Ahmad" wrongly.
Mentions of one actor in an article are merged (nlp/actor_names.py); an optional
`ActorRegistry` merges variants across the articles of a run.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import extensions  # noqa: F401  (registers the Doc extensions)
from nlp.actor_names import DEGREE, PREFIX_TITLES, ActorRegistry, merge_mentions, normalize_name, strip_titles
from nlp.actor_types import COMMUNITY_HEADS, ORG_HEADS, org_type, role_at
from nlp.gazetteer import Gazetteer

MAX_NAME = 5
# Org heads that need a name after them ("Partai Gerindra"); the others stand alone ("Bawaslu").
GENERIC_ORG_HEADS = {"Pemerintah", "Dinas", "Kementerian", "Partai", "PT", "CV", "Perum", "Koperasi", "Bank",
                     "Ormas", "Laskar", "Aliansi", "LSM", "Lembaga", "Dewan", "Persatuan", "Forum", "Ikatan",
                     "Himpunan", "Pemuda", "Kerukunan", "Gerakan", "Satgas", "Bea", "Satpol", "Imigrasi",
                     "Demokrat", "PAN", "PBB", "NU"}
# Capitalised words that never start or continue a person's name after a role.
NOT_NAME_WORDS = {"negeri", "nomor", "no", "perguruan", "tinggi", "luar", "dalam", "umum", "daerah", "provinsi",
                  "kabupaten", "kota", "kecamatan", "desa", "republik", "negara", "pusat", "utara", "selatan",
                  "timur", "barat", "tengah", "sekolah", "universitas", "partai", "dinas", "badan", "kantor",
                  "bidang", "komisi", "fraksi", "periode", "masa", "dan", "yang", "saat", "ketika", "pada"}
DEGREE_WORDS = {"SH", "SE", "MM", "MH", "MT", "ST", "SIP", "SPd", "MPd", "MSi", "SSos", "SAg", "BA", "MA",
                "Lc", "SKM", "MKes", "MAP", "MBA", "PhD"}
LEVEL_WORDS = {"desa", "kelurahan", "kecamatan", "kabupaten", "kota", "kampung", "kab", "kec", "kel", "provinsi"}
GROUP_QUALIFIERS = {"adat", "suku", "desa", "kampung", "kelurahan", "dayak", "kecamatan", "kota", "kabupaten"}


def _cap(tok) -> bool:
    return tok.text[:1].isupper()


def _title_len(doc: Doc, i: int) -> int:
    """Tokens used by a title at doc[i] ("Dr." = "Dr" + ".", "AKBP", "H."), 0 if none."""
    if i >= len(doc) or doc[i].lower_.rstrip(".") not in PREFIX_TITLES:
        return 0
    return 2 if i + 1 < len(doc) and doc[i + 1].text == "." else 1


class ActorLinker:
    """Finds actors and sets doc._.actors (list of dicts, doc char offsets)."""

    def __init__(self, get_gazetteer: Callable[[], Gazetteer] | None = None,
                 registry: ActorRegistry | None = None):
        self._get_gazetteer = get_gazetteer
        self._gaz: Gazetteer | None = None
        self.registry = registry

    @property
    def gaz(self) -> Gazetteer | None:
        if self._gaz is None and self._get_gazetteer is not None:
            self._gaz = self._get_gazetteer()
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        ents = self._clean_ents(doc)
        role_persons = self._role_persons(doc, ents)
        person_tokens = {i for s, _, _ in role_persons for i in range(s.start, s.end)}
        person_tokens |= {i for e in ents if e.label_ == "PER" for i in range(e.start, e.end)}
        ner_orgs = [e for e in ents if e.label_ == "ORG"]
        orgs = [(s, t) for s, t in self._org_patterns(doc, person_tokens)
                if not any(_overlap(s, e) for e in ner_orgs)]  # NER's own ORG spans stay
        # Rules are more reliable than the statistical NER on these patterns: their spans win.
        rule_spans = [Span(doc, s.start, s.end, label="PER") for s, _, _ in role_persons]
        rule_spans += [Span(doc, s.start, s.end, label="ORG") for s, _ in orgs]
        role_areas = [(a, b) for _, _, _, a, b in self._role_ranges]
        kept = [e for e in ents if not any(_overlap(e, r) for r in rule_spans)
                and not any(a <= e.start and e.end <= b and e.label_ != "PER" for a, b in role_areas)]
        doc.ents = sorted(filter_spans([*rule_spans, *kept]), key=lambda s: s.start)
        self._surnames_are_persons(doc)
        roles = {(s.start, s.end): (role, typ) for s, role, typ in role_persons}
        found = []
        for ent in doc.ents:
            if ent.label_ == "PER":
                role, typ = roles.get((ent.start, ent.end), (None, None))
                found.append({"span": ent, "name": strip_titles(ent.text), "role": role,
                              "type": typ or "person", "label": "PER"})
            elif ent.label_ == "ORG":
                found.append({"span": ent, "name": ent.text, "role": None, "type": org_type(ent.text),
                              "label": "ORG"})
        for span in self._groups(doc):
            found.append({"span": span, "name": span.text, "role": None, "type": "community",
                          "label": "GROUP"})
        for item in found:
            item["normalized"] = normalize_name(item["name"])
        actors = merge_mentions([f for f in found if f["normalized"]])
        if self.registry is not None:
            for actor in actors:
                actor["normalized"] = self.registry.canonical(actor["normalized"], actor["label"])
        doc._.actors = actors
        return doc

    def _surnames_are_persons(self, doc: Doc) -> None:
        """A one-word LOC/ORG span that is part of a person's name in this article ("Paliwang"
        after "Zainal A. Paliwang") is that person."""
        words = {t.lower_ for e in doc.ents if e.label_ == "PER" and len(e) > 1 for t in e if t.is_alpha
                 and len(t) > 3}
        if not words:
            return
        doc.ents = [Span(doc, e.start, e.end, label="PER")
                    if e.label_ != "PER" and len(e) == 1 and e[0].lower_ in words
                    and (self.gaz is None or e[0].lower_ not in self.gaz.bare) else e for e in doc.ents]

    def _level_word_names(self, doc: Doc) -> set[str]:
        """Names the article gives a level word ("Desa Aji Kuning" → "aji kuning"): places."""
        names: set[str] = set()
        if self.gaz is None:
            return names
        for i, tok in enumerate(doc):
            if tok.lower_ in LEVEL_WORDS and _cap(tok):
                size = self._area_len(doc, i)
                start = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ".")
                if size > start - i:
                    names.add(" ".join(t.lower_ for t in doc[start: i + size]))
        return names

    def _clean_ents(self, doc: Doc) -> list[Span]:
        """NER spans trimmed of blank/punctuation edges; degree-only spans dropped; ORG spans that
        are just a place name ("NUNUKAN" in a dateline) relabelled LOC."""
        out = []
        level_names = self._level_word_names(doc)
        pieces = []
        for ent in doc.ents:  # a span across the title/text break is two spans
            start = ent.start
            for t in ent:
                if t.is_space and "\n" in t.text:
                    if t.i > start:
                        pieces.append(Span(doc, start, t.i, label=ent.label_))
                    start = t.i + 1
            if start < ent.end:
                pieces.append(Span(doc, start, ent.end, label=ent.label_))
        for ent in pieces:
            s, e = ent.start, ent.end
            if ent.label_ == "PER" and " ".join(t.lower_ for t in ent) in level_names:
                out.append(Span(doc, s, e, label="LOC"))  # "Aji Kuning" after "Desa Aji Kuning"
                continue
            while s < e and (doc[s].is_space or (doc[s].is_punct and doc[s].text not in "(")):
                s += 1
            while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text != "."):
                e -= 1
            if ent.label_ == "PER":  # names without titles: "Drs. H. Sabarani, BA" → "Sabarani"
                while s < e and (step := _title_len(doc, s)) and s + step < e:
                    s += step
                while e - s > 1 and (DEGREE.match(doc[e - 1].text) and doc[e - 1].text.isupper() is False
                                     or doc[e - 1].text in {",", "."} or doc[e - 1].text in DEGREE_WORDS):
                    e -= 1
            if s == e:
                continue
            span = Span(doc, s, e, label=ent.label_)
            if ent.label_ == "PER" and not normalize_name(span.text):
                continue
            if ent.label_ == "PER" and (all(strip_titles(t.text) == "" or t.is_punct for t in span)
                                        or DEGREE.match(span.text)):
                continue
            if ent.label_ == "ORG" and self.gaz is not None and span.text not in ORG_HEADS \
                    and " ".join(t.lower_ for t in span) in self.gaz.keys:
                span = Span(doc, s, e, label="LOC")
            out.append(span)
        return out

    # -- persons after a role --------------------------------------------------------------
    def _area_len(self, doc: Doc, i: int, allow_place: bool = True) -> int:
        """Tokens at doc[i] naming the role's area or body ("Nunukan", "DPRD Kaltara", "Kab. X")."""
        n = len(doc)
        if i < n and (doc[i].text in ORG_HEADS or doc[i].like_num or doc[i].text == "/"):
            return 1  # "Ketua DPRD ...", "Dandim 0911/Nunukan"
        gaz = self.gaz
        if gaz is None or i >= n or not _cap(doc[i]) or not allow_place:
            return 0  # one place per role: in "Camat Sebuku Bunyu Ahmad", Bunyu is the name
        j = i
        if doc[j].lower_.rstrip(".") in {"kabupaten", "kab", "kota", "kecamatan", "kec", "desa", "provinsi"}:
            j += 2 if j + 1 < n and doc[j + 1].text == "." else 1
        lower = [t.lower_ for t in doc[j: j + gaz.max_tokens]]
        for size in range(len(lower), 0, -1):
            if " ".join(lower[:size]) in gaz.keys and all(_cap(t) for t in doc[j: j + size] if t.is_alpha):
                return j + size - i
        return 0

    def _role_persons(self, doc: Doc, ents: list[Span]) -> list[tuple[Span, str, str]]:
        """(name span, role, type) for persons right after a role phrase; also records the role
        phrase ranges in self._role_ranges so NER spans inside them can be dropped."""
        out, i, n = [], 0, len(doc)
        self._role_ranges: list[tuple] = []
        per_starts = {e.start: e for e in ents if e.label_ == "PER"}
        other_starts = {e.start: e for e in ents if e.label_ != "PER"}
        inside_ent = {t for e in ents for t in range(e.start + 1, e.end)}
        while i < n:
            hit = role_at(doc, i) if _cap(doc[i]) and i not in inside_ent else None
            if hit and i > 0 and _cap(doc[i - 1]) and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start \
                    and role_at(doc, i - 1) is None and doc[i - 1].lower_ not in NOT_NAME_WORDS:
                hit = None  # inside a capitalised name: "Puncak Datuk Panglima Husin"
            if not hit:
                i += 1
                continue
            j, typ = hit
            places = 0
            while True:
                step = self._area_len(doc, j, allow_place=places == 0)
                if step > 0:  # "Ketua DPRD Nunukan", "Bupati Kab. Bulungan", "Dandim 0911/Nunukan"
                    places += doc[j].text not in ORG_HEADS and not doc[j].like_num and doc[j].text != "/"
                    j += step
                elif j in other_starts and places == 0 and other_starts[j].label_ == "LOC" \
                        and not any(t.text[:1].isupper() and t.text.endswith(".") for t in other_starts[j]):
                    j = other_starts[j].end  # NER's area: "Presiden Indonesia ...", "Menteri Malaysia ..."
                    places += 1
                else:
                    break
            role_end = j
            while (step := _title_len(doc, j)) > 0:  # "Dr. H.", "AKBP"
                j += step
            if j == role_end and j not in per_starts:
                # "Menteri Perhubungan Jusman Syafii Djamal": NER's person a word or two later
                later = next((per_starts[k] for k in range(j + 1, min(j + 3, n)) if k in per_starts
                              and all(_cap(doc[t]) and len(doc[t]) > 2 and not _title_len(doc, t)
                                      and not doc[t].text.endswith(".") for t in range(j, k))), None)
                if later is not None:
                    j = role_end = later.start
            if doc[j: j + 1].text == ",":  # "Kapolres Nunukan, AKBP Bonifasius ..."
                j += 1
                while (step := _title_len(doc, j)) > 0:
                    j += step
            role = strip_titles(doc[i:role_end].text, trailing_only=True)
            if j in per_starts:
                ent = per_starts[j]
                out.append((ent, role, typ))
                self._role_ranges.append((ent, role, typ, i, j))
                i = ent.end
                continue
            k = j
            while k < n and k - j < MAX_NAME and k not in other_starts and doc[k].lower_ not in NOT_NAME_WORDS and (
                (doc[k].is_alpha and _cap(doc[k]) and not (doc[k].is_upper and len(doc[k]) > 1))
                or (len(doc[k].text) == 2 and doc[k].text[1] == "." and doc[k].text[0].isupper())
            ):
                k += 1
            if k > j:
                out.append((doc[j:k], role, typ))
                self._role_ranges.append((doc[j:k], role, typ, i, j))
            i = max(k, role_end, i + 1)
        return out

    # -- organisations and groups ----------------------------------------------------------
    def _org_patterns(self, doc: Doc, person_tokens: set[int]):
        """(span, type) for "PT X", "Partai X", "KPU Nunukan", "Polres Bulungan", "TNI", ..."""
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if tok.text in ORG_HEADS and i not in person_tokens:
                k = i + 1
                if k < n and doc[k].text == "." and tok.text in {"PT", "CV"}:
                    k += 1
                while k < n and k - i <= MAX_NAME and k not in person_tokens and (
                    (_cap(doc[k]) and doc[k].is_alpha and not _title_len(doc, k)) or doc[k].like_num
                ):
                    k += 1
                named = k > i + 1 and doc[k - 1].text != "."
                if named or (k == i + 1 and tok.text not in GENERIC_ORG_HEADS):
                    span = doc[i:k]
                    yield span, org_type(span.text)
                    i = k
                    continue
            i += 1

    def _groups(self, doc: Doc):
        """Community groups: "warga Desa Long Sulit", "masyarakat adat Dayak Lundayeh"."""
        i, n = 0, len(doc)
        while i < n:
            if doc[i].lower_ in COMMUNITY_HEADS:
                k = i + 1
                while k < n and k - i < 3 and doc[k].lower_ in GROUP_QUALIFIERS:
                    k += 1
                    if k < n and doc[k].text == ".":
                        k += 1
                start_name = k
                area = self._area_len(doc, k) if k > i + 1 else 0
                if area:  # "warga Desa Long Sulit": exactly the place name
                    k += area
                while not area and k < n and k - start_name < 4 and doc[k].is_alpha and _cap(doc[k]):
                    k += 1
                if k > start_name:
                    yield doc[i:k]
                    i = k
                    continue
            i += 1


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "waspada_actor_linker",
    requires=["doc.ents"],
    assigns=["doc._.actors", "doc.ents"],
    default_config={"gazetteer": {"@misc": "waspada.gazetteer.v1", "path": None}, "registry_size": 100_000},
)
def make_actor_linker(nlp: Language, name: str, gazetteer: Callable[[], Gazetteer], registry_size: int):
    """registry_size > 0: merge name variants across the articles this process enriches."""
    return ActorLinker(gazetteer, ActorRegistry(registry_size) if registry_size > 0 else None)
