"""The web UI in a real Chromium (Playwright) against a real uvicorn server and Elasticsearch.

Each test signs in through the form, uses the pages as an analyst would, checks there is no
console error, and saves a full-page screenshot under test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.web.seed import EXPECTED_BANDS

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
BAND_COLORS = {"Aman": "#2e7d32", "Cenderung Aman": "#f2c811", "Rawan": "#ef6c00", "Sangat Rawan": "#c62828"}


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium package")
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


class Tab:
    """A page plus the console errors it produced."""

    def __init__(self, page, base: str):
        self.page = page
        self.base = base
        self.errors: list[str] = []
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def labelled_controls(self) -> list[str]:
        """Visible form controls without an accessible label (should be none)."""
        return self.page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
            .filter(el => el.type !== 'hidden')
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby'))
            .map(el => el.outerHTML)""")


@pytest.fixture
def tab(browser, site) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    tab = Tab(page, site.url)
    yield tab
    context.close()
    assert tab.errors == [], f"console errors: {tab.errors}"


def sign_in(tab: Tab, site, role: str, path: str = "/ui/search") -> None:
    tab.go(path)
    assert "/ui/login" in tab.page.url
    tab.page.get_by_label("Kunci API").fill(site.data["keys"][role])
    tab.page.get_by_role("button", name="Masuk").click()
    tab.page.wait_for_url(re.compile(re.escape(path.split("?")[0])))


def total(tab: Tab) -> int:
    return int(tab.page.locator("#total").inner_text())


def test_sign_in_then_search_and_narrow_by_a_facet(tab, site):
    tab.go("/ui/login")
    assert tab.labelled_controls() == []
    tab.shot("login")
    sign_in(tab, site, "analyst")
    assert total(tab) == len(site.data["articles"])
    tab.page.get_by_label("Kata kunci").fill("warga")
    tab.page.get_by_label("Kata kunci").press("Enter")
    tab.page.wait_for_url(re.compile(r"q=warga"))
    with_query = total(tab)
    assert 1 < with_query < len(site.data["articles"])
    assert tab.page.locator(".hits mark").count() > 0
    tab.page.locator('a.facet-link[data-facet="category"][data-value="communal_violence"]').click()
    tab.page.wait_for_url(re.compile(r"category=communal_violence"))
    assert total(tab) == 2
    assert tab.page.locator('a.facet-link[aria-pressed="true"]').inner_text().endswith("Kekerasan komunal")
    assert tab.page.locator(".hit .risk").first.inner_text() == "Sangat Rawan"
    assert tab.page.locator(".hit .chip-place").first.inner_text().endswith("Sebatik")
    assert "bentrok" in tab.page.locator(".hit .cues").first.get_attribute("title").lower()
    assert tab.page.locator("figure.chart svg rect.bar").count() >= 1
    assert tab.page.get_by_role("link", name="CSV").get_attribute("href").startswith("/ui/exports/articles?")
    assert tab.labelled_controls() == []
    tab.shot("search")


def test_keyboard_reaches_the_search_box_and_buttons(tab, site):
    sign_in(tab, site, "consumer")
    reached: list[str] = []
    for _ in range(40):
        tab.page.keyboard.press("Tab")
        reached.append(tab.page.evaluate(
            "() => document.activeElement.id || document.activeElement.textContent.trim()"))
        if "search-submit" in reached:
            break
    assert "q" in reached and "search-submit" in reached
    assert reached.index("q") < reached.index("search-submit")
    tab.page.keyboard.press("Enter")  # the focused "Cari" button submits the form
    tab.page.wait_for_load_state()
    assert total(tab) == len(site.data["articles"])
    assert tab.page.locator('nav[aria-label="Menu utama"] a[href="/ui/alerts"]').count() == 0  # consumer


def test_article_shows_marked_entities_other_outlets_and_alerts(tab, site):
    sign_in(tab, site, "analyst", "/ui/search?q=Sebatik&sort=newest")
    tab.page.get_by_role("link", name=re.compile("Bentrok warga dua desa")).click()
    tab.page.wait_for_url(re.compile("/ui/articles/nunukan-bentrok-1"))
    text = tab.page.locator("#article-text")
    assert text.locator("mark.ent-loc", has_text="Sebatik").count() == 1
    assert text.locator("mark.ent-actor", has_text="Polres Nunukan").count() == 1
    assert text.locator("mark.cue", has_text="Bentrok antarwarga").count() == 1
    assert "Isyarat konflik" in text.locator("mark.cue").first.get_attribute("title")
    assert tab.page.locator("#same-story li").inner_text().startswith("Rumah warga dibakar")
    assert tab.page.locator("#article-alerts li").first.inner_text().startswith("Kekerasan komunal")
    tab.shot("article")


def _badge(tab: Tab) -> str:
    tab.page.wait_for_function("() => document.getElementById('new-count').getAttribute('title') !== null")
    return tab.page.locator("#new-count").inner_text()


