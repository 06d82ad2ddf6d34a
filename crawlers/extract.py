"""Article extraction from one HTML page: title, body, date with zone, authors, categories.

trafilatura finds the main text; site rules (crawlers/extraction/clean.py) remove what it lets
through on Indonesian news themes ("Baca juga", share bars, comments, editor trailers), and
metadata (crawlers/extraction/metadata.py) gives title, dates and bylines. Used by the spiders
and by `waspada extract`, so what the CLI prints is what the crawler indexes.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from crawlers.dedup import canonical_url
from crawlers.extraction.clean import (authors_from_text, clean_author, clean_body, clean_lines,
                                       strip_site_suffix)
from crawlers.extraction.dates import ZONES, iso, parse_date, to_zone
from crawlers.extraction.encoding import decode_html
from crawlers.extraction.metadata import PageMeta, read_meta

# Class/id tokens of page parts that are never the article body.
_NOISE_TOKEN = re.compile(
    r"^(?:related|jp-relatedposts|yarpp.*|crp_related|sharedaddy|sharing|social.*|respond|disqus.*|"
    r"ads?|adsbygoogle|ad-.*|ads-.*|iklan.*|widget|widget-area|widget_.*|sidebar.*|newsletter|breadcrumbs?|"
    r"tags?-links|post-tags|entry-tags|author-box|about-author|navigation|nav-links|post-navigation|"
    r"footer|site-footer|site-header|menu|wp-caption-text|editor-box|copyright|twitter-tweet|instagram-media|"
    r"tiktok-embed|wp-embedded-content|addtoany.*|a2a.*|heateor.*|sharethis.*|post-views.*)$"
    r"|share|related|terkait|baca-?juga|bacajuga|comment|komentar|advert|popular|terpopuler|recommend|rekomendasi",
    re.I,
)
_BODY_CONTAINERS = (
    "//*[@itemprop='articleBody']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' td-post-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' tdb_single_content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content-inner ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' detail-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' detail__body-text ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' read__content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' txt-article ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' side-article ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post-body ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-body ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' single-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' story-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' news-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' isi-berita ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' detail-berita ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content-detail ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' post-entry ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' the-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' single-post-content ')]",
    "//article",
)


_ZONE_WORD = re.compile(r"\d[^A-Za-z]{0,12}\b(WITA|WIB|WIT)\b")
_TAXONOMY_PREFIXES = ("category-", "tag-", "post-", "format-", "status-", "type-", "elementor", "single-", "page-")
_HOLDS_ARTICLE = (".//h1 | .//*[@itemprop='articleBody'] | .//*[contains(concat(' ', normalize-space(@class), ' '), "
                  "' entry-content ')]")


@dataclass
class Extracted:
    """What one page says, ready to become an Article item."""

    url: str
    title: str = ""
    text: str = ""
    published: str | None = None
    published_local: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    language: str = "id"

    def to_dict(self) -> dict:
        return asdict(self)


def _is_noise(el: etree._Element) -> bool:
    tokens = (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])
    for token in tokens:
        exact_only = token.startswith(_TAXONOMY_PREFIXES)  # WordPress post_class: category-iklan, tag-share…
        if (_NOISE_TOKEN.match(token) if exact_only else _NOISE_TOKEN.search(token)):
            return not el.xpath(_HOLDS_ARTICLE)  # never drop a wrapper around the article itself
    return False


def _strip_noise(tree: lxml_html.HtmlElement) -> None:
    for el in tree.xpath("//script | //style | //noscript | //iframe | //form | //nav | //aside | //footer"
                         " | //ins | //figcaption"):
        if el.getparent() is not None and el.tag != "html":
            el.drop_tree()
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        if _is_noise(el) and el.getparent() is not None:
            el.drop_tree()


def _break_lines(tree: etree._Element) -> None:
    """<br> ends a line ("Pewarta: A<br>Editor: B" is two lines)."""
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")


def _paragraphs(root: etree._Element) -> list[str]:
    paragraphs = []
    for el in root.iter("p", "h2", "h3", "h4", "li", "blockquote"):
        if el.tag in ("li", "blockquote") and el.xpath(".//p"):
            continue
        for line in el.text_content().split("\n"):
            line = " ".join(line.split())
            if line:
                paragraphs.append(line)
    return paragraphs


def _container_text(tree: lxml_html.HtmlElement) -> tuple[str, bool]:
    """Paragraphs of the theme's content block, and whether it was a theme-specific block."""
    for xpath in _BODY_CONTAINERS:
        found = tree.xpath(xpath)
        if found:
            paragraphs = _paragraphs(found[0])
            if paragraphs:
                return "\n".join(paragraphs), xpath != "//article"
    return "", False


def _page_zone(values: list[str]):
    """The zone a page writes next to its dates ("09:15 WIB"), used for its zone-less dates."""
    for value in values:
        match = _ZONE_WORD.search(value) if len(value) <= 120 else None
        if match:
            return ZONES[match.group(1).upper()]
    return None


def _fix_utc_wall_clock(parsed: datetime, values: list[str], zone) -> datetime:
    """WordPress sites left on UTC print local wall-clock time with +00:00; the visible "09:15 WITA" tells."""
    offset = parsed.utcoffset()
    if zone is None or offset is None or offset.total_seconds() != 0:
        return parsed
    clock = f"{parsed:%H}[:.]{parsed:%M}"
    for value in values:
        if len(value) <= 120 and _ZONE_WORD.search(value) and re.search(rf"(?<!\d){clock}(?!\d)", value):
            return parsed.replace(tzinfo=zone)
    return parsed


