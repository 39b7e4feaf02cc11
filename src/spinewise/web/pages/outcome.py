"""After a session: the summary (what was done, pain, what changes next time and why).

The changes come from the adaptation's records in the plan (:mod:`spinewise.services.outcome`);
while the adaptation still runs in the background the page says so and asks to look again.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import Response

from spinewise import services
from spinewise.report.change_words import ChangeWords
from spinewise.services import SessionPlan, Store
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.templating import render

__all__ = ["changes_for", "router"]

router = APIRouter()

SessionId = Annotated[int, Path(ge=1, le=2**62)]


def changes_for(store: Store, athlete: int, planned: SessionPlan | None) -> list[ChangeWords]:
    """What the adaptation changed in a planned session, and why (empty when nothing)."""
    if planned is None:
        return []
    stored = services.user_plan(store, athlete, planned.plan_id)
    if stored is None:
        return []
    return services.session_changes(stored.record.plan, planned.week, planned.session)


@router.get("/sessions/{session_id}/summary")
def summary(session_id: SessionId, request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """The summary after a session: what was done, pain, what changes next time and why."""
    today = services.local_today(ctx.now())
    outcome = services.session_outcome(
        ctx.store, user.athlete_id, session_id, today=today, unit=user.weight_unit
    )
    if outcome is None:
        raise HTTPException(404, "no such session")
    jobs = services.athlete_jobs(ctx.store, user.athlete_id, limit=1)
    pending = bool(jobs) and jobs[0].kind in ("adapt", "replan") and not jobs[0].finished
    nxt = outcome.next
    upcoming = [] if nxt is None else changes_for(ctx.store, user.athlete_id, nxt.session)
    return render(
        request,
        "summary.html",
        {"outcome": outcome, "pending": pending, "next_changes": upcoming, "day": today},
    )
