"""A request filter that survives SIGKILL without losing articles.

Scrapy's JOBDIR filter remembers a page as soon as it is requested, so items still waiting in
a batch when the process is killed would never be fetched again. This filter remembers, across
restarts, only pages whose items were durably stored (the store pipeline appends their
fingerprints to JOBDIR/stored.seen after each flush); within a run it filters in memory.
"""

from __future__ import annotations

from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter, _read_fingerprints
from scrapy.utils.job import job_dir

STORED_FILE = "stored.seen"


def append_stored(jobdir: str | Path | None, fingerprints: list[str]) -> None:
    """Record fingerprints (hex) of requests whose items are stored; fsynced."""
    if not jobdir or not fingerprints:
        return
    import os
    path = Path(jobdir, STORED_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as out:
        for fp in fingerprints:
            raw = bytes.fromhex(fp)
            out.write(len(raw).to_bytes(2, "big") + raw)
        out.flush()
        os.fsync(out.fileno())


class StoredAwareDupeFilter(RFPDupeFilter):
    """In-memory filtering, seeded from the fingerprints of already stored pages."""

    @classmethod
    def from_crawler(cls, crawler):
        jobdir = job_dir(crawler.settings)
        dupefilter = cls(None, crawler.settings.getbool("DUPEFILTER_DEBUG"),
                         fingerprinter=crawler.request_fingerprinter)
        if jobdir and Path(jobdir, STORED_FILE).exists():
            dupefilter._fingerprints.update(_read_fingerprints(Path(jobdir, STORED_FILE).read_bytes()))
        return dupefilter

    def log(self, request, spider) -> None:
        """A redirect back to a page already fetched is a loop: say so (plain duplicates stay quiet)."""
        chain = request.meta.get("redirect_urls")
        if chain:
            self.logger.warning("W328: refused %s: redirect loop (%s)", request.url, " -> ".join([*chain, request.url]))
            spider.crawler.stats.inc_value("waspada/refused/W328")
        else:
            super().log(request, spider)
