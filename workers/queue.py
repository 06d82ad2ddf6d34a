"""A work queue on one Redis stream with a consumer group.

Why streams: an entry stays pending in the group until a worker acknowledges it, so a worker
killed mid-batch loses nothing — after `claim_idle_ms` another worker claims its entries
(XAUTOCLAIM). Processing is idempotent downstream (document ids are hashes of canonical URLs),
so an entry processed twice still yields one document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import redis


@dataclass
class Entry:
    """One queued item and the stream id to acknowledge it by."""

    id: str
    item: dict


class WorkQueue:
    """Publish items and read them in a consumer group."""

    def __init__(self, client: redis.Redis, stream: str = "waspada:items", group: str = "enrich",
                 claim_idle_ms: int = 30_000):
        self.redis = client
        self.stream = stream
        self.group = group
        self.claim_idle_ms = claim_idle_ms
        self.ensure_group()

    @classmethod
    def from_url(cls, url: str, **kwargs) -> WorkQueue:
        return cls(redis.Redis.from_url(url, decode_responses=True), **kwargs)

    def ensure_group(self) -> None:
        """Create the stream and group if missing (idempotent; also after Redis lost its data)."""
        try:
            self.redis.xgroup_create(self.stream, self.group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def register(self, consumer: str) -> None:
        """Announce `consumer` in the group now, before it has been handed any entry.

        Redis 7.0 creates a consumer only when XREADGROUP delivers it something, so a worker
        waiting on an empty stream is invisible to XINFO CONSUMERS; registering makes "ready
        and waiting" observable (monitoring, benchmarks that start the clock on ready workers).
        """
        self.redis.xgroup_createconsumer(self.stream, self.group, consumer)

    def unregister(self, consumer: str) -> bool:
        """Remove `consumer` from the group if it holds no pending entry (a clean exit); True if removed.

        A consumer with pending entries stays, so that its entries are claimed, not dropped
        (XGROUP DELCONSUMER would discard them).
        """
        held = self.redis.xpending_range(self.stream, self.group, min="-", max="+", count=1, consumername=consumer)
        if held:
            return False
        self.redis.xgroup_delconsumer(self.stream, self.group, consumer)
        return True

    def consumers(self) -> list[str]:
        """Names of the group's consumers: workers running now, and dead ones that still hold entries."""
        return [c["name"] for c in self.redis.xinfo_consumers(self.stream, self.group)]

    def publish(self, items: list[dict]) -> list[str]:
        """Append items atomically (one pipeline); returns their stream ids."""
        pipe = self.redis.pipeline(transaction=True)
        for item in items:
            pipe.xadd(self.stream, {"item": json.dumps(item, ensure_ascii=False, default=str)})
        return list(pipe.execute())

    def read(self, consumer: str, count: int = 50, block_ms: int = 1000) -> list[Entry]:
        """Entries for `consumer`: first those abandoned by dead workers, then new ones."""
        _, claimed, *_ = self.redis.xautoclaim(self.stream, self.group, consumer,
                                               min_idle_time=self.claim_idle_ms, start_id="0-0", count=count)
        entries = [Entry(eid, json.loads(fields["item"])) for eid, fields in claimed if fields]
        if entries:
            return entries
        found = self.redis.xreadgroup(self.group, consumer, {self.stream: ">"}, count=count, block=block_ms)
        return [Entry(eid, json.loads(fields["item"])) for _, messages in found or [] for eid, fields in messages]

    def read_own_pending(self, consumer: str, count: int = 50) -> list[Entry]:
        """Entries delivered to `consumer` earlier and never acknowledged (after a reconnect)."""
        found = self.redis.xreadgroup(self.group, consumer, {self.stream: "0"}, count=count)
        return [Entry(eid, json.loads(fields["item"])) for _, messages in found or [] for eid, fields in messages
                if fields]

    def ack(self, entries: list[Entry]) -> None:
        """Acknowledge and delete processed entries (the stream does not grow without bound)."""
        if not entries:
            return
        ids = [e.id for e in entries]
        pipe = self.redis.pipeline(transaction=True)
        pipe.xack(self.stream, self.group, *ids)
        pipe.xdel(self.stream, *ids)
        pipe.execute()

    def pending(self) -> int:
        """Entries read by some worker but not yet acknowledged."""
        return int(self.redis.xpending(self.stream, self.group)["pending"])

    def backlog(self) -> int:
        """Entries in the stream (not yet acknowledged)."""
        return int(self.redis.xlen(self.stream))


def open_queue(url: str, stream: str = "waspada:items", claim_idle_ms: int = 30_000):
    """The work queue named by `url`: `redis://…` (a stream, shared across machines) or
    `file:///folder` (workers/dirqueue.py, one machine, no Redis)."""
    if url.startswith("file://"):
        from workers.dirqueue import DirectoryQueue

        return DirectoryQueue(Path(url[len("file://"):]), claim_idle_ms=claim_idle_ms)
    return WorkQueue.from_url(url, stream=stream, claim_idle_ms=claim_idle_ms)
