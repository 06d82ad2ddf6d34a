"""Alerts inbox, alert actions, the live count of new alerts, rules and digest preview (analyst role).

Alerts are read with `store.alerts.AlertRepository`; a status change goes through the alerts
package's lifecycle (`alerts.lifecycle`) so the UI and the API record the same history. Rules are
saved with `alerts.rules.save_rule` from the search the analyst is looking at.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import ValidationError

from api.deps import EsDep
from api.web.forms import params_from, params_items
from api.web.render import STATUS_LABELS, page, query_string
from api.web.search_pages import region_labels
from api.web.session import Analyst, AnalystJson, WebError, check_csrf
from store.alerts import AlertRepository
from store.rules import RuleRepository

router = APIRouter()

STATUSES = tuple(STATUS_LABELS)
ACTIONS = {"acknowledge": "acknowledged", "verify": "verified", "dismiss": "dismissed", "reopen": "new"}
PAGE_SIZE = 50


def _repo(request: Request, client) -> AlertRepository:
    return AlertRepository(client, request.app.state.settings.es.index_prefix)


def _filters(region: str, category: str, kind: str) -> list[dict]:
    filters: list[dict] = []
    if region:
        filters.append({"term": {"region_codes": region}})
    if category:
        filters.append({"term": {"categories": category}})
    if kind:
        filters.append({"term": {"type": kind}})
    return filters


@router.get("/alerts")
def alerts_page(request: Request, user: Analyst, client: EsDep, status: str = "new", region: str = "",
                category: str = "", type: str = ""):
    """The inbox: one tab per status, filters by region, category and type, actions with a note."""
    status = status if status in STATUSES else "new"
    repo = _repo(request, client)
    filters = _filters(region[:20], category[:40], type[:20])
    counts = {s: repo.search(filters=[*filters, {"term": {"status": s}}], size=0)[0] for s in STATUSES}
    total, alerts = repo.search(filters=[*filters, {"term": {"status": status}}], size=PAGE_SIZE)
    names = region_labels(request)
    keep = [("region", region), ("category", category), ("type", type)]
    return page(request, "alerts.html", nav="alerts", status=status, counts=counts, total=total, alerts=alerts,
                region=region, category=category, kind=type, names=names,
                regencies=sorted((c, n) for c, n in names.items() if c.count(".") == 1),
                tab_qs={s: query_string([("status", s), *keep]) for s in STATUSES},
                here_qs=query_string([("status", status), *keep]), actions=ACTIONS)


@router.get("/alerts/count")
def alerts_count(request: Request, user: AnalystJson, client: EsDep):
    """How many alerts are new (polled by the page every 15 s)."""
    total, _ = _repo(request, client).search(filters=[{"term": {"status": "new"}}], size=0)
    return JSONResponse({"new": total}, headers={"Cache-Control": "no-store"})


@router.post("/alerts/{alert_id}/action")
def alert_action(request: Request, user: Analyst, client: EsDep, alert_id: str,
                 action: Annotated[str, Form(max_length=20)], csrf: Annotated[str, Form(max_length=100)] = "",
                 note: Annotated[str, Form(max_length=2000)] = "", back: Annotated[str, Form(max_length=500)] = ""):
    """Acknowledge, verify, dismiss or reopen an alert, with an optional note."""
    check_csrf(user, csrf)
    if action not in ACTIONS:
        raise WebError(400, f"E073: unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    change_status(_repo(request, client), alert_id[:100], ACTIONS[action], user.key.id, note.strip())
    target = back if back.startswith("status=") or back == "" else ""
    return RedirectResponse("/ui/alerts?" + target, status_code=303)


def change_status(repo: AlertRepository, alert_id: str, to: str, by: str, note: str) -> dict:
    """One lifecycle step, through the alerts package (the same code as the API's alert routes)."""
    try:
        from alerts import lifecycle  # type: ignore[attr-defined]
    except ImportError:  # the lifecycle module has not landed yet: record the step with the store's CAS update
        lifecycle = None
    if lifecycle is not None:
        return lifecycle.transition(repo, alert_id, to, by=by, note=note)
    for _ in range(5):
        current = repo.get_versioned(alert_id)
        if current is None:
            raise WebError(404, f"E074: no alert with id {alert_id!r}; it may have been removed")
        alert, seq_no, term = current
        from alerts.ids import iso, utc_now

        now = iso(utc_now())
        step = {"at": now, "by": by, "from": alert.get("status"), "to": to, "note": note or None}
        alert = {**alert, "status": to, "updated": now, "history": [*(alert.get("history") or []), step]}
        if to in ("verified", "dismissed"):
            alert.update(verdict=to, verdict_by=by, verdict_at=now)
        if repo.replace_if_unchanged(alert, seq_no, term):
            return alert
    raise WebError(409, "E075: the alert kept changing while saving; reload the page and retry")


# --- rules -----------------------------------------------------------------------------------------------------------

@router.get("/rules")
def rules_page(request: Request, user: Analyst, client: EsDep):
    """Saved rules, and a form that saves the current search as a new rule."""
    params, error = params_from(request.query_params, drop_dates=True)
    rules = RuleRepository(client, request.app.state.settings.es.index_prefix).list()
    return page(request, "rules.html", nav="rules", rules=rules, params=params, hidden=params_items(params),
                error=error, names=region_labels(request), saved=request.query_params.get("saved"))


@router.post("/rules")
async def create_rule(request: Request, user: Analyst, client: EsDep):
    """Save the search posted by the form (its SearchParams) as a rule with thresholds."""
    from alerts.rules import RuleCreate, save_rule

    form = await request.form()
    check_csrf(user, str(form.get("csrf") or ""))
    params, error = params_from(form, drop_dates=True)
    if error:
        raise WebError(400, error)
    try:
        data = RuleCreate(name=str(form.get("name") or "").strip(), description=str(form.get("description") or ""),
                          params=params, min_risk=_number(form.get("rule_min_risk"), float),
                          min_intensity=_number(form.get("rule_min_intensity"), int))
    except (ValidationError, ValueError) as exc:
        raise WebError(400, f"E076: the rule is not valid: {exc}; go back and correct the form") from exc
    rule = save_rule(RuleRepository(client, request.app.state.settings.es.index_prefix), data, owner=user.key.id)
    return RedirectResponse("/ui/rules?" + query_string([("saved", rule.id)]), status_code=303)


def _number(value, kind):
    if value is None or str(value).strip() == "":
        return None
    return kind(str(value).strip())


@router.post("/rules/{rule_id}/delete")
def delete_rule(request: Request, user: Analyst, client: EsDep, rule_id: str,
                csrf: Annotated[str, Form(max_length=100)] = ""):
    """Delete a rule (its alerts stay in the inbox)."""
    check_csrf(user, csrf)
    RuleRepository(client, request.app.state.settings.es.index_prefix).delete(rule_id[:100])
    return RedirectResponse("/ui/rules", status_code=303)
