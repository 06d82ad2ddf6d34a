"""Region summaries: article counts, incidents and a risk band per kabupaten/kota or kecamatan.

Counts come from one terms aggregation on `region_codes` (every level of every linked place),
restricted by a regex to the codes of the asked level under a parent. Names and polygons come
from the installed Kemendagri reference data (`<WASPADA_HOME>/reference/id-wilayah-kemendagri`,
put there by `waspada data install`), else from `WASPADA_REFERENCE_DATA` / the shared data folder.
Nothing from that data is committed.

A region's risk score is the 90th percentile of its articles' risk scores in the period (a few
high-risk reports count, one outlier does not dominate); `band_for` names the band.
"""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

from store.search import SearchParams, build_query

LEVELS = {"regency": 2, "district": 3}  # number of dotted parts in a code of that level
PARENT = re.compile(r"^\d{2}(\.\d{2}(\.\d{2})?)?$")
MAX_REGIONS = 2000

#: Fallback risk bands (score ≥ threshold → band), used only when `nlp.risk.band_for` is missing;
#: the same 0-100 scale and thresholds as nlp/risk.py.
BAND_THRESHOLDS: tuple[tuple[float, str], ...] = ((75, "Sangat Rawan"), (50, "Rawan"), (25, "Cenderung Aman"),
                                                  (0, "Aman"))


def band_for(score: float | None) -> str:
    """The risk band of a score: the NLP's `nlp.risk.band_for` when present, else BAND_THRESHOLDS."""
    try:
        from nlp.risk import band_for as nlp_band_for  # type: ignore[import-not-found]
    except ImportError:
        nlp_band_for = None
    if nlp_band_for is not None:
        return str(nlp_band_for(score or 0.0))
    for threshold, band in BAND_THRESHOLDS:
        if (score or 0.0) >= threshold:
            return band
    return BAND_THRESHOLDS[-1][1]


def check_level(level: str, parent: str) -> None:
    from store.queries import QueryError

    if level not in LEVELS:
        raise QueryError(f"E060: unknown level {level!r}; use regency or district")
    if not PARENT.match(parent) or len(parent.split(".")) >= LEVELS[level]:
        raise QueryError(f"E061: parent {parent!r} must be a province (65) or, for districts, a regency (65.04)")


def summary_body(params: SearchParams, level: str, parent: str) -> dict:
    """A size-0 search counting articles per region code of `level` under `parent`."""
    check_level(level, parent)
    depth = LEVELS[level] - len(parent.split("."))
    include = re.escape(parent) + "(\\.[0-9]{2})" * depth
    query = build_query(params)
    query["bool"]["filter"].append({"term": {"region_codes": parent}})
    return {
        "query": query,
        "size": 0,
        "track_total_hits": True,
        "aggs": {"regions": {
            "terms": {"field": "region_codes", "include": include, "size": MAX_REGIONS},
            "aggs": {
                "incidents": {"filter": {"term": {"conflict.stage": "incident"}}},
                "max_intensity": {"max": {"field": "conflict.intensity"}},
                "risk": {"percentiles": {"field": "risk.score", "percents": [90]}},
            },
        }},
    }


def read_summary(result: dict) -> dict[str, dict]:
    """code → {articles, incidents, max_intensity, risk_score} from the aggregation."""
    rows = {}
    for bucket in result["aggregations"]["regions"]["buckets"]:
        risk = next(iter(bucket["risk"]["values"].values()), None)
        intensity = bucket["max_intensity"]["value"]
        rows[bucket["key"]] = {
            "articles": bucket["doc_count"],
            "incidents": bucket["incidents"]["doc_count"],
            "max_intensity": int(intensity) if intensity is not None else None,
            "risk_score": round(float(risk), 4) if risk is not None else None,
        }
    return rows


# --- reference data ------------------------------------------------------------------------------------------------

def reference_folders(home: Path, configured: Path | None) -> list[Path]:
    """Where to look for the Kemendagri files: installed copy first, then the configured/shared source."""
    from nlp.reference import default_source, reference_dir
    from waspada.settings import PROJECT_ROOT

    folders = [reference_dir(home)]
    source = default_source(configured, PROJECT_ROOT)
    if source:
        folders.append(Path(source))
    return [f for f in folders if f.is_dir()]


def _find(folders: list[Path], name: str) -> Path | None:
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return None


@lru_cache(maxsize=16)
def _read_geojson(path: str, mtime: float) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _read_csv(path: str, mtime: float) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def region_names(folders: list[Path], level: str, parent: str) -> dict[str, str]:
    """code → name of every region of `level` under `parent` known to the reference tables."""
    path = _find(folders, "regencies.csv" if level == "regency" else "districts.csv")
    if path is None:
        return {}
    rows = _read_csv(str(path), path.stat().st_mtime)
    return {r["kode"]: r["nama"] for r in rows if r["kode"].startswith(parent + ".")}


def boundaries(folders: list[Path], level: str, parent: str) -> list[dict]:
    """GeoJSON features (polygons) of the regions of `level` under `parent`, when the files are there."""
    if level == "regency":
        names = ["geojson/kaltara_kabkota.geojson"] if parent.startswith("65") else []
        names.append("geojson/regencies.geojson")
    else:
        names = ["geojson/kaltara_kecamatan.geojson"] if parent.startswith("65") else []
    for name in names:
        path = _find(folders, name)
        if path is None:
            continue
        data = _read_geojson(str(path), path.stat().st_mtime)
        features = [f for f in data.get("features", [])
                    if str(f.get("properties", {}).get("kode", "")).startswith(parent + ".")]
        if features:
            return features
    return []
