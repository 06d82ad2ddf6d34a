"""A crawl frontier shared by several crawler processes (and machines) through Redis.

Enabled by `WASPADA_FRONTIER_URL`. Every process runs the same spiders; the frontier makes
them split the work:

- `seen` (a set of request fingerprints) admits each page once across all processes;
- `queue` (a sorted set by priority, FIFO within a priority) holds pages not yet taken;
- a page taken by a process gets a *lease*. The lease ends when the page's items are stored
  (the store pipeline sends `items_stored`) or, for pages that yield no items (listings, feeds,
  REST pages), when the spider has consumed the page's whole output. A process killed before
  that leaves the lease to expire, and the page goes back to the queue for another process.
  After `max_attempts` hand-outs a page is given up and logged, so a poison page cannot loop.

Redis must persist (appendonly yes) so that a Redis restart loses no queued page. Pop and
reclaim run as one Lua script each, so two processes never take the same page.
"""

from __future__ import annotations

import logging
import pickle
import uuid
from collections.abc import AsyncIterator, Iterable

import redis
from scrapy import Request, Spider, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.core.scheduler import BaseScheduler
from scrapy.utils.request import request_from_dict
from twisted.internet.task import LoopingCall

from crawlers.signals import items_stored

log = logging.getLogger(__name__)

_POP = """
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1e6
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', t, 'LIMIT', 0, 100)
for _, fp in ipairs(expired) do
  redis.call('ZREM', KEYS[3], fp)
  redis.call('ZADD', KEYS[1], -1e15, fp)
end
local taken = redis.call('ZPOPMIN', KEYS[1])
if #taken == 0 then return false end
local fp = taken[1]
local attempts = redis.call('HINCRBY', KEYS[4], fp, 1)
redis.call('ZADD', KEYS[3], t + tonumber(ARGV[1]), fp)
return {fp, redis.call('HGET', KEYS[2], fp), attempts}
"""


class RedisFrontier:
    """The Redis side of the frontier: admit, take with a lease, finish."""

    def __init__(self, client: redis.Redis, name: str, lease_seconds: float = 120.0):
        self.redis = client
        base = name
        self.queue, self.payloads = f"{base}:queue", f"{base}:payloads"
        self.leases, self.attempts, self.seen = f"{base}:leases", f"{base}:attempts", f"{base}:seen"
        self.counter = f"{base}:counter"
        self.lease_seconds = lease_seconds
        self._pop = client.register_script(_POP)

    def admit(self, fingerprint: str, payload: bytes, priority: int, *, unique: bool = True) -> bool:
        """Queue a page unless some process admitted it before (`unique=False` skips that check)."""
        if unique and not self.redis.sadd(self.seen, fingerprint):
            return False
        seq = self.redis.incr(self.counter)
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(self.payloads, fingerprint, payload)
        pipe.zadd(self.queue, {fingerprint: -priority * 1e9 + seq})
        pipe.execute()
        return True

    def take(self) -> tuple[str, bytes, int] | None:
        """The next page (fingerprint, payload, attempt number) under a new lease, or None."""
        found = self._pop(keys=[self.queue, self.payloads, self.leases, self.attempts], args=[self.lease_seconds])
        if not found:
            return None
        fp, payload, attempts = found
        return (fp.decode() if isinstance(fp, bytes) else fp, payload, int(attempts))

    def renew(self, fingerprints: Iterable[str]) -> None:
        """Extend the leases of pages this process still works on (its heartbeat)."""
        fps = list(fingerprints)
        if not fps:
            return
        now_s, now_us = self.redis.time()
        until = now_s + now_us / 1e6 + self.lease_seconds
        # XX: only pages still leased (a finished page must not come back)
        self.redis.zadd(self.leases, dict.fromkeys(fps, until), xx=True)

    def finish(self, fingerprints: Iterable[str]) -> None:
        """The pages are done: their leases end and they never come back."""
        fps = list(fingerprints)
        if not fps:
            return
        pipe = self.redis.pipeline(transaction=True)
        pipe.zrem(self.leases, *fps)
        pipe.hdel(self.payloads, *fps)
        pipe.hdel(self.attempts, *fps)
        pipe.execute()

    def queued(self) -> int:
        return int(self.redis.zcard(self.queue))

    def leased(self) -> int:
        return int(self.redis.zcard(self.leases))

    def clear(self) -> None:
        self.redis.delete(self.queue, self.payloads, self.leases, self.attempts, self.seen, self.counter)


def _encode(request: Request, spider: Spider) -> bytes:
    # pickle, as Scrapy's own disk queues do: headers and meta hold bytes and arbitrary objects.
    # The frontier's Redis is the crawlers' own infrastructure, the same trust as a JOBDIR.
    return pickle.dumps(request.to_dict(spider=spider), protocol=4)


def _decode(payload: bytes, spider: Spider) -> Request:
    return request_from_dict(pickle.loads(payload), spider=spider)  # noqa: S301 — see _encode


