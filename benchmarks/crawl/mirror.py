"""A local mirror of generated Indonesian news pages with known ground truth.

Pages are written in four theme families seen on Indonesian regional WordPress sites (classic
WordPress with JSON-LD; JNews-like with only visible dates; Newspaper/tagDiv-like with naive
datetimes; a portal with "Senin (2/12/2024)" dates and a credit line), each with the noise real
pages carry: menus, share bars, ads, "Baca juga" boxes, editor trailers and initials, related
posts, comments and footers. The mirror is served from memory on 127.0.0.1 with a sitemap.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

_PLACES = ["Tanjung Selor", "Tarakan", "Nunukan", "Malinau", "Tana Tidung", "Bulungan", "Sebatik", "Krayan"]
_SUBJECTS = ["Ratusan warga", "Pemerintah kabupaten", "Polres setempat", "DPRD Kaltara", "Bawaslu", "Para nelayan",
             "Ketua adat", "Dinas Perdagangan", "Kelompok tani", "Mahasiswa", "Buruh perusahaan sawit", "BPBD"]
_VERBS = ["menggelar rapat koordinasi", "menuntut kejelasan ganti rugi lahan", "memblokade ruas jalan",
          "meminta aparat bertindak tegas", "menyalurkan bantuan", "mengawasi tahapan pilkada",
          "menolak rencana relokasi", "memperbaiki jembatan yang rusak", "mendesak kenaikan upah",
          "memantau harga bahan pokok", "menyiapkan posko pengaduan", "meninjau lokasi banjir"]
_TAILS = ["di kantor bupati", "di depan gedung DPRD", "di perbatasan", "sejak pagi", "pada Senin siang",
          "hingga malam hari", "bersama tokoh masyarakat", "di balai desa", "di pelabuhan", "di lokasi kejadian"]
_QUOTES = ["“Kami hanya ingin hak kami dipenuhi,” ujarnya.", "“Situasi sudah kondusif,” kata dia.",
           "“Kami akan menindaklanjuti laporan warga,” tegasnya.", "“Semua pihak diminta menahan diri,” ucapnya."]
_NAMES = ["Budi Santoso", "Rina Marlina", "Andi Pratama", "Siti Aminah", "Yohanes Lawing", "Dewi Lestari",
          "Muhammad Rizal", "Fransiska Ule", "Agus Salim", "Nur Aini"]
_CATS = ["Daerah", "Hukum", "Politik", "Ekonomi", "Peristiwa", "Pendidikan"]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"]
THEMES = ("classic", "jnews", "tagdiv", "portal")
SITE = "KaltaraMirror.id"


@dataclass
class Truth:
    """What a perfect extractor returns for one page."""

    url: str
    theme: str
    title: str
    text: str
    first_sentence: str
    last_sentence: str
    published: str  # ISO with +08:00
    author: str


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_TAILS)}."


def _split(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph)


def generate(n: int, base: str, seed: int = 11) -> list[tuple[str, str, Truth]]:
    """(path, html, truth) for n pages."""
    rng = random.Random(seed)
    pages = []
    start = datetime(2024, 12, 2, 9, 15)
    for i in range(n):
        theme = THEMES[i % len(THEMES)]
        place = rng.choice(_PLACES)
        title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} di {place} ({i})"
        paragraphs = [f"{place.upper()} – {_sentence(rng)} {_sentence(rng)}"]
        for _ in range(rng.randint(3, 6)):
            paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
            if rng.random() < 0.3:
                paragraphs.append(rng.choice(_QUOTES))
        paragraphs.append(f"Kegiatan berikutnya dijadwalkan pekan depan di {place}. Warga diminta tetap tenang.")
        when = start - timedelta(minutes=37 * i)
        author = rng.choice(_NAMES)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        path = f"/{when:%Y/%m/%d}/{slug}/"
        truth = Truth(url=base + path, theme=theme, title=title, text="\n".join(paragraphs),
                      first_sentence=_split(paragraphs[0])[0], last_sentence=_split(paragraphs[-1])[-1],
                      published=when.isoformat() + "+08:00", author=author)
        pages.append((path, render(theme, truth, paragraphs, when, rng, base), truth))
    return pages


def _noise_top(base: str) -> str:
    return (f'<header class="site-header"><a class="logo" href="{base}/">{SITE}</a><nav class="main-menu"><ul>'
            + "".join(f'<li><a href="{base}/category/{c.lower()}/">{c}</a></li>' for c in _CATS)
            + '</ul></nav></header><div class="breaking">Breaking: Jadwal kapal berubah</div>')


def _noise_bottom(rng: random.Random, base: str) -> str:
    related = "".join(f'<li><a href="{base}/x/{k}/">{html.escape(_sentence(rng))}</a></li>' for k in range(4))
    return (f'<div class="jp-relatedposts related-posts"><h3>Berita Terkait</h3><ul>{related}</ul></div>'
            f'<div id="comments" class="comments-area"><h3>{rng.randint(0, 9)} Komentar</h3><ol><li><p>'
            f'{html.escape(_sentence(rng))}</p></li></ol><div id="respond">Tinggalkan Balasan</div></div>')


def _footer() -> str:
    return (f'<aside class="sidebar"><div class="widget"><h3>Terpopuler</h3><ul><li>Kapal tenggelam</li></ul></div>'
            f'</aside><footer class="site-footer"><p>Copyright © 2024 {SITE}. All rights reserved.</p></footer>')


def _body(paragraphs: list[str], rng: random.Random, trailer: str, base: str) -> str:
    out = []
    for k, p in enumerate(paragraphs):
        text = html.escape(p, quote=False)
        if k == 0:
            head, rest = text.split(" – ", 1)
            text = f"<strong>{head}</strong> – {rest}"
        if k == len(paragraphs) - 1 and rng.random() < 0.5:
            text += f" ({rng.choice(['vyp', 'kna', 'adv', 'rz'])}/{rng.choice(['kna', 'ana', 'jpg'])})"
        out.append(f"<p>{text}</p>")
        if k == 1:
            out.append('<div class="ads"><ins class="adsbygoogle"></ins>ADVERTISEMENT</div>')
        if k == 2:
            out.append(f'<p><strong>Baca Juga: <a href="{base}/x/y/">{html.escape(_sentence(rng))}</a></strong></p>')
    out.append(trailer)
    return "".join(out)


def render(theme: str, t: Truth, paragraphs: list[str], when: datetime, rng: random.Random, base: str) -> str:
    day = f"{_DAYS[when.weekday()]}, {when.day} {_MONTHS[when.month - 1]} {when.year}"
    title = html.escape(t.title)
    share = '<div class="share-bar">Bagikan: <a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a></div>'
    if theme == "classic":
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t.title,
                         "datePublished": t.published, "author": {"@type": "Person", "name": "Redaksi"}})
        head = (f'<title>{title} - {SITE}</title><meta property="og:title" content="{title} - {SITE}">'
                f'<meta property="og:site_name" content="{SITE}"><link rel="canonical" href="{t.url}">'
                f'<script type="application/ld+json">{ld}</script>')
        trailer = f"<p>Pewarta: {t.author}<br>Editor: Yudha</p><p>Simak Video Pilihan di kanal kami.</p>"
        main = (f'<article class="post"><header class="entry-header"><h1 class="entry-title">{title}</h1>'
                f'<div class="entry-meta"><span class="posted-on">{day} {when:%H:%M} WITA</span> <span class="byline">'
                f'Oleh <a rel="author">Redaksi</a></span></div></header>{share}<div class="entry-content">'
                f'{_body(paragraphs, rng, trailer, base)}</div></article>')
    elif theme == "jnews":
        head = f'<title>{title} | {SITE}</title><meta property="og:title" content="{title}">'
        trailer = f"<p>Editor: Yudha</p>"
        main = (f'<div class="jeg_inner_content"><h1 class="jeg_post_title">{title}</h1><div class="jeg_meta_container">'
                f'<div class="jeg_meta_author">Oleh <a href="{base}/author/x/">{t.author}</a></div>'
                f'<div class="jeg_meta_date"><a>{day} - {when:%H:%M} WITA</a></div></div>{share}'
                f'<div class="content-inner">{_body(paragraphs, rng, trailer, base)}</div></div>')
    elif theme == "tagdiv":
        head = (f'<title>{title} - {SITE}</title><meta property="og:title" content="{title} - {SITE}">'
                f'<meta name="author" content="{t.author}">')
        trailer = f"<p>Penulis: {t.author}</p><p>© {SITE}</p>"
        main = (f'<article><div class="td-post-header"><h1 class="entry-title">{title}</h1><div class="td-module-meta-info">'
                f'<div class="td-post-author-name">Oleh <a>{t.author}</a></div><span class="td-post-date">'
                f'<time class="entry-date updated td-module-date" datetime="{when:%Y-%m-%dT%H:%M:%S}">{day}</time>'
                f'</span></div></div>{share}<div class="td-post-content tagdiv-type">'
                f'{_body(paragraphs, rng, trailer, base)}</div></article>')
    else:
        head = (f'<title>{title} - {SITE}</title><meta property="og:title" content="{title} - {SITE}">'
                f'<meta property="og:site_name" content="{SITE}">')
        trailer = "<p>(*)</p>"
        main = (f'<div class="read"><h1 class="read__title">{title}</h1><div class="read__credit">Reporter: '
                f'{t.author} | Editor: Yudha</div><div class="read__time">{_DAYS[when.weekday()]} '
                f'({when.day}/{when.month}/{when.year}) {when:%H:%M} WITA</div>{share}<div class="read__content">'
                f'{_body(paragraphs, rng, trailer, base)}</div></div>')
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{head}</head><body>{_noise_top(base)}'
            f'<main>{main}{_noise_bottom(rng, base)}</main>{_footer()}</body></html>')


def sitemap(pages: list[tuple[str, str, Truth]], base: str) -> str:
    urls = "".join(f"<url><loc>{base}{path}</loc><lastmod>{truth.published}</lastmod></url>"
                   for path, _, truth in pages)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>")


def truth_dicts(pages) -> list[dict]:
    return [asdict(truth) for _, _, truth in pages]
