"""The indexing path every item takes, whoever collected it: enrich → write → react.

Crawlers (in-process), queue workers (`waspada worker`) and re-enrichment all call this one
composition, so that an article is enriched the same way and percolated against the alert rules
exactly once — when Elasticsearch reports it as newly created.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from elasticsearch import Elasticsearch

from store.articles import ArticleRepository
from store.writer import BulkWriter, IndexedListener
from waspada.settings import Settings

log = logging.getLogger(__name__)


def indexed_listeners(settings: Settings, client: Elasticsearch) -> list[IndexedListener]:
    """What reacts to newly created articles (alert rules on the percolator)."""
    from alerts.schedule import indexing_listeners  # percolator + webhook queue

    return indexing_listeners(client, settings)


class IndexingPath:
    """Enrich a batch of items (optional) and write it durably, with the listeners attached."""

    def __init__(self, settings: Settings, client: Elasticsearch, *, enrich: bool = True,
                 batch_size: int = 200, refresh: bool | str = False):
        self.settings = settings
        self.enrich = enrich
        self.repository = ArticleRepository(client, settings.es.index_prefix)
        self.writer: BulkWriter = self.repository.writer(settings.paths.spool_dir,
                                                         listeners=indexed_listeners(settings, client),
                                                         batch_size=batch_size, refresh=refresh)
        self._nlp = None
        if enrich:
            # load the models now, so a worker is ready before it takes its first batch
            from nlp.pipeline import load_pipeline

            self._nlp = load_pipeline(settings)

    def _enrich(self, items: list[dict]) -> list[dict]:
        from nlp.pipeline import enrich

        return enrich(items, nlp=self._nlp, settings=self.settings)

    def process(self, items: list[dict]) -> None:
        """Durable when it returns: written to Elasticsearch or to the spool."""
        docs = self._enrich(items) if self.enrich else items
        self.writer.add_many(docs)
        self.writer.flush()

    def as_processor(self) -> Callable[[list[dict]], None]:
        return self.process