class RedisScheduler(BaseScheduler):
    """Scrapy scheduler on a RedisFrontier (set as SCHEDULER when WASPADA_FRONTIER_URL is set)."""

    def __init__(self, crawler, url: str, key_prefix: str, lease_seconds: float, max_attempts: int):
        self.crawler = crawler
        self.url = url
        self.key_prefix = key_prefix
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.frontier: RedisFrontier | None = None
        self.spider: Spider | None = None
        self.held: set[str] = set()  # pages this process took and has not finished
        self._heartbeat: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler) -> RedisScheduler:
        settings = crawler.settings
        scheduler = cls(crawler, settings.get("WASPADA_FRONTIER_URL"), settings.get("WASPADA_FRONTIER_KEY_PREFIX"),
                        settings.getfloat("WASPADA_FRONTIER_LEASE_SECONDS"),
                        settings.getint("WASPADA_FRONTIER_MAX_ATTEMPTS"))
        crawler.signals.connect(scheduler._stored, signal=items_stored)
        crawler.signals.connect(scheduler._idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider
        client = redis.Redis.from_url(self.url)
        self.frontier = RedisFrontier(client, f"{self.key_prefix}:{spider.name}", self.lease_seconds)
        log.info("shared frontier %s:%s at %s (%d queued, %d leased)", self.key_prefix, spider.name,
                 self.url, self.frontier.queued(), self.frontier.leased())
        # pages whose items wait in the store pipeline's buffer stay ours while we live
        self._heartbeat = LoopingCall(self._renew)
        self._heartbeat.start(max(0.2, self.lease_seconds / 3), now=False)

    def _renew(self) -> None:
        try:
            self.frontier.renew(self.held)
        except redis.RedisError as exc:
            log.warning("W341: could not renew frontier leases (%s); other crawlers may take our pages", exc)

    def close(self, reason: str) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        if self.frontier is None:
            return
        # the store pipeline has flushed by now (it closes before the scheduler); pages still held
        # yielded items that were dropped on purpose (duplicates): they are done too
        self.finish(list(self.held))
        # the run is over for everyone: forget what was seen, so the next run sees changed pages again
        # (as Scrapy's JOBDIR is removed after a finished crawl)
        if reason == "finished" and self.frontier.queued() == 0 and self.frontier.leased() == 0:
            self.frontier.clear()
        self.frontier.redis.close()

    def has_pending_requests(self) -> bool:
        return self.frontier is not None and self.frontier.queued() > 0

    def _idle(self, spider: Spider) -> None:
        """Keep the spider open while any process holds leases: a dead one's pages will come to us.

        The store pipeline flushes on `spider_idle` before this runs (it connected first), so our
        own leases have ended by now unless their items were dropped on purpose.
        """
        self.finish(list(self.held))
        if self.frontier is not None and (self.frontier.queued() or self.frontier.leased()):
            raise DontCloseSpider("waiting for pages leased by other crawlers")

    def enqueue_request(self, request: Request) -> bool:
        fp = self.crawler.request_fingerprinter.fingerprint(request).hex()
        if request.dont_filter:
            fp = f"{fp}:{uuid.uuid4().hex[:12]}"
        # a retry or redirect of a leased page replaces it: admit the new page, then end the old lease
        replaced = request.meta.pop("frontier_fp", None)
        admitted = self.frontier.admit(fp, _encode(request, self.spider), request.priority,
                                       unique=not request.dont_filter)
        if replaced:
            self.frontier.finish([replaced])
        self.crawler.stats.inc_value("waspada/frontier/admitted" if admitted else "waspada/frontier/duplicate")
        return admitted

    def next_request(self) -> Request | None:
        while (taken := self.frontier.take()) is not None:
            fp, payload, attempts = taken
            if attempts > self.max_attempts:
                log.error("W340: gave up %s after %d attempts", pickle.loads(payload).get("url"), attempts - 1)
                self.crawler.stats.inc_value("waspada/frontier/given_up")
                self.frontier.finish([fp])
                continue
            request = _decode(payload, self.spider)
            request.meta["frontier_fp"] = fp
            self.held.add(fp)
            self.crawler.stats.inc_value("waspada/frontier/taken")
            return request
        return None

    def _stored(self, fingerprints: list[str]) -> None:
        self.finish(fingerprints)

    def finish(self, fingerprints: Iterable[str]) -> None:
        fps = list(fingerprints)
        self.held.difference_update(fps)
        if self.frontier is not None:
            self.frontier.finish(fps)


class FrontierLeaseMiddleware:
    """Ends the lease of a page once the spider consumed its output, unless its items must be stored first.

    Items carry their page's fingerprint in `_fp`; those pages are finished by `items_stored`
    after the store pipeline flushed them, so a crash before the flush hands them out again.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        crawler.signals.connect(self._failed, signal=signals.spider_error)

    @classmethod
    def from_crawler(cls, crawler) -> FrontierLeaseMiddleware:
        return cls(crawler)

    def _scheduler(self) -> RedisScheduler | None:
        scheduler = getattr(self.crawler.engine, "_slot", None)
        scheduler = getattr(scheduler, "scheduler", None)
        return scheduler if isinstance(scheduler, RedisScheduler) else None

    def _done(self, response, yielded_items: bool) -> None:
        fp = response.request.meta.get("frontier_fp") if response is not None else None
        scheduler = self._scheduler()
        if fp and scheduler and not yielded_items:
            scheduler.finish([fp])

    def process_spider_output(self, response, result):
        items = False
        for element in result:
            if not isinstance(element, Request):
                items = items or _carries_fp(element)
            yield element
        self._done(response, items)

    async def process_spider_output_async(self, response, result: AsyncIterator):
        items = False
        async for element in result:
            if not isinstance(element, Request):
                items = items or _carries_fp(element)
            yield element
        self._done(response, items)

    def process_spider_exception(self, response, exception):
        self._done(response, False)

    def _failed(self, failure, response, spider) -> None:
        self._done(response, False)


def _carries_fp(item) -> bool:
    try:
        return bool(item.get("_fp"))
    except AttributeError:
        return False


class FrontierDownloaderMiddleware:
    """Ends the lease of a page whose download failed for good (retries exhausted, refused)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler) -> FrontierDownloaderMiddleware:
        return cls(crawler)

    def process_exception(self, request, exception):
        fp = request.meta.get("frontier_fp")
        scheduler = getattr(getattr(self.crawler.engine, "_slot", None), "scheduler", None)
        if fp and isinstance(scheduler, RedisScheduler):
            scheduler.finish([fp])
        return None
