"""Text-classifier architecture shared by the conflict and sentiment models.

spaCy's `TextCatBOW.v3` hashes token ORTH (case-sensitive); news headlines, SmSA (lower-cased)
and social posts mix cases, so this variant hashes the LOWER form. It is registered under a
versioned name so the trained models' configs can refer to it.
"""

from __future__ import annotations

from functools import partial

from spacy.attrs import LOWER
from spacy.ml.extract_ngrams import extract_ngrams
from spacy.ml.models.textcat import resize_and_set_ref
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, softmax_activation, with_cpu
from thinc.layers.resizable import resize_linear_weighted

NEG_VALUE = -5000


@registry.architectures("waspada.TextCatBOWLower.v1")
def build_bow_lower(
    exclusive_classes: bool,
    ngram_size: int,
    no_output_layer: bool = False,
    length: int = 262144,
    nO: int | None = None,
) -> Model:
    """Sparse bag-of-n-grams linear classifier over lower-cased tokens (fast on CPU)."""
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    fill_defaults = {"b": 0, "W": 0}
    output_layer = None
    if not no_output_layer:
        fill_defaults["b"] = NEG_VALUE
        output_layer = softmax_activation() if exclusive_classes else Logistic()
    resizable_layer = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults)
    )
    model = chain(extract_ngrams(ngram_size, attr=LOWER), resizable_layer)
    model = with_cpu(model, model.ops)
    if output_layer is not None:
        model = chain(model, with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model


# --- stems: Indonesian verbs and nouns carry affixes (membakar / dibakar / terbakar / pembakaran),
# so unseen forms of a known root would be unknown features; hashing the crude stem as well lets
# the classifier generalise across them.
_PARTICLES = ("nya", "lah", "kah")
_SUFFIXES = ("kan", "an", "i")
_STEM_CACHE: dict[str, str] = {}


def stem(word: str) -> str:
    """Crude, deterministic Indonesian affix stripping (a feature, not a linguistic analysis)."""
    w = word.lower()
    cached = _STEM_CACHE.get(w)
    if cached is not None:
        return cached
    s = w
    if len(s) > 5 and s.isalpha():
        for p in _PARTICLES:
            if s.endswith(p) and len(s) - len(p) >= 4:
                s = s[: -len(p)]
                break
        for suf in _SUFFIXES:
            if s.endswith(suf) and len(s) - len(suf) >= 4:
                s = s[: -len(suf)]
                break
        vowels = "aeiou"
        for pre, repl in (("meng", ""), ("meny", "s"), ("peng", ""), ("peny", "s"), ("men", "t"), ("pen", "t"),
                          ("mem", "p"), ("pem", "p"), ("ber", ""), ("ter", ""), ("per", ""), ("di", ""),
                          ("me", ""), ("pe", ""), ("ke", ""), ("se", "")):
            if s.startswith(pre) and len(s) - len(pre) >= 3:
                rest = s[len(pre):]
                if repl and rest[0] in vowels:
                    rest = repl + rest
                s = rest
                break
    _STEM_CACHE[w] = s
    return s


def _stem_key(word: str) -> int:
    from spacy.strings import hash_string

    return hash_string("§" + stem(word))


def extract_lower_and_stem_ngrams(ngram_size: int) -> Model:
    """Hashed n-grams of lower-cased tokens plus n-grams of their stems (distinct key spaces)."""

    def forward(model: Model, docs, is_train: bool):
        ops = model.ops
        batch_keys, batch_vals = [], []
        for doc in docs:
            lower = ops.asarray(doc.to_array([LOWER]))
            stems = ops.asarray([_stem_key(t.lower_) for t in doc] or [0], dtype="uint64")
            grams = [lower, stems]
            for n in range(2, ngram_size + 1):
                grams.append(ops.ngrams(n, lower))
                grams.append(ops.ngrams(n, stems))
            keys = ops.xp.concatenate([g.astype("uint64") for g in grams])
            keys, vals = ops.xp.unique(keys, return_counts=True)
            batch_keys.append(keys)
            batch_vals.append(vals)
        lengths = ops.asarray([k.shape[0] for k in batch_keys], dtype="int32")
        return (ops.xp.concatenate(batch_keys), ops.asarray(ops.xp.concatenate(batch_vals), dtype="f"), lengths), \
            (lambda dY: [])

    return Model("extract_lower_and_stem_ngrams", forward)


@registry.architectures("waspada.TextCatBOWStem.v1")
def build_bow_stem(
    exclusive_classes: bool,
    ngram_size: int,
    no_output_layer: bool = False,
    length: int = 262144,
    nO: int | None = None,
) -> Model:
    """Like waspada.TextCatBOWLower.v1, with stem n-grams added to the lower-cased token n-grams."""
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    fill_defaults = {"b": 0, "W": 0}
    output_layer = None
    if not no_output_layer:
        fill_defaults["b"] = NEG_VALUE
        output_layer = softmax_activation() if exclusive_classes else Logistic()
    resizable_layer = resizable(
        sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults)
    )
    model = chain(extract_lower_and_stem_ngrams(ngram_size), resizable_layer)
    model = with_cpu(model, model.ops)
    if output_layer is not None:
        model = chain(model, with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
