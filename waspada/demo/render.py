"""What a demo outlet answers: WordPress REST JSON, RSS, sitemaps, theme HTML and the Telegram preview.

The formats are the ones the platform spiders in crawlers/spiders/base/ consume (the same shapes
as the crawler tests' fixture sites in tests/crawlers/fixtures/sites.py, which cannot be
imported from a shipped package). Article pages carry the clutter of a typical Indonesian
WordPress news theme (share bar, ads, "Baca juga", related posts, tags, comments, sidebar) so
that the crawler's extraction is exercised, not just its JSON parsing.
"""

from __future__ import annotations

import html
import json
from datetime import timezone
from email.utils import format_datetime

from waspada.demo.scenario import Item, Outlet, long_date

ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nDisallow: /_demo/\nAllow: /\n"


def _esc(value: str) -> str:
    return html.escape(value, quote=True)


def _body_html(item: Item, related: list[Item], base: str) -> list[str]:
    body = []
    last = len(item.paragraphs) - 1
    for i, paragraph in enumerate(item.paragraphs):
        text = html.escape(paragraph, quote=False)
        if i == 0 and " – " in text:
            head, rest = text.split(" – ", 1)
            text = f"<strong>{head}</strong> – {rest}"
        if i == last:
            text += f" ({item.initials})"
        body.append(f"<p>{text}</p>")
        if i == 0:
            body.append('<div class="ads-inline"><ins class="adsbygoogle"></ins><span>ADVERTISEMENT</span></div>')
        if i == 1 and related:
            body.append(f'<p><strong>Baca juga: <a href="{base}{related[0].path}">{_esc(related[0].title)}</a>'
                        "</strong></p>")
    body.append(f"<p>Pewarta: {_esc(item.author)}<br>Editor: {_esc(item.editor)}</p>")
    return body


def article_page(item: Item, outlet: Outlet, base: str, related: list[Item]) -> str:
    """One article page in a WordPress news theme."""
    url = base + item.path
    published = item.published.isoformat()
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": outlet.title, "url": base + "/"},
        {"@type": "NewsArticle", "headline": item.title, "datePublished": published, "dateModified": published,
         "author": {"@type": "Person", "name": item.author}, "articleSection": item.categories,
         "mainEntityOfPage": url}]}
    cats = ", ".join(f'<a href="{base}/category/{_slug(c)}/" rel="category tag">{_esc(c)}</a>' for c in item.categories)
    tags = "".join(f'<a href="{base}/tag/{_slug(t)}/" rel="tag">{_esc(t)}</a>' for t in item.tags)
    related_html = "".join(f'<li><a href="{base}{r.path}">{_esc(r.title)}</a></li>' for r in related)
    popular = "".join(f'<li><a href="{base}{r.path}">{_esc(r.title)}</a></li>' for r in related[::-1])
    return f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(item.title)} - {_esc(outlet.title)}</title>
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_esc(item.title)} - {_esc(outlet.title)}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{_esc(outlet.title)}">
<meta property="article:published_time" content="{published}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body class="post-template-default single single-post postid-{item.number}">
<header class="site-header"><div class="logo"><a href="{base}/">{_esc(outlet.title)}</a>
<span class="tagline">{_esc(outlet.tagline)}</span></div>
<nav class="main-menu"><ul><li><a href="{base}/category/daerah/">Daerah</a></li>
<li><a href="{base}/category/hukum/">Hukum</a></li><li><a href="{base}/category/politik/">Politik</a></li>
<li><a href="{base}/category/ekonomi/">Ekonomi</a></li>
<li><a href="{base}/category/olahraga/">Olahraga</a></li></ul></nav>
<div class="breaking-news">Breaking News: Jadwal kapal Tarakan–Nunukan berubah mulai pekan depan</div>
</header>
<div id="content" class="site-content"><div class="container"><main id="main" class="site-main">
<article id="post-{item.number}" class="post-{item.number} post type-post status-publish format-standard">
<header class="entry-header">
<div class="cat-links">{cats}</div>
<h1 class="entry-title">{_esc(item.title)}</h1>
<div class="entry-meta"><span class="byline">Oleh <span class="author vcard"><a class="url fn n" rel="author"
 href="{base}/author/redaksi/">Redaksi</a></span></span> <span class="posted-on"><time class="entry-date published"
 datetime="{published}">{long_date(item.published)}</time></span></div>
