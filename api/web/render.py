"""Jinja2 rendering of the web UI: one environment, the Indonesian labels of the taxonomy, filters.

Labels follow ../shared/taxonomy.md (the codes are the index's vocabulary, the labels are what
analysts read). Search highlights from Elasticsearch are plain text with `<mark>` tags; `marks`
escapes everything and restores only those tags, so article text can never inject HTML.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent

CATEGORY_LABELS = {
    "election": "Politik & Pemilu/Pilkada",
    "identity": "SARA",
    "resource": "Sumber daya alam & lahan",
    "boundary": "Batas wilayah",
    "governance": "Kebijakan & tata kelola",
    "labor": "Ketenagakerjaan",
    "communal_violence": "Kekerasan komunal",
    "security": "Keamanan, radikalisme & separatisme",
    "disinformation": "Hoaks & provokasi",
}
STAGE_LABELS = {"none": "Bukan konflik", "prevention": "Pencegahan", "tension": "Ketegangan", "incident": "Insiden"}
SENTIMENT_LABELS = {"negative": "Negatif", "neutral": "Netral", "positive": "Positif"}
ACTOR_TYPE_LABELS = {
    "government": "Pemerintah", "security": "Aparat keamanan", "legislature": "Legislatif",
    "election_body": "Penyelenggara pemilu", "party": "Partai politik", "mass_org": "Ormas & lembaga adat/agama",
    "company": "Perusahaan", "community": "Masyarakat", "person": "Perorangan", "other": "Lainnya",
}
STATUS_LABELS = {"new": "Baru", "acknowledged": "Ditindaklanjuti", "verified": "Terverifikasi",
                 "dismissed": "Diabaikan"}
ACTION_LABELS = {"acknowledge": "Tindak lanjuti", "verify": "Verifikasi", "dismiss": "Abaikan",
                 "reopen": "Buka kembali"}
ALERT_TYPE_LABELS = {"rule": "Aturan", "spike": "Lonjakan", "silence": "Sumber diam"}
KIND_LABELS = {"article": "Berita", "post": "Unggahan"}
LANGUAGE_LABELS = {"id": "Indonesia", "en": "Inggris"}
BANDS = ("Aman", "Cenderung Aman", "Rawan", "Sangat Rawan")
BAND_COLORS = {"Aman": "#2e7d32", "Cenderung Aman": "#f2c811", "Rawan": "#ef6c00", "Sangat Rawan": "#c62828"}
BAND_CLASSES = {"Aman": "aman", "Cenderung Aman": "cenderung", "Rawan": "rawan", "Sangat Rawan": "sangat"}
FACET_TITLES = {
    "category": "Kategori konflik", "stage": "Tahap", "region": "Wilayah", "actor": "Aktor",
    "actor_type": "Jenis aktor", "source": "Sumber", "sentiment": "Sentimen", "risk_band": "Tingkat risiko",
    "language": "Bahasa", "kind": "Jenis dokumen", "q": "Kata kunci", "min_risk": "Risiko minimal",
    "min_intensity": "Intensitas minimal",
}
FACET_LABELS = {"category": CATEGORY_LABELS, "stage": STAGE_LABELS, "sentiment": SENTIMENT_LABELS,
                "actor_type": ACTOR_TYPE_LABELS, "kind": KIND_LABELS, "language": LANGUAGE_LABELS}
ENTITY_LABELS = {"LOC": "Tempat", "GPE": "Wilayah", "PER": "Orang", "PERSON": "Orang", "ORG": "Organisasi",
                 "NOR": "Kelompok", "EVT": "Peristiwa", "FAC": "Fasilitas", "DAT": "Tanggal", "TIM": "Waktu"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def local_time(value: Any, tz: str = "Asia/Makassar", with_time: bool = True) -> str:
    """An ISO string or datetime as '2 Des 2024 21.00 WITA' (Indonesian style)."""
    if not value:
        return "—"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if value.tzinfo is not None:
        value = value.astimezone(ZoneInfo(tz))
    day = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return f"{day} {value:%H.%M} WITA" if with_time else day


def marks(fragment: str | None) -> Markup:
    """An Elasticsearch highlight (raw text + <mark>) as safe HTML."""
    if not fragment:
        return Markup("")
    text = str(escape(fragment))
    return Markup(text.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def label(code: Any, facet: str) -> str:
    """The Indonesian label of a facet value (the code itself when there is none)."""
    return FACET_LABELS.get(facet, {}).get(str(code), str(code))


def safe_url(url: Any) -> str:
    """A crawled URL as a link target only when it is http(s) (no `javascript:` from a hostile page)."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def query_string(items: list[tuple[str, Any]]) -> str:
    return urlencode([(k, v) for k, v in items if v not in (None, "")])


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(local_time=local_time, marks=marks, label=label, qs=query_string, safe_url=safe_url)
    env.globals.update(CATEGORY_LABELS=CATEGORY_LABELS, STAGE_LABELS=STAGE_LABELS, STATUS_LABELS=STATUS_LABELS,
                       SENTIMENT_LABELS=SENTIMENT_LABELS, ACTOR_TYPE_LABELS=ACTOR_TYPE_LABELS,
                       ALERT_TYPE_LABELS=ALERT_TYPE_LABELS, ACTION_LABELS=ACTION_LABELS, BANDS=BANDS,
                       BAND_COLORS=BAND_COLORS,
                       BAND_CLASSES=BAND_CLASSES, FACET_TITLES=FACET_TITLES, ENTITY_LABELS=ENTITY_LABELS)
    return env


templates = Jinja2Templates(env=_environment())


def page(request: Request, name: str, status_code: int = 200, **context: Any):
    """Render a full page; every template gets the signed-in user (or None) and the active nav item."""
    context.setdefault("user", getattr(request.state, "web_user", None))
    return templates.TemplateResponse(request, name, context, status_code=status_code)
