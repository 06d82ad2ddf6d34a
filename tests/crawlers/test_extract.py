"""Extraction: exact title, body edges, date with zone, author and categories on news themes."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from typer.testing import CliRunner

from crawlers.extract import extract_html
from crawlers.extraction.clean import clean_body, first_sentence, last_sentence, strip_site_suffix
from crawlers.extraction.dates import iso, parse_date
from crawlers.extraction.encoding import decode_html
from tests.crawlers.fixtures.news import BAWASLU, BLOKADE, TAWURAN, TERAS_STORIES
from tests.crawlers.fixtures.sites import article_page

BASE = "https://teraskaltara.id"
NOW = datetime(2024, 12, 2, 4, 0, tzinfo=timezone.utc)  # 12:00 WITA


@pytest.mark.parametrize("text, region, expected", [
    ("Senin (2/12/2024)", "65", "2024-12-02T00:00:00+08:00"),
    ("2 Desember 2024 09:15 WITA", "31", "2024-12-02T09:15:00+08:00"),
    ("Senin, 2 Desember 2024 - 09:15 WIB", "65", "2024-12-02T09:15:00+07:00"),
    ("Selasa, 3 Des 2024 pukul 10.20 WIT", "65", "2024-12-03T10:20:00+09:00"),
    ("3 jam lalu", "65", "2024-12-02T09:00:00+08:00"),
    ("2024-12-02T09:15:00+08:00", "31", "2024-12-02T09:15:00+08:00"),
    ("2024-12-02 09:15:00", "65", "2024-12-02T09:15:00+08:00"),
    ("2024-12-02 09:15:00", "31", "2024-12-02T09:15:00+07:00"),
    ("2024-12-02 09:15:00", "94", "2024-12-02T09:15:00+09:00"),
])
def test_indonesian_dates_keep_time_and_zone(text, region, expected):
    assert iso(parse_date(text, region_code=region, now=NOW)) == expected


def test_body_trailers_and_noise_lines_are_removed():
    body = ("TARAKAN – Kalimat pertama.\nBaca juga: Berita lain\nKalimat terakhir di sini. (vyp/kna)\n"
            "Pewarta: Budi Santoso\nEditor: Rina\nSimak Video Pilihan Redaksi\n© 2024 Teras. Hak cipta.\n3 Komentar")
    assert clean_body(body) == "TARAKAN – Kalimat pertama.\nKalimat terakhir di sini."


@pytest.mark.parametrize("title, expected", [
    ("Banjir di Malinau - TerasKaltara.id", "Banjir di Malinau"),
    ("Banjir di Malinau | Benuanta", "Banjir di Malinau"),
    ("Tarakan - Nunukan Kembali Dibuka - teraskaltara.id", "Tarakan - Nunukan Kembali Dibuka"),
    ("Pilkada 2024 - Kaltara Memilih", "Pilkada 2024 - Kaltara Memilih"),
])
def test_title_loses_the_outlet_suffix_only(title, expected):
    assert strip_site_suffix(title, ["TerasKaltara.id", "Benuanta"]) == expected


@pytest.mark.parametrize("story", TERAS_STORIES, ids=lambda s: s.slug[:20])
def test_wordpress_theme_page_gives_exact_fields(story):
    page = article_page(story, BASE, "TerasKaltara.id", related=[s for s in TERAS_STORIES if s is not story])
    result = extract_html(page, BASE + story.path + "?utm_source=fb&fbclid=x", region_code="65")
    assert result.title == story.title
    assert first_sentence(result.text) == story.first_sentence
    assert last_sentence(result.text) == story.last_sentence
    assert result.text == story.text  # nothing from ads, "Baca juga", share bar, related posts, comments
    assert result.published == story.published_iso
    assert result.authors == [story.author]
    assert result.categories == story.categories
    assert result.url == BASE + story.path
    assert result.language == "id"


def test_visible_indonesian_date_is_used_without_metadata():
    page = article_page(TAWURAN, BASE, "TerasKaltara.id", json_ld=False, meta_date=False)
    page = page.replace(f'datetime="{TAWURAN.published_iso}"', "")
    result = extract_html(page, BASE + TAWURAN.path, region_code="65")
    assert result.published == "2024-11-30T20:05:00+08:00"
    assert result.published_local == "Sabtu, 30 November 2024 20:05 WITA"


def test_json_ld_author_when_no_pewarta_line():
    result = extract_html(article_page(BAWASLU, BASE, "TerasKaltara.id"), BASE + BAWASLU.path)
    assert result.authors == ["Rina Marlina"]


def test_wrong_declared_charset_and_latin1_are_decoded():
    text = "<html><body><p>Kue “legit” dan « café »</p></body></html>"
    assert decode_html(text.encode("cp1252"), "text/html; charset=utf-8") == text
    latin = "<html><meta charset='iso-8859-1'><p>« café »</p></html>"
    assert decode_html(latin.encode("iso-8859-1")) == latin


def test_truncated_html_still_gives_title_and_text():
    page = article_page(BLOKADE, BASE, "TerasKaltara.id")
    cut = page[: page.index(BLOKADE.paragraphs[2][:30])]
    result = extract_html(cut, BASE + BLOKADE.path)
    assert result.title == BLOKADE.title
    assert first_sentence(result.text) == BLOKADE.first_sentence


def test_waspada_extract_prints_json_lines(tmp_path):
    from waspada.cli import app
    page = tmp_path / "blokade.html"
    page.write_text(article_page(BLOKADE, BASE, "TerasKaltara.id"), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), "--source", "teraskaltara"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.strip().splitlines()[0])
    assert record["title"] == BLOKADE.title
    assert record["published"] == "2024-12-02T09:15:00+08:00"
    assert record["authors"] == ["Budi Santoso"]
    assert record["url"] == BASE + BLOKADE.path
    assert record["source"] == "teraskaltara"


def _page(head: str, body: str) -> str:
    return f"<html lang='id-ID'><head>{head}</head><body>{body}</body></html>"


def test_yoast_graph_author_reference_is_resolved():
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Judul Yoast", "datePublished": "2024-12-02T01:15:00+00:00",
         "author": {"@id": "https://x.id/#/schema/person/1"}},
        {"@type": "Person", "@id": "https://x.id/#/schema/person/1", "name": "Budi Santoso"}]})
    result = extract_html(_page(f"<script type='application/ld+json'>{ld}</script>",
                                "<div class='entry-content'><p>TARAKAN – Satu.</p></div>"), "https://x.id/a/")
    assert result.authors == ["Budi Santoso"]
    assert result.published == "2024-12-02T09:15:00+08:00"  # the UTC instant shown in WITA


def test_site_left_on_utc_is_corrected_by_the_visible_zone():
    page = _page("<meta property='article:published_time' content='2024-12-02T09:15:00+00:00'>",
                 "<span class='posted-on'>Senin, 2 Desember 2024 09:15 WIB</span>"
                 "<div class='entry-content'><p>JAKARTA – Satu.</p></div>")
    assert extract_html(page, "https://x.id/a/").published == "2024-12-02T09:15:00+07:00"


def test_tribun_reporter_line_is_the_author_not_the_body():
    page = _page("<title>Judul - TribunKaltara.com</title>",
                 "<h1 class='title'>Judul</h1><div class='side-article txt-article'>"
                 "<p>Laporan Wartawan TribunKaltara.com, Andi Pausiah</p><p>TRIBUNKALTARA.COM, TARAKAN - Satu kalimat.</p>"
                 "<p>Kalimat akhir.</p><p>Artikel ini telah tayang di Tribunnews.com dengan judul Judul</p></div>")
    result = extract_html(page, "https://kaltara.tribunnews.com/2024/12/02/judul")
    assert result.authors == ["Andi Pausiah"]
    assert result.text == "TRIBUNKALTARA.COM, TARAKAN - Satu kalimat.\nKalimat akhir."
    assert result.title == "Judul"
