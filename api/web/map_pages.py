"""The conflict map (Peta Rawan Konflik) and the trends page of the web UI.

The map uses the API's region summary (`api.routes.regions.region_summary`: counts, incidents,
risk band per kabupaten/kota or kecamatan) and the installed reference boundaries
(`store.regions.boundaries`), drawn as inline SVG — no tiles, no JS library, works offline.
Trends are date histograms of the current search (`store.search.build_search_body`) with extra
read-side aggregations: risk per interval and volume per category and per kabupaten/kota.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from api.deps import ArticlesDep
from api.routes.regions import region_summary
from api.web.charts import SERIES_COLORS, bar_chart, line_chart, project_map
from api.web.forms import PERIODS, params_from, params_items
from api.web.render import BAND_COLORS, BANDS, CATEGORY_LABELS, page, query_string
from api.web.search_pages import INTERVALS, _period_of, region_labels
from api.web.session import Consumer, WebError
from store.queries import QueryError
from store.regions import boundaries, reference_folders
from store.search import build_search_body, read_facets

router = APIRouter()

LEVEL_LABELS = {"regency": "Kabupaten/kota", "district": "Kecamatan"}
TOP_SERIES = 8


@router.get("/map")
def map_page(request: Request, user: Consumer, articles: ArticlesDep,
             level: Annotated[Literal["regency", "district"], Query()] = "regency"):
    """Kabupaten/kota or kecamatan of the home province coloured by risk band in the chosen period."""
    params, error = params_from(request.query_params, default_period="365d")
    if error:
        raise WebError(400, error)
    settings = request.app.state.settings
    parent = settings.nlp.home_province
    try:
        summary = region_summary(user.key, request, articles, params, level, parent, "json")
    except QueryError as exc:
        raise WebError(400, str(exc)) from exc
    features = boundaries(reference_folders(settings.paths.home, settings.reference.data), level, parent)
    drawing = project_map(features)
    rows = {r.code: r for r in summary.regions}
    base = [(k, v) for k, v in params_items(params) if k != "region"]
    for shape in drawing["shapes"]:
        row = rows.get(shape["code"])
        band = row.risk_band if row else BANDS[0]
        shape.update(band=band, color=BAND_COLORS.get(band, "#9e9e9e"), articles=row.articles if row else 0,
                     incidents=row.incidents if row else 0, risk=row.risk_score if row else None,
                     href="/ui/search?" + query_string([*base, ("region", shape["code"]), ("sort", "risk")]))
    table = sorted(summary.regions, key=lambda r: (-(r.risk_score or 0), -r.articles, r.code))
    counts = {band: sum(1 for r in summary.regions if r.risk_band == band) for band in BANDS}
    return page(request, "map.html", nav="map", drawing=drawing, table=table, level=level, levels=LEVEL_LABELS,
                params=params, periods=PERIODS, period=_period_of(params.date_from), band_counts=counts,
                has_reference=bool(features), search_qs=query_string(base))


def _series_aggs(histogram_spec: dict, province: str) -> dict:
    """Per-category and per-kabupaten volume, bucketed exactly like the search's histogram (zeros kept)."""
    histogram = {"date_histogram": {**histogram_spec, "min_doc_count": 0}}
    return {
        "by_category": {"terms": {"field": "conflict.categories", "size": TOP_SERIES}, "aggs": {"t": histogram}},
        "by_regency": {"terms": {"field": "region_codes", "include": province.replace(".", "\\.") + "\\.[0-9]{2}",
                                 "size": TOP_SERIES}, "aggs": {"t": histogram}},
    }


def _series(agg: dict, times: list[str], names: dict[str, str]) -> list[dict]:
    out = []
    for i, bucket in enumerate(agg["buckets"]):
        by_time = {b["key_as_string"]: b["doc_count"] for b in bucket["t"]["buckets"]}
        out.append({"name": names.get(bucket["key"], bucket["key"]), "color": SERIES_COLORS[i % len(SERIES_COLORS)],
                    "points": [(t, by_time.get(t, 0)) for t in times]})
    return out


@router.get("/trends")
def trends_page(request: Request, user: Consumer, articles: ArticlesDep,
                interval: Annotated[Literal["day", "week", "month"], Query()] = "week"):
    """Volume and risk over time of the current search, per category and per kabupaten/kota."""
    params, error = params_from(request.query_params)
    charts = None
    names = region_labels(request)
    if not error:
        try:
            body = build_search_body(params, size=0, interval=interval, highlight=False)
        except QueryError as exc:
            error = str(exc)
    if not error:
        province = request.app.state.settings.nlp.home_province
        body["aggs"]["histogram"]["aggs"] = {"risk_avg": {"avg": {"field": "risk.score"}},
                                             "risk_max": {"max": {"field": "risk.score"}}}
        body["aggs"].update(_series_aggs(body["aggs"]["histogram"]["date_histogram"], province))
        found = articles.search(body)
        aggs = found.get("aggregations", {})
        volume = read_facets({"histogram": aggs["histogram"]})["histogram"]
        times = [b["key_as_string"] for b in aggs["histogram"]["buckets"]]
        risk = [{"name": "Risiko rata-rata", "color": "#ef6c00",
                 "points": [(b["key_as_string"], b["risk_avg"]["value"]) for b in aggs["histogram"]["buckets"]]},
                {"name": "Risiko tertinggi", "color": "#c62828",
                 "points": [(b["key_as_string"], b["risk_max"]["value"]) for b in aggs["histogram"]["buckets"]]}]
        charts = {"total": found["hits"]["total"]["value"], "volume": bar_chart(volume),
                  "risk": line_chart(risk, y_max=100.0),
                  "categories": line_chart(_series(aggs["by_category"], times, CATEGORY_LABELS)),
                  "regions": line_chart(_series(aggs["by_regency"], times, names))}
    regencies = sorted((c, n) for c, n in names.items() if c.count(".") == 1)
    return page(request, "trends.html", nav="trends", params=params, error=error, charts=charts, interval=interval,
                intervals=INTERVALS, periods=PERIODS, period=_period_of(params.date_from), regencies=regencies,
                search_qs=query_string(params_items(params)))