def test_acknowledge_then_verify_an_alert_and_the_count_changes(tab, site):
    sign_in(tab, site, "analyst", "/ui/alerts")
    before = int(_badge(tab))
    assert before == int(tab.page.locator('.count[data-status="new"]').inner_text()) >= 2
    first = tab.page.locator("li.alert").first
    title = first.locator("h3").inner_text()
    assert tab.labelled_controls() == []
    tab.shot("alerts")
    first.get_by_label("Catatan").fill("sudah dicek ke Polres")
    first.get_by_role("button", name="Tindak lanjuti").click()
    tab.page.wait_for_load_state()
    assert int(_badge(tab)) == before - 1
    assert tab.page.locator('.count[data-status="acknowledged"]').inner_text() == "1"
    tab.page.locator("#tab-acknowledged").click()
    item = tab.page.locator("li.alert", has_text=title)
    item.get_by_label("Catatan").fill("terkonfirmasi")
    item.get_by_role("button", name="Verifikasi").click()
    tab.page.wait_for_load_state()
    assert tab.page.locator('.count[data-status="verified"]').inner_text() == "1"
    tab.page.locator("#tab-verified").click()
    verified = tab.page.locator("li.alert", has_text=title)
    verified.locator("summary").click()
    assert "terkonfirmasi" in verified.locator("details").inner_text()
    tab.shot("alerts-verified")


def test_map_draws_five_kabupaten_in_their_band_colours(tab, site):
    sign_in(tab, site, "consumer", "/ui/map")
    regions = tab.page.locator("svg#peta a.region")
    assert regions.count() == 5
    for code, band in EXPECTED_BANDS.items():
        region = tab.page.locator(f'svg#peta a.region[data-code="{code}"]')
        assert region.get_attribute("data-band") == band
        assert region.locator("path").get_attribute("fill") == BAND_COLORS[band]
        assert region.get_attribute("aria-label").split(":")[1].strip().startswith(band)
    assert tab.page.locator("#band-legend li").count() == 4
    tab.shot("map")
    for _ in range(60):  # the polygons are in the tab order
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate("() => document.activeElement.classList.contains('region')"):
            break
    focused = tab.page.evaluate("() => document.activeElement.getAttribute('data-code')")
    assert focused in EXPECTED_BANDS
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(re.compile(r"/ui/search\?.*region=" + re.escape(focused)))
    tab.page.goto(site.url + "/ui/map?level=district")
    assert tab.page.locator("svg#peta a.region").count() == 55
    assert tab.page.locator('svg#peta a.region[data-code="65.03.01"]').get_attribute("data-band") == "Sangat Rawan"
    tab.shot("map-kecamatan")


def test_trends_rules_and_digest_pages(tab, site):
    sign_in(tab, site, "admin", "/ui/trends?interval=day")
    assert tab.page.locator("figure.chart svg").count() == 4
    assert tab.page.locator("svg polyline").count() >= 4
    assert tab.labelled_controls() == []
    tab.shot("trends")
    tab.go("/ui/search?category=resource")
    tab.page.get_by_role("link", name="Jadikan aturan peringatan").click()
    tab.page.get_by_label("Nama aturan").fill("Lahan di seluruh Kaltara")
    tab.page.get_by_role("button", name="Simpan aturan").click()
    tab.page.wait_for_url(re.compile(r"saved="))
    assert tab.page.locator("#rules-table", has_text="Lahan di seluruh Kaltara").count() == 1
    assert tab.labelled_controls() == []
    tab.shot("rules")
    tab.page.locator("#rules-table tr", has_text="Lahan di seluruh Kaltara").get_by_role(
        "link", name="Pratinjau ringkasan").click()
    tab.page.wait_for_url(re.compile("/ui/digests"))
    assert tab.page.locator("pre.digest-text").inner_text().startswith("Ringkasan Waspada")
    assert tab.page.get_by_label("Kategori").input_value() == "resource"  # the rule's filters carried over
    assert tab.labelled_controls() == []
    tab.shot("digest")


def test_admin_pages_sources_and_keys(tab, site):
    sign_in(tab, site, "admin", "/ui/sources")
    assert tab.page.locator("#sources-table tr", has_text="Benuanta").locator(".risk").inner_text() == "Diam"
    tab.shot("sources")
    tab.page.get_by_role("link", name="Kunci API").click()
    tab.page.get_by_label("Nama pemakai").fill("Analis Polda Kaltara")
    tab.page.get_by_label("Peran").select_option("analyst")
    tab.page.get_by_role("button", name="Buat kunci").click()
    assert tab.page.get_by_label("Kunci", exact=True).input_value().startswith("wsp_")
    assert tab.page.locator("#keys-table tr", has_text="Analis Polda Kaltara").count() == 1
    assert tab.labelled_controls() == []
    tab.shot("keys")
