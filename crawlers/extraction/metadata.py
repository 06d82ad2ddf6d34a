"""Metadata of a news page from what generic WordPress news themes publish.

Sources in order of trust: JSON-LD (NewsArticle/Article/BlogPosting, also inside @graph),
Open Graph and article:* meta, schema.org microdata, <time datetime>, then visible bylines and
date lines of common themes (entry-meta, td-post-date, post-date, …).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "report", "webpage"}


@dataclass
class PageMeta:
    """Raw metadata strings found on a page (parsed and cleaned later)."""

    titles: list[str] = field(default_factory=list)  # best first
    site_names: list[str] = field(default_factory=list)
    canonical: str | None = None
    published: list[str] = field(default_factory=list)  # best first
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    byline_authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    language: str | None = None


def _add(values: list[str], *candidates: object) -> None:
    for value in candidates:
        if isinstance(value, str):
            value = " ".join(value.split())
            if value and value not in values:
                values.append(value)


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _json_ld_objects(tree: lxml_html.HtmlElement) -> list[dict]:
    found: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # themes sometimes leave raw newlines or a trailing comma inside strings
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")))
            except ValueError:
                continue
        stack = _as_list(data)
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, dict):
                found.append(obj)
                stack.extend(_as_list(obj.get("@graph")))
    return found


def _types(obj: dict) -> set[str]:
    return {str(t).lower() for t in _as_list(obj.get("@type"))}


def _names(value: object, by_id: dict[str, dict] | None = None) -> list[str]:
    names = []
    for item in _as_list(value):
        if isinstance(item, dict):
            # Yoast writes "author": {"@id": "…#/schema/person/…"} and the Person elsewhere in @graph
            item = item.get("name") or (by_id or {}).get(str(item.get("@id")), {}).get("name")
        if isinstance(item, str) and item.strip():
            names.append(item)
    return names


def _meta(tree: lxml_html.HtmlElement, *keys: str) -> list[str]:
    values: list[str] = []
    for key in keys:
        for el in tree.xpath(f'//meta[@property="{key}" or @name="{key}" or @itemprop="{key}"]'):
            _add(values, el.get("content"))
    return values


def _texts(tree: lxml_html.HtmlElement, xpath: str) -> list[str]:
    values: list[str] = []
    for el in tree.xpath(xpath):
        _add(values, el if isinstance(el, str) else el.text_content())
    return values


_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"


def _cls(*names: str) -> str:
    return " or ".join(_CLASS.format(n) for n in names)


def read_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Everything a page says about itself."""
    meta = PageMeta()
    objects = _json_ld_objects(tree)
    articles = [o for o in objects if _types(o) & (_ARTICLE_TYPES - {"webpage"})]
    pages = [o for o in objects if "webpage" in _types(o)]
    sites = [o for o in objects if _types(o) & {"website", "organization", "newsmediaorganization"}]

    h1_main = _texts(tree, "//h1[" + _cls("entry-title", "post-title", "single-post-title", "title",
                                          "headline", "article-title", "detail-title", "td-post-title",
                                          "jeg_post_title", "tdb-title-text", "read__title", "title-post")
                     + "] | //article//h1 | //*[@itemprop='headline']")
    for obj in articles:
        _add(meta.titles, obj.get("headline"))
    _add(meta.titles, *h1_main)
    _add(meta.titles, *_meta(tree, "og:title", "twitter:title"))
    _add(meta.titles, *_texts(tree, "//h1"))
    _add(meta.titles, *_texts(tree, "//title"))
    # when a theme's h1 differs from the headline, the h1 is what readers see; prefer it
    if h1_main and meta.titles and meta.titles[0] != h1_main[0]:
        meta.titles.remove(h1_main[0])
        meta.titles.insert(0, h1_main[0])

    _add(meta.site_names, *_meta(tree, "og:site_name", "application-name"))
    for obj in sites + articles:
        publisher = obj.get("publisher")
        if "website" in _types(obj) or "newsmediaorganization" in _types(obj):
            _add(meta.site_names, obj.get("name"))
        if isinstance(publisher, dict):
            _add(meta.site_names, publisher.get("name"))

    canon = tree.xpath('//link[@rel="canonical"]/@href')
    meta.canonical = (canon[0].strip() if canon else None) or (_meta(tree, "og:url") or [None])[0]

    for obj in articles + pages:
        _add(meta.published, obj.get("datePublished"))
        _add(meta.modified, obj.get("dateModified"))
    _add(meta.published, *_meta(tree, "article:published_time", "datePublished", "og:published_time",
                                "pubdate", "publishdate", "publish-date", "dc.date", "DC.date.issued",
                                "content_PublishedDate", "date", "parsely-pub-date"))
    _add(meta.modified, *_meta(tree, "article:modified_time", "og:updated_time", "dateModified"))
    _add(meta.published, *[t for t in tree.xpath(
        "//article//time/@datetime | //*[" + _cls("entry-meta", "post-meta", "entry-date", "posted-on",
                                                   "td-post-date", "jeg_meta_date", "post-date")
        + "]//time/@datetime | //time[" + _cls("entry-date", "published") + "]/@datetime")])
    _add(meta.published, *_texts(tree, "//*[" + _cls("entry-date", "post-date", "td-post-date", "jeg_meta_date",
                                                      "date-post", "posted-on", "published", "tanggal",
                                                      "date", "time", "post-time", "read__time", "detail-time",
                                                      "article-date", "meta-date") + "]"))
    _add(meta.published, *_texts(tree, "//time"))

    by_id = {str(o["@id"]): o for o in objects if o.get("@id")}
    for obj in articles:
        _add(meta.authors, *_names(obj.get("author"), by_id))
    _add(meta.authors, *_meta(tree, "author", "article:author", "dc.creator", "parsely-author"))
    _add(meta.byline_authors, *_texts(tree, "//a[@rel='author'] | //*[" + _cls("author", "byline", "fn",
                                            "author-name", "entry-author", "post-author", "td-post-author-name",
                                            "jeg_meta_author", "penulis", "reporter", "credit", "read__credit",
                                            "detail__author", "article-author") + "]"
                                      + " | //*[@itemprop='author']//*[@itemprop='name']"))

    for obj in articles:
        for section in _as_list(obj.get("articleSection")):
            _add(meta.categories, section)
        keywords = obj.get("keywords")
        if isinstance(keywords, str):
            keywords = [k for k in keywords.split(",")]
        _add(meta.tags, *_as_list(keywords))
        for image in _as_list(obj.get("image")):
            _add(meta.images, image.get("url") if isinstance(image, dict) else image)
    _add(meta.categories, *_meta(tree, "article:section"))
    _add(meta.categories, *_texts(tree, "//a[contains(concat(' ', @rel, ' '), ' category ')] | //*["
                                  + _cls("cat-links", "post-category", "entry-category") + "]//a"))
    _add(meta.tags, *_meta(tree, "article:tag", "news_keywords"))
    _add(meta.tags, *_texts(tree, "//a[@rel='tag'] | //*[" + _cls("tags-links", "post-tags", "entry-tags") + "]//a"))
    _add(meta.images, *_meta(tree, "og:image", "twitter:image"))

    lang = tree.xpath("/html/@lang") or _meta(tree, "og:locale", "language", "content-language")
    if lang:
        meta.language = lang[0].split("-")[0].split("_")[0].lower() or None
    return meta
