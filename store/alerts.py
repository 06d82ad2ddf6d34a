"""Alerts in the `alerts` alias: idempotent recording of hits, lifecycle updates, verdict statistics.

Alert ids are deterministic (rule × story, regency × category × spike episode, source × silence),
so recording the same hit twice — a replayed spool, a re-run detector — changes nothing: the
upsert script adds an article only when it is not already listed and otherwise returns `noop`.
"""

from __future__ import annotations

from collections.abc import Iterator

from elasticsearch import ConflictError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

from store.indices import alias_name
from store.paging import search_after_hits

ALIAS = "alerts"

#: add one article to a story's alert unless it is already there (a replay is a no-op)
ADD_ARTICLE = """
if (ctx._source.article_ids == null) { ctx._source.article_ids = []; }
if (ctx._source.article_ids.contains(params.article.id)) { ctx.op = 'none'; return; }
ctx._source.article_ids.add(params.article.id);
if (ctx._source.articles == null) { ctx._source.articles = []; }
ctx._source.articles.add(params.article);
if (params.article.source != null && !ctx._source.sources.contains(params.article.source)) {
  ctx._source.sources.add(params.article.source);
}
for (c in params.categories) { if (!ctx._source.categories.contains(c)) { ctx._source.categories.add(c); } }
for (r in params.region_codes) { if (!ctx._source.region_codes.contains(r)) { ctx._source.region_codes.add(r); } }
ctx._source.hits = ctx._source.article_ids.size();
if (params.risk != null && (ctx._source.risk == null || params.risk > ctx._source.risk)) {
  ctx._source.risk = params.risk;
}
ctx._source.last_seen = params.now;
ctx._source.updated = params.now;
"""

#: refresh a spike or silence alert's figures while its episode lasts, keeping its lifecycle
REFRESH_FIGURES = """
boolean changed = false;
for (entry in params.fields.entrySet()) {
  if (ctx._source[entry.getKey()] != entry.getValue()) {
    ctx._source[entry.getKey()] = entry.getValue();
    changed = true;
  }
}
if (!changed) { ctx.op = 'none'; return; }
ctx._source.updated = params.now;
"""


class AlertRepository:
    """Alert documents under an optional index prefix."""

    def __init__(self, client: Elasticsearch, prefix: str = "", refresh: bool | str = False):
        self.client = client
        self.alias = alias_name(ALIAS, prefix)
        self.refresh = refresh

    # --- recording ------------------------------------------------------------------------------------------------

    def record_article_hits(self, hits: list[dict]) -> list[tuple[str, str]]:
        """Upsert story alerts; each hit = {"alert": new doc, "article": summary, ...}. Returns (id, result).

        `result` is `created`, `updated` (a new article joined the story) or `noop` (already recorded).
        """
        actions = []
        for hit in hits:
            alert = hit["alert"]
            actions.append({
                "_op_type": "update", "_index": self.alias, "_id": alert["id"], "retry_on_conflict": 5,
                "upsert": alert,
                "script": {"source": ADD_ARTICLE, "lang": "painless", "params": {
                    "article": hit["article"], "categories": alert.get("categories", []),
                    "region_codes": alert.get("region_codes", []), "risk": alert.get("risk"),
                    "now": alert["updated"]}},
            })
        return self._bulk(actions)

    def record_episodes(self, alerts: list[dict], figure_fields: tuple[str, ...]) -> list[tuple[str, str]]:
        """Upsert spike/silence alerts by id: created once per episode, figures refreshed after."""
        actions = []
        for alert in alerts:
            fields = {name: alert.get(name) for name in figure_fields}
            actions.append({
                "_op_type": "update", "_index": self.alias, "_id": alert["id"], "retry_on_conflict": 5,
                "upsert": alert,
                "script": {"source": REFRESH_FIGURES, "lang": "painless",
                           "params": {"fields": fields, "now": alert["updated"]}},
            })
        return self._bulk(actions)

    def _bulk(self, actions: list[dict]) -> list[tuple[str, str]]:
        if not actions:
            return []
        results = []
        for ok, item in streaming_bulk(self.client, actions, raise_on_error=True, refresh=self.refresh,
                                       chunk_size=500):
            info = item["update"]
            results.append((info["_id"], info.get("result", "noop")))
        return results

    # --- reading --------------------------------------------------------------------------------------------------

    def get(self, alert_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=alert_id)["_source"]
        except NotFoundError:
            return None

    def get_many(self, alert_ids: list[str]) -> dict[str, dict]:
        if not alert_ids:
            return {}
        found = self.client.mget(body={"ids": list(dict.fromkeys(alert_ids))}, index=self.alias)
        return {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}

    def get_versioned(self, alert_id: str) -> tuple[dict, int, int] | None:
        """The alert with its sequence number and primary term, for optimistic concurrency."""
        try:
            found = self.client.get(index=self.alias, id=alert_id)
        except NotFoundError:
            return None
        return found["_source"], found["_seq_no"], found["_primary_term"]

    def replace_if_unchanged(self, alert: dict, seq_no: int, primary_term: int) -> bool:
        """Write a lifecycle change only if nobody changed the alert since it was read."""
        try:
            self.client.index(index=self.alias, id=alert["id"], document=alert, if_seq_no=seq_no,
                              if_primary_term=primary_term, refresh="wait_for")
            return True
        except ConflictError:
            return False

    def search(self, *, filters: list[dict] | None = None, size: int = 50, from_: int = 0,
               sort: list | None = None) -> tuple[int, list[dict]]:
        body = {"query": {"bool": {"filter": filters or []}}, "size": size, "from_": from_,
                "sort": sort or [{"last_seen": {"order": "desc"}}, {"id": "asc"}], "track_total_hits": True}
        found = self.client.search(index=self.alias, **body)
        return found["hits"]["total"]["value"], [h["_source"] for h in found["hits"]["hits"]]

    def iter_all(self, filters: list[dict] | None = None, page_size: int = 500) -> Iterator[dict]:
        body = {"query": {"bool": {"filter": filters or []}}, "sort": [{"id": "asc"}]}
        for hit in search_after_hits(self.client, self.alias, body, page_size=page_size):
            yield hit["_source"]

    def status_counts(self) -> dict[str, int]:
        """How many alerts are new, acknowledged, verified, dismissed (for `waspada status`)."""
        found = self.client.search(index=self.alias, size=0, aggs={"status": {"terms": {"field": "status", "size": 10}}})
        return {b["key"]: b["doc_count"] for b in found["aggregations"]["status"]["buckets"]}

    def verdict_counts(self) -> dict:
        """Verified/dismissed counts per rule and per category (the inputs of precision)."""
        by_verdict = {"terms": {"field": "status", "include": ["verified", "dismissed"]}}
        found = self.client.search(index=self.alias, size=0, query={"terms": {"status": ["verified", "dismissed"]}},
                                   aggs={"rules": {"terms": {"field": "rule_id", "size": 1000},
                                                   "aggs": {"verdict": by_verdict,
                                                            "name": {"terms": {"field": "rule_name", "size": 1}}}},
                                         "categories": {"terms": {"field": "categories", "size": 100},
                                                        "aggs": {"verdict": by_verdict}},
                                         "types": {"terms": {"field": "type", "size": 10},
                                                   "aggs": {"verdict": by_verdict}}})
        out: dict = {}
        for name in ("rules", "categories", "types"):
            rows = {}
            for bucket in found["aggregations"][name]["buckets"]:
                counts = {b["key"]: b["doc_count"] for b in bucket["verdict"]["buckets"]}
                row = {"verified": counts.get("verified", 0), "dismissed": counts.get("dismissed", 0)}
                if name == "rules" and bucket["name"]["buckets"]:
                    row["name"] = bucket["name"]["buckets"][0]["key"]
                rows[bucket["key"]] = row
            out[name] = rows
        return out

    def refresh_index(self) -> None:
        self.client.indices.refresh(index=self.alias)


