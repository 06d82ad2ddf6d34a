"""A disk spool for writes that Elasticsearch could not take.

When the cluster is unreachable, batches are written here as NDJSON files (written to a
temporary name, fsynced and renamed, so a crash never leaves half a batch) and replayed in
order on the next start. Ids are idempotent, so a batch replayed twice still yields one
document each: nothing lost, nothing twice.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path


class Spool:
    """Append-only batches of bulk actions under `directory`."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _ensure(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)

    def put(self, actions: list[dict]) -> Path:
        """Persist one batch of actions ({"index", "id", "doc"}) durably."""
        self._ensure()
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
        tmp = self.directory / f".{name}.tmp"
        with tmp.open("w", encoding="utf-8") as out:
            for action in actions:
                out.write(json.dumps(action, ensure_ascii=False, default=str) + "\n")
            out.flush()
            os.fsync(out.fileno())
        final = self.directory / f"{name}.ndjson"
        tmp.rename(final)
        return final

    def batches(self) -> Iterator[tuple[Path, list[dict]]]:
        """Spooled batches, oldest first."""
        if not self.directory.exists():
            return
        for path in sorted(self.directory.glob("*.ndjson")):
            with path.open(encoding="utf-8") as lines:
                yield path, [json.loads(line) for line in lines if line.strip()]

    def pending(self) -> int:
        """Number of spooled actions waiting for replay."""
        return sum(len(actions) for _, actions in self.batches())

    def files(self) -> int:
        return len(list(self.directory.glob("*.ndjson"))) if self.directory.exists() else 0