</header>
<div class="share-buttons"><span>Bagikan:</span> <a href="#">Facebook</a> <a href="#">Twitter</a>
 <a href="#">WhatsApp</a> <a href="#">Telegram</a> <a href="#">Salin tautan</a></div>
<div class="post-thumbnail"><img src="{base}/wp-content/uploads/{item.slug}.jpg" alt="">
<figcaption class="wp-caption-text">Foto: Dokumentasi {_esc(outlet.title)}</figcaption></div>
<div class="entry-content">
{''.join(_body_html(item, related, base))}
<p>Simak berita pilihan lainnya di kanal WhatsApp {_esc(outlet.title)}.</p>
</div>
<footer class="entry-footer"><div class="tags-links">Tags: {tags}</div></footer>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Berita Terkait</h3><ul>{related_html}</ul></div>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 Komentar</h2>
<ol class="comment-list"><li class="comment"><p>Semoga cepat ada jalan keluar terbaik.</p></li>
<li class="comment"><p>Mohon pemerintah segera turun tangan.</p></li></ol>
<div id="respond" class="comment-respond"><h3>Tinggalkan Balasan</h3></div></div>
</main>
<aside id="secondary" class="sidebar widget-area"><section class="widget"><h2>Terpopuler</h2><ul>{popular}</ul>
</section></aside></div></div>
<footer class="site-footer"><p>Copyright © {item.published.year} {_esc(outlet.title)}. Hak cipta dilindungi
undang-undang. Situs demo Waspada: semua nama orang dan perusahaan fiktif.</p></footer>
</body>
</html>"""


def _slug(value: str) -> str:
    from waspada.demo.scenario import slugify
    return slugify(value)


def rest_post(item: Item, base: str) -> dict:
    """A post as /wp-json/wp/v2/posts?_embed=1 returns it (dates local and GMT)."""
    local = item.published.replace(tzinfo=None).isoformat()
    gmt = item.published.astimezone(timezone.utc).replace(tzinfo=None).isoformat()
    paragraphs = [f"<p>{html.escape(p, quote=False)}</p>" for p in item.paragraphs]
    paragraphs[-1] = paragraphs[-1].replace("</p>", f" ({item.initials})</p>")
    if len(paragraphs) > 2:
        paragraphs.insert(2, f'<p><strong>Baca juga: <a href="{base}/">Berita pilihan hari ini</a></strong></p>')
    paragraphs.append(f"<p>Pewarta: {html.escape(item.author)}<br />Editor: {html.escape(item.editor)}</p>")
    terms = [[{"id": 10 + i, "name": html.escape(c), "taxonomy": "category"} for i, c in enumerate(item.categories)],
             [{"id": 50 + i, "name": html.escape(t), "taxonomy": "post_tag"} for i, t in enumerate(item.tags)]]
    return {
        "id": item.number, "date": local, "date_gmt": gmt, "modified": local, "modified_gmt": gmt,
        "slug": item.slug, "status": "publish", "type": "post", "link": base + item.path,
        "title": {"rendered": html.escape(item.title, quote=False).replace("–", "&#8211;")},
        "content": {"rendered": "\n".join(paragraphs), "protected": False},
        "excerpt": {"rendered": f"<p>{html.escape(item.paragraphs[0][:150])}</p>", "protected": False},
        "author": 2, "categories": [t["id"] for t in terms[0]], "tags": [t["id"] for t in terms[1]],
        "_embedded": {"author": [{"id": 2, "name": item.author}], "wp:term": terms,
                      "wp:featuredmedia": [{"source_url": f"{base}/wp-content/uploads/{item.slug}.jpg"}]},
    }


def rss(items: list[Item], outlet: Outlet, base: str) -> str:
    """/feed/: the newest items, RSS 2.0 as WordPress writes it."""
    entries = []
    for item in items:
        when = format_datetime(item.published.astimezone(timezone.utc))
        entries.append(f"""<item><title>{_esc(item.title)}</title><link>{base}{item.path}</link>
