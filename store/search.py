"""Article search: the user's query and filters (`SearchParams`) turned into Elasticsearch bodies.

Pure functions, no client: `build_query(params)` is the bool query (full text + filters) and is
also what a saved search stores as a percolator query, so every filter here must mean the same
thing against one document as against the index. Dates are absolute ISO dates or Elasticsearch
date math (`now-7d/d`), kept as strings so a saved rule can say "the last week".
`build_search_body(...)` adds sort, paging (`search_after`), facets and highlights.

Users never send query DSL: their text goes through `store.queries.full_text`
(simple_query_string), every filter value is a keyword compared with `terms`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from store.queries import MAX_QUERY_CHARS, QueryError, full_text

Sort = Literal["relevance", "newest", "risk"]
Interval = Literal["hour", "day", "week", "month", "year"]

MAX_VALUES = 50          # values per filter
MAX_VALUE_CHARS = 200    # characters per filter value
MAX_PAGE_SIZE = 100
FACET_SIZE = 20
DATE_FIELD = "published"
#: Dates without an offset, day rounding (`now/d`) and histogram buckets use the analysts' time zone
#: (Kalimantan Utara = WITA, UTC+8).
TIME_ZONE = "+08:00"

_DATE_MATH = re.compile(r"^now([+-]\d{1,6}[yMwdhHms])*(/[yMwdhHms])?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$")

Values = Annotated[list[str], Field(default_factory=list, max_length=MAX_VALUES)]

#: filter name → (keyword field, nested path or None); the facet of the same name uses it too
FILTER_FIELDS: dict[str, tuple[str, str | None]] = {
    "source": ("source", None),
    "region": ("region_codes", None),
    "actor": ("actors.normalized", "actors"),
    "actor_type": ("actor_types", None),
    "category": ("conflict.categories", None),
    "stage": ("conflict.stage", None),
    "sentiment": ("sentiment.label", None),
    "language": ("language", None),
    "kind": ("kind", None),
}
FACETS = tuple(FILTER_FIELDS) + ("risk_band",)

SORTS: dict[str, list] = {
    "relevance": ["_score", {"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
    "newest": [{"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
    "risk": [{"risk.score": {"order": "desc", "missing": "_last"}},
             {"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
}


class SearchParams(BaseModel):
    """What a user (or a saved search rule) asks for: query text and filters. Empty = no filter."""

    model_config = ConfigDict(extra="forbid")

    q: str = Field("", max_length=MAX_QUERY_CHARS,
                   description='Words (stemmed), "exact phrases", +must, -must_not, a OR b')
    date_from: str | None = Field(None, description="Published on or after: ISO date/time or date math (now-7d/d)")
    date_to: str | None = Field(None, description="Published on or before: ISO date/time or date math (now)")
    source: Values = Field(description="Source ids (e.g. kaltara-tribunnews)")
    region: Values = Field(description="Kemendagri codes at any level (65, 65.04, 65.04.01, ...)")
    actor: Values = Field(description="Actor names (normalized or as written)")
    actor_type: Values = Field(description="government, security, legislature, election_body, party, mass_org, "
                                            "company, community, person, other")
    category: Values = Field(description="Conflict categories (election, identity, resource, ...)")
    stage: Values = Field(description="Conflict stages (none, prevention, tension, incident)")
    sentiment: Values = Field(description="negative, neutral, positive")
    language: Values = Field(description="Language codes (id, en, ...)")
    kind: Values = Field(description="Document kinds (article, post, ...)")
    min_intensity: int | None = Field(None, ge=0, le=3, description="Lowest conflict intensity (0-3)")
    min_risk: float | None = Field(None, ge=0, le=1000, description="Lowest risk score (0-100)")

    @field_validator("q")
    @classmethod
    def _clean_text(cls, value: str) -> str:
        if "\x00" in value:
            raise ValueError("E032: the query contains a NUL character; remove it")
        return value

    @field_validator("source", "region", "actor", "actor_type", "category", "stage", "sentiment",
                     "language", "kind")
    @classmethod
    def _clean_values(cls, values: list[str]) -> list[str]:
        cleaned = []
        for value in values:
            value = value.strip()
            if not value:
                continue
            if len(value) > MAX_VALUE_CHARS or "\x00" in value:
                raise ValueError(f"E033: filter value too long or with a NUL character (max {MAX_VALUE_CHARS})")
            cleaned.append(value)
        return list(dict.fromkeys(cleaned))

    @field_validator("date_from", "date_to")
    @classmethod
    def _check_date(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if _DATE_MATH.match(value):
            return value
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
        except ValueError as exc:
            raise ValueError("E034: dates are ISO (2024-12-01 or 2024-12-01T08:00:00+08:00) "
                             "or date math (now-7d/d)") from exc
        if not _ISO_DATE.match(value) or not 1 <= parsed.year <= 9999:
            # e.g. an offset with seconds (+07:57:36) from Python's isoformat: Elasticsearch wants UTC then
            return parsed.astimezone(timezone.utc).isoformat(timespec="milliseconds") if parsed.tzinfo \
                else parsed.isoformat(timespec="milliseconds")
        return value

    @model_validator(mode="after")
    def _check_range(self) -> SearchParams:
        if self.date_from and self.date_to and _ISO_DATE.match(self.date_from) and _ISO_DATE.match(self.date_to):
            start = _as_utc(self.date_from)
            end = _as_utc(self.date_to)
            if start > end:
                raise ValueError("E035: date_from is after date_to; swap them")
        return self

    def fingerprint(self) -> str:
        """A short hash of the query and filters; a cursor is only valid for the same search."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]


