"""Missed sessions: re-plan the rest of the plan through the planner, from the current week.

When two or more planned sessions before today were not logged, the weeks already done are kept
as they are and the planner solves the rest again, starting on the first Monday on or after today
(the remaining weeks shift later; the plan keeps its length and its phases). The choice of two
missed sessions is a design choice of this project.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date, timedelta

from spinewise.catalog import Catalog
from spinewise.logbook.planned import planned_sessions
from spinewise.planning.plan import Plan, PlanChange
from spinewise.planning.planner import make_plan
from spinewise.planning.render_json import first_monday
from spinewise.planning.request import PlanRequest
from spinewise.planning.spine import CompressionFn, model_compression_n

__all__ = ["MISSED_TO_REPLAN", "missed_sessions", "replan_after_missed"]

#: Missed sessions that trigger a re-plan (a design choice).
MISSED_TO_REPLAN = 2


def missed_sessions(
    plan: Plan, logged: Collection[tuple[int, int]], today: date
) -> list[tuple[int, int]]:
    """``(week, session)`` of dated sessions before today that were not logged."""
    return [
        s.key
        for s in planned_sessions(plan)
        if s.date is not None and s.date < today and s.key not in logged
    ]


def replan_after_missed(
    plan: Plan,
    logged: Collection[tuple[int, int]],
    today: date,
    *,
    request: PlanRequest,
    catalog: Catalog,
    seed: int = 0,
    compression: CompressionFn = model_compression_n,
) -> tuple[Plan, PlanChange] | None:
    """A re-planned version when enough sessions were missed, else None.

    The planner makes the new weeks (``compression`` is its spine-load estimate), so they meet
    its requirements; :func:`spinewise.adaptation.engine.adapt` still validates the version
    before it keeps it.

    Returns
    -------
    (plan, change) or None
        The new plan (version + 1) and the change record with its reason.
    """
    missed = missed_sessions(plan, logged, today)
    if len(missed) < MISSED_TO_REPLAN:
        return None
    from_week = min(w for w, _ in missed)
    start = first_monday(today) - timedelta(days=7 * (from_week - 1))
    new = make_plan(
        replace(request, start_date=start),
        catalog,
        seed=seed,
        compression=compression,
        fixed_weeks=plan.weeks[: from_week - 1],
    )
    version = (plan.version or 1) + 1
    missed_text = ", ".join(f"week {w} session {s}" for w, s in missed)
    change = PlanChange(
        version=version,
        verdict="replan",
        from_week=from_week,
        starts=first_monday(today).isoformat(),
        reasons=(
            f"{len(missed)} planned sessions were missed ({missed_text}); weeks "
            f"{from_week} to {len(new.weeks)} are planned again from "
            f"{first_monday(today).isoformat()}",
        ),
    )
    return replace(new, version=version, adaptations=(*plan.adaptations, change)), change
