"""Downloader middlewares: refuse unsafe or trap URLs with a logged reason; retry with backoff.

Crawl traps on news sites are calendar archives (?m=202412, /kalender/2024/12/), endless query
strings (filters and session ids appended on every link), and repeating path segments. Every
refusal is logged as "W2xx: refused URL: reason" and counted in the stats (waspada/refused/…).
"""

from __future__ import annotations

import asyncio
import logging
import re
from urllib.parse import parse_qsl, urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest

log = logging.getLogger(__name__)

_CALENDAR = re.compile(
    r"(?:[?&](?:m|month|year|bulan|tahun|tanggal|date|day|cal|calendar|ical|ics|eID|tribe-bar-date)=)"
    r"|/(?:kalender|calendar|events?/(?:list|month|day|\d{4}-\d{2}))(?:/|$)"
    r"|/\d{4}/\d{2}/\d{2}/?(?:page/\d+/?)?$",
    re.I,
)
MAX_QUERY_PARAMS = 5
MAX_QUERY_LENGTH = 200
MAX_PATH_DEPTH = 12
MAX_URL_LENGTH = 1000
MAX_LISTING_PAGE = 200


def refusal_reason(url: str) -> str | None:
    """Why a URL must not be fetched, or None when it may be."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"W321: scheme {parts.scheme!r} is not http(s)"
    if len(url) > MAX_URL_LENGTH:
        return f"W322: URL longer than {MAX_URL_LENGTH} characters"
    if url.endswith("/robots.txt"):
        return None
    query = parse_qsl(parts.query, keep_blank_values=True)
    if len(query) > MAX_QUERY_PARAMS or len(parts.query) > MAX_QUERY_LENGTH:
        return f"W323: endless query string ({len(query)} parameters, {len(parts.query)} characters)"
    if _CALENDAR.search(parts.path + ("?" + parts.query if parts.query else "")):
        return "W324: calendar/date-archive trap"
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_PATH_DEPTH:
        return f"W325: path deeper than {MAX_PATH_DEPTH} segments"
    if segments and max(segments.count(s) for s in segments) >= 3:
        return "W326: repeating path segments (link loop)"
    page = re.search(r"/page/(\d+)", parts.path)
    if page and int(page.group(1)) > MAX_LISTING_PAGE:
        return f"W327: listing page beyond {MAX_LISTING_PAGE}"
    return None


class SafetyMiddleware:
    """Refuse non-http(s), trap and over-long URLs before they reach the network."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request):
        if request.meta.get("waspada_trusted"):
            return None
        reason = refusal_reason(request.url)
        if reason:
            log.warning("%s: refused %s", reason, request.url)
            self.crawler.stats.inc_value(f"waspada/refused/{reason.split(':')[0]}")
            raise IgnoreRequest(f"{reason}: {request.url}")
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry, waiting 1 s, 2 s, 4 s … before each retry so a struggling site recovers."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("WASPADA_RETRY_BACKOFF", 1.0)

    async def _wait(self, request: Request) -> None:
        attempt = request.meta.get("retry_times", 0)
        delay = self.backoff * (2 ** attempt)
        if delay > 0:
            await asyncio.sleep(delay)

    async def process_response(self, request: Request, response):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        await self._wait(request)
        return super().process_response(request, response)

    async def process_exception(self, request: Request, exception: Exception):
        if request.meta.get("dont_retry", False) or not isinstance(exception, self.exceptions_to_retry):
            return None
        await self._wait(request)
        return super().process_exception(request, exception)
