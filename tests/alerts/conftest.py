"""Helpers for alert tests: articles built by hand, real local receivers (SMTP, HTTP)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


def make_article(key: str, title: str, text: str = "", *, source: str = "teraskaltara", cluster_id: str | None = None,
                 categories: list[str] | None = None, stage: str = "tension", risk: float = 50.0,
                 regency: str = "65.01", published: str | datetime = "2026-11-20T02:00:00Z",
                 kind: str = "article") -> dict:
    """A document shaped like the enrichment output (only the fields alerts use)."""
    if isinstance(published, datetime):
        published = published.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    doc_id = hashlib.sha256(key.encode()).hexdigest()
    doc = {
        "id": doc_id, "kind": kind, "url": f"https://{source}.example/{key}", "source": source,
        "source_name": source.title(), "title": title, "text": text or title, "language": "id",
        "published": published, "crawled": published, "indexed": published,
        "region_codes": ["65", regency], "primary_location": {"code": regency, "level": "regency",
                                                              "province_code": "65", "regency_code": regency},
        "conflict": {"categories": categories if categories is not None else ["resource"], "stage": stage,
                     "intensity": 1},
        "risk": {"score": risk, "band": "Rawan" if risk >= 50 else "Cenderung Aman"},
        "sentiment": {"label": "negative", "score": -0.4},
    }
    if cluster_id:
        doc["cluster_id"] = cluster_id
    return doc


class Receiver:
    """A real HTTP server on 127.0.0.1 that records webhook requests and answers with scripted codes."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.codes: list[int] = []  # popped per request; 204 when empty
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 — http.server naming
                body = self.rfile.read(int(self.headers.get("content-length", 0))).decode()
                with receiver.arrived:
                    code = receiver.codes.pop(0) if receiver.codes else 204
                    receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                              "code": code})
                    receiver.arrived.notify_all()
                self.send_response(code)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def wait_for(self, count: int, timeout: float = 20.0) -> list[dict]:
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.requests) >= count, timeout=timeout)
        return list(self.requests)

    def payloads(self) -> list[dict]:
        return [json.loads(r["body"]) for r in self.requests]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()
