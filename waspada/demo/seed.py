"""What the demo needs besides articles: alert rules, a digest subscriber and a key to sign in.

Idempotent: rules and the subscriber have fixed ids, and the demo's admin key is kept (plain,
mode 0600) in `WASPADA_HOME/demo/admin.key` so a restart shows the same key.
"""

from __future__ import annotations

import os
from pathlib import Path

from elasticsearch import Elasticsearch

from alerts.rules import RuleCreate, save_rule
from store.keys import KeyStore
from store.rules import RuleRepository
from store.search import SearchParams
from store.subscribers import SubscriberRepository
from waspada.settings import Settings

DEMO_RULES = {
    "demo-rule-lahan-nunukan": RuleCreate(
        name="Konflik lahan di Kabupaten Nunukan",
        description="Sengketa lahan dan perkebunan di Nunukan yang sudah berupa ketegangan atau insiden.",
        params=SearchParams(region=["65.03"], category=["resource"], stage=["tension", "incident"])),
    "demo-rule-insiden": RuleCreate(
        name="Semua insiden di Kalimantan Utara",
        description="Setiap insiden konflik sosial (unjuk rasa, bentrok, blokade) di Kaltara.",
        params=SearchParams(region=["65"], stage=["incident"])),
    "demo-rule-hoaks": RuleCreate(
        name="Hoaks dan provokasi",
        description="Hoaks atau provokasi yang beredar di media sosial dan masyarakat.",
        params=SearchParams(category=["disinformation"])),
}


def demo_admin_key(client: Elasticsearch, settings: Settings) -> str:
    """The demo's admin key: created once, then read back from its file."""
    path = settings.paths.home / "demo" / "admin.key"
    keys = KeyStore(client, settings.es.index_prefix)
    if path.exists():
        plain = path.read_text().strip()
        if keys.verify(plain):
            return plain
    _, plain = keys.create("demo-admin", "admin")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plain + "\n")
    os.chmod(path, 0o600)
    return plain


def seed_demo(client: Elasticsearch, settings: Settings) -> str:
    """Rules, a subscriber for the daily digest, and the admin key (returned)."""
    rules = RuleRepository(client, settings.es.index_prefix)
    for rule_id, data in DEMO_RULES.items():
        if rules.get(rule_id) is None:
            save_rule(rules, data, owner="demo", rule_id=rule_id)
    subscribers = SubscriberRepository(client, settings.es.index_prefix)
    if subscribers.get("demo-bakesbangpol") is None:
        subscribers.put({"id": "demo-bakesbangpol", "name": "Bakesbangpol Kaltara (demo)",
                         "email": "kewaspadaan@bakesbangpol.kaltara.example", "regions": ["65"], "categories": [],
                         "min_risk": None, "digest": True, "digest_time": None, "timezone": None,
                         "webhook_url": None, "webhook_events": [], "rule_ids": [], "active": True,
                         "created": "2026-01-01T00:00:00+00:00", "updated": "2026-01-01T00:00:00+00:00"})
    return demo_admin_key(client, settings)


def admin_key_file(settings: Settings) -> Path:
    return settings.paths.home / "demo" / "admin.key"
