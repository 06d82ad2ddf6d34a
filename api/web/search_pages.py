"""Search, article and export pages of the web UI.

Same functions as the API's routers: `store.search.run_search` (hits, facets, histogram and the
API's opaque, pinned cursor — one paging implementation) + `read_facets` for the search,
`api.routes.articles.get_article` for an article and its other outlets,
`api.routes.exports.export_articles` for the downloads, `store.alerts.AlertRepository` for the
alerts an article raised.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from api.deps import ArticlesDep, EsDep
from api.routes.articles import get_article
from api.routes.exports import export_articles
from api.schemas import ArticleHit
from api.web.annotate import choose, marked_text, spans_of
from api.web.charts import bar_chart
from api.web.forms import PERIODS, params_from, params_items, toggled
from api.web.render import FACET_TITLES, label, page, query_string
from api.web.session import Consumer, WebError
from store.alerts import AlertRepository
from store.queries import QueryError
from store.regions import reference_folders, region_names
from store.search import FACETS, read_facets, run_search

router = APIRouter()

FACET_ORDER = ("category", "stage", "risk_band", "region", "actor_type", "actor", "source", "sentiment", "kind",
               "language")
INTERVALS = {"day": "Harian", "week": "Mingguan", "month": "Bulanan"}
SORT_LABELS = {"relevance": "Relevansi", "newest": "Terbaru", "risk": "Risiko tertinggi"}
PAGE_SIZE = 20


@lru_cache(maxsize=4)
def _names(folders: tuple[Path, ...], province: str) -> dict[str, str]:
    names = {province: _province_name(folders, province)}
    names.update(region_names(list(folders), "regency", province))
    names.update(region_names(list(folders), "district", province))
    return names


def _province_name(folders: tuple[Path, ...], province: str) -> str:
    for folder in folders:
        path = folder / "provinces.csv"
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    if row.get("kode") == province:
                        return f"Provinsi {row['nama'].title()}"
    return f"Provinsi {province}"


def region_labels(request: Request) -> dict[str, str]:
    """Kemendagri code → name of the home province's kabupaten/kota and kecamatan (reference data)."""
    settings = request.app.state.settings
    folders = tuple(reference_folders(settings.paths.home, settings.reference.data))
    return _names(folders, settings.nlp.home_province)


def _period_of(date_from: str | None) -> str:
    for key, (value, _) in PERIODS.items():
        if value == date_from:
            return key
    return "all" if not date_from else ""


@router.get("/search")
def search_page(
    request: Request, user: Consumer, articles: ArticlesDep,
    sort: Annotated[Literal["relevance", "newest", "risk"], Query()] = "relevance",
    interval: Annotated[Literal["day", "week", "month"], Query()] = "day",
    cursor: Annotated[str | None, Query(max_length=8000)] = None,  # the API's limit: the same cursors
):
    """Search with facets, highlights, a date histogram and export links."""
    params, error = params_from(request.query_params)
    names = region_labels(request)
    found, result, next_cursor = None, None, None
    if not error:
        try:
            found, next_cursor = run_search(articles, params, sort=sort, size=PAGE_SIZE, cursor_token=cursor,
                                            facets=FACETS, interval=interval)
        except QueryError as exc:
            error = str(exc)
    if found is not None:
        raw_hits = found["hits"]["hits"]
        facets = read_facets(found.get("aggregations", {}))
        result = {
            "total": found["hits"]["total"]["value"],
            "hits": [_hit_view(h, names) for h in raw_hits],
            "facets": _facet_views(params, facets, names, sort, interval),
            "histogram": bar_chart(facets.get("histogram", [])),
            "next": query_string([*params_items(params), ("sort", sort), ("interval", interval),
                                  ("cursor", next_cursor)]) if next_cursor else None,
        }
    base = params_items(params)
    return page(request, "search.html", nav="search", params=params, error=error, result=result, sort=sort,
                interval=interval, sorts=SORT_LABELS, intervals=INTERVALS, periods=PERIODS,
                period=_period_of(params.date_from), hidden=base, names=names,
                export_qs={fmt: query_string([*base, ("sort", sort), ("format", fmt)]) for fmt in ("csv", "ndjson",
                                                                                                  "geojson")},
                trends_qs=query_string(base), map_qs=query_string([(k, v) for k, v in base if k != "region"]))


