"""Crawl benchmark: Waspada vs news-please vs trafilatura on one local mirror, in one run.

    .venv/bin/python -m benchmarks.crawl.run [--pages 2000]

Generates a mirror of news pages with known ground truth (benchmarks/crawl/mirror.py), serves it
on 127.0.0.1, runs each contender in its own subprocess on the same URLs, then prints pages/s,
peak memory and field accuracy (exact title; body first and last sentence; published instant;
author) with Waspada's ratios to each baseline. news-please comes from the optional `bench` extra.
Baselines get the benefit of the doubt: a date without zone is read as WITA, a date without time
counts as right when the day is right ("date day" column), and author matches any returned name.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.crawl.mirror import generate, sitemap

ROOT = Path(__file__).resolve().parents[2]
WITA = timezone(timedelta(hours=8))
TOOLS = ("waspada", "newsplease", "trafilatura")


def serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            ctype = "application/xml" if self.path.endswith(".xml") else (
                "text/plain" if self.path.endswith(".txt") else "text/html; charset=utf-8")
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _sentences(text: str) -> tuple[str, str]:
    lines = [line.strip() for line in (text or "").strip().split("\n") if line.strip()]
    if not lines:
        return "", ""
    split = r"(?<=[.!?])\s+(?=[A-Z\"“])"
    return re.split(split, lines[0])[0], re.split(split, lines[-1])[-1]


def _instant(value: str | None) -> tuple[datetime | None, bool]:
    """(aware datetime, had a time of day)."""
    if not value:
        return None, False
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None, False
    has_time = len(str(value)) > 10
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=WITA)), has_time


def _f1(a: str, b: str) -> float:
    ta, tb = Counter(a.lower().split()), Counter(b.lower().split())
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def score(records: dict[str, dict], truths: list[dict]) -> dict[str, float]:
    n = len(truths)
    hits = Counter()
    f1 = 0.0
    for truth in truths:
        got = records.get(truth["url"]) or records.get(truth["url"].rstrip("/")) or {}
        title = " ".join((got.get("title") or "").split())
        hits["title"] += title == truth["title"]
        first, last = _sentences(got.get("text") or "")
        hits["body"] += first == truth["first_sentence"] and last == truth["last_sentence"]
        f1 += _f1(got.get("text") or "", truth["text"])
        when, has_time = _instant(got.get("published"))
        expected = datetime.fromisoformat(truth["published"])
        hits["date"] += when is not None and has_time and when == expected
        hits["date_day"] += when is not None and when.astimezone(WITA).date() == expected.date()
        authors = [" ".join(str(a).split()) for a in got.get("authors") or []]
        hits["author"] += truth["author"] in authors
        hits["found"] += bool(got)
    result = {k: hits[k] / n for k in ("found", "title", "body", "date", "date_day", "author")}
    result["body_f1"] = f1 / n
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--tools", default=",".join(TOOLS))
    args = parser.parse_args()
    pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    server = serve(pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    generated = generate(args.pages, base)
    for path, page, _ in generated:
        pages[path] = page.encode("utf-8")
    pages["/sitemap.xml"] = sitemap(generated, base).encode("utf-8")
    truths = [truth.__dict__ for _, _, truth in generated]
    print(f"mirror: {len(generated)} pages ({sum(len(p) for p in pages.values()) / 1e6:.1f} MB) at {base}; "
          f"themes: {dict(Counter(t['theme'] for t in truths))}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        urls = Path(tmp, "urls.txt")
        urls.write_text("\n".join(t["url"] for t in truths))
        for tool in args.tools.split(","):
            out, stats = Path(tmp, f"{tool}.jsonl"), Path(tmp, f"{tool}.stats.json")
            done = subprocess.run([sys.executable, "-m", "benchmarks.crawl.tools", tool, str(urls), str(out), str(stats)],
                                  cwd=ROOT, capture_output=True, text=True, timeout=3600)
            if done.returncode != 0 or not stats.exists():
                print(f"{tool}: failed ({done.returncode})\n{done.stderr[-2000:]}")
                continue
            records = {}
            for line in out.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    records[record["url"]] = record
            figures = json.loads(stats.read_text())
            figures.update(score(records, truths))
            figures["pages_per_s"] = len(truths) / figures["seconds"]
            figures["peak_mb"] = max(figures["peak_rss_mb"], figures["peak_child_rss_mb"])
            results[tool] = figures
    server.shutdown()
    print(f"\n{'tool':<12} {'pages/s':>8} {'seconds':>8} {'peak MB':>8} {'found':>6} {'title':>6} {'body':>6} "
          f"{'bodyF1':>6} {'date':>6} {'day':>6} {'author':>6}")
    for tool, f in results.items():
        print(f"{tool:<12} {f['pages_per_s']:>8.1f} {f['seconds']:>8.1f} {f['peak_mb']:>8.0f} {f['found']:>6.1%} "
              f"{f['title']:>6.1%} {f['body']:>6.1%} {f['body_f1']:>6.3f} {f['date']:>6.1%} {f['date_day']:>6.1%} "
              f"{f['author']:>6.1%}")
    if "waspada" in results:
        w = results["waspada"]
        for tool, f in results.items():
            if tool == "waspada":
                continue
            print(f"waspada / {tool}: speed x{w['pages_per_s'] / f['pages_per_s']:.2f}, "
                  f"memory x{w['peak_mb'] / f['peak_mb']:.2f}, title {w['title'] - f['title']:+.1%}, "
                  f"body {w['body'] - f['body']:+.1%}, date {w['date'] - f['date']:+.1%}, "
                  f"author {w['author'] - f['author']:+.1%}")
    print("\nbody = first and last sentence exact; date = published instant exact (naive = WITA); "
          "day = calendar day right; news-please extracts in a process pool (both cores), the others use one.")


if __name__ == "__main__":
    main()
