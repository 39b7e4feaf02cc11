"""``/api/v1/plans`` and ``/api/v1/today``: make, list and read plans; today's session."""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, status

from spinewise.store import StoredPlan
from spinewise.web import service
from spinewise.web.api.common import PlanId, responses
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.schemas import PlanCreate, PlannedItemOut, PlanOut, PlanSummary, TodayOut

__all__ = ["plan_out", "router"]

router = APIRouter(tags=["plans"])


def plan_out(stored: StoredPlan) -> PlanOut:
    """A stored plan as the API returns it: the plan JSON with ``id`` and ``version``."""
    return PlanOut.model_validate(
        {
            **stored.record.plan,
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
    stored = service.create_plan(ctx, user, weeks=options.weeks, seed=options.seed)
    return plan_out(stored)


@router.get("/plans", response_model=list[PlanSummary], responses=responses(401))
def list_plans(ctx: CtxDep, user: CurrentUser) -> list[PlanSummary]:
    """Every plan version, oldest first."""
    return [
        PlanSummary(
            id=p.id,
            version=p.record.version,
            created_at=p.record.created_at,
            weeks=len(p.record.plan.get("weeks", [])),
            seed=p.record.seed,
        )
        for p in service.user_plans(ctx, user)
    ]


@router.get("/plans/{id}", response_model=PlanOut, responses=responses(401, 404))
def get_plan(plan_id: PlanId, ctx: CtxDep, user: CurrentUser) -> PlanOut:
    """One of your plans (404 for anyone else's)."""
    stored = service.user_plan(ctx, user, plan_id)
    if stored is None:
        raise HTTPException(404, "no such plan")
    return plan_out(stored)


@router.get("/today", response_model=TodayOut, responses=responses(401, 404))
def today(ctx: CtxDep, user: CurrentUser) -> TodayOut:
    """Today's planned session, or the next one (``planned`` false) when none is due today."""
    day = ctx.now().date()
    found = service.today_session(ctx, user, day)
    if found is None:
        raise HTTPException(404, "nothing left to do in the plan (or no plan yet)")
    sess, due = found
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
                **{f.name: getattr(i, f.name) for f in fields(i)},
            )
            for i in sess.items
        ],
    )
