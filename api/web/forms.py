"""The current search of a page, read from and written back to query strings and hidden form fields.

Parsing only: the meaning of every parameter is `store.search.SearchParams` (the same model the
API's `/articles/search` and saved rules use); invalid input becomes a message on the page.
"""

from __future__ import annotations

from pydantic import ValidationError
from starlette.datastructures import FormData, QueryParams

from store.search import FILTER_FIELDS, SearchParams

LIST_FIELDS = tuple(FILTER_FIELDS)
SCALAR_FIELDS = ("q", "date_from", "date_to", "min_intensity", "min_risk")

PERIODS = {"7d": ("now-7d/d", "7 hari terakhir"), "30d": ("now-30d/d", "30 hari terakhir"),
           "90d": ("now-90d/d", "90 hari terakhir"), "365d": ("now-365d/d", "1 tahun terakhir"),
           "all": (None, "Semua waktu")}


def params_from(data: QueryParams | FormData, *, drop_dates: bool = False,
                default_period: str | None = None) -> tuple[SearchParams, str | None]:
    """SearchParams from a query string or form; on invalid input an empty search and the error message."""
    values: dict = {name: [v for v in data.getlist(name) if isinstance(v, str)] for name in LIST_FIELDS}
    for name in SCALAR_FIELDS:
        raw = data.get(name)
        if isinstance(raw, str) and raw.strip():
            values[name] = raw.strip()
    period = data.get("period") or (default_period if "date_from" not in data else None)
    if isinstance(period, str) and period in PERIODS and not values.get("date_from") and PERIODS[period][0]:
        values["date_from"] = PERIODS[period][0]
    if drop_dates:
        values.pop("date_from", None)
        values.pop("date_to", None)
    try:
        return SearchParams(**values), None
    except ValidationError as exc:
        return SearchParams(), "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())


def params_items(params: SearchParams) -> list[tuple[str, str]]:
    """(name, value) pairs of a search, for query strings and hidden fields (empty values left out)."""
    items: list[tuple[str, str]] = []
    for name in SCALAR_FIELDS:
        value = getattr(params, name)
        if value not in (None, ""):
            items.append((name, str(value)))
    for name in LIST_FIELDS:
        items.extend((name, v) for v in getattr(params, name))
    return items


def toggled(params: SearchParams, name: str, value: str) -> SearchParams:
    """The same search with `value` added to (or removed from) the filter `name`."""
    current = list(getattr(params, name))
    current = [v for v in current if v != value] if value in current else [*current, value]
    return params.model_copy(update={name: current})