def _hit_view(hit: dict, names: dict[str, str]) -> dict:
    """An ArticleHit plus what the result list shows: place chips, actor chips, cue tooltip."""
    public = ArticleHit.from_hit(hit)
    src = hit["_source"]
    cues = [c.get("text") for c in (src.get("conflict") or {}).get("cues") or [] if c.get("text")]
    places = sorted(((code, names[code]) for code in public.region_codes if code in names and "." in code),
                    key=lambda item: -item[0].count("."))  # the most precise place first
    primary = public.primary_location or {}
    if primary.get("code") and primary["code"] not in dict(places):
        places.insert(0, (primary["code"], primary.get("name") or primary["code"]))
    return {"hit": public, "places": places[:6], "actors": public.actor_names[:6],
            "cues": ", ".join(dict.fromkeys(cues)) if cues else "",
            "title_html": (public.highlight.get("title") or [None])[0],
            "snippets": public.highlight.get("text") or []}


def _facet_views(params, facets: dict, names: dict[str, str], sort: str, interval: str) -> list[dict]:
    views = []
    for name in FACET_ORDER:
        values = facets.get(name) or []
        selected = set(getattr(params, name, []) or [])
        if not values and not selected:
            continue
        rows = []
        for item in values:
            value = str(item["value"])
            text = names.get(value, value) if name == "region" else label(value, name)
            if name == "risk_band":
                link = None  # the band is a result of risk, filtered with min_risk instead
            else:
                link = query_string([*params_items(toggled(params, name, value)), ("sort", sort),
                                     ("interval", interval)])
            rows.append({"value": value, "text": text, "count": item["count"], "selected": value in selected,
                         "link": link})
        for value in selected - {str(v["value"]) for v in values}:
            rows.append({"value": value, "text": names.get(value, label(value, name)), "count": 0, "selected": True,
                         "link": query_string([*params_items(toggled(params, name, value)), ("sort", sort),
                                               ("interval", interval)])})
        views.append({"name": name, "title": FACET_TITLES.get(name, name), "rows": rows})
    return views


@router.get("/articles/{article_id}")
def article_page(request: Request, user: Consumer, articles: ArticlesDep, client: EsDep, article_id: str):
    """One article with its places, actors, entities and cues marked; other outlets; alerts it raised."""
    try:
        detail = get_article(user.key, articles, article_id[:512])
    except HTTPException as exc:
        raise WebError(exc.status_code, str(exc.detail)) from exc
    doc = detail.model_dump(mode="json")
    alerts: list[dict] = []
    if user.allows("analyst"):
        prefix = request.app.state.settings.es.index_prefix
        _, alerts = AlertRepository(client, prefix).search(filters=[{"term": {"article_ids": detail.id}}], size=50)
    legend = sorted({(s["kind"], s["css"].split()[0]) for s in choose(spans_of(doc))})
    return page(request, "article.html", nav="search", doc=doc, text_html=marked_text(doc), alerts=alerts,
                names=region_labels(request), legend=legend)


@router.get("/exports/articles")
def export_page(
    request: Request, user: Consumer, articles: ArticlesDep,
    format: Annotated[Literal["csv", "ndjson", "geojson"], Query()] = "csv",
    sort: Annotated[Literal["relevance", "newest", "risk"], Query()] = "newest",
):
    """Download every article of the current search (the API's export, signed in by session)."""
    params, error = params_from(request.query_params)
    if error:
        raise WebError(400, error)
    return export_articles(user.key, articles, params, format, sort)
