"""Dedup pipeline: one document per canonical URL, exact copies dropped, near-copies clustered.

Within a run, a MinHash LSH (datasketch) finds syndicated copies among the items seen so far;
across runs, the `minhash_bands` stored with every document are queried through the store
(store/near_duplicates.py). A copy joins the cluster of the story it copies (`cluster_id` =
the first document's id, `is_cluster_lead` only on that one), so a story counts once.
"""

from __future__ import annotations

import logging

from datasketch import MinHashLSH
from scrapy.exceptions import DropItem

from crawlers.dedup import NUM_PERM, band_similarity, bands, canonical_url, content_hash, doc_id, minhash

log = logging.getLogger(__name__)


class DedupPipeline:
    """Identity, exact duplicates and near-duplicate clusters."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.threshold = crawler.settings.getfloat("WASPADA_DEDUP_THRESHOLD", 0.5)
        self.client = None
        self.prefix = ""
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        self.signatures: dict = {}
        self.cluster_of: dict[str, str] = {}
        self.ids: set[str] = set()
        self.hashes: dict[tuple[str, str], str] = {}

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        if crawler.settings.getbool("WASPADA_STORE", True):
            try:
                from store.client import make_client
                from waspada.settings import get_settings
                es = get_settings().es
                pipeline.client = make_client(es, opaque_id="waspada-crawl-dedup")
                pipeline.prefix = es.index_prefix
            except Exception as exc:  # noqa: BLE001 — cross-run clustering is best effort
                log.warning("W403: no Elasticsearch for cross-run dedup (%s); clustering within this run only", exc)
        return pipeline

    def process_item(self, item):
        doc = dict(item)
        doc["url"] = canonical_url(doc["url"])
        doc["id"] = doc.get("id") or doc_id(doc["url"])
        if doc["id"] in self.ids:
            raise DropItem(f"W401: duplicate URL {doc['url']}")
        self.ids.add(doc["id"])
        text = doc.get("text") or ""
        doc["content_hash"] = content_hash(text)
        key = (doc.get("source", ""), doc["content_hash"])
        if text and key in self.hashes and self.hashes[key] != doc["id"]:
            raise DropItem(f"W402: same text as {self.hashes[key]} from the same source at {doc['url']}")
        self.hashes[key] = doc["id"]
        signature = minhash(f"{doc.get('title', '')}\n{text}")
        doc["minhash_bands"] = bands(signature)
        cluster = self._stored_cluster(doc["id"]) or self._run_cluster(signature) or self._index_cluster(doc)
        doc["cluster_id"] = cluster or doc["id"]
        doc["is_cluster_lead"] = doc["cluster_id"] == doc["id"]
        if not doc["is_cluster_lead"]:
            self.crawler.stats.inc_value("waspada/clustered")
        self.lsh.insert(doc["id"], signature)
        self.signatures[doc["id"]] = signature
        self.cluster_of[doc["id"]] = doc["cluster_id"]
        return doc

    def _stored_cluster(self, doc_id_: str) -> str | None:
        """A re-crawled document keeps the cluster it already has."""
        if self.client is None:
            return None
        try:
            from store.near_duplicates import get_cluster
            found = get_cluster(self.client, doc_id_, prefix=self.prefix)
        except Exception as exc:  # noqa: BLE001
            log.debug("cluster lookup failed: %s", exc)
            return None
        return found.get("cluster_id") if found else None

    def _run_cluster(self, signature) -> str | None:
        best, best_score = None, 0.0
        for other in self.lsh.query(signature):
            score = signature.jaccard(self.signatures[other])
            if score >= self.threshold and score > best_score:
                best, best_score = self.cluster_of[other], score
        return best

    def _index_cluster(self, doc: dict) -> str | None:
        if self.client is None:
            return None
        try:
            from store.near_duplicates import find_near_duplicates
            found = find_near_duplicates(self.client, doc["minhash_bands"], prefix=self.prefix, exclude_id=doc["id"])
        except Exception as exc:  # noqa: BLE001
            log.debug("near-duplicate lookup failed: %s", exc)
            return None
        scored = [(band_similarity(doc["minhash_bands"], f.get("minhash_bands") or []), f) for f in found]
        matches = [f for score, f in scored if score >= self.threshold / 2]
        if not matches:
            return None
        matches.sort(key=lambda f: f.get("published") or "")
        return matches[0].get("cluster_id") or matches[0]["id"]
