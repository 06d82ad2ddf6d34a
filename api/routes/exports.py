"""Complete exports of a search as CSV, NDJSON or GeoJSON, streamed page by page (no quota).

Every matching document is read once with `search_after` on the search's sort (ending in the
unique `id`), pinned to the documents indexed before the export started. The first page is read
before the response starts, so a bad query or a down cluster is still a proper 4xx/503.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.auth import ConsumerKey
from api.deps import ArticlesDep, SearchParamsDep
from store.articles import ArticleRepository
from store.search import Cursor, SearchParams, build_search_body, now_upper

router = APIRouter(prefix="/exports", tags=["exports"])

PAGE = 500
EXPORT_SOURCE = ["id", "kind", "url", "source", "source_name", "title", "summary", "language", "published",
                 "region_codes", "primary_location", "actor_names", "actor_types", "conflict.categories",
                 "conflict.stage", "conflict.intensity", "sentiment.label", "sentiment.score", "risk.score",
                 "risk.band", "cluster_id"]
CSV_COLUMNS = ["id", "published", "source", "source_name", "kind", "language", "title", "url", "region_codes",
               "location_code", "location_name", "lat", "lon", "categories", "stage", "intensity", "sentiment",
               "sentiment_score", "risk_score", "risk_band", "actors", "cluster_id"]
MEDIA = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson", "geojson": "application/geo+json"}


def _pages(articles: ArticleRepository, params: SearchParams, sort: str) -> Iterator[list[dict]]:
    upper = now_upper()
    cursor = None
    while True:
        body = build_search_body(params, sort=sort, size=0, cursor=cursor, highlight=False, upper=upper,
                                 source=EXPORT_SOURCE)
        body["size"] = PAGE
        body["track_total_hits"] = False
        hits = articles.search(body)["hits"]["hits"]
        if not hits:
            return
        yield [h["_source"] for h in hits]
        if len(hits) < PAGE:
            return
        cursor = Cursor(sort=sort, fp=params.fingerprint(), upper=upper, after=hits[-1]["sort"])


def lat_lon(geo) -> tuple[float | None, float | None]:
    """A geo_point as stored ({lat, lon}, [lon, lat] or "lat,lon") → (lat, lon)."""
    if isinstance(geo, dict) and "lat" in geo and "lon" in geo:
        return float(geo["lat"]), float(geo["lon"])
    if isinstance(geo, (list, tuple)) and len(geo) == 2:
        return float(geo[1]), float(geo[0])
    if isinstance(geo, str) and "," in geo:
        lat, lon = geo.split(",", 1)
        try:
            return float(lat), float(lon)
        except ValueError:
            return None, None
    return None, None


def _safe_cell(value) -> str:
    """A CSV cell that a spreadsheet will not execute as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_row(doc: dict) -> list[str]:
    loc = doc.get("primary_location") or {}
    lat, lon = lat_lon(loc.get("geo"))
    conflict = doc.get("conflict") or {}
    sentiment = doc.get("sentiment") or {}
    risk = doc.get("risk") or {}
    values = [doc.get("id"), doc.get("published"), doc.get("source"), doc.get("source_name"), doc.get("kind"),
              doc.get("language"), doc.get("title"), doc.get("url"), ";".join(doc.get("region_codes") or []),
              loc.get("code"), loc.get("name"), lat, lon, ";".join(conflict.get("categories") or []),
              conflict.get("stage"), conflict.get("intensity"), sentiment.get("label"), sentiment.get("score"),
              risk.get("score"), risk.get("band"), ";".join(doc.get("actor_names") or []), doc.get("cluster_id")]
    return [_safe_cell(v) for v in values]


def feature(doc: dict) -> dict:
    """An article as a GeoJSON Feature at its primary location (geometry null when not located)."""
    lat, lon = lat_lon((doc.get("primary_location") or {}).get("geo"))
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    props = {k: v for k, v in doc.items() if k != "primary_location"}
    props["location_code"] = (doc.get("primary_location") or {}).get("code")
    props["location_name"] = (doc.get("primary_location") or {}).get("name")
    return {"type": "Feature", "id": doc["id"], "geometry": geometry, "properties": props}


def _stream(first: list[dict], rest: Iterator[list[dict]], fmt: str) -> Iterator[bytes]:
    pages = [first] if first else []

    def all_pages() -> Iterator[list[dict]]:
        yield from pages
        yield from rest

    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(CSV_COLUMNS)
        for page in all_pages():
            for doc in page:
                writer.writerow(csv_row(doc))
            yield buf.getvalue().encode()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue().encode()
    elif fmt == "ndjson":
        for page in all_pages():
            yield "".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in page).encode()
    else:
        yield b'{"type": "FeatureCollection", "features": ['
        sep = ""
        for page in all_pages():
            chunk = []
            for doc in page:
                chunk.append(sep + json.dumps(feature(doc), ensure_ascii=False))
                sep = ","
            yield "".join(chunk).encode()
        yield b"]}"


@router.get("/articles", responses={200: {"content": {MEDIA["csv"]: {}, MEDIA["ndjson"]: {}, MEDIA["geojson"]: {}},
                                          "description": "Every matching article, streamed"}})
def export_articles(
    key: ConsumerKey,
    articles: ArticlesDep,
    params: SearchParamsDep,
    format: Annotated[Literal["csv", "ndjson", "geojson"], Query(description="csv, ndjson or geojson")] = "csv",
    sort: Annotated[Literal["relevance", "newest", "risk"], Query(description="Order of the rows")] = "newest",
) -> StreamingResponse:
    """Export every article matching the query and filters (same parameters as /articles/search)."""
    pages = _pages(articles, params, sort)
    first = next(pages, [])
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return StreamingResponse(
        _stream(first, pages, format), media_type=MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="waspada-articles-{stamp}.{format}"'},
    )
