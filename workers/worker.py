"""The consumer side: read a batch, process it durably, then acknowledge it.

The order matters: a batch is acknowledged only after `process` returned, i.e. after the
documents were written to Elasticsearch (or to the disk spool). A worker killed before that
leaves its entries pending, and another worker claims them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from workers.queue import WorkQueue

log = logging.getLogger(__name__)

Processor = Callable[[list[dict]], None]


def run_worker(queue: WorkQueue, consumer: str, process: Processor, stop: threading.Event, *,
               batch: int = 50, block_ms: int = 1000, max_batches: int | None = None) -> int:
    """Process batches until `stop` is set (or `max_batches` were done); returns items processed."""
    done = batches = 0
    while not stop.is_set() and (max_batches is None or batches < max_batches):
        entries = queue.read(consumer, count=batch, block_ms=block_ms)
        if not entries:
            continue
        process([e.item for e in entries])
        queue.ack(entries)
        done += len(entries)
        batches += 1
        log.info("worker %s: %d items processed (%d total)", consumer, len(entries), done)
    return done
