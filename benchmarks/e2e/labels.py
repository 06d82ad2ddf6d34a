"""How well the running service labels the demo scenario: enrichment vs the analysts' labels.

    .venv/bin/python -m benchmarks.e2e.labels [--api http://127.0.0.1:8000]

Reads the demo sources file (<WASPADA_HOME>/demo/sources.yaml) to know each outlet's URL, fetches
every scenario item the service has indexed (GET /articles/{id}), and prints the agreement of
`conflict.categories` (exact set), `conflict.stage`, `conflict.intensity` and the primary place
(same code, or same kabupaten/kota) with the `expected:` labels of waspada/demo/scenario.yaml —
next to a majority-class baseline scored on the same items in the same run.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

import httpx
import yaml

FIELDS = ("categories", "stage", "intensity", "place", "regency")


def _regency(code: str | None) -> str | None:
    return ".".join(code.split(".")[:2]) if code and code.count(".") >= 1 else code


def predicted(doc: dict) -> dict:
    conflict = doc.get("conflict") or {}
    place = (doc.get("primary_location") or {}).get("code")
    return {"categories": tuple(sorted(conflict.get("categories") or [])), "stage": conflict.get("stage"),
            "intensity": conflict.get("intensity"), "place": place, "regency": _regency(place)}


def main(argv: list[str] | None = None) -> int:
    from crawlers.dedup import doc_id
    from waspada.demo.scenario import default_scenario, expected_by_url
    from waspada.settings import get_settings
    settings = get_settings()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.e2e.labels", description=__doc__.split("\n")[0])
    parser.add_argument("--api", default=settings.alerts.public_url)
    parser.add_argument("--api-key", default=os.environ.get("WASPADA_API_BOOTSTRAP_ADMIN_KEY", ""))
    parser.add_argument("--sources-file", type=Path, default=Path(settings.paths.home) / "demo" / "sources.yaml")
    args = parser.parse_args(argv)
    try:
        entries = yaml.safe_load(args.sources_file.read_text(encoding="utf-8"))["sources"]
    except (OSError, KeyError, TypeError) as exc:
        sys.exit(f"W910: no demo sources file at {args.sources_file} ({exc}); start `waspada run --demo` first")
    expected = expected_by_url(default_scenario(), {e["name"]: e["base_url"] for e in entries})
    truth, guess = [], []
    headers = {"X-API-Key": args.api_key} if args.api_key else {}
    with httpx.Client(base_url=args.api, headers=headers, timeout=30) as api:
        for url, labels in expected.items():
            answer = api.get(f"/articles/{doc_id(url)}")
            if answer.status_code != 200:
                continue
            truth.append({"categories": tuple(sorted(labels.categories)), "stage": labels.stage,
                          "intensity": labels.intensity, "place": labels.place, "regency": _regency(labels.place)})
            guess.append(predicted(answer.json()))
    print(f"{len(truth)} of {len(expected)} scenario items indexed")
    if not truth:
        return 1
    majority = {f: Counter(t[f] for t in truth).most_common(1)[0][0] for f in FIELDS}
    print(f"  {'field':12} {'waspada':>8} {'majority':>9}  ratio")
    for field in FIELDS:
        ours = sum(g[field] == t[field] for g, t in zip(guess, truth)) / len(truth)
        base = sum(majority[field] == t[field] for t in truth) / len(truth)
        ratio = f"{ours / base:.2f}x" if base else "–"
        print(f"  {field:12} {ours:8.0%} {base:9.0%}  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
