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
from nlp.actor_names import PREFIX_TITLES, ActorRegistry, merge_mentions, normalize_name, strip_titles
from nlp.actor_types import COMMUNITY_HEADS, ORG_HEADS, org_type, role_at
from nlp.gazetteer import Gazetteer

MAX_NAME = 5
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
        ents = list(doc.ents)
        role_persons = self._role_persons(doc, ents)
        new = [s for s, _, _ in role_persons if not any(_overlap(s, e) for e in ents)]
        if new:
            doc.ents = filter_spans([*ents, *(Span(doc, s.start, s.end, label="PER") for s in new)])
            ents = list(doc.ents)
        roles = {(s.start, s.end): (role, typ) for s, role, typ in role_persons}
        found = []
        for ent in ents:
            if ent.label_ == "PER":
                role, typ = roles.get((ent.start, ent.end), (None, None))
                found.append({"span": ent, "name": strip_titles(ent.text), "role": role,
                              "type": typ or "person", "label": "PER"})
            elif ent.label_ == "ORG":
                found.append({"span": ent, "name": ent.text, "role": None, "type": org_type(ent.text),
                              "label": "ORG"})
        taken = {i for e in ents for i in range(e.start, e.end)}
        for span, typ, label in self._patterns(doc, taken):
            found.append({"span": span, "name": span.text, "role": None, "type": typ, "label": label})
        for item in found:
            item["normalized"] = normalize_name(item["name"])
        actors = merge_mentions([f for f in found if f["normalized"]])
        if self.registry is not None:
            for actor in actors:
                actor["normalized"] = self.registry.canonical(actor["normalized"], actor["label"])
        doc._.actors = actors
        return doc

    # -- persons after a role --------------------------------------------------------------
    def _area_len(self, doc: Doc, i: int) -> int:
        """Tokens at doc[i] naming the role's area or body ("Nunukan", "DPRD Kaltara", "Kab. X")."""
        n = len(doc)
        if i < n and doc[i].text in ORG_HEADS:
            return 1
        gaz = self.gaz
        if gaz is None or i >= n or not _cap(doc[i]):
            return 0
        j = i
        if doc[j].lower_.rstrip(".") in {"kabupaten", "kab", "kota", "kecamatan", "kec", "desa", "provinsi"}:
            j += 2 if j + 1 < n and doc[j + 1].text == "." else 1
        lower = [t.lower_ for t in doc[j: j + gaz.max_tokens]]
        for size in range(len(lower), 0, -1):
            if " ".join(lower[:size]) in gaz.keys and all(_cap(t) for t in doc[j: j + size] if t.is_alpha):
                return j + size - i
        return 0

    def _role_persons(self, doc: Doc, ents: list[Span]) -> list[tuple[Span, str, str]]:
        out, i, n = [], 0, len(doc)
        per_starts = {e.start: e for e in ents if e.label_ == "PER"}
        while i < n:
            hit = role_at(doc, i) if _cap(doc[i]) else None
            if not hit:
                i += 1
                continue
            j, typ = hit
            while (step := self._area_len(doc, j)) > 0:  # "Ketua DPRD Nunukan", "Bupati Kab. Bulungan"
                j += step
            role_end = j
            while (step := _title_len(doc, j)) > 0:  # "Dr. H.", "AKBP"
                j += step
            if doc[j: j + 1].text == ",":  # "Kapolres Nunukan, AKBP Bonifasius ..."
                j += 1
                while (step := _title_len(doc, j)) > 0:
                    j += step
            role = strip_titles(doc[i:role_end].text, trailing_only=True)
            if j in per_starts:
                ent = per_starts[j]
                out.append((ent, role, typ))
                i = ent.end
                continue
            k = j
            while k < n and k - j < MAX_NAME and (
                (doc[k].is_alpha and _cap(doc[k])) or (len(doc[k].text) == 2 and doc[k].text[1] == "."
                                                      and doc[k].text[0].isupper())
            ):
                k += 1
            if k > j and not any(e.start < k and j < e.end and e.label_ != "PER" for e in ents):
                out.append((doc[j:k], role, typ))
            i = max(k, role_end, i + 1)
        return out

    # -- organisations and groups ----------------------------------------------------------
    def _patterns(self, doc: Doc, taken: set[int]):
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if i in taken:
                i += 1
                continue
            if tok.lower_ in COMMUNITY_HEADS:
                k = i + 1
                if k < n and doc[k].lower_ in GROUP_QUALIFIERS:
                    k += 1
                    if k < n and doc[k].text == ".":
                        k += 1
                start_name = k
                while k < n and k - start_name < 4 and doc[k].is_alpha and _cap(doc[k]):
                    k += 1
                if k > start_name and not taken.intersection(range(i, k)):
                    yield doc[i:k], "community", "GROUP"
                    i = k
                    continue
            if tok.text in ORG_HEADS:
                k = i + 1
                if k < n and doc[k].text == "." and tok.text in {"PT", "CV"}:
                    k += 1
                while k < n and k - i <= MAX_NAME and (_cap(doc[k]) or doc[k].like_num) and not doc[k].is_punct:
                    k += 1
                span = doc[i:k]
                if not taken.intersection(range(span.start, span.end)) and (k > i + 1 or tok.is_upper):
                    yield span, org_type(span.text), "ORG"
                    i = k
                    continue
            i += 1


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "waspada_actor_linker",
    requires=["doc.ents"],
    assigns=["doc._.actors", "doc.ents"],
    default_config={"gazetteer": {"@misc": "waspada.gazetteer.v1", "path": None}},
)
def make_actor_linker(nlp: Language, name: str, gazetteer: Callable[[], Gazetteer]):
    return ActorLinker(gazetteer)
