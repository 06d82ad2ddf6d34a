"""Per-source crawl state: high-water marks for incremental crawls and source health.

One document per source in the `crawl_state` alias (index_mappings/crawl_state.json). The
crawler reads the high-water mark when a run starts and writes it only after the run's items are
stored, so a killed run is simply redone from the old mark. Health (last success, items per run,
errors, days silent) answers "which sources went quiet?" for the API.
"""

from __future__ import annotations

from datetime import datetime, timezone

from elasticsearch import Elasticsearch, NotFoundError

from store.indices import alias_name

ALIAS = "crawl_state"
HISTORY = 20


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def get_state(client: Elasticsearch, source: str, prefix: str = "") -> dict | None:
    """The stored state of one source, or None before its first run."""
    try:
        return client.get(index=alias_name(ALIAS, prefix), id=source)["_source"]
    except NotFoundError:
        return None


def high_water_mark(client: Elasticsearch, source: str, prefix: str = "") -> tuple[datetime | None, int | None]:
    """(newest stored modification time, newest stored post id) of a source."""
    state = get_state(client, source, prefix) or {}
    return _parse(state.get("hwm")), state.get("hwm_post_id")


def record_run(client: Elasticsearch, source: str, *, prefix: str = "", started: datetime, finished: datetime | None = None,
               reason: str, items: int, errors: int, last_error: str | None = None,
               hwm: datetime | None = None, hwm_post_id: int | None = None, newest_item: datetime | None = None,
               meta: dict | None = None) -> dict:
    """Store one run's outcome; the mark only moves forward and only on a finished run."""
    state = get_state(client, source, prefix) or {"source": source, "runs": 0, "failed_runs": 0,
                                                   "items_total": 0, "history": []}
    finished = finished or _now()
    success = reason == "finished"
    state.update(meta or {})
    state["runs"] = state.get("runs", 0) + 1
    state["last_run_started"] = started.isoformat()
    state["last_run_finished"] = finished.isoformat()
    state["last_finish_reason"] = reason
    state["last_items"] = items
    state["last_errors"] = errors
    state["last_error"] = last_error
    state["items_total"] = state.get("items_total", 0) + items
    if success:
        state["last_success"] = finished.isoformat()
        old = _parse(state.get("hwm"))
        if hwm is not None and (old is None or hwm > old):
            state["hwm"] = hwm.isoformat()
        if hwm_post_id is not None and hwm_post_id > (state.get("hwm_post_id") or 0):
            state["hwm_post_id"] = hwm_post_id
    else:
        state["failed_runs"] = state.get("failed_runs", 0) + 1
    if newest_item is not None:
        old_new = _parse(state.get("last_new_item"))
        if old_new is None or newest_item > old_new:
            state["last_new_item"] = newest_item.isoformat()
    history = list(state.get("history") or [])
    history.append({"finished": finished.isoformat(), "items": items, "errors": errors, "reason": reason})
    state["history"] = history[-HISTORY:]
    state["updated"] = _now().isoformat()
    client.index(index=alias_name(ALIAS, prefix), id=source, document=state, refresh="wait_for")
    return state


def days_silent(state: dict, now: datetime | None = None) -> float | None:
    """Days since the source last gave a new item (or, before any, since its last success)."""
    now = now or _now()
    newest = _parse(state.get("last_new_item")) or _parse(state.get("last_success"))
    if newest is None:
        return None
    return round((now - newest).total_seconds() / 86400, 2)


def source_health(client: Elasticsearch, prefix: str = "", now: datetime | None = None) -> list[dict]:
    """Every source's health, with `days_silent` computed now."""
    result = client.search(index=alias_name(ALIAS, prefix), query={"match_all": {}}, size=1000,
                           sort=[{"source": "asc"}])
    rows = []
    for hit in result["hits"]["hits"]:
        state = hit["_source"]
        state["days_silent"] = days_silent(state, now)
        rows.append(state)
    return rows


def silent_sources(client: Elasticsearch, days: float = 3, prefix: str = "", now: datetime | None = None) -> list[dict]:
    """Sources with no new item for `days` days, or whose last runs all failed (for the API)."""
    silent = []
    for state in source_health(client, prefix, now):
        quiet = state["days_silent"] is None or state["days_silent"] >= days
        broken = state.get("last_finish_reason") not in (None, "finished") and not state.get("last_success")
        if quiet or broken:
            silent.append(state)
    return silent
