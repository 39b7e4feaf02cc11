"""A plan as a file to keep: an iCalendar file for a calendar app, a printable page.

The web app offers both on the plan page; the CLI has them as ``spinewise plan --format ics``
and ``--format html``. A plan without a start date is dated the way the app schedules it (from
the day its first version was made, :mod:`spinewise.services.schedule`), so the calendar shows
the days the app will offer each session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spinewise.planning.plan import Plan
from spinewise.services.handle import Store
from spinewise.services.plancache import PlanEntry
from spinewise.store import get_plan, reading
from spinewise.store.summaries import plan_heads
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit

__all__ = ["PlanFile", "PlanFormat", "plan_file"]

#: What a plan can be downloaded as.
PlanFormat = Literal["ics", "html"]


@dataclass(frozen=True)
class PlanFile:
    """A downloadable plan: its bytes, media type and a file name for the person's disk."""

    content: bytes
    media_type: str
    filename: str


def _dated(entry: PlanEntry) -> Plan:
    """The plan with every session that the schedule dates carrying its date."""
    plan = entry.stored.record.plan
    for dated in entry.sessions:
        if dated.date is None or dated.planned.date is not None:
            continue
        week, index = dated.key
        session = plan.session_at(week, index)
        if session is not None:
            plan = plan.with_session(week, replace(session, date=dated.date))
    return plan


def plan_file(
    store: Store,
    athlete: int,
    plan_id: int,
    fmt: PlanFormat,
    unit: WeightUnit = DEFAULT_WEIGHT_UNIT,
) -> PlanFile | None:
    """One of the athlete's plan versions as a file (``None``: no such plan of theirs).

    Its loads are written in ``unit`` ("kg" or "lb").

    Raises
    ------
    InputError
        For ``ics``, when a session has no day to date it by.
    """
    with reading(store.engine) as db:
        stored = get_plan(db, athlete, plan_id)
        if stored is None:
            return None
        heads = plan_heads(db, athlete, list(stored.record.plan.adapted_from_ids))
    plan = _dated(PlanEntry.make(stored, heads))
    version = stored.record.version
    if fmt == "ics":
        from spinewise.report.plan_ics import plan_to_ics

        return PlanFile(
            plan_to_ics(plan, unit=unit),
            "text/calendar; charset=utf-8",
            f"spinewise-plan-{version}.ics",
        )
    from spinewise.report.plan_html import plan_to_html

    return PlanFile(
        plan_to_html(plan, unit).encode("utf-8"),
        "text/html; charset=utf-8",
        f"spinewise-plan-{version}.html",
    )
