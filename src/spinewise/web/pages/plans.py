"""Plan pages: make a plan, the list of versions, one plan as weeks × sessions with each why."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from spinewise import services
from spinewise.errors import InputError
from spinewise.report.plan_view import build_plan_view
from spinewise.web.deps import CtxDep, CurrentUser
from spinewise.web.pages.forms import FormReader
from spinewise.web.templating import render

__all__ = ["router"]

router = APIRouter()

PlanId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("/plans/new")
async def new_plan(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Make a plan from the stored profile (screening must have cleared)."""
    form = FormReader(await request.form())
    weeks = form.number("weeks", whole=True)
    seed = form.number("seed", whole=True)
    if form.problems:
        raise InputError(form.problems)
    if weeks is not None and not 4 <= weeks <= 16:
        raise InputError(f"weeks: must be 4 to 16, got {weeks}")
    if seed is not None and not 0 <= seed <= 2**31 - 1:
        raise InputError(f"seed: must be 0 to 2147483647, got {seed}")
    stored = await run_in_threadpool(
        lambda: services.create_plan(
            ctx.store,
            user.athlete_id,
            now=ctx.now(),
            weeks=None if weeks is None else int(weeks),
            seed=None if seed is None else int(seed),
        )
    )
    return RedirectResponse(f"/plans/{stored.id}", status_code=303)


@router.get("/plans")
def plans(request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """Every plan version, newest first."""
    stored = list(reversed(services.user_plans(ctx.store, user.athlete_id)))
    has_profile = services.current_profile(ctx.store, user.athlete_id) is not None
    return render(request, "plans.html", {"plans": stored, "has_profile": has_profile})


@router.get("/plan")
def latest(ctx: CtxDep, user: CurrentUser) -> Response:
    """The newest plan."""
    stored = services.user_plan(ctx.store, user.athlete_id)
    return RedirectResponse("/plans" if stored is None else f"/plans/{stored.id}", status_code=303)


@router.get("/plans/{plan_id}")
def plan(plan_id: PlanId, request: Request, ctx: CtxDep, user: CurrentUser) -> Response:
    """One plan: phases, weeks × sessions, deloads, each item's why."""
    stored = services.user_plan(ctx.store, user.athlete_id, plan_id)
    if stored is None:
        raise HTTPException(404, "no such plan")
    done = services.done_sessions(ctx.store, user.athlete_id, stored)
    view = build_plan_view(stored.record.plan, user.weight_unit)
    change_log = services.plan_change_log(ctx.store, user.athlete_id, stored)
    return render(
        request,
        "plan.html",
        {"stored": stored, "view": view, "done": done, "change_log": change_log},
    )
