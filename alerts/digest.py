"""Daily digests per subscriber: the day's relevant articles and alerts, in Indonesian.

A digest covers one local calendar day (`WASPADA_ALERTS_TIMEZONE`, WITA by default) and the
subscriber's regions, categories and minimum risk. Articles not about conflict (stage `none`)
are left out; copies of one story (same `cluster_id`) are listed once with every outlet.
The same data renders as HTML and plain text (Jinja2 templates in `alerts/templates/`), is
served as a web page and JSON, and is emailed by `alerts.delivery.smtp`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from elasticsearch import Elasticsearch
from jinja2 import Environment, FileSystemLoader, select_autoescape

from alerts.spikes import CATEGORY_LABELS, number_id, regency_name
from store.alerts import AlertRepository
from store.articles import ArticleRepository
from store.search import SearchParams, build_search_body
from waspada.settings import AlertSettings

TEMPLATES = Path(__file__).resolve().parent / "templates"
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
STAGES = {"prevention": "pencegahan", "tension": "ketegangan", "incident": "insiden", "none": "bukan konflik"}

ALERT_TYPES = {"rule": "Aturan", "spike": "Lonjakan", "silence": "Sumber senyap"}
CONFLICT_STAGES = ["prevention", "tension", "incident"]


def tanggal(day: date) -> str:
    """'Jumat, 20 November 2026'."""
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def day_bounds(day: date, tz_name: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(tz_name)
    start = datetime.combine(day, time(0), tz)
    return start, start + timedelta(days=1)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "html.j2"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["angka"] = number_id
    env.filters["kategori"] = lambda code: CATEGORY_LABELS.get(code, code)
    env.filters["tahap"] = lambda code: STAGES.get(code or "", code or "-")
    env.filters["wilayah"] = regency_name
    return env


def build(client: Elasticsearch, prefix: str, settings: AlertSettings, day: date,
          subscriber: dict | None = None) -> dict:
    """The digest data for one subscriber (or everyone: no filters) and one local day."""
    sub = subscriber or {}
    tz_name = sub.get("timezone") or settings.timezone
    start, end = day_bounds(day, tz_name)
    params = SearchParams(region=sub.get("regions") or [], category=sub.get("categories") or [],
                          stage=CONFLICT_STAGES, min_risk=sub.get("min_risk") or None,
                          date_from=start.isoformat(), date_to=(end - timedelta(milliseconds=1)).isoformat())
    body = build_search_body(params, sort="risk", size=min(settings.digest_max_items * 3, 100), highlight=False)
    hits = ArticleRepository(client, prefix).search(body)["hits"]
    stories: dict[str, dict] = {}
    for hit in hits["hits"]:
        article = hit["_source"]
        key = article.get("cluster_id") or article["id"]
        if key in stories:
            story = stories[key]
            if article.get("source_name") or article.get("source"):
                story["also"].append(article.get("source_name") or article.get("source"))
            continue
        conflict = article.get("conflict") or {}
        risk = article.get("risk") or {}
        stories[key] = {"id": article["id"], "title": article.get("title") or "(tanpa judul)",
                        "url": article.get("url"), "source": article.get("source_name") or article.get("source"),
                        "published": article.get("published"),
                        "published_local": _local_time(article.get("published"), tz_name),
                        "categories": conflict.get("categories") or [], "stage": conflict.get("stage"),
                        "risk": risk.get("score"), "risk_band": risk.get("band"),  # nlp.risk names bands in Indonesian
                        "regency": (article.get("primary_location") or {}).get("regency_code"),
                        "summary": (article.get("summary") or article.get("text") or "")[:280], "also": []}
    articles = list(stories.values())[: settings.digest_max_items]
    alerts = _alerts(client, prefix, start, end, sub)
    return {
        "date": day.isoformat(), "tanggal": tanggal(day), "timezone": tz_name,
        "subscriber": {k: sub.get(k) for k in ("id", "name", "regions", "categories", "min_risk")} if sub else None,
        "filters": {"regions": [regency_name(r) if r.count(".") == 1 else r for r in sub.get("regions") or []],
                    "categories": [CATEGORY_LABELS.get(c, c) for c in sub.get("categories") or []],
                    "min_risk": sub.get("min_risk")},
        "total_articles": hits["total"]["value"], "articles": articles, "alerts": alerts,
        "public_url": settings.public_url.rstrip("/"),
    }


def _local_time(value: str | None, tz_name: str) -> str | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment.astimezone(ZoneInfo(tz_name)).strftime("%H:%M")


def _alerts(client: Elasticsearch, prefix: str, start: datetime, end: datetime, sub: dict) -> list[dict]:
    filters: list[dict] = [{"range": {"first_seen": {"gte": start.isoformat(), "lt": end.isoformat()}}},
                           {"terms": {"status": ["new", "acknowledged", "verified"]}}]
    if sub.get("regions"):
        filters.append({"bool": {"should": [{"terms": {"region_codes": sub["regions"]}},
                                            {"term": {"type": "silence"}}], "minimum_should_match": 1}})
    if sub.get("categories"):
        filters.append({"bool": {"should": [{"terms": {"categories": sub["categories"]}},
                                            {"term": {"type": "silence"}}], "minimum_should_match": 1}})
    _, found = AlertRepository(client, prefix).search(filters=filters, size=50)
    return [{"id": a["id"], "type": ALERT_TYPES.get(a.get("type"), a.get("type")), "title": a.get("title"),
             "explanation": a.get("explanation"), "sources": a.get("sources") or [], "status": a.get("status")}
            for a in found]


def subject(digest: dict) -> str:
    return (f"Ringkasan Waspada {digest['tanggal']}: {len(digest['articles'])} berita, "
            f"{len(digest['alerts'])} peringatan")


def render_html(digest: dict) -> str:
    return _environment().get_template("digest.html.j2").render(d=digest, subject=subject(digest))


def render_text(digest: dict) -> str:
    return _environment().get_template("digest.txt.j2").render(d=digest, subject=subject(digest))
