"""The webhook delivery queue and log in the `webhook_deliveries` alias.

One document per (event, subscriber): `pending` until delivered, retried with backoff, `dead`
after the last attempt (the admins' dead-letter list). The id is deterministic, so enqueuing the
same event twice keeps one delivery.
"""

from __future__ import annotations

from elasticsearch import ConflictError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk

from store.indices import alias_name

ALIAS = "webhook_deliveries"


class DeliveryRepository:
    """Delivery documents under an optional index prefix."""

    def __init__(self, client: Elasticsearch, prefix: str = "", refresh: bool | str = "wait_for"):
        self.client = client
        self.alias = alias_name(ALIAS, prefix)
        self.refresh = refresh

    def enqueue(self, deliveries: list[dict]) -> int:
        """Create deliveries that do not exist yet; returns how many were new."""
        if not deliveries:
            return 0
        actions = ({"_op_type": "create", "_index": self.alias, "_id": d["id"], "_source": d} for d in deliveries)
        created = 0
        for ok, item in streaming_bulk(self.client, actions, raise_on_error=False, refresh=self.refresh):
            info = item["create"]
            if ok:
                created += 1
            elif info.get("status") != 409:
                raise RuntimeError(f"E060: could not queue webhook delivery {info.get('_id')}: {info.get('error')}")
        return created

    def due(self, now: str, size: int = 100) -> list[tuple[dict, int, int]]:
        """Pending deliveries whose next attempt is due, oldest first, with seq_no/primary_term."""
        found = self.client.search(index=self.alias, size=size, seq_no_primary_term=True,
                                   query={"bool": {"filter": [{"term": {"status": "pending"}},
                                                              {"range": {"next_attempt_at": {"lte": now}}}]}},
                                   sort=[{"next_attempt_at": "asc"}, {"id": "asc"}])
        return [(h["_source"], h["_seq_no"], h["_primary_term"]) for h in found["hits"]["hits"]]

    def claim(self, delivery: dict, seq_no: int, primary_term: int, until: str) -> bool:
        """Push the next attempt time forward so no other worker sends it meanwhile."""
        try:
            self.client.update(index=self.alias, id=delivery["id"], doc={"next_attempt_at": until},
                               if_seq_no=seq_no, if_primary_term=primary_term)
            return True
        except ConflictError:
            return False

    def save(self, delivery: dict) -> None:
        self.client.index(index=self.alias, id=delivery["id"], document=delivery, refresh=self.refresh)

    def get(self, delivery_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=delivery_id)["_source"]
        except NotFoundError:
            return None

    def list(self, *, status: str | None = None, subscriber_id: str | None = None, size: int = 100) -> list[dict]:
        filters: list[dict] = []
        if status:
            filters.append({"term": {"status": status}})
        if subscriber_id:
            filters.append({"term": {"subscriber_id": subscriber_id}})
        found = self.client.search(index=self.alias, query={"bool": {"filter": filters}}, size=size,
                                   sort=[{"created": {"order": "desc"}}, {"id": "asc"}])
        return [h["_source"] for h in found["hits"]["hits"]]

    def refresh_index(self) -> None:
        self.client.indices.refresh(index=self.alias)
