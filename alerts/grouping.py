"""Story grouping: every rule hit on one story (same `cluster_id`) lands in one alert.

The crawler's near-duplicate clustering gives syndicated copies of a story one `cluster_id`;
an article without one is its own story. The alert id is `hash(rule, story)`, so three outlets
carrying the story make one alert listing three sources, in whatever order they arrive.
"""

from __future__ import annotations

from alerts.ids import stable_id


def story_key(article: dict) -> str:
    return article.get("cluster_id") or article["id"]


def rule_alert_id(rule_id: str, article: dict) -> str:
    return stable_id("rule", rule_id, story_key(article))


def article_summary(article: dict) -> dict:
    """What an alert keeps about each article (enough for a digest line and a webhook payload)."""
    conflict = article.get("conflict") or {}
    return {
        "id": article["id"],
        "title": article.get("title"),
        "url": article.get("url"),
        "source": article.get("source"),
        "source_name": article.get("source_name"),
        "published": article.get("published"),
        "kind": article.get("kind"),
        "risk": (article.get("risk") or {}).get("score"),
        "stage": conflict.get("stage"),
    }


def rule_hit(rule: dict, article: dict, now: str) -> dict:
    """A new alert document for `article` matching `rule` (used as the upsert of the story's alert)."""
    conflict = article.get("conflict") or {}
    summary = article_summary(article)
    return {
        "alert": {
            "id": rule_alert_id(rule["id"], article),
            "type": "rule",
            "status": "new",
            "rule_id": rule["id"],
            "rule_name": rule.get("name"),
            "story_key": story_key(article),
            "title": article.get("title") or "(tanpa judul)",
            "explanation": (f"Aturan \u201c{rule.get('name') or rule['id']}\u201d cocok dengan "
                            f"{summary['source'] or 'sumber'}"),
            "article_ids": [article["id"]],
            "sources": [s for s in [article.get("source")] if s],
            "articles": [summary],
            "hits": 1,
            "categories": list(conflict.get("categories") or []),
            "stage": conflict.get("stage"),
            "risk": summary["risk"],
            "regency_code": (article.get("primary_location") or {}).get("regency_code"),
            "region_codes": list(article.get("region_codes") or []),
            "created": now,
            "updated": now,
            "first_seen": now,
            "last_seen": now,
            "history": [],
        },
        "article": summary,
    }