def volume_histogram(client: Elasticsearch, prefix: str, *, start: str, end: str, interval: str, time_zone: str,
                     kinds: list[str] | None = None, only_regencies: list[str] | None = None,
                     regencies: int = 600, categories: int = 20) -> dict:
    """Article counts per (regency, category) per bucket, zero buckets included: {(reg, cat): {key: n}}."""
    filters: list[dict] = [{"range": {"published": {"gte": start, "lt": end}}}]
    if kinds:
        filters.append({"terms": {"kind": kinds}})
    if only_regencies:
        filters.append({"terms": {"primary_location.regency_code": only_regencies}})
    histogram = {"date_histogram": {"field": "published", "fixed_interval": interval, "time_zone": time_zone,
                                    "min_doc_count": 0, "extended_bounds": {"min": start, "max": end}}}
    # extended_bounds.max is inclusive: drop a bucket starting exactly at `end` below
    found = client.search(index=alias_name("articles", prefix), size=0, query={"bool": {"filter": filters}},
                          aggs={"regency": {"terms": {"field": "primary_location.regency_code", "size": regencies},
                                            "aggs": {"category": {"terms": {"field": "conflict.categories",
                                                                            "size": categories},
                                                                  "aggs": {"t": histogram}}}}})
    out: dict = {}
    for reg in found["aggregations"]["regency"]["buckets"]:
        for cat in reg["category"]["buckets"]:
            out[(reg["key"], cat["key"])] = {b["key"]: b["doc_count"] for b in cat["t"]["buckets"]}
    return out


def source_activity(client: Elasticsearch, prefix: str, *, since: str, sources: int = 1000) -> list[dict]:
    """Per source: items since `since`, and the newest `published`/`crawled` time ever seen."""
    found = client.search(index=alias_name("articles", prefix), size=0,
                          aggs={"source": {"terms": {"field": "source", "size": sources},
                                           "aggs": {"recent": {"filter": {"range": {"published": {"gte": since}}}},
                                                    "last_published": {"max": {"field": "published"}},
                                                    "last_crawled": {"max": {"field": "crawled"}},
                                                    "name": {"terms": {"field": "source_name", "size": 1}}}}})
    rows = []
    for b in found["aggregations"]["source"]["buckets"]:
        rows.append({"source": b["key"], "recent": b["recent"]["doc_count"],
                     "last_published": b["last_published"].get("value_as_string"),
                     "last_crawled": b["last_crawled"].get("value_as_string"),
                     "name": b["name"]["buckets"][0]["key"] if b["name"]["buckets"] else None})
    return rows