def _as_utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _terms(field: str, nested: str | None, values: list[str]) -> dict:
    if nested == "actors":
        # an actor matches by its normalized form or as written
        inner = {"bool": {"should": [{"terms": {"actors.normalized": values}}, {"terms": {"actors.name": values}}],
                          "minimum_should_match": 1}}
        return {"nested": {"path": nested, "query": inner}}
    return {"terms": {field: values}}


def build_filters(params: SearchParams) -> list[dict]:
    """The non-scoring clauses: each filter present becomes one clause (AND between filters, OR within)."""
    clauses: list[dict] = []
    for name, (field, nested) in FILTER_FIELDS.items():
        values = getattr(params, name)
        if values:
            clauses.append(_terms(field, nested, values))
    if params.date_from or params.date_to:
        bounds: dict = {}
        if params.date_from:
            bounds["gte"] = params.date_from
        if params.date_to:
            bounds["lte"] = params.date_to
        clauses.append({"range": {DATE_FIELD: {**bounds, "time_zone": TIME_ZONE}}})
    if params.min_intensity is not None:
        clauses.append({"range": {"conflict.intensity": {"gte": params.min_intensity}}})
    if params.min_risk is not None:
        clauses.append({"range": {"risk.score": {"gte": params.min_risk}}})
    return clauses


def build_query(params: SearchParams) -> dict:
    """The bool query of a search: full text (scoring) + filters. Also a valid percolator query."""
    return {"bool": {"must": [full_text(params.q)], "filter": build_filters(params)}}


# --- cursors -------------------------------------------------------------------------------------------------------

class Cursor(BaseModel):
    """Where the next page starts, and the `indexed` bound that pins the result set."""

    v: int = 1
    sort: str
    fp: str
    upper: str
    after: list = Field(default_factory=list)
    offset: int = Field(0, ge=0, le=MAX_PAGE_SIZE * 1000)

    def encode(self) -> str:
        return encode_cursor(self)


def encode_cursor(cursor: Cursor) -> str:
    return base64.urlsafe_b64encode(cursor.model_dump_json().encode()).decode().rstrip("=")


