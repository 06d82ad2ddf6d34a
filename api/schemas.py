"""Pydantic schemas of the API's requests and responses."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class HealthPublic(BaseModel):
    status: str = Field(description="ok, degraded or down")
    elasticsearch: dict = Field(description="cluster name, status, version and node count, or the error")
    version: str


class ArticleHit(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: datetime | None = None
    score: float | None = None
    highlight: dict[str, list[str]] = Field(default_factory=dict)
    source_name: str | None = None
    kind: str | None = None
    language: str | None = None
    summary: str | None = None
    region_codes: list[str] = Field(default_factory=list)
    primary_location: dict | None = None
    actor_names: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list, description="conflict.categories")
    stage: str | None = Field(None, description="conflict.stage")
    intensity: int | None = Field(None, description="conflict.intensity")
    sentiment: str | None = Field(None, description="sentiment.label")
    risk_score: float | None = None
    risk_band: str | None = None
    cluster_id: str | None = None

    @classmethod
    def from_hit(cls, hit: dict) -> ArticleHit:
        """A search hit (`_source` + score + highlight) as the public summary of an article."""
        src = hit["_source"]
        conflict = src.get("conflict") or {}
        risk = src.get("risk") or {}
        return cls(id=src["id"], title=src.get("title"), url=src.get("url"), source=src.get("source"),
                   published=src.get("published"), score=hit.get("_score"), highlight=hit.get("highlight", {}),
                   source_name=src.get("source_name"), kind=src.get("kind"), language=src.get("language"),
                   summary=src.get("summary"), region_codes=src.get("region_codes") or [],
                   primary_location=src.get("primary_location"), actor_names=src.get("actor_names") or [],
                   categories=conflict.get("categories") or [], stage=conflict.get("stage"),
                   intensity=conflict.get("intensity"), sentiment=(src.get("sentiment") or {}).get("label"),
                   risk_score=risk.get("score"), risk_band=risk.get("band"), cluster_id=src.get("cluster_id"))


class ArticleSearchPublic(BaseModel):
    total: int
    hits: list[ArticleHit]
