"""End-to-end latency: from a new article on a demo outlet to its alert at a webhook receiver.

    # terminal 1: the service in demo mode (API, crawl loop, percolation, webhook worker)
    WASPADA_API_BOOTSTRAP_ADMIN_KEY=<32+ random chars> waspada run --demo
    # terminal 2
    WASPADA_API_BOOTSTRAP_ADMIN_KEY=<same> .venv/bin/python -m benchmarks.e2e.run [--runs 3]

Each run creates a saved-search rule for a unique word and a webhook subscriber for that rule,
publishes an article containing the word on a demo outlet (POST /_demo/publish), and waits for
the signed `alert.created` event at a receiver on 127.0.0.1. The latency is split with the
timestamps each stage leaves behind:

    crawl wait          published → the demo outlet first served the article (listing, feed or page)
    fetch+extract       first served → `crawled` on the document (the spider built the item)
    enrichment          `crawled` → `indexed` (the NLP batch ran in between; 0 when enrichment is off)
    index+percolation   `indexed` → `created` of the alert (bulk write, percolator, alert upsert)
    delivery            alert `created` → the receiver got the verified webhook

Baseline, measured in the same run: a plain poller of the same outlet (the REST listing, or the
feed, or the channel page, every --poll seconds) — the floor any crawl-based pipeline works
against. `crawled` and `indexed` have one-second resolution, so short phases read 0–1 s.
When a stage never happens the run says which one and what to check.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import yaml

POLLER_AGENT = "WaspadaBench-poller/1.0"
PHASES = ("crawl wait", "fetch+extract", "enrichment", "index+percolation", "delivery")


def _ts(value: str | None) -> float | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)).timestamp()


class Receiver:
    """A webhook receiver on 127.0.0.1 that verifies Standard Webhooks signatures and keeps arrivals."""

    def __init__(self):
        self.events: list[tuple[float, dict]] = []
        self.secrets: list[str] = []
        self.rejected = 0
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 — http.server's naming
                at = time.time()
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                ok = receiver.verify(self.headers, body)
                self.send_response(204 if ok else 401)
                self.send_header("Content-Length", "0")
                self.end_headers()
                with receiver.arrived:
                    if ok:
                        receiver.events.append((at, json.loads(body)))
                    else:
                        receiver.rejected += 1
                    receiver.arrived.notify_all()

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"

    def verify(self, headers, body: str) -> bool:
        from alerts.delivery.webhooks import sign
        try:
            expected = {sign(s, headers["webhook-id"], int(headers["webhook-timestamp"]), body) for s in self.secrets}
        except (KeyError, ValueError):
            return False
        return any(part in expected for part in (headers.get("webhook-signature") or "").split())

    def wait_for(self, url: str, deadline: float) -> tuple[float, dict] | None:
        """The first verified event whose alert carries the article `url`."""
        with self.arrived:
            while time.time() < deadline:
                for at, event in self.events:
                    if any(a.get("url") == url for a in (event.get("data") or {}).get("articles") or []):
                        return at, event
                self.arrived.wait(timeout=max(0.0, min(1.0, deadline - time.time())))
        return None

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def poll_baseline(outlet: dict, marker: str, stop: threading.Event, every: float, found: dict) -> None:
    """A plain poller of the outlet: the time it first sees the article."""
    base = outlet["base_url"]
    if outlet["platform"] == "telegram":
        url = f"{base}/s/{outlet['channel']}"
    elif outlet["platform"] == "wordpress":
        url = f"{base}/wp-json/wp/v2/posts?per_page=20"
    else:
        url = f"{base}/feed/"
    with httpx.Client(timeout=10, headers={"User-Agent": POLLER_AGENT}) as client:
        while not stop.is_set():
            try:
                if marker in client.get(url).text:
                    found["at"] = time.time()
                    return
            except httpx.HTTPError:
                pass
            stop.wait(every)


def one_run(api: httpx.Client, demo: httpx.Client, outlet: dict, receiver: Receiver, args) -> dict:
    token = "uji" + uuid.uuid4().hex[:10]
    rule = api.post("/rules", json={"name": f"benchmark e2e {token}", "params": {"q": token}})
    rule.raise_for_status()
    rule_id = rule.json()["id"]
    sub = api.post("/subscribers", json={"name": f"benchmark e2e {token}", "webhook_url": receiver.url,
                                         "webhook_events": ["alert.created"], "rule_ids": [rule_id],
                                         "digest": False})
    sub.raise_for_status()
    receiver.secrets.append(sub.json()["webhook_secret"])
    time.sleep(1.5)  # the rule's percolator document becomes searchable after a refresh
    result: dict = {"token": token}
    stop, baseline = threading.Event(), {}
    try:
        title = f"Warga Sebuku Tolak Patok Baru di Lahan Sengketa ({token})"
        body = (f"SEBUKU – Warga Desa Kekayap menolak pemasangan patok baru oleh perusahaan ({token}).\n\n"
                "Mereka meminta Camat Sebuku menghentikan pengukuran sampai ada kesepakatan.")
        published = demo.post(f"{outlet['base_url']}/_demo/publish", json={"title": title, "body": body,
                                                                             "author": "Tim Uji"})
        published.raise_for_status()
        info = published.json()
        t0 = _ts(info["published_real"])
        marker = (f'data-post="{outlet["channel"]}/{info["number"]}"' if outlet["platform"] == "telegram"
                  else info["url"].rstrip("/").rsplit("/", 1)[-1])  # the slug
        threading.Thread(target=poll_baseline, args=(outlet, marker, stop, args.poll, baseline), daemon=True).start()
        arrival = receiver.wait_for(info["url"], time.time() + args.timeout)
        stop.set()
        result["baseline"] = baseline["at"] - t0 if "at" in baseline else None
        served = next((r for r in demo.get(f"{outlet['base_url']}/_demo/published").json()
                       if r["number"] == info["number"]), {})
        crawler_seen = [at for agent, at in (served.get("served_by") or {}).items() if agent != POLLER_AGENT]
        t_served = min((_ts(at) for at in crawler_seen), default=None)
        from crawlers.dedup import doc_id
        article = api.get(f"/articles/{doc_id(info['url'])}")
        doc = article.json() if article.status_code == 200 else {}
        alerts: list = []
        for _ in range(20):  # the alert index refreshes every second; the webhook can beat it
            alerts = api.get("/alerts", params={"rule_id": rule_id, "size": 5}).json().get("alerts", [])
            if alerts or not arrival:
                break
            time.sleep(0.25)
        t_alert = min((_ts(a.get("created")) for a in alerts if a.get("created")), default=None)
        marks = [t0, t_served, _ts(doc.get("crawled")), _ts(doc.get("indexed")), t_alert,
                 arrival[0] if arrival else None]
        for name, start, end in zip(PHASES, marks, marks[1:]):
            result[name] = max(0.0, end - start) if start is not None and end is not None else None
        result["total"] = arrival[0] - t0 if arrival else None
        result["missing"] = _missing(marks)
    finally:
        stop.set()
        api.delete(f"/subscribers/{sub.json()['id']}")
        api.delete(f"/rules/{rule_id}")
    return result


def _missing(marks: list[float | None]) -> str | None:
    hints = ["the crawler never fetched the article: is the crawl job running on the demo sources?",
             "the article is not in the index: check the crawl log (W3xx) and the spool",
             "the document has no `indexed` time: check the store pipeline",
             "no alert for the rule: is percolation attached to the crawl's bulk writer?",
             "no webhook arrived: is the webhook worker running, and can it reach 127.0.0.1?"]
    for mark, hint in zip(marks[1:], hints):
        if mark is None:
            return hint
    return None


def _outlet(sources_file: Path, name: str) -> dict:
    try:
        entries = yaml.safe_load(sources_file.read_text(encoding="utf-8"))["sources"]
    except (OSError, KeyError, TypeError) as exc:
        sys.exit(f"W910: no demo sources file at {sources_file} ({exc}); start `waspada run --demo` first "
                 "or pass --sources-file")
    for entry in entries:
        if entry["name"] == name:
            return entry
    sys.exit(f"W911: no outlet {name!r} in {sources_file}; choose one of {[e['name'] for e in entries]}")


def _fmt(value: float | None) -> str:
    return "     –" if value is None else f"{value:6.1f}"


def main(argv: list[str] | None = None) -> int:
    from waspada.settings import get_settings
    settings = get_settings()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.e2e.run", description=__doc__.split("\n")[0])
    parser.add_argument("--api", default=settings.alerts.public_url, help="base URL of the running API")
    parser.add_argument("--api-key", default=os.environ.get("WASPADA_API_BOOTSTRAP_ADMIN_KEY", ""),
                        help="an admin API key (default: WASPADA_API_BOOTSTRAP_ADMIN_KEY)")
    parser.add_argument("--sources-file", type=Path, default=Path(settings.paths.home) / "demo" / "sources.yaml")
    parser.add_argument("--outlet", default="teraskaltara_demo", help="demo source to publish on")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for each webhook")
    parser.add_argument("--poll", type=float, default=1.0, help="baseline poller interval (s)")
    args = parser.parse_args(argv)
    if not args.api_key:
        sys.exit("W912: set WASPADA_API_BOOTSTRAP_ADMIN_KEY (or pass --api-key) to an admin key of the service")
    outlet = _outlet(args.sources_file, args.outlet)
    receiver = Receiver()
    results = []
    with httpx.Client(base_url=args.api, headers={"X-API-Key": args.api_key}, timeout=30) as api, \
            httpx.Client(timeout=30) as demo:
        try:
            api.get("/health").raise_for_status()
        except httpx.HTTPError as exc:
            sys.exit(f"W913: the API at {args.api} does not answer ({exc}); start `waspada run --demo`")
        for run in range(1, args.runs + 1):
            result = one_run(api, demo, outlet, receiver, args)
            results.append(result)
            print(f"run {run}: total {_fmt(result['total'])} s" + (f"  — {result['missing']}" if result["missing"]
                                                                      else ""), flush=True)
    receiver.close()
    print(f"\nEnd-to-end latency on {args.outlet} ({len(results)} runs; seconds; median)")
    for name in (*PHASES, "total", "baseline"):
        values = [r[name] for r in results if r.get(name) is not None]
        median = statistics.median(values) if values else None
        print(f"  {name:18} {_fmt(median)}   runs: {' '.join(_fmt(r.get(name)).strip() for r in results)}")
    totals = [r["total"] for r in results if r.get("total") is not None]
    floors = [r["baseline"] for r in results if r.get("baseline")]
    if totals and floors:
        total, floor = statistics.median(totals), statistics.median(floors)
        ratio = f", {total / floor:.1f}x the poller" if floor >= 0.5 else ""
        print(f"  vs a plain poller every {args.poll:g} s: +{total - floor:.1f} s{ratio}")
    if receiver.rejected:
        print(f"  {receiver.rejected} webhook(s) failed signature verification")
    return 0 if totals and len(totals) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
