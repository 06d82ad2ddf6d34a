"""The demo scenario: outlets, storylines and dated items read from scenario.yaml and validated.

Items carry a relative date (`day`, `time` in WITA); `Scenario.timeline(day0)` turns them into
dated, rendered `Item`s (weekday and date placeholders filled in, a syndicated copy resolved to
its source's body with its own lead), which is what the demo sites serve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCENARIO_FILE = Path(__file__).resolve().parent / "scenario.yaml"
WITA = timezone(timedelta(hours=8), "WITA")
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
Stage = Literal["none", "prevention", "tension", "incident"]
Category = Literal["election", "identity", "resource", "boundary", "governance", "labor", "communal_violence",
                   "security", "disinformation"]


class Expected(BaseModel):
    """The labels an analyst gives the item (../shared/taxonomy.md)."""

    model_config = ConfigDict(extra="forbid")

    categories: list[Category] = Field(default_factory=list)
    stage: Stage
    intensity: int = Field(..., ge=0, le=3)
    place: str = Field(..., pattern=r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$", description="Kemendagri code")

    @model_validator(mode="after")
    def _consistent(self) -> Expected:
        if self.stage == "none" and (self.categories or self.intensity):
            raise ValueError("stage 'none' means no categories and intensity 0")
        if self.stage == "incident" and self.intensity == 0:
            raise ValueError("an incident has intensity >= 1")
        return self


class Outlet(BaseModel):
    """One demo news site or channel; `name` is its source (and spider) name."""

    model_config = ConfigDict(extra="forbid")

    key: str
    name: str = Field(..., pattern=r"^[a-z][a-z0-9_]{1,40}$")
    title: str
    platform: Literal["wordpress", "rss", "sitemap", "html", "telegram"]
    rest: bool = False
    dateline: str = ""
    tagline: str = ""
    channel: str | None = None


class Storyline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    place: str
    stages: list[Stage]


class _Dated(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(..., pattern=r"^[a-z0-9-]+$")
    outlet: str
    storyline: str
    day: int = Field(..., le=0, ge=-30)
    time: str = Field(..., pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    places: list[str] = Field(..., min_length=1, description="Place names the text mentions (Kemendagri names)")
    expected: Expected


class ArticleSpec(_Dated):
    """A news article; a syndicated copy names its source in `copy_of` and brings its own `lead`."""

    title: str
    author: str
    editor: str
    categories: list[str]
    tags: list[str] = Field(default_factory=list)
    body: str = ""
    copy_of: str | None = None
    lead: str = ""
    credit: str = ""

    @model_validator(mode="after")
    def _body_or_copy(self) -> ArticleSpec:
        if bool(self.body.strip()) == bool(self.copy_of):
            raise ValueError("give either a body or copy_of (with a lead)")
        if self.copy_of and not self.lead.strip():
            raise ValueError("a syndicated copy needs its own lead paragraph")
        return self


class PostSpec(_Dated):
    """A Telegram channel message."""

    text: str
    views: str = "1K"
    forwarded_from: str | None = None


class Clock(BaseModel):
    model_config = ConfigDict(extra="forbid")

    live_from: str = Field("06:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")


class Scenario(BaseModel):
    """The whole scenario file."""

    model_config = ConfigDict(extra="forbid")

    version: int
    clock: Clock = Field(default_factory=Clock)
    outlets: list[Outlet]
    storylines: list[Storyline]
    articles: list[ArticleSpec]
    posts: list[PostSpec] = Field(default_factory=list)

    @field_validator("outlets")
    @classmethod
    def _unique_outlets(cls, outlets: list[Outlet]) -> list[Outlet]:
        if len({o.key for o in outlets}) != len(outlets) or len({o.name for o in outlets}) != len(outlets):
            raise ValueError("outlet keys and names must be unique")
        return outlets

    @model_validator(mode="after")
    def _references(self) -> Scenario:
        outlets = {o.key: o for o in self.outlets}
        stories = {s.id for s in self.storylines}
        ids = [i.id for i in self.items]
        if len(set(ids)) != len(ids):
            raise ValueError("item ids must be unique")
        articles = {a.id: a for a in self.articles}
        for item in self.items:
            outlet = outlets.get(item.outlet)
            if outlet is None:
                raise ValueError(f"{item.id}: unknown outlet {item.outlet!r}")
            if item.storyline not in stories:
                raise ValueError(f"{item.id}: unknown storyline {item.storyline!r}")
            if (outlet.platform == "telegram") != isinstance(item, PostSpec):
                raise ValueError(f"{item.id}: posts belong on telegram outlets and articles on news outlets")
        for article in self.articles:
            if article.copy_of and (article.copy_of not in articles or articles[article.copy_of].copy_of):
                raise ValueError(f"{article.id}: copy_of must name an original article")
        return self

    @property
    def items(self) -> list[ArticleSpec | PostSpec]:
        return [*self.articles, *self.posts]

    def outlet(self, key: str) -> Outlet:
        return next(o for o in self.outlets if o.key == key)

    def live_from(self) -> time:
        return time.fromisoformat(self.clock.live_from)

    def last_live(self) -> time:
        """Local time of the last day-0 item (the demo's live part ends there)."""
        return max((time.fromisoformat(i.time) for i in self.items if i.day == 0), default=self.live_from())

    def timeline(self, day0: date) -> list[Item]:
        """Every item dated and rendered, oldest first; post ids count up per channel."""
        articles = {a.id: a for a in self.articles}
        dated = sorted(self.items, key=lambda i: (i.day, i.time, i.id))
        result: list[Item] = []
        next_id: dict[str, int] = {}
        for spec in dated:
            outlet = self.outlet(spec.outlet)
            when = datetime.combine(day0 + timedelta(days=spec.day), time.fromisoformat(spec.time), WITA)
            number = next_id.get(outlet.key, 101 if outlet.platform == "telegram" else 2401)
            next_id[outlet.key] = number + (1 if outlet.platform == "telegram" else 7)
            if isinstance(spec, PostSpec):
                text = fill(spec.text.strip(), when)
                result.append(Item(spec.id, outlet.key, when, text.split("\n", 1)[0], [text], number, spec=spec,
                                   forwarded_from=spec.forwarded_from, views=spec.views))
                continue
            body = spec.body
            if spec.copy_of:
                original = paragraphs(articles[spec.copy_of].body)
                body = "\n\n".join([spec.lead.strip(), *original[1:], spec.credit.strip()])
            result.append(Item(spec.id, outlet.key, when, spec.title, [fill(p, when) for p in paragraphs(body)],
                               number, spec=spec, author=spec.author, editor=spec.editor,
                               categories=list(spec.categories), tags=list(spec.tags)))
        return result


def expected_by_url(scenario: Scenario, base_urls: dict[str, str]) -> dict[str, Expected]:
    """The analyst labels of every scenario item by its document URL, given each outlet's base URL.

    Slugs and Telegram message numbers do not depend on the demo's dates, so this works from a
    sources file alone (no running server needed).
    """
    result: dict[str, Expected] = {}
    for item in scenario.timeline(date(2024, 12, 2)):
        outlet = scenario.outlet(item.outlet)
        if outlet.name not in base_urls or item.spec is None:
            continue
        url = (f"https://t.me/{outlet.channel}/{item.number}" if outlet.platform == "telegram"
               else base_urls[outlet.name].rstrip("/") + item.path)
        result[url] = item.spec.expected
    return result


@dataclass
class Item:
    """A dated, rendered article or post, as a demo site serves it."""

    id: str
    outlet: str
    published: datetime
    title: str
    paragraphs: list[str]
    number: int  # WordPress post id or Telegram message id
    spec: ArticleSpec | PostSpec | None = None
    author: str = "Redaksi"
    editor: str = "Redaksi"
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    forwarded_from: str | None = None
    views: str = "1K"

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def path(self) -> str:
        return f"/{self.slug}/"

    @property
    def initials(self) -> str:
        """Editor initials as Indonesian outlets print them after the last paragraph: '(fer/na)'."""
        writer = re.sub(r"[^a-z]", "", self.author.split()[0].lower())[:3] or "red"
        editor = "".join(w[0] for w in self.editor.split() if w[:1].isalpha()).lower() or "red"
        return f"{writer}/{editor}"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]


def slugify(title: str) -> str:
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", title.lower())).strip("-")[:90].rstrip("-")


def short_date(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def long_date(when: datetime) -> str:
    """'Senin, 2 Desember 2024 09:15 WITA', as a theme prints it."""
    return f"{DAYS[when.weekday()]}, {when.day} {MONTHS[when.month - 1]} {when.year} {when:%H:%M} WITA"


def fill(text: str, when: datetime) -> str:
    """Fill the weekday/date placeholders with the item's own date and the day before."""
    day, before = when.date(), when.date() - timedelta(days=1)
    values = {"hari": DAYS[day.weekday()], "tgl": short_date(day),
              "hari_kemarin": DAYS[before.weekday()], "tgl_kemarin": short_date(before)}
    return re.sub(r"\{(hari|tgl|hari_kemarin|tgl_kemarin)\}", lambda m: values[m.group(1)], text)


def load_scenario(path: Path | str | None = None) -> Scenario:
    """The scenario, validated (raises pydantic.ValidationError naming the bad field)."""
    data = yaml.safe_load(Path(path or SCENARIO_FILE).read_text(encoding="utf-8"))
    return Scenario.model_validate(data)


@lru_cache(maxsize=1)
def default_scenario() -> Scenario:
    return load_scenario()
