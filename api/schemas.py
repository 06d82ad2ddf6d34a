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


class ArticleSearchPublic(BaseModel):
    total: int
    hits: list[ArticleHit]
