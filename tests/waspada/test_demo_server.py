"""The demo outlets answer, over real HTTP on 127.0.0.1, what the platform spiders consume."""

from __future__ import annotations

import socket
from datetime import datetime, time, timedelta, timezone
from urllib.robotparser import RobotFileParser

import httpx
import pytest
from scrapy.settings import Settings as ScrapySettings
from scrapy.spiderloader import SpiderLoader

from crawlers.sources import load_sources
from crawlers.spiders.base import PLATFORMS
from crawlers.spiders.base.feeds import parse_feed, parse_sitemap
from waspada.demo.clock import DemoClock
from waspada.demo.scenario import WITA, default_scenario
from waspada.demo.server import SPIDER_MODULES, DemoError, DemoServers


def _all_past_clock() -> DemoClock:
    """Day 0 was yesterday and the clock follows real time: every scenario item is visible."""
    now = datetime.now(timezone.utc)
    return DemoClock(day0=now.astimezone(WITA).date() - timedelta(days=1), start=now, speed=1, started=now)


def _morning_clock() -> DemoClock:
    """Day 0 was yesterday and the clock reads 06:00 of it at real speed: day-0 items stay pending."""
    now = datetime.now(timezone.utc)
    day0 = now.astimezone(WITA).date() - timedelta(days=1)
    return DemoClock(day0=day0, start=datetime.combine(day0, time(6, 0), WITA), speed=1, started=now)


@pytest.fixture(scope="module")
def demo():
    with DemoServers(clock=_all_past_clock()) as servers:
        yield servers


@pytest.fixture
def http():
    with httpx.Client(timeout=10, follow_redirects=False) as client:
        yield client


def _count(outlet: str) -> int:
    return sum(1 for i in default_scenario().items if i.outlet == outlet)


