"""Pydantic schemas of search, article detail, region summaries, sources and keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from api.schemas import ArticleHit


class FacetValue(BaseModel):
    value: str | int | float
    count: int


class SearchPublic(BaseModel):
    """One page of a search."""

    total: int = Field(description="Matching documents in the pinned result set")
    hits: list[ArticleHit]
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict,
                                                description="Per facet the top values with article counts; "
                                                            "`histogram` = articles per interval")
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null on the last page")


class StoryOutlet(BaseModel):
    id: str
    source: str | None = None
    source_name: str | None = None
    title: str | None = None
    url: str | None = None
    published: datetime | None = None


class ArticleDetail(BaseModel):
    """An article with its enrichment: places, actors, conflict cues, sentiment and risk."""

    id: str
    kind: str | None = None
    url: str | None = None
    source: str | None = None
    source_name: str | None = None
    platform: str | None = None
    title: str | None = None
    text: str | None = None
    summary: str | None = None
    language: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    crawled: datetime | None = None
    indexed: datetime | None = None
    authors: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    locations: list[dict[str, Any]] = Field(default_factory=list)
    primary_location: dict[str, Any] | None = None
    region_codes: list[str] = Field(default_factory=list)
    actors: list[dict[str, Any]] = Field(default_factory=list)
    entities: dict[str, Any] | list[Any] | None = None
    conflict: dict[str, Any] | None = Field(None, description="categories, stage, intensity and the cues found")
    sentiment: dict[str, Any] | None = None
    risk: dict[str, Any] | None = None
    cluster_id: str | None = None
    same_story: list[StoryOutlet] = Field(default_factory=list,
                                          description="Other outlets that carried the same story (same cluster_id)")


class RegionSummary(BaseModel):
    code: str
    name: str | None = None
    level: Literal["regency", "district"]
    articles: int
    incidents: int = Field(description="Articles at stage incident")
    max_intensity: int | None = None
    risk_score: float | None = Field(None, description="90th percentile of the articles' risk scores")
    risk_band: str = Field(description="Aman, Cenderung Aman, Rawan or Sangat Rawan")


class RegionSummaryPublic(BaseModel):
    level: Literal["regency", "district"]
    parent: str
    date_from: str | None = None
    date_to: str | None = None
    regions: list[RegionSummary]


class SourceHealth(BaseModel):
    source: str
    source_name: str | None = None
    platform: str | None = None
    last_success: datetime | None = None
    last_new_item: datetime | None = None
    last_finish_reason: str | None = None
    last_error: str | None = None
    last_items: int | None = None
    runs: int | None = None
    failed_runs: int | None = None
    days_silent: float | None = Field(None, description="Days since the last new item (or last success)")
    silent: bool = Field(description="No new item for WASPADA_CRAWL_SILENT_DAYS days, or never succeeded")


class KeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200, description="Who or what uses the key")
    role: Literal["consumer", "analyst", "admin"] = "consumer"
    rate_limit_per_minute: int | None = Field(None, ge=1, le=1_000_000,
                                              description="Override of WASPADA_API_RATE_LIMIT_PER_MINUTE")


class KeyPublic(BaseModel):
    id: str
    name: str
    role: str
    created: str
    revoked: str | None = None
    rate_limit_per_minute: int | None = None


class KeyCreated(KeyPublic):
    key: str = Field(description="The API key itself; shown only now, store it safely")
