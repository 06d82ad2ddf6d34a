"""Rules = saved searches + thresholds, stored as percolator documents; percolation of new articles.

A rule is a `store.search.SearchParams` (the same query text and filters a user searches with)
plus thresholds. Its percolator query is `build_query(params)` with the thresholds as extra
filters, so a rule matches exactly the articles its saved search would find.

`AlertPercolator` is a `BulkWriter` listener: it receives the documents the cluster newly
created, percolates them in ONE request (`documents: [...]`), and records each hit in the
story's alert with a deterministic id (replays and re-indexing add nothing), then queues the
webhook events of the alerts that were created or grew.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from elasticsearch import Elasticsearch
from pydantic import BaseModel, ConfigDict, Field, field_validator

from alerts.grouping import rule_hit
from alerts.ids import iso, stable_id, utc_now
from store.alerts import AlertRepository
from store.rules import RuleRepository
from store.search import SearchParams, build_query

log = logging.getLogger(__name__)


class RuleCreate(BaseModel):
    """What an analyst submits: a saved search and thresholds."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="Short name shown in alerts and digests")
    description: str = Field("", max_length=2000)
    params: SearchParams = Field(default_factory=SearchParams, description="The saved search (q + filters)")
    min_risk: float | None = Field(None, ge=0, le=1000, description="Only articles with at least this risk score")
    min_intensity: int | None = Field(None, ge=0, le=3, description="Only articles with at least this intensity")
    enabled: bool = True

    @field_validator("params")
    @classmethod
    def _no_dates(cls, params: SearchParams) -> SearchParams:
        if params.date_from or params.date_to:
            raise ValueError("E050: a rule matches each new article as it arrives; remove date_from/date_to")
        return params


class Rule(RuleCreate):
    id: str
    owner: str | None = None
    created: str
    updated: str


def compile_query(rule: RuleCreate) -> dict:
    """The percolator query of a rule: its saved search plus the threshold filters."""
    query = build_query(rule.params)
    filters = query["bool"]["filter"]
    if rule.min_risk is not None:
        filters.append({"range": {"risk.score": {"gte": rule.min_risk}}})
    if rule.min_intensity is not None:
        filters.append({"range": {"conflict.intensity": {"gte": rule.min_intensity}}})
    return query


def save_rule(repo: RuleRepository, data: RuleCreate, *, owner: str | None, rule_id: str | None = None,
              existing: dict | None = None) -> Rule:
    """Create (or replace) a rule and its percolator query."""
    now = iso(utc_now())
    rule = Rule(**data.model_dump(), id=rule_id or stable_id("rule", data.name, now),
                owner=(existing or {}).get("owner", owner), created=(existing or {}).get("created", now), updated=now)
    repo.put(rule.model_dump(mode="json"), compile_query(data))
    return rule


#: receives (event type, alert document) for every alert that was created or grew
AlertSink = Callable[[list[tuple[str, dict]]], None]


class AlertPercolator:
    """BulkWriter listener: percolate newly created articles once and record the rule hits."""

    def __init__(self, client: Elasticsearch, prefix: str = "", *, sinks: list[AlertSink] | None = None,
                 refresh: bool | str = False):
        self.rules = RuleRepository(client, prefix)
        self.alerts = AlertRepository(client, prefix, refresh=refresh)
        self.sinks = list(sinks or [])
        self.percolated = 0
        self.recorded = 0

    def __call__(self, documents: list[dict]) -> None:
        self.process(documents)

    def process(self, documents: list[dict]) -> list[tuple[str, str]]:
        """Percolate `documents` in one request; returns (alert id, created|updated|noop) per hit."""
        if not documents:
            return []
        matches = self.rules.percolate(documents)
        self.percolated += len(documents)
        if not matches:
            return []
        rules = self.rules.get_many(list(matches))
        now = iso(utc_now())
        hits = [rule_hit(rules[rule_id], documents[slot], now)
                for rule_id, slots in sorted(matches.items()) if rule_id in rules
                for slot in slots]
        results = self.alerts.record_article_hits(hits)
        self.recorded += sum(1 for _, r in results if r != "noop")
        changed: dict[str, str] = {}
        for alert_id, result in results:
            if result == "created" or (result == "updated" and alert_id not in changed):
                changed[alert_id] = result
        if changed and self.sinks:
            docs = self.alerts.get_many(list(changed))
            events = [("alert.created" if changed[a] == "created" else "alert.updated", docs[a])
                      for a in changed if a in docs]
            for sink in self.sinks:
                try:
                    sink(events)
                except Exception:  # noqa: BLE001 — a delivery problem must never block indexing
                    log.exception("E051: could not queue alert events; they can be re-sent from the API")
        return results
