"""The consumer side: read a batch, process it durably, then acknowledge it.

The order matters: a batch is acknowledged only after `process` returned, i.e. after the
documents were written to Elasticsearch (or to the disk spool). A worker killed before that
leaves its entries pending, and another worker claims them. When Redis goes away (restart,
network), the worker waits with capped exponential backoff and carries on where the stream is:
unacknowledged entries are still pending (AOF persistence) and are read again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import redis

from workers.queue import WorkQueue

log = logging.getLogger(__name__)

Processor = Callable[[list[dict]], None]


RECONNECT_MAX_S = 30.0


def run_worker(queue: WorkQueue, consumer: str, process: Processor, stop: threading.Event, *,
               batch: int = 50, block_ms: int = 1000, max_batches: int | None = None) -> int:
    """Process batches until `stop` is set (or `max_batches` were done); returns items processed."""
    done = batches = 0
    backoff = 0.0
    registered = False
    recovering = True  # first take back what this consumer held before a restart
    while not stop.is_set() and (max_batches is None or batches < max_batches):
        try:
            if not registered:
                queue.ensure_group()
                queue.register(consumer)  # visible as ready from now on, even while the stream is empty
                registered = True
            entries = queue.read_own_pending(consumer, count=batch) if recovering else []
            recovering = bool(entries)
            entries = entries or queue.read(consumer, count=batch, block_ms=block_ms)
            if not entries:
                backoff = 0.0
                continue
            process([e.item for e in entries])
            queue.ack(entries)
        except (redis.ConnectionError, redis.TimeoutError) as exc:
            # entries read but not acknowledged stay pending in Redis and are read again
            backoff = min(RECONNECT_MAX_S, max(0.5, backoff * 2))
            log.warning("worker %s: Redis unreachable (%s); retrying in %.1f s", consumer, exc, backoff)
            registered = False
            recovering = True
            stop.wait(backoff)
            continue
        backoff = 0.0
        done += len(entries)
        batches += 1
        log.info("worker %s: %d items processed (%d total)", consumer, len(entries), done)
    try:
        queue.unregister(consumer)
    except (redis.ConnectionError, redis.TimeoutError):
        log.warning("worker %s: Redis unreachable at exit; the consumer stays listed", consumer)
    return done
