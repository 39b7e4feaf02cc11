"""A retest's results re-plan the weeks still to come (the retests of :mod:`planning.retest`).

The weeks already started are kept as they are; the planner solves the rest again from the first
Monday on or after the retest day, with the new hold times. Hold targets then grow toward the new
capacity (:func:`spinewise.planning.dosing.hold_ceiling_s`) and the findings follow the new
figures. The change record says what changed, in seconds, and which weeks were planned again.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date, timedelta

from spinewise.catalog import Catalog
from spinewise.logbook.planned import planned_sessions
from spinewise.planning.make import spine_compression
from spinewise.planning.plan import Plan, PlanChange
from spinewise.planning.planner import make_plan
from spinewise.planning.render_json import first_monday
from spinewise.planning.request import PlanRequest

__all__ = ["HOLD_WORDS", "hold_changes", "replan_after_retest"]

#: The tested hold families in plain words.
HOLD_WORDS = {
    "side_bridge": "side bridge (weaker side)",
    "trunk_extensor": "back-extensor hold",
    "trunk_flexor": "trunk-flexor hold",
    "single_leg_stance": "one-leg stance",
}


def hold_changes(before: PlanRequest, after: PlanRequest) -> list[str]:
    """Each tested hold that changed, ``side bridge (weaker side) 30 s -> 42 s``."""
    old, new = dict(before.tested_holds_s), dict(after.tested_holds_s)
    out = []
    for family, words in HOLD_WORDS.items():
        a, b = old.get(family), new.get(family)
        if b is None or a == b:
            continue
        was = "not tested" if a is None else f"{a:g} s"
        out.append(f"{words} {was} -> {b:g} s")
    return out


def _from_week(plan: Plan, logged: Collection[tuple[int, int]], today: date) -> int:
    """The first week with nothing logged that has not started by ``today``."""
    sessions = planned_sessions(plan)
    started = {w for w, _ in logged}
    started |= {s.week for s in sessions if s.date is not None and s.date < today}
    return max(started, default=0) + 1


def replan_after_retest(
    plan: Plan,
    logged: Collection[tuple[int, int]],
    today: date,
    *,
    before: PlanRequest,
    after: PlanRequest,
    catalog: Catalog,
    seed: int = 0,
) -> tuple[Plan, PlanChange] | None:
    """The plan again from the next week with the retest's holds, or None when nothing is left.

    Parameters
    ----------
    plan
        The newest plan version.
    logged
        ``(week, session)`` of the planned sessions already logged.
    today
        The day of the retest.
    before, after
        The requests from the profile before and after the retest.
    """
    from_week = _from_week(plan, logged, today)
    if from_week > len(plan.weeks):
        return None
    start = first_monday(today) - timedelta(days=7 * (from_week - 1))
    dated = plan.weeks[0].sessions and plan.weeks[0].sessions[0].date is not None
    new = make_plan(
        replace(after, start_date=start if dated else None),
        catalog,
        seed=seed,
        compression=spine_compression(),
        fixed_weeks=plan.weeks[: from_week - 1],
    )
    version = (plan.version or 1) + 1
    changed = hold_changes(before, after) or ["no hold time changed"]
    change = PlanChange(
        version=version,
        verdict="retest",
        from_week=from_week,
        starts=first_monday(today).isoformat() if dated else None,
        reasons=(
            f"Retest on {today.isoformat()}: {'; '.join(changed)}. Weeks {from_week} to "
            f"{len(new.weeks)} are planned again with these results.",
        ),
    )
    return replace(new, version=version, adaptations=(*plan.adaptations, change)), change
