"""The solved weeks assembled into a :class:`~spinewise.planning.plan.Plan`.

Sessions run Monday to Sunday; with a ``start_date`` the plan begins on the first Monday on or
after it. ``solver.solve_seconds`` is CP-SAT's deterministic time (summed over the weeks), not wall
time, so that the same input gives a byte-identical plan; wall time is measured in ``bench/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spinewise.catalog import Catalog, Exercise
from spinewise.catalog.ballistic import load_ballistic_rules
from spinewise.planning.candidates import groundwork_of, needs_groundwork
from spinewise.planning.context import PlacedItem, WeekContext
from spinewise.planning.dosing import ItemDose, item_seconds, volume_units
from spinewise.planning.explain import PHASE_FOCUS, why_item
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.plan import (
    Athlete,
    Block,
    Finding,
    GeneratedBy,
    Item,
    Phase,
    Plan,
    Retest,
    Session,
    SolverInfo,
    Week,
    WeekSolve,
)
from spinewise.planning.policy import balance_every_session
from spinewise.planning.request import WEEKDAYS, PlanRequest
from spinewise.planning.requirements import REQUIREMENTS
from spinewise.planning.retest import retest_points
from spinewise.planning.solver import BLOCK_ORDER
from spinewise.planning.transfers import order_for_fewer_transfers

if TYPE_CHECKING:
    from spinewise.planning.planner import SolvedWeek

__all__ = ["DISCLAIMER", "first_monday", "groundwork_why", "plan_document", "plan_item"]

DISCLAIMER = (
    "spinewise is not a medical device and does not diagnose. Stop an exercise that causes pain "
    "above 5/10, and see a clinician if symptoms are severe, spreading or new."
)


def first_monday(start: date) -> date:
    """The first Monday on or after ``start``.

    Examples
    --------
    >>> first_monday(date(2026, 12, 9))
    datetime.date(2026, 12, 14)
    """
    return start + timedelta(days=(7 - start.weekday()) % 7)


def plan_item(exercise_id: str, name: str, dose: ItemDose, why: list[str]) -> Item:
    """One plan item."""
    return Item(exercise_id=exercise_id, name=name, dose=dose, why=tuple(why))


def _why(
    ex: Exercise,
    item: PlacedItem,
    ctx: WeekContext,
    items: tuple[PlacedItem, ...],
    catalog: Catalog,
) -> list[str]:
    """The item's reasons, with the groundwork of fast work before the block's purpose."""
    reasons = why_item(ex, item, ctx, items)
    return [*reasons[:-1], *groundwork_why(ex, ctx, catalog), reasons[-1]]


def groundwork_why(ex: Exercise, ctx: WeekContext, catalog: Catalog) -> list[str]:
    """Why a hard exercise may come now: the groundwork done, or experience that covers it.

    A jump, throw or swing names its prerequisite (``catalog/data/ballistic.toml``); an exercise
    above the person's foundation level names its groundwork (decision 0291). Empty for any
    other exercise.
    """
    done = {
        it.exercise_id
        for items, wp in zip(ctx.previous, ctx.previous_weeks, strict=True)
        if not wp.deload
        for it in items
    }
    rule = load_ballistic_rules().prerequisites.get(ex.id)
    if rule is None:
        if not needs_groundwork(ex, ctx.request):
            return []
        steps = [g for g in groundwork_of(ex, catalog) if g in done]
        return (
            [f"after its groundwork: {catalog.get(steps[0]).name} in an earlier week"]
            if steps
            else []
        )
    for before in rule.after:
        if before in done and before in catalog:
            return [
                f"fast work after its groundwork: {catalog.get(before).name} in an earlier week"
            ]
    return ["fast work whose groundwork your training experience covers"]


def _week(request: PlanRequest, catalog: Catalog, sw: SolvedWeek) -> Week:
    if sw.result.status == "KEPT":  # an earlier plan's week, put back unchanged by the caller
        return Week(sw.ctx.week.index, sw.ctx.week.phase, sw.ctx.week.deload, None, (), kept=True)
    ctx = sw.ctx
    items = sw.result.items
    start = first_monday(request.start_date) if request.start_date else None
    sessions = []
    for s, day in enumerate(request.training_days):
        mine = [it for it in items if it.session == s]
        grouped = [[it for it in mine if it.block == kind] for kind in BLOCK_ORDER]
        if balance_every_session(request):  # the older-adult pathway: fewer trips to the floor
            grouped = order_for_fewer_transfers(
                grouped, {id(it): catalog.get(it.exercise_id) for it in mine}
            )
        blocks = []
        for kind, in_block in zip(BLOCK_ORDER, grouped, strict=True):
            if in_block:
                blocks.append(
                    Block(
                        kind,
                        tuple(
                            plan_item(
                                it.exercise_id,
                                catalog.get(it.exercise_id).name,
                                it.dose,
                                _why(catalog.get(it.exercise_id), it, ctx, items, catalog),
                            )
                            for it in in_block
                        ),
                    )
                )
        when = None
        if start is not None:
            when = start + timedelta(days=7 * (ctx.week.index - 1) + WEEKDAYS.index(day))
        peak = max((ctx.compression_n[it.exercise_id] for it in mine), default=0.0)
        sessions.append(
            Session(
                index=s + 1,
                day=day,
                date=when,
                estimated_minutes=round(sum(item_seconds(it.dose) for it in mine) / 60, 1),
                peak_compression_n=round(peak),
                blocks=tuple(blocks),
            )
        )
    return Week(
        index=ctx.week.index,
        phase=ctx.week.phase,
        deload=ctx.week.deload,
        volume_s=sum(volume_units(it.dose) for it in items),
        sessions=tuple(sessions),
    )


def _balance_min(solved: SolvedWeek, catalog: Catalog) -> float:
    """Standing balance in the week's sessions [min]."""
    from spinewise.habits.balance import is_standing_balance

    return (
        sum(
            item_seconds(item.dose)
            for item in solved.result.items
            if is_standing_balance(catalog.get(item.exercise_id))
        )
        / 60
    )


