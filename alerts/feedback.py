"""Analysts' verdicts exported as labelled data for retraining the conflict classifier.

One JSON object per line and per (judged rule alert, article):
{"text", "title", "categories", "stage", "verdict", "label", "article_id", "alert_id", "rule_id",
 "rule_name", "verdict_by", "verdict_at", "note"}. `verdict` is `verified` (the article really is
what the rule looks for: the classifier's categories/stage are confirmed) or `dismissed` (a false
alarm); `label` is 1 or 0. `waspada train conflict --with-feedback` reads this format.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from store.alerts import AlertRepository
from store.articles import ArticleRepository

FIELDS = ("text", "title", "categories", "stage", "verdict", "label", "article_id", "alert_id", "rule_id",
          "rule_name", "verdict_by", "verdict_at", "note")


def _articles(articles: ArticleRepository, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    found = articles.search({"query": {"ids": {"values": ids}}, "size": len(ids),
                             "_source": ["id", "title", "text", "conflict.categories", "conflict.stage"]})
    return {h["_id"]: h["_source"] for h in found["hits"]["hits"]}


def rows(alerts: AlertRepository, articles: ArticleRepository) -> Iterator[dict]:
    """Labelled rows of every verified or dismissed rule alert (spikes and silences carry no text)."""
    for alert in alerts.iter_all([{"terms": {"status": ["verified", "dismissed"]}}, {"term": {"type": "rule"}}]):
        found = _articles(articles, alert.get("article_ids") or [])
        note = next((h.get("note") for h in reversed(alert.get("history") or []) if h.get("to") == alert["status"]),
                    None)
        for article_id in alert.get("article_ids") or []:
            article = found.get(article_id)
            if article is None:
                continue
            conflict = article.get("conflict") or {}
            yield {"text": article.get("text") or "", "title": article.get("title") or "",
                   "categories": conflict.get("categories") or alert.get("categories") or [],
                   "stage": conflict.get("stage") or alert.get("stage"), "verdict": alert["status"],
                   "label": 1 if alert["status"] == "verified" else 0, "article_id": article_id,
                   "alert_id": alert["id"], "rule_id": alert.get("rule_id"), "rule_name": alert.get("rule_name"),
                   "verdict_by": alert.get("verdict_by"), "verdict_at": alert.get("verdict_at"), "note": note}


def write_jsonl(alerts: AlertRepository, articles: ArticleRepository, out: TextIO) -> int:
    count = 0
    for row in rows(alerts, articles):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count
