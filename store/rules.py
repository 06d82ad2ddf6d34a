"""Alert rules as percolator documents in the `alert_rules` alias, and percolation of new articles.

A rule document holds the rule's metadata under `rule` and its compiled query under `query`
(a percolator field). The index also maps every article field (`include_properties_of`), so the
stored queries are parsed against the same fields as a search of the articles index.
"""

from __future__ import annotations

from collections.abc import Iterator

from elasticsearch import Elasticsearch, NotFoundError

from store.indices import alias_name
from store.paging import search_after_hits

ALIAS = "alert_rules"
PAGE = 1000


class RuleRepository:
    """Rule documents under an optional index prefix."""

    def __init__(self, client: Elasticsearch, prefix: str = "", refresh: bool | str = "wait_for"):
        self.client = client
        self.alias = alias_name(ALIAS, prefix)
        self.refresh = refresh

    def put(self, rule: dict, query: dict) -> None:
        """Store (or replace) a rule with its compiled percolator query."""
        self.client.index(index=self.alias, id=rule["id"], document={"rule": rule, "query": query},
                          refresh=self.refresh)

    def get(self, rule_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=rule_id)["_source"]["rule"]
        except NotFoundError:
            return None

    def get_many(self, rule_ids: list[str]) -> dict[str, dict]:
        if not rule_ids:
            return {}
        found = self.client.mget(body={"ids": list(dict.fromkeys(rule_ids))}, index=self.alias,
                                 _source_includes=["rule"])
        return {d["_id"]: d["_source"]["rule"] for d in found["docs"] if d.get("found")}

    def query_of(self, rule_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=rule_id)["_source"]["query"]
        except NotFoundError:
            return None

    def delete(self, rule_id: str) -> bool:
        try:
            self.client.delete(index=self.alias, id=rule_id, refresh=self.refresh)
            return True
        except NotFoundError:
            return False

    def list(self, size: int = 500) -> list[dict]:
        found = self.client.search(index=self.alias, query={"match_all": {}}, size=size,
                                   sort=[{"rule.created": {"order": "desc", "unmapped_type": "date"}}],
                                   _source=["rule"])
        return [h["_source"]["rule"] for h in found["hits"]["hits"]]

    def iter_queries(self) -> Iterator[tuple[dict, dict]]:
        """(rule, query) of every enabled rule, for the per-rule search baseline."""
        body = {"query": {"term": {"rule.enabled": True}}, "sort": [{"rule.id": "asc"}]}
        for hit in search_after_hits(self.client, self.alias, body, page_size=PAGE):
            yield hit["_source"]["rule"], hit["_source"]["query"]

    def percolate(self, documents: list[dict]) -> dict[str, list[int]]:
        """Enabled rules matching any of `documents`, in ONE percolate query: {rule_id: [slots]}.

        Slots are indexes into `documents`. Pages through matching rules with search_after so
        that thousands of rules are all reported.
        """
        if not documents:
            return {}
        body = {
            "query": {"bool": {
                "filter": [{"percolate": {"field": "query", "documents": documents}},
                           {"term": {"rule.enabled": True}}]}},
            "sort": [{"rule.id": "asc"}], "_source": False,
        }
        matches: dict[str, list[int]] = {}
        try:
            for hit in search_after_hits(self.client, self.alias, body, page_size=PAGE):
                slots = hit.get("fields", {}).get("_percolator_document_slot", [0])
                matches[hit["_id"]] = [int(s) for s in slots]
        except NotFoundError:
            return {}
        return matches
