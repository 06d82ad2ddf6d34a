"""Seed data of the web UI tests: enriched Kaltara articles shaped like index_mappings/articles.json,
rules saved with the alerts package, alerts raised by percolating the articles as they are written,
API keys of each role and the crawl state of two sources (one of them silent).

Risk scores (0-100, nlp/risk.py) are chosen so that each kabupaten/kota lands in a known band (store.regions.band_for):
Nunukan Sangat Rawan, Bulungan Rawan, Tana Tidung Cenderung Aman, Malinau Aman, Tarakan Aman (no
article).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from elasticsearch import Elasticsearch

from nlp.risk import band_for
from alerts import silence
from alerts.rules import AlertPercolator, RuleCreate, save_rule
from store.articles import ArticleRepository
from store.crawl_state import record_run
from store.keys import KeyStore
from store.rules import RuleRepository
from store.search import SearchParams
from waspada.settings import AlertSettings

EXPECTED_BANDS = {"65.01": "Rawan", "65.02": "Aman", "65.03": "Sangat Rawan", "65.04": "Cenderung Aman",
                  "65.71": "Aman"}
NAMES = {"65.01": "Kabupaten Bulungan", "65.02": "Kabupaten Malinau", "65.03": "Kabupaten Nunukan",
         "65.04": "Kabupaten Tana Tidung", "65.71": "Kota Tarakan", "65.03.01": "Sebatik",
         "65.01.05": "Tanjung Selor", "65.01.09": "Sekatak", "65.04.01": "Sesayap", "65.02.02": "Malinau Kota"}
def _span(text: str, mention: str) -> tuple[int, int]:
    start = text.index(mention)
    return start, start + len(mention)


def article(doc_id: str, *, title: str, text: str, days_ago: float, source: str, district: str,
            categories: list[str], stage: str, intensity: int, risk: float, sentiment: str = "negative",
            places: tuple[str, ...] = (), actors: tuple[tuple[str, str], ...] = (),
            cues: tuple[tuple[str, str], ...] = (),
            cluster_id: str | None = None) -> dict:
    """One enriched article; places/actors/cues are mentions found in `text` (offsets computed here)."""
    regency = ".".join(district.split(".")[:2])
    published = (datetime.now(timezone.utc) - timedelta(days=days_ago)).replace(microsecond=0)
    locations = []
    for i, mention in enumerate(places):
        start, end = _span(text, mention)
        code = district if i == 0 else regency
        locations.append({"code": code, "level": "district" if code.count(".") == 2 else "regency",
                          "name": NAMES.get(code, mention), "mention": mention,
                          "parent_codes": ["65", regency] if code != regency else ["65"], "primary": i == 0,
                          "kind": "admin", "start": start, "end": end, "confidence": 0.9})
    actor_docs, entities = [], []
    for mention, kind in actors:
        start, end = _span(text, mention)
        actor_docs.append({"name": mention, "normalized": mention, "type": kind, "label": "ORG", "mentions": 1,
                           "start": start, "end": end, "role": None})
        entities.append({"text": mention, "label": "ORG", "start": start, "end": end, "field": "text"})
    for mention in places:
        start, end = _span(text, mention)
        entities.append({"text": mention, "label": "LOC", "start": start, "end": end, "field": "text"})
    cue_docs = []
    for mention, label in cues:
        start, end = _span(text, mention)
        sentence = text[max(0, text.rfind(".", 0, start) + 1):text.find(".", end) + 1].strip()
        cue_docs.append({"kind": "category", "label": label, "text": mention, "sentence": sentence,
                         "start": start, "end": end, "weight": 1.0})
    return {
        "id": doc_id, "kind": "article", "url": f"https://{source}.example.id/berita/{doc_id}", "source": source,
        "source_name": source.replace("-", " ").title(), "platform": "wordpress", "source_region_code": "65",
        "title": title, "text": text, "summary": text[:160], "language": "id",
        "published": published.isoformat(), "crawled": published.isoformat(),
        "locations": locations, "region_codes": sorted({"65", regency, district}),
        "primary_location": {"code": district, "level": "district", "name": NAMES.get(district, district),
                             "geo": {"lat": 3.0, "lon": 117.0}, "province_code": "65", "regency_code": regency,
                             "district_code": district},
        "actors": actor_docs, "actor_names": sorted({a["normalized"] for a in actor_docs}),
        "actor_types": sorted({a["type"] for a in actor_docs}), "entities": entities,
        "conflict": {"categories": categories, "stage": stage, "intensity": intensity, "cues": cue_docs},
        "sentiment": {"label": sentiment, "score": -0.6 if sentiment == "negative" else 0.2},
        "risk": {"score": risk, "band": band_for(risk)},
        "cluster_id": cluster_id,
    }


def articles() -> list[dict]:
    return [
        article("nunukan-bentrok-1", title="Bentrok warga dua desa di Sebatik, tiga rumah dibakar",
                text="Bentrok antarwarga pecah di Sebatik, Nunukan, Senin malam. Tiga rumah dibakar massa. "
                     "Polres Nunukan menurunkan personel untuk meredam situasi.",
                days_ago=2, source="teraskaltara", district="65.03.01", categories=["communal_violence"],
                stage="incident", intensity=2, risk=86, places=("Sebatik", "Nunukan"),
                actors=(("Polres Nunukan", "security"),), cues=(("Bentrok antarwarga", "communal_violence"),
                                                                ("dibakar massa", "communal_violence")),
                cluster_id="story-sebatik"),
        article("nunukan-bentrok-2", title="Rumah warga dibakar saat bentrok di Sebatik",
                text="Tiga rumah warga dibakar dalam bentrok di Sebatik. Polres Nunukan berjaga di lokasi.",
                days_ago=1.8, source="kaltara-tribunnews", district="65.03.01", categories=["communal_violence"],
                stage="incident", intensity=2, risk=84, places=("Sebatik",),
                actors=(("Polres Nunukan", "security"),), cues=(("bentrok", "communal_violence"),),
                cluster_id="story-sebatik"),
        article("bulungan-lahan", title="Sengketa lahan sawit, warga blokade jalan perusahaan di Sekatak",
                text="Warga Sekatak, Bulungan, memblokade jalan PT Sawit Makmur karena sengketa lahan "
                     "yang belum selesai. Pemkab Bulungan menjanjikan mediasi.",
                days_ago=5, source="teraskaltara", district="65.01.09", categories=["resource"],
                stage="incident", intensity=2, risk=62, places=("Sekatak", "Bulungan"),
                actors=(("PT Sawit Makmur", "company"), ("Pemkab Bulungan", "government")),
                cues=(("sengketa lahan", "resource"), ("memblokade jalan", "resource"))),
        article("bulungan-pilkada", title="Massa pendukung calon bupati protes hasil rekapitulasi di Tanjung Selor",
                text="Ratusan massa pendukung calon bupati mendatangi kantor KPU Bulungan di Tanjung Selor "
                     "memprotes hasil rekapitulasi suara.",
                days_ago=9, source="benuanta", district="65.01.05", categories=["election"], stage="tension",
                intensity=1, risk=58, places=("Tanjung Selor",), actors=(("KPU Bulungan", "election_body"),),
                cues=(("memprotes hasil rekapitulasi", "election"),)),
        article("tanatidung-batas", title="Warga Sesayap keluhkan tapal batas desa yang belum jelas",
                text="Warga Sesayap di Tana Tidung mengeluhkan tapal batas desa yang belum jelas dan meminta "
                     "Pemkab Tana Tidung segera menetapkannya.",
                days_ago=12, source="benuanta", district="65.04.01", categories=["boundary"], stage="tension",
                intensity=1, risk=31, sentiment="neutral", places=("Sesayap", "Tana Tidung"),
                actors=(("Pemkab Tana Tidung", "government"),), cues=(("tapal batas desa", "boundary"),)),
        article("malinau-fkdm", title="FKDM Malinau gelar rapat koordinasi cegah konflik",
                text="FKDM Malinau (Forum Kewaspadaan Dini Masyarakat) menggelar rapat koordinasi di Malinau Kota "
                     "untuk mencegah konflik menjelang hari raya.",
                days_ago=4, source="teraskaltara", district="65.02.02", categories=[], stage="prevention",
                intensity=0, risk=8, sentiment="positive", places=("Malinau Kota",),
                actors=(("FKDM Malinau", "mass_org"),)),
        article("malinau-panen", title="Petani Malinau panen padi gunung",
                text="Petani di Malinau Kota memanen padi gunung bersama Dinas Pertanian.",
                days_ago=20, source="benuanta", district="65.02.02", categories=[], stage="none", intensity=0,
                risk=2, sentiment="positive", places=("Malinau Kota",)),
    ]


def seed(client: Elasticsearch, prefix: str, spool: Path) -> dict:
    """Keys, rules, then the articles (percolated as they are written, which raises the alerts)."""
    keys = KeyStore(client, prefix)
    plain = {role: keys.create(f"uji {role}", role)[1] for role in ("consumer", "analyst", "admin")}
    rules = RuleRepository(client, prefix)
    save_rule(rules, RuleCreate(name="Kekerasan komunal", params=SearchParams(category=["communal_violence"])),
              owner="tests")
    save_rule(rules, RuleCreate(name="Sengketa lahan", params=SearchParams(q="lahan"), min_risk=50), owner="tests")
    repo = ArticleRepository(client, prefix)
    percolator = AlertPercolator(client, prefix, refresh="wait_for")
    docs = articles()
    with repo.writer(spool, listeners=[percolator], refresh="wait_for") as writer:
        for doc in docs:
            writer.add(doc)
    repo.refresh()
    now = datetime.now(timezone.utc)
    for source, name, newest in (("teraskaltara", "TerasKaltara.id", 1), ("benuanta", "Benuanta", 9)):
        record_run(client, source, prefix=prefix, started=now - timedelta(minutes=5), finished=now,
                   reason="finished", items=3, errors=0, newest_item=now - timedelta(days=newest),
                   meta={"source_name": name, "platform": "wordpress"})
    # a silence alert too (Benuanta has published nothing for 9 days), through the alerts package
    silence.run(client, prefix, AlertSettings(silence_min_per_day=0.05, silence_factor=0.5, silence_min_hours=24),
                refresh="wait_for")
    return {"keys": plain, "articles": {d["id"]: d for d in docs}, "alerts": percolator.recorded}
