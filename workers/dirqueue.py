"""A work queue in a local directory, with the same contract as the Redis stream queue.

Why: `waspada run` on one machine crawls in a fresh subprocess every cycle; enriching inside that
subprocess reloads the NLP models (~20 s) each time. With this queue the crawl subprocess only
publishes, and the long-lived service process enriches with models loaded once — no Redis needed.

Layout under the directory: `ready/` holds published batches (one JSON file each, written to a
temporary name and renamed, so a reader never sees half a file); a reader claims a file by renaming
it into `claimed/<consumer>/` (rename is atomic, so two consumers never get the same file) and
deletes it on acknowledgement. A consumer that dies leaves its claimed files behind; after
`claim_idle_ms` another consumer takes them over, as XAUTOCLAIM does for the stream. A file's name
ends in its item count (`…-n25.json`), so counting the backlog reads no file.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path

from workers.queue import Entry


class DirectoryQueue:
    """Publish items and read them back, durably, through files in one directory."""

    def __init__(self, directory: Path, claim_idle_ms: int = 30_000, poll_s: float = 0.2):
        self.directory = Path(directory)
        self.claim_idle_ms = claim_idle_ms
        self.poll_s = poll_s
        self.ready = self.directory / "ready"
        self.claimed = self.directory / "claimed"
        self.ensure_group()

    def ensure_group(self) -> None:
        """Create the folders (idempotent)."""
        self.ready.mkdir(parents=True, exist_ok=True)
        self.claimed.mkdir(parents=True, exist_ok=True)

    def register(self, consumer: str) -> None:
        (self.claimed / consumer).mkdir(parents=True, exist_ok=True)

    def unregister(self, consumer: str) -> bool:
        """Remove the consumer's folder if it holds nothing (a clean exit); True if removed."""
        try:
            (self.claimed / consumer).rmdir()
        except OSError:
            return False
        return True

    def consumers(self) -> list[str]:
        return sorted(p.name for p in self.claimed.iterdir() if p.is_dir())

    def publish(self, items: list[dict]) -> list[str]:
        """Write one batch file; returns its entry ids (`<file>:<index>`)."""
        if not items:
            return []
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}-n{len(items)}.json"
        tmp = self.directory / f".{name}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(items, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.ready / name)
        return [f"{name}:{i}" for i in range(len(items))]

    def read(self, consumer: str, count: int = 50, block_ms: int = 1000) -> list[Entry]:
        """Entries for `consumer`: first files abandoned by dead consumers, then new ones (oldest first)."""
        mine = self.claimed / consumer
        mine.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + block_ms / 1000
        while True:
            taken = self._take(self._abandoned(consumer), mine, count) or self._take(self._ready(), mine, count)
            if taken or time.monotonic() >= deadline:
                return self._entries(taken)
            time.sleep(self.poll_s)

    def read_own_pending(self, consumer: str, count: int = 50) -> list[Entry]:
        """Files this consumer claimed earlier and never acknowledged (after a restart under the same name)."""
        mine = self.claimed / consumer
        files = sorted(mine.glob("*.json")) if mine.is_dir() else []
        return self._entries(self._fill(files, count))

    def ack(self, entries: list[Entry]) -> None:
        """Delete the files the entries came from (a batch file goes once all its items are acknowledged)."""
        for path in {Path(e.id.rsplit(":", 1)[0]) for e in entries}:
            path.unlink(missing_ok=True)

    def pending(self) -> int:
        """Items claimed by some consumer but not yet acknowledged."""
        return sum(self._count(p) for p in self.claimed.glob("*/*.json"))

    def backlog(self) -> int:
        """Items not yet acknowledged (ready or claimed)."""
        return sum(self._count(p) for p in self.ready.glob("*.json")) + self.pending()

    # internals

    def _ready(self) -> list[Path]:
        return sorted(self.ready.glob("*.json"))

    def _abandoned(self, consumer: str) -> list[Path]:
        horizon = time.time() - self.claim_idle_ms / 1000
        out = []
        for path in self.claimed.glob("*/*.json"):
            if path.parent.name == consumer:
                continue
            try:
                if path.stat().st_mtime < horizon:
                    out.append(path)
            except FileNotFoundError:
                continue
        return sorted(out, key=lambda p: p.name)

    def _take(self, candidates: list[Path], mine: Path, count: int) -> list[Path]:
        """Rename candidates into `mine` until about `count` items are held; lost races are skipped."""
        taken: list[Path] = []
        held = 0
        for path in candidates:
            if held >= count:
                break
            target = mine / path.name
            try:
                os.rename(path, target)
            except FileNotFoundError:
                continue  # another consumer was first
            os.utime(target)  # the claim's age starts now
            taken.append(target)
            held += self._count(target)
        return taken

    @staticmethod
    def _fill(files: list[Path], count: int) -> list[Path]:
        out, held = [], 0
        for path in files:
            if held >= count:
                break
            out.append(path)
            held += DirectoryQueue._count(path)
        return out

    @staticmethod
    def _count(path: Path) -> int:
        """Items in a batch file, from its name (written by `publish`)."""
        return int(path.stem.rsplit("-n", 1)[1])

    @staticmethod
    def _entries(paths: list[Path]) -> list[Entry]:
        out = []
        for path in paths:
            try:
                items = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                continue
            out += [Entry(f"{path}:{i}", item) for i, item in enumerate(items)]
        return out

