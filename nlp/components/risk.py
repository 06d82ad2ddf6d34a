"""`waspada_risk`: per-article risk score and band from the conflict, sentiment, actors and place.

Reads `doc._.conflict`, `doc._.sentiment` (this package), `doc._.actors` and
`doc._.primary_location` / `doc._.locations` (NLP I's linkers) when present and degrades
gracefully when they are absent; sets `doc._.risk` = {score, band, factors} (nlp/risk.py).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp.risk import article_risk, load_priors

for _name in ("risk", "conflict", "sentiment", "actors", "locations", "primary_location"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def place_codes(doc: Doc) -> list[str]:
    """Codes of the primary location and all its parents, then of the other linked places."""
    codes: list[str] = []
    primary = doc._.primary_location
    if primary:
        codes += [primary.get(k) for k in ("village_code", "district_code", "regency_code", "province_code", "code")
                  if primary.get(k)]
    for loc in doc._.locations or []:
        if loc.get("primary"):
            codes += [loc.get("code"), *(loc.get("parent_codes") or [])]
    return [c for c in dict.fromkeys(codes) if c]


class RiskScorer:
    def __init__(self, name: str, priors_path: str):
        if not priors_path:
            from waspada.settings import get_settings

            priors_path = str(get_settings().nlp.risk_priors or "")
        self.name = name
        self.priors = load_priors(priors_path)

    def __call__(self, doc: Doc) -> Doc:
        doc._.risk = article_risk(doc._.conflict, doc._.sentiment, doc._.actors, place_codes(doc), self.priors)
        return doc


@Language.factory("waspada_risk", assigns=["doc._.risk"], default_config={"priors_path": ""})
def make_risk(nlp: Language, name: str, priors_path: str) -> RiskScorer:
    return RiskScorer(name, priors_path)
