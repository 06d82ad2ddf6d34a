"""Subscribers (digest and webhook recipients) in the `subscribers` alias."""

from __future__ import annotations

from elasticsearch import Elasticsearch, NotFoundError

from store.indices import alias_name

ALIAS = "subscribers"


class SubscriberRepository:
    """Subscriber documents under an optional index prefix."""

    def __init__(self, client: Elasticsearch, prefix: str = "", refresh: bool | str = "wait_for"):
        self.client = client
        self.alias = alias_name(ALIAS, prefix)
        self.refresh = refresh

    def put(self, subscriber: dict) -> None:
        self.client.index(index=self.alias, id=subscriber["id"], document=subscriber, refresh=self.refresh)

    def get(self, subscriber_id: str) -> dict | None:
        try:
            return self.client.get(index=self.alias, id=subscriber_id)["_source"]
        except NotFoundError:
            return None

    def delete(self, subscriber_id: str) -> bool:
        try:
            self.client.delete(index=self.alias, id=subscriber_id, refresh=self.refresh)
            return True
        except NotFoundError:
            return False

    def list(self, *, active_only: bool = False, with_webhook: bool = False, with_digest: bool = False,
             size: int = 1000) -> list[dict]:
        filters: list[dict] = []
        if active_only:
            filters.append({"term": {"active": True}})
        if with_digest:
            filters.append({"term": {"digest": True}})
        found = self.client.search(index=self.alias, query={"bool": {"filter": filters}}, size=size,
                                   sort=[{"id": "asc"}])
        rows = [h["_source"] for h in found["hits"]["hits"]]
        if with_webhook:
            rows = [r for r in rows if r.get("webhook_url")]
        return rows

    def mark_digest_sent(self, subscriber_id: str, date: str, now: str) -> None:
        """Remember the last digest date so a scheduler tick never sends the same day twice."""
        self.client.update(index=self.alias, id=subscriber_id, doc={"last_digest_date": date, "updated": now},
                           refresh=self.refresh)
