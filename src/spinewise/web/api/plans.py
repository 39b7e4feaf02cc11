"""``/api/v1/plans`` and ``/api/v1/today``: make, list and read plans; today's session."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, status

from spinewise import services
from spinewise.services import StoredPlan
from spinewise.web.api.common import PlanId, responses
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.schemas import (
    PlanCreate,
    PlannedItemOut,
    PlanOut,
    PlanSummary,
    RetestIn,
    RetestOut,
    TodayOut,
)

__all__ = ["plan_out", "router"]

router = APIRouter(tags=["plans"])
_ITEM_FIELDS = frozenset(PlannedItemOut.model_fields)


def plan_out(stored: StoredPlan) -> PlanOut:
    """A stored plan as the API returns it: the plan JSON with ``id`` and ``version``."""
    return PlanOut.model_validate(
        {
            **stored.record.plan.to_json(),
            "id": stored.id,
            "version": stored.record.version,
            "created_at": stored.record.created_at,
        }
    )


@router.post(
    "/plans",
    status_code=status.HTTP_201_CREATED,
    response_model=PlanOut,
    responses=responses(401, 403, 409, 422),
)
def create_plan(
    ctx: CtxDep, user: CurrentUser, body: Annotated[PlanCreate | None, Body()] = None
) -> PlanOut:
    """Make a plan from the stored profile (409 when screening did not clear)."""
    options = body or PlanCreate()
    stored = services.create_plan(
        ctx.store, user.athlete_id, now=ctx.now(), weeks=options.weeks, seed=options.seed
    )
    return plan_out(stored)


@router.get("/plans", response_model=list[PlanSummary], responses=responses(401))
def list_plans(ctx: CtxDep, user: CurrentUser) -> list[PlanSummary]:
    """Every plan version, oldest first."""
    return [
        PlanSummary(
            id=p.id,
            version=p.record.version,
            created_at=p.record.created_at,
            weeks=len(p.record.plan.weeks),
            seed=p.record.seed,
        )
        for p in services.user_plans(ctx.store, user.athlete_id)
    ]


@router.get("/plans/{id}", response_model=PlanOut, responses=responses(401, 404))
def get_plan(plan_id: PlanId, ctx: CtxDep, user: CurrentUser) -> PlanOut:
    """One of your plans (404 for anyone else's)."""
    stored = services.user_plan(ctx.store, user.athlete_id, plan_id)
    if stored is None:
        raise HTTPException(404, "no such plan")
    return plan_out(stored)


@router.get("/today", response_model=TodayOut, responses=responses(401, 404))
def today(ctx: CtxDep, user: CurrentUser) -> TodayOut:
    """Today's planned session, or the next one (``planned`` false) when none is due today."""
    day = services.local_today(ctx.now())
    found = services.next_session(ctx.store, user.athlete_id, today=day)
    if found is None:
        raise HTTPException(404, "nothing left to do in the plan (or no plan yet)")
    sess, due = found.session, found.due_today
    return TodayOut(
        date=day,
        plan_id=sess.plan_id,
        plan_version=sess.plan_version,
        week=sess.week,
        session=sess.session,
        planned_date=sess.planned_date,
        planned=due,
        estimated_minutes=sess.estimated_minutes,
        items=[
            PlannedItemOut(
                **{name: getattr(i, name) for name in _ITEM_FIELDS},
            )
            for i in sess.items
        ],
    )


@router.post(
    "/retests",
    status_code=status.HTTP_201_CREATED,
    response_model=RetestOut,
    responses=responses(401, 403, 409, 422),
)
def create_retest(ctx: CtxDep, user: CurrentUser, body: RetestIn) -> RetestOut:
    """Record a retest of the hold tests; the weeks still to come are planned again with it."""
    outcome = services.record_retest(ctx.store, user.athlete_id, body.model_dump(), now=ctx.now())
    if outcome.held is not None:
        return RetestOut(plan_id=None, version=None, reason=outcome.held.reasons[0])
    if outcome.change is None or outcome.plan is None:
        return RetestOut(plan_id=None, version=None, reason="No weeks are left to plan again.")
    return RetestOut(
        plan_id=outcome.plan.id,
        version=outcome.plan.record.version,
        reason=outcome.change.reasons[0],
    )
