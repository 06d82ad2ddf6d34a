"""Bulk indexing with idempotent ids, retries with backoff, and a spool for outages.

Documents carry their own `id` (a hash of the canonical URL), so indexing the same article
twice updates one document. Connection failures are retried with exponential backoff; when the
cluster stays unreachable the batch goes to the disk spool and `replay()` sends it later.
Documents the cluster rejects (a mapping error) are never dropped silently: they are written
to a `rejected/` folder with the reason and logged.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout, Elasticsearch, TransportError
from elasticsearch.helpers import streaming_bulk

from store.spool import Spool

log = logging.getLogger(__name__)

#: called with the documents the cluster created (not updated): the percolation hook
IndexedListener = Callable[[list[dict]], None]


@dataclass
class WriteStats:
    """Counts of one writer's life, for progress lines and tests."""

    created: int = 0
    updated: int = 0
    spooled: int = 0
    replayed: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)


def _unavailable(exc: Exception) -> bool:
    if isinstance(exc, (ESConnectionError, ConnectionTimeout)):
        return True
    return isinstance(exc, TransportError) and exc.status_code in (429, 502, 503, 504)


class BulkWriter:
    """Buffer documents and write them to an alias in batches."""

    def __init__(self, client: Elasticsearch, index: str, spool_dir: Path, *, batch_size: int = 200,
                 retries: int = 3, backoff: float = 0.5, refresh: bool | str = False,
                 listeners: Iterable[IndexedListener] = ()):
        self.client = client
        self.index = index
        self.spool = Spool(Path(spool_dir) / index)
        self.rejected_dir = Path(spool_dir) / "rejected"
        self.batch_size = batch_size
        self.retries = retries
        self.backoff = backoff
        self.refresh = refresh
        self.listeners = list(listeners)
        self.stats = WriteStats()
        self._buffer: list[dict] = []

    def add(self, doc: dict) -> None:
        if "id" not in doc:
            raise ValueError("E023: a document needs an 'id' (hash of its canonical URL)")
        self._buffer.append(doc)
        if len(self._buffer) >= self.batch_size:
            self.flush()

    def add_many(self, docs: Iterable[dict]) -> None:
        for doc in docs:
            self.add(doc)

    def flush(self) -> None:
        """Write the buffer now; on an outage, spool it."""
        if not self._buffer:
            return
        actions = [{"index": self.index, "id": d["id"], "doc": d} for d in self._buffer]
        self._buffer = []
        try:
            self._send_with_retries(actions)
        except Exception as exc:  # noqa: BLE001 — any failure to reach the cluster must spool, not lose
            if not _unavailable(exc):
                raise
            self.spool.put(actions)
            self.stats.spooled += len(actions)
            log.warning("Elasticsearch unreachable (%s); spooled %d documents to %s",
                        type(exc).__name__, len(actions), self.spool.directory)

    def close(self) -> WriteStats:
        self.flush()
        return self.stats

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def replay(self) -> int:
        """Send every spooled batch, oldest first; a batch file is removed only after success."""
        sent = 0
        for path, actions in self.spool.batches():
            self._send_with_retries(actions)
            path.unlink()
            sent += len(actions)
        self.stats.replayed += sent
        if sent:
            log.info("replayed %d spooled documents into %s", sent, self.index)
        return sent

    def _send_with_retries(self, actions: list[dict]) -> None:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                self._send(actions)
                return
            except Exception as exc:  # noqa: BLE001
                if not _unavailable(exc) or attempt == self.retries:
                    raise
                time.sleep(delay)
                delay *= 2

    def _send(self, actions: list[dict]) -> None:
        bulk_actions = ({"_op_type": "index", "_index": a["index"], "_id": a["id"], "_source": a["doc"]}
                        for a in actions)
        created: list[dict] = []
        rejected: list[tuple[dict, dict]] = []
        by_id = {a["id"]: a["doc"] for a in actions}
        for ok, item in streaming_bulk(self.client, bulk_actions, raise_on_error=False,
                                       raise_on_exception=True, max_retries=self.retries,
                                       initial_backoff=self.backoff, refresh=self.refresh,
                                       chunk_size=self.batch_size):
            result = item["index"]
            if ok:
                if result.get("result") == "created":
                    self.stats.created += 1
                    created.append(by_id[result["_id"]])
                else:
                    self.stats.updated += 1
            else:
                rejected.append((by_id.get(result.get("_id"), {}), result.get("error", {})))
        if rejected:
            self._reject(rejected)
        if created:
            for listener in self.listeners:
                listener(created)

    def _reject(self, rejected: list[tuple[dict, dict]]) -> None:
        self.rejected_dir.mkdir(parents=True, exist_ok=True)
        path = self.rejected_dir / f"{self.index}.ndjson"
        with path.open("a", encoding="utf-8") as out:
            for doc, error in rejected:
                out.write(json.dumps({"error": error, "doc": doc}, ensure_ascii=False, default=str) + "\n")
        self.stats.rejected += len(rejected)
        reason = rejected[0][1].get("reason", rejected[0][1])
        self.stats.errors.append(str(reason))
        log.error("E024: Elasticsearch rejected %d documents (first: %s); kept in %s",
                  len(rejected), reason, path)
