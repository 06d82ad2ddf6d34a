"""Alert lifecycle: new → acknowledged → verified | dismissed, by whom, with a note and an audit trail.

An acknowledged or judged alert can be reopened (→ new; its verdict is withdrawn, the trail keeps
it); every other move (new → verified, dismissed → acknowledged, ...) is refused.

Every change appends to `history` ({at, by, from, to, note}) and is written with optimistic
concurrency, so two analysts acting at once cannot both move the same alert. Verdicts give the
precision of each rule and category and labelled data for retraining (`alerts.feedback`).
"""

from __future__ import annotations

from alerts.ids import iso, utc_now
from store.alerts import AlertRepository

STATUSES = ("new", "acknowledged", "verified", "dismissed")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("acknowledged",),
    "acknowledged": ("verified", "dismissed", "new"),
    "verified": ("new",),
    "dismissed": ("new",),
}
VERDICTS = ("verified", "dismissed")


class LifecycleError(Exception):
    """A transition that cannot happen; `status` is the HTTP status the API answers with."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


def transition(repo: AlertRepository, alert_id: str, to: str, *, by: str, note: str = "") -> dict:
    """Move an alert to `to`, recording who and why; raises LifecycleError when not allowed."""
    if to not in STATUSES:
        raise LifecycleError(f"E070: unknown status {to!r}; use one of {', '.join(STATUSES)}", 422)
    found = repo.get_versioned(alert_id)
    if found is None:
        raise LifecycleError(f"E071: no alert {alert_id!r}", 404)
    alert, seq_no, term = found
    current = alert.get("status", "new")
    if to not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current])
        raise LifecycleError(f"E072: an alert that is {current} cannot become {to}; allowed: {allowed}", 409)
    now = iso(utc_now())
    alert["status"] = to
    alert["updated"] = now
    alert.setdefault("history", []).append({"at": now, "by": by, "from": current, "to": to, "note": note or None})
    if to in VERDICTS:
        alert.update(verdict=to, verdict_by=by, verdict_at=now)
    else:
        for name in ("verdict", "verdict_by", "verdict_at"):
            alert.pop(name, None)
    if not repo.replace_if_unchanged(alert, seq_no, term):
        raise LifecycleError("E073: the alert was changed by someone else meanwhile; reload and try again", 409)
    return alert


def precision(repo: AlertRepository) -> dict:
    """Verified / (verified + dismissed) per rule, per category and per alert type."""
    counts = repo.verdict_counts()
    out = {}
    for group, rows in counts.items():
        out[group] = {}
        for key, row in rows.items():
            judged = row["verified"] + row["dismissed"]
            out[group][key] = row | {"judged": judged,
                                     "precision": round(row["verified"] / judged, 4) if judged else None}
    return out
