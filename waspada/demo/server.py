"""The demo outlets on 127.0.0.1: one threaded HTTP server per outlet, fed by the demo clock.

Each news outlet answers as a WordPress site (REST API with X-WP-Total/X-WP-TotalPages, /feed/,
wp-sitemap.xml, theme pages at /slug/ and /?p=ID, robots.txt); the Telegram outlet answers as
the public preview t.me/s/CHANNEL with ?before=ID paging. An item is visible once the demo
clock has passed its date; `publish()` (or POST /_demo/publish) adds a new one at the clock's
current time. `start_demo()` is what `waspada run --demo` calls; `python -m waspada.demo.server`
serves the demo alone until Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import math
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from waspada.demo import render
from waspada.demo.clock import DemoClock, resume_or_start
from waspada.demo.scenario import Expected, Item, Outlet, Scenario, default_scenario, paragraphs

HOST = "127.0.0.1"
TELEGRAM_PAGE_SIZE = 5  # t.me shows ~20; fewer here so the spider's ?before= paging is exercised
FEED_SIZE = 10  # WordPress's default "posts per feed"
DEMO_POLITENESS = {"download_delay": 0.1, "concurrency": 4, "max_pages": 20, "depth_limit": 3}
SPIDER_MODULES = "crawlers.spiders,waspada.demo.spiders"  # `scrapy crawl <demo source> -s SPIDER_MODULES=…`


class DemoError(RuntimeError):
    """The demo cannot start or be used as asked; the message says what to do."""


class OutletSite:
    """The pages of one outlet, computed per request from the clock and the published items."""

    def __init__(self, outlet: Outlet, items: list[Item], clock: DemoClock):
        self.outlet = outlet
        self.items = sorted(items, key=lambda i: i.published)
        self.clock = clock
        self.base = ""
        self.hits: list[str] = []
        self.runtime: dict[int, dict] = {}  # published at runtime: real publish time and first time served
        self._lock = threading.Lock()

    # -- content ------------------------------------------------------------------------------
    def visible(self) -> list[Item]:
        """Items the clock has reached, newest first."""
        now = self.clock.now()
        with self._lock:
            return sorted((i for i in self.items if i.published <= now), key=lambda i: (i.published, i.number),
                          reverse=True)

    def pending(self) -> list[Item]:
        now = self.clock.now()
        with self._lock:
            return [i for i in self.items if i.published > now]

    def add(self, item: Item) -> Item:
        with self._lock:
            item.number = max((i.number for i in self.items), default=100) + (
                1 if self.outlet.platform == "telegram" else 7)
            self.items.append(item)
            self.runtime[item.number] = {"number": item.number, "title": item.title, "demo_published":
                                         item.published.isoformat(), "published_real": _real_now(),
                                         "first_served": None, "first_served_path": None, "served_by": {},
                                         "marker": self._marker(item)}
        return item

    def _marker(self, item: Item) -> bytes:
        """Bytes that show a response carries the item (its link or its message id)."""
        if self.outlet.platform == "telegram":
            return f'data-post="{self.outlet.channel}/{item.number}"'.encode()
        return item.path.encode()

    def _note_served(self, raw_path: str, payload: bytes, agent: str) -> None:
        """Record when a runtime item first left the server, per User-Agent (the crawler's wait ends there)."""
        for record in self.runtime.values():
            if record["marker"] in payload and agent not in record["served_by"]:
                now = _real_now()
                record["served_by"][agent] = now
                if record["first_served"] is None:
                    record["first_served"], record["first_served_path"] = now, raw_path

    def url_of(self, item: Item) -> str:
        if self.outlet.platform == "telegram":
            return f"https://t.me/{self.outlet.channel}/{item.number}"
        return self.base + item.path

    # -- HTTP ---------------------------------------------------------------------------------
    def respond(self, method: str, raw_path: str, body: bytes, agent: str = "") -> tuple[int, dict[str, str], bytes]:
        self.hits.append(raw_path)
        parts = urlsplit(raw_path)
        query = parse_qs(parts.query)
        path = parts.path
        if path == "/robots.txt":
            return _text(render.ROBOTS, "text/plain; charset=utf-8")
        if path == "/_demo/status":
            return _json(self.status())
        if path == "/_demo/published":
            return _json([{k: v for k, v in r.items() if k != "marker"} for r in self.runtime.values()])
        if path == "/_demo/publish":
            if method != "POST":
                return _json({"error": "POST a JSON object with title and body"}, 405)
            return self.publish_request(body)
        answer = self.telegram(path, query) if self.outlet.platform == "telegram" else self.news(path, query)
        if self.runtime and answer[0] == 200:
            self._note_served(raw_path, answer[2], agent)
        return answer

    def news(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        items = self.visible()
        if path.rstrip("/") == "/wp-json/wp/v2/posts":
            return self.rest(items, query)
        if path.startswith("/wp-json"):
            return _json({"code": "rest_no_route", "message": "Tidak ditemukan rute yang cocok dengan URL"}, 404)
        if path in ("/feed/", "/feed"):
            return _text(render.rss(items[:FEED_SIZE], self.outlet, self.base), "application/rss+xml; charset=UTF-8")
        if path in ("/wp-sitemap.xml", "/sitemap.xml", "/sitemap_index.xml"):
            return _text(render.sitemap_index(self.base), "application/xml; charset=UTF-8")
        if path == "/wp-sitemap-posts-post-1.xml":
            return _text(render.sitemap_posts(items, self.base), "application/xml; charset=UTF-8")
        if path == "/" and "p" in query:
            wanted = query["p"][0]
            match = next((i for i in items if str(i.number) == wanted), None)
            if match is not None:
                return 301, {"Location": self.base + match.path, "Content-Type": "text/html"}, b""
        if path == "/":
            return _text(render.home_page(items[:20], self.outlet, self.base))
        for index, item in enumerate(items):
            if path in (item.path, item.path.rstrip("/")):
                related = [i for i in items if i is not item][:3]
                return _text(render.article_page(item, self.outlet, self.base, related))
        return _text("<html><body><h1>404 Halaman tidak ditemukan</h1></body></html>", status=404)

    def rest(self, items: list[Item], query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        if not self.outlet.rest:
            return _json({"code": "rest_no_route", "message": "Tidak ditemukan rute yang cocok dengan URL"}, 404)
        try:
            per_page = min(100, max(1, int(query.get("per_page", ["10"])[0])))
            page = max(1, int(query.get("page", ["1"])[0]))
            after = _utc(query["modified_after"][0]) if "modified_after" in query else None
        except ValueError:
            return _json({"code": "rest_invalid_param", "message": "Parameter tidak valid"}, 400)
        if after is not None:
            items = [i for i in items if i.published > after]
        if query.get("order", ["desc"])[0] == "asc":
            items = items[::-1]
        total_pages = max(1, math.ceil(len(items) / per_page))
        if page > total_pages:
            return _json({"code": "rest_post_invalid_page_number", "message": "Nomor halaman terlalu besar"}, 400)
        chunk = items[(page - 1) * per_page: page * per_page]
        status, headers, body = _json([render.rest_post(i, self.base) for i in chunk])
        headers.update({"X-WP-Total": str(len(items)), "X-WP-TotalPages": str(total_pages)})
        return status, headers, body

    def telegram(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict[str, str], bytes]:
        if path.rstrip("/") != f"/s/{self.outlet.channel}":
            return _text("<html><body>Channel tidak ditemukan</body></html>", status=404)
        items = self.visible()
        if "before" in query and query["before"][0].isdigit():
            items = [i for i in items if i.number < int(query["before"][0])]
        page = items[:TELEGRAM_PAGE_SIZE]
        older = len(items) > len(page)
        before = min(i.number for i in page) if page and older else None
        return _text(render.telegram_page(page, self.outlet, before))

    def status(self) -> dict:
        pending = self.pending()
        upcoming = min((i.published for i in pending), default=None)
        return {"outlet": self.outlet.name, "clock": self.clock.now().isoformat(), "visible": len(self.visible()),
                "pending": len(pending), "next": upcoming.isoformat() if upcoming else None}

    def publish_request(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        try:
            data = json.loads(body or b"{}")
            item = self.publish(str(data["title"]) if self.outlet.platform != "telegram" else "",
                                str(data["body"]), author=str(data.get("author", "Redaksi")),
                                editor=str(data.get("editor", "Redaksi")),
                                categories=list(data.get("categories", [])), tags=list(data.get("tags", [])))
        except (ValueError, KeyError, TypeError) as exc:
            return _json({"error": f"W902: send JSON with 'title' and 'body' ({exc})"}, 400)
        return _json({"url": self.url_of(item), "number": item.number, "published": item.published.isoformat(),
                      "published_real": self.runtime[item.number]["published_real"], "title": item.title}, 201)

    def publish(self, title: str, body: str, *, author: str = "Redaksi", editor: str = "Redaksi",
                categories: list[str] | None = None, tags: list[str] | None = None) -> Item:
        """Add an item dated at the demo clock's now (so later scheduled items stay after it)."""
        if self.outlet.platform == "telegram":
            text = body.strip()
            if not text:
                raise ValueError("empty post")
            return self.add(Item(f"runtime-{time.time_ns()}", self.outlet.key, self.clock.now(),
                                 text.split("\n", 1)[0], [text], 0, author=self.outlet.title))
        paras = paragraphs(body)
        if not title.strip() or not paras:
            raise ValueError("an article needs a title and a body")
        return self.add(Item(f"runtime-{time.time_ns()}", self.outlet.key, self.clock.now(), title.strip(), paras, 0,
                             author=author, editor=editor, categories=categories or ["Berita"], tags=tags or []))


def _real_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _text(text: str, content_type: str = "text/html; charset=utf-8", status: int = 200):
    return status, {"Content-Type": content_type}, text.encode("utf-8")


def _json(data, status: int = 200):
    return status, {"Content-Type": "application/json; charset=UTF-8"}, json.dumps(data, ensure_ascii=False).encode()


def _handler(site: OutletSite) -> type[BaseHTTPRequestHandler]:
    class DemoHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "WaspadaDemo/1.0"

        def _answer(self, method: str, with_body: bool = True) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 1_000_000)) if length else b""
            status, headers, payload = site.respond(method, self.path, body, self.headers.get("User-Agent", ""))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if with_body:
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        def do_GET(self) -> None:  # noqa: N802 — http.server's naming
            self._answer("GET")

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer("HEAD", with_body=False)

        def do_POST(self) -> None:  # noqa: N802
            self._answer("POST")

        def log_message(self, *args) -> None:
            pass

    return DemoHandler


class DemoServers:
    """All demo outlets, each on its own port (its own "domain" for politeness and dedup)."""

    def __init__(self, scenario: Scenario | None = None, *, speed: float = 120.0, port: int = 0,
                 clock: DemoClock | None = None, host: str = HOST):
        self.scenario = scenario or default_scenario()
        self.clock = clock or DemoClock.for_scenario(self.scenario.live_from(), self.scenario.last_live(), speed)
        timeline = self.scenario.timeline(self.clock.day0)
        self.sites = {o.key: OutletSite(o, [i for i in timeline if i.outlet == o.key], self.clock)
                      for o in self.scenario.outlets}
        self.host, self.port = host, port
        self.sources_file: Path | None = None
        self._servers: list[ThreadingHTTPServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoServers:
        for index, site in enumerate(self.sites.values()):
            port = self.port + index if self.port else 0
            try:
                httpd = ThreadingHTTPServer((self.host, port), _handler(site))
            except OSError as exc:
                self.stop()
                raise DemoError(f"W901: demo outlet {site.outlet.name} cannot listen on {self.host}:{port} ({exc}); "
                                "set WASPADA_DEMO_PORT to a free port, or 0 for any free ports") from exc
            httpd.daemon_threads = True
            site.base = f"http://{self.host}:{httpd.server_address[1]}"
            thread = threading.Thread(target=httpd.serve_forever, name=f"demo-{site.outlet.name}", daemon=True)
            thread.start()
            self._servers.append(httpd)
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for httpd in self._servers:
            httpd.shutdown()
            httpd.server_close()
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> DemoServers:
        return self.start() if not self._servers else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what the service needs -----------------------------------------------------------------
    @property
    def urls(self) -> dict[str, str]:
        """Base URL by source name."""
        return {site.outlet.name: site.base for site in self.sites.values()}

    @property
    def source_names(self) -> list[str]:
        return [site.outlet.name for site in self.sites.values()]

    def site(self, outlet: str) -> OutletSite:
        """An outlet by key ("teras") or source name ("teraskaltara_demo")."""
        for key, site in self.sites.items():
            if outlet in (key, site.outlet.name):
                return site
        raise DemoError(f"W903: no demo outlet {outlet!r}; known: {', '.join(self.source_names)}")

    def sources(self) -> list[dict]:
        """Registry entries (crawlers/sources.yaml schema) pointing at the running servers."""
        if not self._servers:
            raise DemoError("W904: start the demo servers before asking for their sources")
        entries = []
        for site in self.sites.values():
            outlet = site.outlet
            entry = {"name": outlet.name, "title": outlet.title, "platform": outlet.platform, "base_url": site.base,
                     "region_code": "65", "language": "id", "verified": True, "politeness": dict(DEMO_POLITENESS)}
            if outlet.platform == "sitemap":
                entry["sitemaps"] = [f"{site.base}/wp-sitemap.xml"]
            if outlet.platform == "telegram":
                entry["channel"] = outlet.channel
            entries.append(entry)
        return entries

    def write_sources(self, path: Path | str) -> Path:
        """Write the demo registry; point WASPADA_CRAWL_SOURCES_FILE at it for `waspada crawl`/`scrapy crawl`."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        header = ("# Written by waspada.demo.server for the offline demo: the demo outlets on 127.0.0.1.\n"
                  "# Crawl with WASPADA_CRAWL_SOURCES_FILE pointing here; real sources are in crawlers/sources.yaml.\n")
        path.write_text(header + yaml.safe_dump({"sources": self.sources()}, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        self.sources_file = path
        return path

    def crawl_env(self) -> dict[str, str]:
        """Environment for a crawl subprocess of the demo sources."""
        if self.sources_file is None:
            raise DemoError("W905: call write_sources(path) before crawl_env()")
        return {"WASPADA_CRAWL_SOURCES_FILE": str(self.sources_file)}

    def publish(self, outlet: str, title: str, body: str, **kwargs) -> tuple[Item, str]:
        """Publish a new item now (demo clock) on an outlet; returns it and its URL as the crawler records it."""
        site = self.site(outlet)
        item = site.publish(title, body, **kwargs)
        return item, site.url_of(item)

    def visible(self) -> list[tuple[Item, str]]:
        return [(item, site.url_of(item)) for site in self.sites.values() for item in site.visible()]

    def expected_by_url(self, include_pending: bool = False) -> dict[str, Expected]:
        """The analyst labels of every scenario item by the URL its document will carry."""
        result = {}
        for site in self.sites.values():
            for item in (site.items if include_pending else site.visible()):
                if item.spec is not None:
                    result[site.url_of(item)] = item.spec.expected
        return result

    def schedule(self) -> list[tuple[float, Item]]:
        """Pending items with the real seconds until each appears."""
        pending = [i for site in self.sites.values() for i in site.pending()]
        return sorted(((self.clock.real_seconds_until(i.published), i) for i in pending), key=lambda p: p[0])


def start_demo(settings=None, *, sources_file: Path | str | None = None, fresh: bool = False) -> DemoServers:
    """Start the demo outlets (WASPADA_DEMO_PORT, WASPADA_DEMO_SPEED) and write their sources file.

    The file goes to <WASPADA_HOME>/demo/sources.yaml unless given; crawl the names in
    `servers.source_names` with `servers.crawl_env()` in the environment. The clock resumes from
    <WASPADA_HOME>/demo/clock.json (`fresh=True` replays day 0 from 06:00: use it with an empty
    index). Call `servers.stop()` on shutdown.
    """
    if settings is None:
        from waspada.settings import get_settings
        settings = get_settings()
    home = Path(settings.paths.home) / "demo"
    scenario = default_scenario()
    clock = resume_or_start(home / "clock.json", scenario.live_from(), scenario.last_live(), settings.demo.speed,
                            fresh=fresh)
    servers = DemoServers(scenario, clock=clock, port=settings.demo.port).start()
    servers.write_sources(sources_file or home / "sources.yaml")
    return servers


def main(argv: list[str] | None = None) -> None:
    """Serve the demo outlets until Ctrl-C and print where they are."""
    from waspada.settings import get_settings
    settings = get_settings()
    parser = argparse.ArgumentParser(prog="python -m waspada.demo.server", description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=settings.demo.port, help="first port (0 = free ports)")
    parser.add_argument("--speed", type=float, default=settings.demo.speed, help="demo clock speed-up")
    parser.add_argument("--sources-file", default=str(Path(settings.paths.home) / "demo" / "sources.yaml"))
    parser.add_argument("--fresh", action="store_true", help="replay day 0 from 06:00 (use with an empty index)")
    args = parser.parse_args(argv)
    settings.demo.port, settings.demo.speed = args.port, args.speed
    try:
        servers = start_demo(settings, sources_file=args.sources_file, fresh=args.fresh)
    except DemoError as exc:
        raise SystemExit(str(exc)) from exc
    path = servers.sources_file
    print(f"Waspada demo outlets (clock {servers.clock.now():%Y-%m-%d %H:%M} WITA, x{servers.clock.speed:g}):")
    for name, url in servers.urls.items():
        print(f"  {name:20} {url}")
    print(f"Sources file: {path}\n  export WASPADA_CRAWL_SOURCES_FILE={path}")
    print(f"  scrapy crawl {servers.source_names[0]} -s SPIDER_MODULES={SPIDER_MODULES}")
    for seconds, item in servers.schedule():
        print(f"  in {seconds:5.0f} s  {item.published:%H:%M}  {servers.site(item.outlet).outlet.name:18} {item.title}")
    print("Serving until Ctrl-C.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        servers.stop()


if __name__ == "__main__":
    main()