def _first_date(values: list[str], region_code: str | None, now: datetime | None) -> tuple[datetime | None, str | None]:
    zone = _page_zone(values)
    for value in values:
        if len(value) > 120:
            continue
        parsed = parse_date(value, region_code=region_code, zone=zone, now=now)
        if parsed is not None and 1990 <= parsed.year <= 2100:
            return _fix_utc_wall_clock(parsed, values, zone), value
    return None, None


def _site_names(meta: PageMeta, url: str, extra: list[str]) -> list[str]:
    host = urlsplit(url).hostname or ""
    host = re.sub(r"^(www|m|amp)\.", "", host)
    return [*meta.site_names, host, host.split(".")[0], *extra]


def _choose_authors(text_authors: list[str], meta: PageMeta) -> list[str]:
    if text_authors:
        return text_authors
    for group in (meta.authors, meta.byline_authors):
        names = []
        for value in group:
            if value.startswith("http"):
                continue
            name = clean_author(value)
            if name and name not in names:
                names.append(name)
        if names:
            return names[:3]
    return []


def extract_html(page: str | bytes, url: str, *, region_code: str | None = "65", site_names: list[str] | None = None,
                 content_type: str | None = None, default_language: str = "id",
                 now: datetime | None = None) -> Extracted:
    """Extract one article page; never raises on broken HTML (fields stay empty instead)."""
    text_html = decode_html(page, content_type) if isinstance(page, bytes) else page
    result = Extracted(url=canonical_url(url), language=default_language)
    if not text_html.strip():
        return result
    try:
        tree = lxml_html.fromstring(text_html)
    except (etree.ParserError, ValueError):
        return result
    meta = read_meta(tree)
    _break_lines(tree)
    if meta.canonical:
        result.url = canonical_url(urljoin(url, meta.canonical))
    names = _site_names(meta, url, site_names or [])
    for title in meta.titles:
        cleaned = strip_site_suffix(title, names)
        if cleaned:
            result.title = cleaned
            break

    published, published_raw = _first_date(meta.published, region_code, now)
    shown_in = _page_zone(meta.published)  # the page's own zone when it names one, else the source's
    if published is not None:
        result.published = iso(to_zone(published, region_code, shown_in))
        result.published_local = published_raw
    modified, _ = _first_date(meta.modified, region_code, now)
    result.modified = iso(to_zone(modified, region_code, shown_in)) if modified else None

    byline_text, _ = _container_text(tree)
    _strip_noise(tree)
    extracted = trafilatura.extract(tree, url=url, include_comments=False, include_tables=False,
                                    include_links=False, include_images=False, deduplicate=False,
                                    favor_precision=False, with_metadata=False) or ""
    container, specific = _container_text(tree)
    clean_container, clean_extracted = clean_body(container), clean_body(extracted)
    body_source = extracted
    if not clean_extracted.strip():
        body_source = container
    elif specific and len(clean_container) >= 0.6 * len(clean_extracted):
        body_source = container  # the theme's content block, paragraph by paragraph: the most exact
    elif len(clean_container) > len(clean_extracted) * 1.3:
        body_source = container
    result.text = _drop_heading_lines(clean_body(body_source), result.title, region_code)

    if published is None:
        result.published, result.published_local = _htmldate(text_html, url, region_code)
    result.authors = _choose_authors(authors_from_text(byline_text or body_source), meta)
    result.categories = [html_lib.unescape(c) for c in meta.categories if len(c) < 80][:10]
    result.tags = [html_lib.unescape(t.strip()) for t in meta.tags if t.strip() and len(t) < 80][:30]
    result.images = [urljoin(url, i) for i in meta.images[:5]]
    if meta.language:
        result.language = meta.language
    return result


def _drop_heading_lines(text: str, title: str, region_code: str | None) -> str:
    """Remove the title and a bare date line that some themes put inside the content block."""
    lines = text.split("\n")
    norm_title = " ".join(title.lower().split())
    while lines:
        head = lines[0].strip()
        if norm_title and " ".join(head.lower().split()) == norm_title:
            lines.pop(0)
        elif len(head) < 60 and re.search(r"\d", head) and not re.search(r"[.!?]\s*$", head) \
                and parse_date(head, region_code=region_code) is not None and len(head.split()) <= 8:
            lines.pop(0)
        else:
            break
    return "\n".join(lines)


def _htmldate(text_html: str, url: str, region_code: str | None) -> tuple[str | None, str | None]:
    """Last resort for pages without date metadata (htmldate reads URLs and visible dates)."""
    try:
        from htmldate import find_date
        found = find_date(text_html, url=url, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S")
    except Exception:  # noqa: BLE001 — htmldate raises on odd markup; no date is an answer too
        return None, None
    if not found:
        return None, None
    parsed = parse_date(found, region_code=region_code)
    return (iso(parsed), found) if parsed else (None, None)


def body_lines(text: str) -> list[str]:
    """Re-clean text given by an API (WordPress content.rendered) with the same rules."""
    return clean_lines(text)


def html_fragment_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment (REST content.rendered), one paragraph per line."""
    if not fragment or not fragment.strip():
        return ""
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    _break_lines(tree)
    _strip_noise(tree)
    kept = _paragraphs(tree)
    return "\n".join(kept) if kept else " ".join(tree.text_content().split())
