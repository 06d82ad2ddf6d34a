"""Source registry validation, the one-spider-per-file rule, canonical URLs and near-duplicates."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from crawlers.dedup import band_similarity, bands, canonical_url, doc_id, minhash
from crawlers.middlewares import refusal_reason
from crawlers.sources import SourceError, load_sources
from tests.crawlers.fixtures.news import BENUANTA_COPY, BLOKADE, SEMBAKO

SPIDERS = Path(__file__).resolve().parents[2] / "crawlers" / "spiders"


def test_registry_lists_kaltara_outlets_unverified():
    sources = load_sources()
    assert list(sources)[0] == "teraskaltara"
    assert {"benuanta", "tribunkaltara", "jurnalkaltara", "headlinews", "korankaltara", "niagaasia"} <= set(sources)
    assert sources["teraskaltara"].platform == "wordpress"
    assert all(s.politeness.download_delay >= 1.0 for s in sources.values())
    assert not any(s.verified for s in sources.values())


def test_invalid_registry_errors_name_source_field_and_fix(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - name: Teras Kaltara\n    title: T\n    platform: joomla\n"
                   "    base_url: ftp://x\n    region_code: '65'\n  - name: tg\n    title: T\n"
                   "    platform: telegram\n    base_url: https://t.me\n    region_code: '65'\n")
    with pytest.raises(SourceError) as error:
        load_sources(bad)
    message = str(error.value)
    assert "W311" in message and "'Teras Kaltara'" in message and "platform" in message and "base_url" in message
    assert "W313" in message and "'tg'" in message and "channel" in message


def test_one_spider_per_file_named_after_its_source():
    loader = SpiderLoader.from_settings(get_project_settings())
    sources = load_sources()
    files = sorted(p.stem for p in SPIDERS.glob("*.py") if p.stem != "__init__")
    assert sorted(loader.list()) == files
    for name in files:
        spider = loader.load(name)
        assert spider.__name__ == name.capitalize() + "Spider"
        assert inspect.getmodule(spider).__name__ == f"crawlers.spiders.{name}"
        assert name in sources and spider.platform == sources[name].platform


@pytest.mark.parametrize("variant", [
    "http://www.teraskaltara.id/2024/12/02/blokade/?utm_source=fb&utm_medium=social&fbclid=abc",
    "https://m.teraskaltara.id/2024/12/02/blokade/amp/",
    "https://teraskaltara.id/2024/12/02/blokade/?amp",
    "https://teraskaltara.id/2024/12/02/blokade?gclid=1#comments",
])
def test_url_variants_share_one_canonical_id(variant):
    assert doc_id(variant) == doc_id("https://teraskaltara.id/2024/12/02/blokade/")
    assert "utm_" not in canonical_url(variant)


def test_syndicated_copy_is_near_duplicate_and_other_story_is_not():
    lead = bands(minhash(BLOKADE.title + "\n" + BLOKADE.text))
    copy = bands(minhash(BENUANTA_COPY.title + "\n" + BENUANTA_COPY.text))
    other = bands(minhash(SEMBAKO.title + "\n" + SEMBAKO.text))
    assert band_similarity(lead, copy) >= 0.25
    assert band_similarity(lead, other) == 0.0


@pytest.mark.parametrize("url, code", [
    ("ftp://teraskaltara.id/x", "W321"),
    ("https://x.id/berita/?a=1&b=2&c=3&d=4&e=5&f=6", "W323"),
    ("https://x.id/kalender/2024/12/", "W324"),
    ("https://x.id/?m=202412", "W324"),
    ("https://x.id/2024/12/02/", "W324"),
    ("https://x.id/a/b/a/b/a/b/", "W326"),
])
def test_trap_urls_are_refused_with_a_coded_reason(url, code):
    reason = refusal_reason(url)
    assert reason is not None and re.match(code, reason)


def test_article_urls_are_not_refused():
    assert refusal_reason("https://teraskaltara.id/2024/12/02/ratusan-warga-blokade-jalan/") is None
    assert refusal_reason("https://teraskaltara.id/?p=1201") is None
