"""The search page's "next page" link pages through a result set larger than one page, every article once.

This module has its own seeded prefix (module-scoped `site`), so the extra articles written here do
not change the totals the other web tests expect. New matching articles are written between pages:
the page's cursor is the API's (`store.search.run_search`), pinned to the first page's time, so they
neither shift nor join the pages.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

import httpx
import pytest

from api.web.search_pages import PAGE_SIZE
from store.articles import ArticleRepository
from tests.api.web.seed import article

HIT_LINK = re.compile(r'<li class="hit">\s*<h3><a href="/ui/articles/([^"]+)">')
NEXT_LINK = re.compile(r'<a class="button" href="/ui/search\?([^"]+)" rel="next">')
TOTAL = re.compile(r'<span id="total">(\d+)</span>')


def _docs(source: str, prefix: str, n: int, fresh: bool) -> list[dict]:
    """`n` matching articles of one source; `fresh` ones are newest and riskiest (they would sort first)."""
    docs = []
    for i in range(n):
        doc = article(f"{prefix}{i:03d}", title=f"Tawuran pemuda di Tarakan nomor {i}",
                      text="Tawuran pemuda pecah di Tarakan. " + "Tawuran " * (i % 4),
                      days_ago=0.01 if fresh else 1 + i * 0.5, source=source, district="65.71.01",
                      categories=["communal_violence"], stage="incident", intensity=2,
                      risk=99 if fresh else float(i % 10) * 10)
        doc["indexed"] = datetime.now(timezone.utc).isoformat()
        docs.append(doc)
    return docs


def _write(es_client, site, tmp_path, name: str, docs: list[dict]) -> None:
    repo = ArticleRepository(es_client, site.settings.es.index_prefix)
    with repo.writer(tmp_path / name, refresh="wait_for") as writer:
        for doc in docs:
            writer.add(doc)
    repo.refresh()


@pytest.mark.parametrize("sort", ["relevance", "newest", "risk"])
def test_next_page_links_show_every_article_exactly_once(site, es_client, tmp_path, sort):
    source = f"uji-halaman-{sort}"
    count = 2 * PAGE_SIZE + 7  # three pages
    expected = {d["id"] for d in _docs(source, f"{sort}-lama-", count, fresh=False)}
    _write(es_client, site, tmp_path, "spool", _docs(source, f"{sort}-lama-", count, fresh=False))
    with httpx.Client(base_url=site.url, follow_redirects=False, timeout=30) as client:
        signed = client.post("/ui/login", data={"api_key": site.data["keys"]["consumer"], "next": "/ui/search"})
        assert signed.status_code == 303
        page = client.get("/ui/search", params={"q": "tawuran", "source": source, "sort": sort})
        assert page.status_code == 200
        assert TOTAL.search(page.text).group(1) == str(count)
        seen: list[str] = []
        pages = 0
        while True:
            pages += 1
            hits = HIT_LINK.findall(page.text)
            assert 0 < len(hits) <= PAGE_SIZE
            seen += hits
            link = NEXT_LINK.search(page.text)
            if not link:
                break
            # articles arriving meanwhile (newest, riskiest, matching) must not shift the pages
            _write(es_client, site, tmp_path, f"spool-{pages}", _docs(source, f"{sort}-baru{pages}-", 3, fresh=True))
            page = client.get("/ui/search?" + html.unescape(link.group(1)))
            assert page.status_code == 200, page.text
            assert TOTAL.search(page.text).group(1) == str(count)  # pinned to the first page's time
        assert pages == 3
        assert len(seen) == len(set(seen)) == count
        assert set(seen) == expected
        fresh = client.get("/ui/search", params={"q": "tawuran", "source": source, "sort": sort}).text
        assert TOTAL.search(fresh).group(1) == str(count + 3 * (pages - 1))  # a new search sees them


def test_a_cursor_of_another_search_is_a_message(site):
    with httpx.Client(base_url=site.url, follow_redirects=False, timeout=30) as client:
        client.post("/ui/login", data={"api_key": site.data["keys"]["consumer"], "next": "/ui/search"})
        page = client.get("/ui/search", params={"sort": "newest", "cursor": "bm90LWEtY3Vyc29y"})
        assert page.status_code == 200 and "E036" in page.text