<pubDate>{when}</pubDate><dc:creator><![CDATA[{item.author}]]></dc:creator>
{''.join(f'<category><![CDATA[{c}]]></category>' for c in item.categories)}
<guid isPermaLink="false">{base}/?p={item.number}</guid>
<description><![CDATA[{item.paragraphs[0][:160]} […]]]></description></item>""")
    built = format_datetime(items[0].published.astimezone(timezone.utc)) if items else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>{_esc(outlet.title)}</title><atom:link href="{base}/feed/" rel="self" type="application/rss+xml"/>
<link>{base}</link><description>{_esc(outlet.tagline)}</description><lastBuildDate>{built}</lastBuildDate>
<language>id-ID</language>{''.join(entries)}</channel></rss>"""


def sitemap_index(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/wp-sitemap-posts-post-1.xml</loc></sitemap>
<sitemap><loc>{base}/wp-sitemap-taxonomies-category-1.xml</loc></sitemap>
<sitemap><loc>{base}/wp-sitemap-users-1.xml</loc></sitemap></sitemapindex>"""


def sitemap_posts(items: list[Item], base: str) -> str:
    urls = "".join(f"<url><loc>{base}{i.path}</loc><lastmod>{i.published.isoformat()}</lastmod></url>" for i in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>"""


def home_page(items: list[Item], outlet: Outlet, base: str) -> str:
    links = "".join(f'<article><h2 class="entry-title"><a href="{base}{i.path}">{_esc(i.title)}</a></h2>'
                    f'<time datetime="{i.published.isoformat()}">{long_date(i.published)}</time></article>'
                    for i in items)
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="UTF-8"><title>{_esc(outlet.title)} –
{_esc(outlet.tagline)}</title></head><body><nav class="menu"><a href="{base}/category/daerah/">Daerah</a></nav>
<main>{links}</main><footer>Situs demo Waspada</footer></body></html>"""


def _tg_message(channel: str, item: Item) -> str:
    lines = "<br/>".join(html.escape(line) for line in item.paragraphs[0].split("\n"))
    forwarded = ("" if not item.forwarded_from else
                 '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <a class="'
                 f'tgme_widget_message_forwarded_from_name" href="https://t.me/{_slug(item.forwarded_from)}">'
                 f"{_esc(item.forwarded_from)}</a></div>")
    when = item.published.astimezone(timezone.utc).isoformat()
    return f"""<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message
 text_not_supported_wrap js-widget_message" data-post="{channel}/{item.number}" data-view="demo">
<div class="tgme_widget_message_bubble">{forwarded}
<div class="tgme_widget_message_text js-message_text" dir="auto">{lines}</div>
<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short">
<span class="tgme_widget_message_views">{_esc(item.views)}</span><span class="tgme_widget_message_meta">
<a class="tgme_widget_message_date" href="https://t.me/{channel}/{item.number}"><time datetime="{when}"
 class="time">{item.published:%H:%M}</time></a></span></div></div></div></div></div>"""


def telegram_page(items: list[Item], outlet: Outlet, before: int | None) -> str:
    """t.me/s/CHANNEL: messages oldest first, a "more" link to ?before=ID when older ones exist."""
    channel = outlet.channel or outlet.name
    more = (f'<a class="tme_messages_more js-messages_more" data-before="{before}" '
            f'href="/s/{channel}?before={before}"></a>' if before else "")
    messages = "".join(_tg_message(channel, i) for i in sorted(items, key=lambda i: i.number))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_esc(outlet.title)} – Telegram</title></head>'
            f'<body><header class="tgme_channel_info"><div class="tgme_channel_info_header_title">'
            f'{_esc(outlet.title)}</div></header><section class="tgme_channel_history js-message_history">'
            f"{more}{messages}</section></body></html>")
