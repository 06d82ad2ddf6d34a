"""The producer side: crawlers hand their items to the work queue instead of indexing them.

`QueuePublisher` has the writer interface the crawl's store pipeline uses (`add_many`, `flush`,
`close`, `replay`), so switching a crawler between in-process indexing and the scaled-out queue
is one setting (WASPADA_QUEUE_URL), not a second code path.
"""

from __future__ import annotations

from store.writer import WriteStats
from workers.queue import WorkQueue


class QueuePublisher:
    """Buffers items and publishes them to the Redis stream on flush (durable once flush returns)."""

    def __init__(self, queue: WorkQueue):
        self.queue = queue
        self.stats = WriteStats()
        self._buffer: list[dict] = []

    def add(self, doc: dict) -> None:
        self._buffer.append(doc)

    def add_many(self, docs: list[dict]) -> None:
        self._buffer.extend(docs)

    def flush(self) -> None:
        if self._buffer:
            self.queue.publish(self._buffer)
            self.stats.created += len(self._buffer)  # "handed over": workers report what was indexed
            self._buffer = []

    def close(self) -> WriteStats:
        self.flush()
        return self.stats

    def replay(self) -> int:
        return 0  # Redis persists the queue itself; nothing is spooled on this side
