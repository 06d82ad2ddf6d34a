"""The source registry: sources.yaml read and validated, with errors that say what to fix.

A source is a few lines of YAML: its name (= the spider name), platform, base URL, home region
code (Kemendagri; sets the default time zone), language and politeness. Every URL a spider
fetches derives from `base_url` (or `feeds`/`sitemaps`/`listing_urls`), so tests and demos point
a source at a local server by overriding `base_url` (`--base-url`, `-a base_url=…`, or a
sources file of their own via WASPADA_CRAWL_SOURCES_FILE).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_SOURCES_FILE = Path(__file__).resolve().parent / "sources.yaml"
Platform = Literal["wordpress", "rss", "sitemap", "html", "telegram"]


class SourceError(ValueError):
    """sources.yaml is missing, unreadable or invalid; the message says what to fix."""


class Politeness(BaseModel):
    """How hard a source may be crawled."""

    model_config = ConfigDict(extra="forbid")

    download_delay: float = Field(1.0, ge=0, description="Seconds between requests to the source's domain")
    concurrency: int = Field(2, ge=1, le=16, description="Parallel requests to the source's domain")
    max_pages: int = Field(50, ge=1, description="Listing/API/feed pages followed per run")
    depth_limit: int = Field(3, ge=1, le=10, description="Link depth of HTML listing crawls")


class Source(BaseModel):
    """One outlet or channel."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., description="Spider name: lowercase letters, digits and underscores")
    title: str = Field(..., description="Display name of the outlet")
    platform: Platform
    base_url: str
    region_code: str = Field(..., description="Kemendagri code of the home region (65 = Kalimantan Utara)")
    language: str = "id"
    verified: bool = Field(False, description="Platform and URLs checked against the live site")
    enabled: bool = True
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    listing_urls: list[str] = Field(default_factory=list)
    article_pattern: str | None = Field(None, description="Regex an article URL matches (html platform)")
    channel: str | None = Field(None, description="Telegram channel name (telegram platform)")
    politeness: Politeness = Field(default_factory=Politeness)
    interval: int | None = Field(None, ge=10, description="Seconds between crawls under `waspada run`; "
                                 "empty = WASPADA_CRAWL_INTERVAL")

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]{1,40}", value):
            raise ValueError("must be lowercase letters, digits or '_' (it is the spider and file name)")
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("must be an http(s) URL such as https://teraskaltara.id")
        return value.rstrip("/")

    @field_validator("region_code")
    @classmethod
    def _region(cls, value: str) -> str:
        if not re.fullmatch(r"\d{2}(\.\d{2}){0,3}", str(value)):
            raise ValueError("must be a Kemendagri code such as 65 or 65.01")
        return str(value)

    @field_validator("article_pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"is not a valid regex ({exc})") from exc
        return value

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"


def _format(error: ValidationError, name: str, path: Path) -> str:
    lines = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "(source)"
        lines.append(f"W311: {path}: source {name!r}: {where}: {item['msg']}; fix it in {path}")
    return "\n".join(lines)


def load_sources(path: Path | str | None = None) -> dict[str, Source]:
    """All sources by name; raises SourceError naming every problem."""
    path = Path(path) if path else DEFAULT_SOURCES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourceError(f"W310: no sources file at {path}; create it or set WASPADA_CRAWL_SOURCES_FILE") from exc
    except yaml.YAMLError as exc:
        raise SourceError(f"W310: {path} is not valid YAML ({exc}); fix the syntax") from exc
    entries = (data or {}).get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SourceError(f"W310: {path} needs a top-level 'sources:' list")
    sources: dict[str, Source] = {}
    problems = []
    for index, entry in enumerate(entries):
        name = entry.get("name", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            problems.append(_format(exc, name, path))
            continue
        if source.name in sources:
            problems.append(f"W312: {path}: source {source.name!r} appears twice; keep one entry")
        if source.platform == "telegram" and not source.channel:
            problems.append(f"W313: {path}: source {source.name!r} is a telegram source without 'channel'; add it")
        sources[source.name] = source
    if problems:
        raise SourceError("\n".join(problems))
    return sources


def get_source(name: str, path: Path | str | None = None) -> Source:
    sources = load_sources(path)
    if name not in sources:
        known = ", ".join(sorted(sources))
        raise SourceError(f"W314: unknown source {name!r}; known sources: {known}. Add it to sources.yaml")
    return sources[name]