def plan_document(
    request: PlanRequest, catalog: Catalog, solved: Sequence[SolvedWeek], *, seed: int, version: str
) -> Plan:
    """Assemble the plan from the solved weeks."""
    statuses = [sw.result.status for sw in solved if sw.result.status != "KEPT"]
    relaxed = [
        f"week {sw.ctx.week.index}: {rid}: {REQUIREMENTS[rid]} (relaxed)"
        for sw in solved
        for rid in sw.relaxed
    ]
    phases: dict[str, list[int]] = {}
    for sw in solved:
        phases.setdefault(sw.ctx.week.phase, []).append(sw.ctx.week.index)
    from spinewise.habits import build_habits

    habits = build_habits(
        request,
        [sw.ctx.week for sw in solved],
        catalog,
        session_balance_min=[_balance_min(sw, catalog) for sw in solved],
    )
    notes = []
    if relaxed:
        notes.append(
            "Some requirements could not all hold with this time, equipment and pain; "
            "each relaxed one is listed under solver.relaxed."
        )
    return Plan(
        generated_by=GeneratedBy(version=version, catalog_version=catalog.version, seed=seed),
        athlete=Athlete(
            name=request.name,
            sex=request.sex,
            age=request.age,
            body_mass_kg=request.body_mass_kg,
            training_experience=request.training_experience,
        ),
        findings=tuple(Finding(c, sev, summ) for c, sev, summ in request.findings),
        solver=SolverInfo(
            status="OPTIMAL" if all(s == "OPTIMAL" for s in statuses) else "FEASIBLE",
            solve_seconds=round(sum(sw.result.deterministic_s for sw in solved), 3),
            relaxed=tuple(relaxed),
            per_week=tuple(
                WeekSolve(
                    week=sw.ctx.week.index,
                    status=sw.result.status,
                    bound=sw.result.bound,
                    objective=sw.result.objective,
                )
                for sw in solved
            ),
        ),
        phases=tuple(Phase(p, tuple(w), PHASE_FOCUS[p]) for p, w in phases.items()),
        disclaimer=DISCLAIMER,
        notes=tuple(notes),
        habits=habits,
        weeks=tuple(_week(request, catalog, sw) for sw in solved),
        retests=_retests(request, [sw.ctx.week for sw in solved]),
    )


def _retests(request: PlanRequest, weeks: Sequence[WeekPlan]) -> tuple[Retest, ...]:
    """The retest at the end of each phase (:mod:`spinewise.planning.retest`)."""
    start = first_monday(request.start_date) if request.start_date else None
    return tuple(
        Retest(p.week, p.session, None if p.date is None else p.date.isoformat(), p.what())
        for p in retest_points(weeks, request, start)
    )
