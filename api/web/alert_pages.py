"""Alerts inbox, alert actions, the live count of new alerts, rules and digest preview (analyst role).

Alerts (listing, status changes) and rules go through the API's own route functions
(`api.routes.alerts.list_alerts`; `transition_alert`: lifecycle + audit trail + webhook event;
`api.routes.rules`: `alerts.rules.save_rule` of the search the analyst is looking at); digests are
previewed with `alerts.digest.build` + `render_html`/`render_text` (the e-mailed content).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import ValidationError

from alerts.lifecycle import TRANSITIONS
from alerts.rules import RuleCreate
from api.deps import EsDep
from api.routes.alerts import Transition, list_alerts, transition_alert
from api.routes.rules import create_rule as api_create_rule
from api.routes.rules import delete_rule as api_delete_rule
from api.routes.rules import list_rules
from api.web.forms import params_from, params_items
from api.web.render import STATUS_LABELS, page, query_string
from api.web.search_pages import region_labels
from api.web.session import Analyst, AnalystJson, WebError, WebUser, check_csrf

router = APIRouter()

STATUSES = tuple(STATUS_LABELS)
#: form action → target status; the buttons shown for an alert are those `alerts.lifecycle` allows
ACTIONS = {"acknowledge": "acknowledged", "verify": "verified", "dismiss": "dismissed", "reopen": "new"}
ACTION_OF = {status: action for action, status in ACTIONS.items()}
PAGE_SIZE = 50


@router.get("/alerts")
def alerts_page(request: Request, user: Analyst, client: EsDep, status: str = "new", region: str = "",
                category: str = "", type: str = "", offset: Annotated[int, Query(ge=0, le=10000)] = 0):
    """The inbox: one tab per status, filters by region, category and type, actions with a note."""
    status = status if status in STATUSES else "new"
    region, category, kind = region[:40], category[:40], type[:20]

    def listed(state: str, size: int, start: int = 0):
        return list_alerts(user.key, request, client, status=[state], type=[kind] if kind else None,
                           rule_id=None, region=region or None, category=category or None, size=size, offset=start)

    counts = {s: listed(s, 0).total for s in STATUSES}
    found = listed(status, PAGE_SIZE, offset)
    names = region_labels(request)
    keep = [("region", region), ("category", category), ("type", kind)]
    return page(request, "alerts.html", nav="alerts", status=status, counts=counts, total=found.total,
                alerts=found.alerts, region=region, category=category, kind=kind, names=names,
                regencies=sorted((c, n) for c, n in names.items() if c.count(".") == 1),
                tab_qs={s: query_string([("status", s), *keep]) for s in STATUSES},
                here_qs=query_string([("status", status), *keep]),
                allowed=[ACTION_OF[to] for to in TRANSITIONS[status]], offset=offset,
                next_qs=query_string([("status", status), *keep, ("offset", offset + PAGE_SIZE)])
                if offset + PAGE_SIZE < found.total else None)


@router.get("/alerts/count")
def alerts_count(request: Request, user: AnalystJson, client: EsDep):
    """How many alerts are new (polled by the page every 15 s)."""
    found = list_alerts(user.key, request, client, status=["new"], type=None, rule_id=None, region=None,
                        category=None, size=0, offset=0)
    return JSONResponse({"new": found.total}, headers={"Cache-Control": "no-store"})


@router.post("/alerts/{alert_id}/action")
def alert_action(request: Request, user: Analyst, client: EsDep, alert_id: str,
                 action: Annotated[str, Form(max_length=20)], csrf: Annotated[str, Form(max_length=100)] = "",
                 note: Annotated[str, Form(max_length=2000)] = "", back: Annotated[str, Form(max_length=500)] = ""):
    """Acknowledge, verify, dismiss or reopen an alert, with an optional note."""
    check_csrf(user, csrf)
    if action not in ACTIONS:
        raise WebError(400, f"E113: unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    change_status(request, client, user, alert_id[:100], ACTIONS[action], note.strip())
    target = back if back.startswith("status=") or back == "" else ""
    return RedirectResponse("/ui/alerts?" + target, status_code=303)


def change_status(request: Request, client, user: WebUser, alert_id: str, to: str, note: str) -> dict:
    """One lifecycle step through the API's own route function (same audit trail, same webhook event)."""
    try:
        return transition_alert(user.key, request, client, alert_id, Transition(to=to, note=note))
    except HTTPException as exc:
        raise WebError(exc.status_code, str(exc.detail)) from exc


# --- rules -----------------------------------------------------------------------------------------------------------

@router.get("/rules")
def rules_page(request: Request, user: Analyst, client: EsDep):
    """Saved rules, and a form that saves the current search as a new rule."""
    params, error = params_from(request.query_params, drop_dates=True)
    rules = list_rules(user.key, request, client)
    for rule in rules:
        saved = rule.get("params") or {}
        rule["digest_qs"] = query_string([*(("region", r) for r in saved.get("region") or []),
                                          *(("category", c) for c in saved.get("category") or []),
                                          ("min_risk", rule.get("min_risk"))])
    return page(request, "rules.html", nav="rules", rules=rules, params=params, hidden=params_items(params),
                error=error, names=region_labels(request), saved=request.query_params.get("saved"))


@router.post("/rules")
async def create_rule(request: Request, user: Analyst, client: EsDep):
    """Save the search posted by the form (its SearchParams) as a rule with thresholds."""
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
        raise WebError(400, f"E116: the rule is not valid: {exc}; go back and correct the form") from exc
    rule = api_create_rule(user.key, request, client, data)
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
    try:
        api_delete_rule(user.key, request, client, rule_id[:100])
    except HTTPException as exc:
        raise WebError(exc.status_code, str(exc.detail)) from exc
    return RedirectResponse("/ui/rules", status_code=303)


# --- digests ---------------------------------------------------------------------------------------------------------

@router.get("/digests")
def digest_page(request: Request, user: Analyst, client: EsDep, day: str = "",
                region: Annotated[list[str] | None, Query(max_length=50)] = None,
                category: Annotated[list[str] | None, Query(max_length=50)] = None, min_risk: str = ""):
    """Preview the daily digest of a day for some regions/categories (rendered by `alerts.digest`)."""
    from alerts import digest

    settings = request.app.state.settings
    today = datetime.now(ZoneInfo(settings.alerts.timezone)).date()
    try:
        chosen = date.fromisoformat(day) if day else today
        threshold = _number(min_risk, float)
    except ValueError as exc:
        raise WebError(400, "E117: the day is YYYY-MM-DD and the minimum risk a number; correct the form") from exc
    regions = [r[:20] for r in (region or []) if r][:50]
    categories = [c[:40] for c in (category or []) if c][:50]
    subscriber = {"id": "pratinjau", "name": f"Pratinjau oleh {user.key.name}", "regions": regions,
                  "categories": categories, "min_risk": threshold}
    data = digest.build(client, settings.es.index_prefix, settings.alerts, chosen, subscriber)
    names = region_labels(request)
    return page(request, "digests.html", nav="digests", day=chosen.isoformat(), regions=regions,
                categories=categories, min_risk=min_risk, subject=digest.subject(data),
                html=digest.render_html(data), text=digest.render_text(data), counts=(len(data["articles"]),
                                                                                      len(data["alerts"])),
                regencies=sorted((c, n) for c, n in names.items() if c.count(".") == 1))
