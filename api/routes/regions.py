"""Region summaries: counts and risk band per kabupaten/kota or kecamatan, as JSON or GeoJSON."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from api.auth import ConsumerKey
from api.deps import ArticlesDep, SearchParamsDep
from api.schemas_search import RegionSummary, RegionSummaryPublic
from store.regions import band_for, boundaries, check_level, read_summary, reference_folders, region_names, summary_body

router = APIRouter(prefix="/regions", tags=["regions"])


@router.get("/summary", response_model=RegionSummaryPublic,
            responses={200: {"content": {"application/geo+json": {}},
                             "description": "JSON summary, or a GeoJSON FeatureCollection with format=geojson"}})
def region_summary(
    key: ConsumerKey,
    request: Request,
    articles: ArticlesDep,
    params: SearchParamsDep,
    level: Annotated[Literal["regency", "district"], Query(description="regency = kabupaten/kota, district = kecamatan")] = "regency",
    parent: Annotated[str | None, Query(max_length=8, description="Province (65) or regency (65.04) code; "
                                                               "default the home province")] = None,
    format: Annotated[Literal["json", "geojson"], Query(description="json or geojson (polygons)")] = "json",
):
    """Articles, incidents and risk band per region of one level in a period (use date_from/date_to and filters)."""
    settings = request.app.state.settings
    parent = parent or settings.nlp.home_province
    check_level(level, parent)
    counts = read_summary(articles.search(summary_body(params, level, parent)))
    folders = reference_folders(settings.paths.home, settings.reference.data)
    names = region_names(folders, level, parent)
    features = boundaries(folders, level, parent)
    for feature in features:
        props = feature.get("properties", {})
        names.setdefault(props.get("kode"), props.get("nama"))
    rows = []
    for code in sorted(set(names) | set(counts)):
        found = counts.get(code, {"articles": 0, "incidents": 0, "max_intensity": None, "risk_score": None})
        rows.append(RegionSummary(code=code, name=names.get(code), level=level, risk_band=band_for(found["risk_score"]),
                                  **found))
    if format == "json":
        return RegionSummaryPublic(level=level, parent=parent, date_from=params.date_from, date_to=params.date_to,
                                   regions=rows)
    by_code = {r.code: r for r in rows}
    out = []
    for feature in features:
        row = by_code.get(feature["properties"]["kode"])
        if row is None:
            continue
        out.append({"type": "Feature", "geometry": feature["geometry"],
                    "properties": {**row.model_dump(), "centroid": [feature["properties"].get("lng"),
                                                                   feature["properties"].get("lat")]}})
    return JSONResponse({"type": "FeatureCollection", "features": out,
                         "properties": {"level": level, "parent": parent, "date_from": params.date_from,
                                        "date_to": params.date_to, "polygons": bool(features)}},
                        media_type="application/geo+json")
