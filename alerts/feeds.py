"""Atom and JSON Feed renderings of a rule's or a saved search's articles, with validators.

Entry ids are stable URNs (`urn:waspada:article:<id>`), so a feed reader never shows an article
twice. The ETag is a hash of the entries' ids and modification times and Last-Modified is the
newest of those times; the API answers 304 to a matching If-None-Match / If-Modified-Since.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from xml.etree import ElementTree as ET

from alerts.spikes import CATEGORY_LABELS

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def entries(hits: list[dict]) -> list[dict]:
    """Feed entries from article search hits (`_source`)."""
    out = []
    for hit in hits:
        a = hit["_source"]
        published = _parse(a.get("published")) or _parse(a.get("crawled")) or EPOCH
        updated = _parse((a.get("enrichment") or {}).get("enriched_at")) or _parse(a.get("indexed")) or published
        conflict = a.get("conflict") or {}
        out.append({"id": f"urn:waspada:article:{a['id']}", "article_id": a["id"], "url": a.get("url"),
                    "title": a.get("title") or "(tanpa judul)",
                    "summary": (a.get("summary") or a.get("text") or "")[:500],
                    "source": a.get("source_name") or a.get("source"), "published": published,
                    "updated": max(updated, published),
                    "tags": [CATEGORY_LABELS.get(c, c) for c in conflict.get("categories") or []],
                    "risk": (a.get("risk") or {}).get("score")})
    return out


def etag(feed_id: str, items: list[dict]) -> str:
    digest = hashlib.sha256(feed_id.encode())
    for item in items:
        digest.update(f"{item['id']}|{item['updated'].isoformat()}|{item['title']}\n".encode())
    return f'W/"{digest.hexdigest()[:32]}"'


def last_modified(items: list[dict]) -> datetime:
    newest = max((item["updated"] for item in items), default=EPOCH)
    return newest.replace(microsecond=0)


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def not_modified(if_none_match: str | None, if_modified_since: str | None, tag: str, modified: datetime) -> bool:
    """RFC 9110: If-None-Match wins; If-Modified-Since only when no If-None-Match was sent."""
    if if_none_match:
        candidates = {c.strip() for c in if_none_match.split(",")}
        return "*" in candidates or tag in candidates or tag.removeprefix("W/") in candidates
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        return modified <= since
    return False


def atom(*, feed_id: str, title: str, self_url: str, home_url: str, items: list[dict]) -> str:
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {"xml:lang": "id"})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "id", feed_id)
    sub(feed, "title", title)
    sub(feed, "updated", last_modified(items).isoformat())
    sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=home_url)
    author = sub(feed, "author")
    sub(author, "name", "Waspada")
    sub(feed, "generator", "Waspada")
    for item in items:
        entry = sub(feed, "entry")
        sub(entry, "id", item["id"])
        sub(entry, "title", item["title"])
        sub(entry, "updated", item["updated"].isoformat())
        sub(entry, "published", item["published"].isoformat())
        if item["url"]:
            sub(entry, "link", rel="alternate", href=item["url"])
        if item["source"]:
            sub(sub(entry, "author"), "name", item["source"])
        for tag in item["tags"]:
            sub(entry, "category", term=tag)
        sub(entry, "summary", item["summary"], type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def json_feed(*, title: str, self_url: str, home_url: str, items: list[dict]) -> str:
    body = {
        "version": JSON_FEED_VERSION, "title": title, "home_page_url": home_url, "feed_url": self_url,
        "language": "id",
        "items": [{"id": i["id"], "url": i["url"], "title": i["title"], "content_text": i["summary"],
                   "date_published": i["published"].isoformat(), "date_modified": i["updated"].isoformat(),
                   "tags": i["tags"], "authors": [{"name": i["source"]}] if i["source"] else [],
                   "_waspada": {"article_id": i["article_id"], "risk": i["risk"]}} for i in items],
    }
    return json.dumps(body, ensure_ascii=False)
