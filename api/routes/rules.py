"""Alert rules: saved searches with thresholds, stored as percolator queries (analyst role)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, Response

from alerts.rules import Rule, RuleCreate, save_rule
from api.auth import AnalystKey
from api.deps import EsDep
from store.rules import RuleRepository

router = APIRouter(prefix="/rules", tags=["rules"])
RuleId = Annotated[str, Path(max_length=100, description="The rule's id")]


def _repo(request: Request, client) -> RuleRepository:
    return RuleRepository(client, request.app.state.settings.es.index_prefix)


@router.get("", response_model=list[Rule])
def list_rules(key: AnalystKey, request: Request, client: EsDep) -> list[dict]:
    """Every rule, newest first."""
    return _repo(request, client).list()


@router.post("", response_model=Rule, status_code=201)
def create_rule(key: AnalystKey, request: Request, client: EsDep, body: RuleCreate) -> Rule:
    """Save a search as a rule; every new article matching it raises (or joins) an alert."""
    return save_rule(_repo(request, client), body, owner=key.name)


@router.get("/{rule_id}", response_model=Rule, responses={404: {"description": "No such rule"}})
def get_rule(key: AnalystKey, request: Request, client: EsDep, rule_id: RuleId) -> dict:
    """One rule."""
    rule = _repo(request, client).get(rule_id)
    if rule is None:
        raise HTTPException(404, f"E052: no rule {rule_id!r}; list them with GET /rules")
    return rule


@router.put("/{rule_id}", response_model=Rule, responses={404: {"description": "No such rule"}})
def replace_rule(key: AnalystKey, request: Request, client: EsDep, rule_id: RuleId, body: RuleCreate) -> Rule:
    """Change a rule's search or thresholds (its alerts stay)."""
    repo = _repo(request, client)
    existing = repo.get(rule_id)
    if existing is None:
        raise HTTPException(404, f"E052: no rule {rule_id!r}; list them with GET /rules")
    return save_rule(repo, body, owner=key.name, rule_id=rule_id, existing=existing)


@router.delete("/{rule_id}", status_code=204, responses={404: {"description": "No such rule"}})
def delete_rule(key: AnalystKey, request: Request, client: EsDep, rule_id: RuleId) -> Response:
    """Delete a rule; its alerts stay in the inbox."""
    if not _repo(request, client).delete(rule_id):
        raise HTTPException(404, f"E052: no rule {rule_id!r}; list them with GET /rules")
    return Response(status_code=204)
