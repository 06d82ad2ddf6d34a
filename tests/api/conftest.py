"""API fixtures: an app on the test's index prefix, one real key per role, and seeded articles."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from store.articles import ArticleRepository
from store.indices import apply_templates, delete_prefixed
from store.keys import ROLES, KeyStore
from store.regions import band_for
from waspada.settings import ElasticsearchSettings, PathSettings, Settings


@pytest.fixture(scope="module")
def module_settings(es_url, es_client, tmp_path_factory) -> Iterator[Settings]:
    """Settings on a prefix shared by one test module (read-only tests: templates are applied once)."""
    prefix = f"m{uuid.uuid4().hex[:10]}-"
    apply_templates(es_client, prefix=prefix, replicas=0)
    yield Settings(es=ElasticsearchSettings(url=es_url, index_prefix=prefix),
                   paths=PathSettings(home=tmp_path_factory.mktemp("home")))
    delete_prefixed(es_client, prefix)


@pytest.fixture(scope="module")
def module_keys(module_settings, es_client) -> dict[str, str]:
    store = KeyStore(es_client, module_settings.es.index_prefix)
    return {role: store.create(f"test {role}", role)[1] for role in ROLES}


@pytest.fixture(scope="module")
def seeded_module(module_settings, es_client, tmp_path_factory) -> list[dict]:
    """The SEED articles under the module's prefix."""
    return _seed(module_settings, es_client, tmp_path_factory.mktemp("spool"))


@pytest.fixture(scope="module")
def reader(module_settings, module_keys, seeded_module) -> TestClient:
    """A consumer-key client on the module's seeded prefix."""
    return TestClient(create_app(module_settings), headers={"X-API-Key": module_keys["consumer"]})


@pytest.fixture
def keys(settings, es_client) -> dict[str, str]:
    """role → a freshly created plain API key of that role."""
    store = KeyStore(es_client, settings.es.index_prefix)
    return {role: store.create(f"test {role}", role)[1] for role in ROLES}


@pytest.fixture
def client(settings) -> TestClient:
    return TestClient(create_app(settings))


@pytest.fixture
def consumer(client, keys) -> TestClient:
    """A client that sends a consumer key on every request."""
    client.headers["X-API-Key"] = keys["consumer"]
    return client


def _indexed(minutes_ago: int = 60) -> str:
    return (datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)).isoformat(timespec="seconds")


def article(id: str, title: str, text: str, *, source: str, published: str, regions: list[str], actors=(),
            categories=(), stage="none", intensity=0, sentiment="neutral", risk=10, kind="article", language="id",
            cluster_id=None, geo=None, cues=()) -> dict:
    """A document shaped like index_mappings/articles.json, with the enrichment the API reads."""
    primary = regions[-1] if regions else None
    doc = {
        "id": id, "kind": kind, "url": f"https://{source}.example/{id}", "source": source,
        "source_name": source.replace("-", " ").title(), "platform": "wordpress", "title": title, "text": text,
        "language": language, "published": published, "crawled": published, "indexed": _indexed(),
        "region_codes": regions,
        "locations": [{"code": c, "level": ["province", "regency", "district", "village"][c.count(".")],
                       "name": c, "primary": c == primary} for c in regions],
        "actors": [{"name": n, "normalized": n.lower(), "type": t, "mentions": 1} for n, t in actors],
        "actor_names": [n.lower() for n, _ in actors], "actor_types": sorted({t for _, t in actors}),
        "entities": {"PER": [], "ORG": [n for n, _ in actors]},
        "conflict": {"categories": list(categories), "stage": stage, "intensity": intensity,
                     "cues": [{"kind": k, "label": lbl, "text": lbl, "sentence": text[:80]} for k, lbl in cues]},
        "sentiment": {"label": sentiment, "score": {"negative": -0.6, "neutral": 0.0, "positive": 0.5}[sentiment]},
        "risk": {"score": risk, "band": band_for(risk)},
    }
    if primary:
        doc["primary_location"] = {"code": primary, "level": doc["locations"][-1]["level"], "name": primary,
                                   "geo": geo or {"lat": 3.3, "lon": 117.6}}
    if cluster_id:
        doc["cluster_id"] = cluster_id
    return doc


SEED = [
    article("a1", "Tawuran pemuda di Tarakan", "Dua kelompok pemuda berkelahi di Sebengkok. Polisi membubarkan massa.",
            source="tarakan-post", published="2024-12-02T21:00:00+08:00", regions=["65", "65.71", "65.71.02"],
            actors=[("Polres Tarakan", "security"), ("Warga Sebengkok", "community")],
            categories=["communal_violence"], stage="incident", intensity=2, sentiment="negative", risk=80,
            cluster_id="c1", cues=[("violence", "tawuran")]),
    article("a2", "Perkelahian antar kelompok di Tarakan", "Kericuhan terjadi di Tarakan Tengah, warga terluka.",
            source="kaltara-news", published="2024-12-03T08:00:00+08:00", regions=["65", "65.71", "65.71.02"],
            actors=[("Polres Tarakan", "security")], categories=["communal_violence"], stage="incident",
            intensity=2, sentiment="negative", risk=70, cluster_id="c1"),
    article("a3", "Sengketa lahan sawit di Bulungan", "Warga menolak perluasan kebun sawit milik PT Sawit Makmur.",
            source="kaltara-news", published="2024-11-20T10:00:00+08:00", regions=["65", "65.01", "65.01.05"],
            actors=[("PT Sawit Makmur", "company")], categories=["resource"], stage="tension", intensity=1,
            sentiment="negative", risk=50),
    article("a4", "Rapat koordinasi kewaspadaan dini Pilkada di Nunukan",
            "KPU Nunukan dan Bawaslu menggelar rapat koordinasi menjelang Pilkada.",
            source="nunukan-today", published="2024-11-10T09:00:00+08:00", regions=["65", "65.03"],
            actors=[("KPU Nunukan", "election_body"), ("Bawaslu", "election_body")], categories=["election"],
            stage="prevention", intensity=0, sentiment="neutral", risk=20),
    article("a5", "Panen raya padi di Malinau", "Petani Malinau panen padi dengan hasil melimpah.",
            source="tarakan-post", published="2024-10-01T07:00:00+08:00", regions=["65", "65.02"],
            sentiment="positive", risk=5),
    article("a6", "Protest at the border in Nunukan", "Residents protested a boundary marker near Sebatik.",
            source="telegram-x", published="2024-12-05T12:00:00+08:00", regions=["65", "65.03", "65.03.10"],
            actors=[("Residents", "community")], categories=["boundary"], stage="tension", intensity=1,
            kind="post", language="en", risk=40),
    article("a7", "Hoaks provokasi SARA beredar di Tana Tidung",
            "Pesan berantai berisi provokasi antarsuku beredar di media sosial.",
            source="nunukan-today", published="2024-12-04T15:00:00+08:00", regions=["65", "65.04"],
            categories=["disinformation", "identity"], stage="tension", intensity=1, sentiment="negative", risk=60),
]


def _seed(settings, es_client, spool) -> list[dict]:
    repo = ArticleRepository(es_client, settings.es.index_prefix)
    with repo.writer(spool / "spool", refresh="wait_for") as writer:
        for doc in SEED:
            writer.add(dict(doc))
    repo.refresh()
    return SEED


@pytest.fixture
def seeded(settings, es_client, tmp_path) -> list[dict]:
    """The SEED articles, indexed and searchable."""
    return _seed(settings, es_client, tmp_path)