def decode_cursor(token: str, params: SearchParams, sort: str) -> Cursor:
    """Read an opaque cursor; refuse one from another search (QueryError → HTTP 400)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        cursor = Cursor.model_validate_json(raw)
    except (binascii.Error, ValueError) as exc:
        raise QueryError("E036: invalid cursor; start again without a cursor") from exc
    if cursor.sort != sort or cursor.fp != params.fingerprint():
        raise QueryError("E037: the cursor belongs to another search or sort; start again without a cursor")
    if (sort != "relevance" or cursor.after) and (not 1 <= len(cursor.after) <= 4
                                                  or not all(isinstance(v, (int, float, str)) for v in cursor.after)):
        raise QueryError("E036: invalid cursor; start again without a cursor")
    return cursor


def pin_clause(upper: str) -> dict:
    """Only documents indexed up to `upper` (or with no `indexed` time) — new arrivals do not shift pages."""
    return {"bool": {"should": [{"range": {"indexed": {"lte": upper}}},
                                {"bool": {"must_not": {"exists": {"field": "indexed"}}}}],
                     "minimum_should_match": 1}}


def now_upper() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


# --- facets and highlights -----------------------------------------------------------------------------------------

def facet_aggs(facets: list[str] | tuple[str, ...], interval: str | None = "day") -> dict:
    """Terms aggregations for the named facets (nested for actors) and an optional date histogram."""
    aggs: dict = {}
    for name in facets:
        if name == "risk_band":
            aggs[name] = {"terms": {"field": "risk.band", "size": FACET_SIZE}}
            continue
        field, nested = FILTER_FIELDS[name]
        if nested:
            aggs[name] = {"nested": {"path": nested},
                          "aggs": {"values": {"terms": {"field": field, "size": FACET_SIZE},
                                              "aggs": {"articles": {"reverse_nested": {}}}}}}
        else:
            aggs[name] = {"terms": {"field": field, "size": FACET_SIZE}}
    if interval:
        aggs["histogram"] = {"date_histogram": {"field": DATE_FIELD, "calendar_interval": interval,
                                                "min_doc_count": 1, "time_zone": TIME_ZONE}}
    return aggs


def read_facets(aggregations: dict) -> dict[str, list[dict]]:
    """Elasticsearch aggregations → {facet: [{value, count}]}; actors count articles, not mentions."""
    out: dict[str, list[dict]] = {}
    for name, agg in aggregations.items():
        if name == "histogram":
            out[name] = [{"value": b["key_as_string"], "count": b["doc_count"]} for b in agg["buckets"]]
        elif "values" in agg:
            out[name] = [{"value": b["key"], "count": b["articles"]["doc_count"]} for b in agg["values"]["buckets"]]
        else:
            out[name] = [{"value": b["key"], "count": b["doc_count"]} for b in agg["buckets"]]
    return out


HIGHLIGHT = {
    "fields": {"title": {"number_of_fragments": 0}, "text": {"fragment_size": 160, "number_of_fragments": 3}},
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
}


def build_search_body(params: SearchParams, sort: str = "relevance", size: int = 20, cursor: Cursor | None = None,
                      facets: list[str] | tuple[str, ...] = (), highlight: bool = True,
                      interval: str | None = None, upper: str | None = None,
                      source: list[str] | bool | None = None) -> dict:
    """A complete search body. `cursor` continues a search; `upper` pins a first page (default: the cursor's)."""
    if sort not in SORTS:
        raise QueryError(f"E038: unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise QueryError(f"E039: page size must be 0..{MAX_PAGE_SIZE}; use the export for more")
    query = build_query(params)
    bound = cursor.upper if cursor else upper
    if bound:
        query["bool"]["filter"].append(pin_clause(bound))
    body: dict = {"query": query, "size": size, "sort": SORTS[sort], "track_total_hits": True}
    if cursor and cursor.after:
        body["search_after"] = cursor.after
    elif cursor and cursor.offset:
        body["from_"] = cursor.offset  # relevance pages (see run_search); the client's name for `from`
    if facets or interval:
        unknown = [f for f in facets if f not in FACETS]
        if unknown:
            raise QueryError(f"E038: unknown facet {unknown[0]!r}; use any of {', '.join(FACETS)}")
        body["aggs"] = facet_aggs(facets, interval)
    if highlight and params.q.strip():
        body["highlight"] = HIGHLIGHT
    if source is not None:
        body["_source"] = source
    return body


# --- running a search ----------------------------------------------------------------------------------------------

#: Relevance scores move when documents are added (term statistics change), so `search_after` on
#: `_score` is not stable; relevance pages use an offset inside the pinned result set instead (stateless,
#: no server-side context), up to Elasticsearch's result window. Date and risk orders use `search_after`
#: on stored values and are exact at any depth.
MAX_RELEVANCE_DEPTH = 10_000


def run_search(repo, params: SearchParams, sort: str = "relevance", size: int = 20, cursor_token: str | None = None,
               facets: list[str] | tuple[str, ...] = (), highlight: bool = True,
               interval: str | None = None) -> tuple[dict, str | None]:
    """One page of a search through an ArticleRepository: (Elasticsearch response, next cursor or None)."""
    previous = decode_cursor(cursor_token, params, sort) if cursor_token else None
    upper = previous.upper if previous else now_upper()
    offset = previous.offset if previous else 0
    if sort == "relevance" and offset + size > MAX_RELEVANCE_DEPTH:
        raise QueryError(f"E063: relevance pages stop at {MAX_RELEVANCE_DEPTH} hits; "
                         "use sort=newest or sort=risk, or the export, to go deeper")
    body = build_search_body(params, sort=sort, size=size, cursor=previous, facets=facets, highlight=highlight,
                             interval=interval, upper=upper)
    found = repo.search(body)
    hits = found["hits"]["hits"]
    next_cursor = None
    if size and len(hits) == size:
        if sort == "relevance":
            if offset + 2 * size <= MAX_RELEVANCE_DEPTH:
                next_cursor = Cursor(sort=sort, fp=params.fingerprint(), upper=upper, offset=offset + size).encode()
        else:
            next_cursor = Cursor(sort=sort, fp=params.fingerprint(), upper=upper, after=hits[-1]["sort"]).encode()
    return found, next_cursor
