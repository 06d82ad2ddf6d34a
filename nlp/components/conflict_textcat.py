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