def test_wordpress_rest_pages_posts_with_paging_headers(demo, http):
    base = demo.urls["teraskaltara_demo"]
    total = _count("teras")
    first = http.get(f"{base}/wp-json/wp/v2/posts", params={"per_page": 3, "page": 1, "_embed": 1,
                                                           "orderby": "modified", "order": "desc"})
    assert first.status_code == 200
    assert first.headers["X-WP-Total"] == str(total)
    pages = int(first.headers["X-WP-TotalPages"])
    assert pages == -(-total // 3)
    seen = []
    for page in range(1, pages + 1):
        posts = http.get(f"{base}/wp-json/wp/v2/posts", params={"per_page": 3, "page": page, "_embed": 1}).json()
        seen += posts
    assert len(seen) == total == len({p["id"] for p in seen})
    dates = [p["date_gmt"] for p in seen]
    assert dates == sorted(dates, reverse=True)
    post = seen[0]
    assert post["link"].startswith(base + "/") and post["date_gmt"] < post["date"]  # WITA is ahead of GMT
    assert "Pewarta:" in post["content"]["rendered"]
    assert post["_embedded"]["author"][0]["name"]
    assert any(t["taxonomy"] == "category" for group in post["_embedded"]["wp:term"] for t in group)
    beyond = http.get(f"{base}/wp-json/wp/v2/posts", params={"per_page": 3, "page": pages + 1})
    assert beyond.status_code == 400 and beyond.json()["code"] == "rest_post_invalid_page_number"


def test_rest_modified_after_returns_only_newer_posts(demo, http):
    base = demo.urls["teraskaltara_demo"]
    posts = http.get(f"{base}/wp-json/wp/v2/posts", params={"per_page": 100}).json()
    middle = sorted(p["modified_gmt"] for p in posts)[len(posts) // 2]
    newer = http.get(f"{base}/wp-json/wp/v2/posts", params={"per_page": 100, "modified_after": middle}).json()
    assert newer and all(p["modified_gmt"] > middle for p in newer)
    assert len(newer) == sum(1 for p in posts if p["modified_gmt"] > middle)


def test_outlet_without_rest_serves_feed_and_theme_pages(demo, http):
    base = demo.urls["benuanta_demo"]
    assert http.get(f"{base}/wp-json/wp/v2/posts").status_code == 404
    feed = http.get(f"{base}/feed/")
    assert feed.status_code == 200 and "rss" in feed.headers["Content-Type"]
    entries = parse_feed(feed.content, "65")
    assert len(entries) == min(10, _count("benuanta"))
    assert all(e.when is not None and e.when.tzinfo for e in entries)
    page = http.get(entries[0].url)
    assert page.status_code == 200
    html = page.text
    for clutter in ("Bagikan:", "Baca juga:", "Berita Terkait", "Tinggalkan Balasan", "Terpopuler", "Pewarta:"):
        assert clutter in html
    assert 'rel="canonical"' in html and "article:published_time" in html
    post_id = html.split('id="post-', 1)[1].split('"', 1)[0]
    redirect = http.get(f"{base}/", params={"p": post_id})
    assert redirect.status_code == 301 and redirect.headers["Location"] == entries[0].url


def test_sitemap_outlet_lists_its_articles_by_lastmod(demo, http):
    base = demo.urls["kabarnunukan_demo"]
    index = parse_sitemap(http.get(f"{base}/wp-sitemap.xml").content, "65")
    assert all(e.is_sitemap for e in index)
    posts_map = next(e.url for e in index if "posts-post" in e.url)
    entries = parse_sitemap(http.get(posts_map).content, "65")
    assert len(entries) == _count("kabarnunukan")
    for entry in entries:
        assert entry.when is not None
        assert http.get(entry.url).status_code == 200


def test_telegram_preview_pages_back_with_before(demo, http):
    base = demo.urls["infokaltara_demo"]
    channel = default_scenario().outlet("infokaltara").channel
    first = http.get(f"{base}/s/{channel}")
    assert first.status_code == 200
    from parsel import Selector
    page = Selector(first.text)
    ids = [int(m.attrib["data-post"].split("/")[1]) for m in page.css(".tgme_widget_message[data-post]")]
    assert ids == sorted(ids) and len(ids) == 5
    before = page.css("a.tme_messages_more::attr(data-before)").get()
    assert before == str(min(ids))
    older = Selector(http.get(f"{base}/s/{channel}", params={"before": before}).text)
    older_ids = [int(m.attrib["data-post"].split("/")[1]) for m in older.css(".tgme_widget_message[data-post]")]
    assert older_ids and max(older_ids) < min(ids)
    assert len(ids) + len(older_ids) == _count("infokaltara")
    assert older.css("a.tme_messages_more").get() is None
    hoax = [m for m in page.css(".tgme_widget_message") if "TEWAS" in " ".join(m.css("::text").getall())]
    assert hoax and hoax[0].css(".tgme_widget_message_forwarded_from_name::text").get() == "Suara Rakyat Perbatasan"
    assert page.css(".tgme_widget_message_views::text").get()
    assert page.css("time::attr(datetime)").get().endswith("+00:00")


def test_robots_txt_allows_the_crawler_everywhere_but_the_control_endpoints(demo):
    for base in demo.urls.values():
        robots = RobotFileParser()
        robots.parse(httpx.get(f"{base}/robots.txt").text.splitlines())
        for path in ("/wp-json/wp/v2/posts", "/feed/", "/wp-sitemap.xml", "/some-article/", "/s/channel"):
            assert robots.can_fetch("WaspadaBot", base + path)
        assert not robots.can_fetch("WaspadaBot", base + "/_demo/publish")


def test_future_items_stay_unpublished_until_the_demo_clock_reaches_them(http):
    with DemoServers(clock=_morning_clock()) as servers:
        base = servers.urls["kabarnunukan_demo"]
        live = [i for i in servers.site("kabarnunukan").items if i.spec.day == 0]
        assert live, "the dispute must escalate on day 0"
        listed = parse_sitemap(http.get(f"{base}/wp-sitemap-posts-post-1.xml").content, "65")
        assert len(listed) == _count("kabarnunukan") - len(live)
        assert http.get(base + live[0].path).status_code == 404
        status = http.get(f"{base}/_demo/status").json()
        assert status["pending"] == len(live) and status["next"] == live[0].published.isoformat()
        assert servers.schedule()[0][0] > 0


def test_a_runtime_published_article_appears_first_in_the_rest_listing(demo, http):
    base = demo.urls["teraskaltara_demo"]
    before = int(http.get(f"{base}/wp-json/wp/v2/posts").headers["X-WP-Total"])
    item, url = demo.publish("teraskaltara_demo", "Warga Sebuku Gelar Ritual Adat Perdamaian",
                             "SEBUKU, Teras Kaltara – Warga menggelar ritual adat.\n\nTokoh adat berharap damai.",
                             author="Andi Saputra")
    record = next(r for r in http.get(f"{base}/_demo/published").json() if r["number"] == item.number)
    assert record["published_real"] and record["first_served"] is None
    listing = http.get(f"{base}/wp-json/wp/v2/posts", params={"per_page": 5})
    assert int(listing.headers["X-WP-Total"]) == before + 1
    record = next(r for r in http.get(f"{base}/_demo/published").json() if r["number"] == item.number)
    assert record["first_served"] >= record["published_real"]  # when the crawler's wait for it ended
    assert record["first_served_path"].startswith("/wp-json/wp/v2/posts")
    assert list(record["served_by"]) == [listing.request.headers["User-Agent"]]
    newest = listing.json()[0]
    assert newest["link"] == url and newest["id"] == item.number
    assert "Warga Sebuku Gelar Ritual Adat Perdamaian" in newest["title"]["rendered"]
    assert http.get(url).status_code == 200


def test_publishing_over_http_reaches_the_telegram_preview(demo, http):
    base = demo.urls["infokaltara_demo"]
    answer = http.post(f"{base}/_demo/publish", json={"body": "Uji kanal: warga Kekayap menggelar doa bersama."})
    assert answer.status_code == 201
    number = answer.json()["number"]
    assert answer.json()["url"].endswith(f"/{number}")
    channel = default_scenario().outlet("infokaltara").channel
    assert f'data-post="{channel}/{number}"' in http.get(f"{base}/s/{channel}").text
    refused = http.post(f"{demo.urls['benuanta_demo']}/_demo/publish", json={"title": "Tanpa isi"})
    assert refused.status_code == 400 and "W902" in refused.json()["error"]


def test_sources_file_matches_the_crawler_registry_schema(demo, tmp_path):
    path = demo.write_sources(tmp_path / "demo" / "sources.yaml")
    sources = load_sources(path)
    assert set(sources) == set(demo.urls)
    for name, source in sources.items():
        assert source.base_url == demo.urls[name]
        assert source.politeness.download_delay <= 0.1
    assert sources["infokaltara_demo"].channel == default_scenario().outlet("infokaltara").channel
    assert sources["kabarnunukan_demo"].sitemaps == [demo.urls["kabarnunukan_demo"] + "/wp-sitemap.xml"]
    assert demo.crawl_env() == {"WASPADA_CRAWL_SOURCES_FILE": str(path)}


def test_demo_spiders_are_found_by_name_on_their_platform():
    loader = SpiderLoader.from_settings(ScrapySettings({"SPIDER_MODULES": SPIDER_MODULES.split(",")}))
    for outlet in default_scenario().outlets:
        assert issubclass(loader.load(outlet.name), PLATFORMS[outlet.platform])
    assert "teraskaltara" in loader.list()  # the real outlets stay


def test_a_busy_port_is_refused_with_what_to_do():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(DemoError, match="W901.*WASPADA_DEMO_PORT"):
            DemoServers(clock=_all_past_clock(), port=port).start()


def test_start_demo_writes_sources_and_clock_under_waspada_home(tmp_path):
    from waspada.demo.server import start_demo
    from waspada.settings import DemoSettings, PathSettings, Settings
    settings = Settings(paths=PathSettings(home=tmp_path / "var"), demo=DemoSettings(port=0, speed=200))
    servers = start_demo(settings)
    try:
        assert servers.sources_file == tmp_path / "var" / "demo" / "sources.yaml"
        assert set(load_sources(servers.sources_file)) == set(servers.source_names)
        assert (tmp_path / "var" / "demo" / "clock.json").exists() and servers.clock.speed == 200
        assert httpx.get(servers.urls["teraskaltara_demo"] + "/robots.txt").status_code == 200
    finally:
        servers.stop()


def test_the_server_module_runs_alone_and_prints_its_urls(tmp_path):
    import os
    import subprocess
    import sys
    env = {**os.environ, "WASPADA_HOME": str(tmp_path / "var"), "WASPADA_DEMO_PORT": "0"}
    process = subprocess.Popen([sys.executable, "-u", "-m", "waspada.demo.server"], env=env, stdout=subprocess.PIPE,
                               text=True)
    try:
        lines = []
        for line in process.stdout:
            lines.append(line.strip())
            if line.startswith("Serving until Ctrl-C"):
                break
        bases = {line.split()[0]: line.split()[1] for line in lines if " http://127.0.0.1:" in line}
        assert set(bases) == {o.name for o in default_scenario().outlets}
        assert httpx.get(bases["teraskaltara_demo"] + "/wp-json/wp/v2/posts").status_code == 200
        assert (tmp_path / "var" / "demo" / "sources.yaml").exists()
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()


def test_expected_labels_by_url_need_only_the_base_urls(demo):
    from waspada.demo.scenario import expected_by_url
    from_sources = expected_by_url(default_scenario(), demo.urls)
    assert from_sources == demo.expected_by_url(include_pending=True)
    assert len(from_sources) == len(default_scenario().items)
