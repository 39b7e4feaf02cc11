"""The lifter's pathway: the plan is built around the person's own main lifts.

A person who trains for lifting and gives a one-repetition max (``[maxes]``) gets each of those
lifts (the competition variant: back squat, bench press, deadlift) once in every loading week,
with its load in kilograms, spread over the sessions so that each session's other work is the
accessory block around one main lift.
"""

from __future__ import annotations

from spinewise.planning.context import WeekContext
from spinewise.planning.lifts import is_main_lift, lifter_pathway, main_lifts_per_session
from spinewise.planning.solver import WeekModel

__all__ = ["MainLifts"]


class MainLifts:
    """Each main lift with a known max once in every loading week, one per session at most."""

    id = "main_lifts"

    def applies(self, ctx: WeekContext) -> bool:
        return not ctx.week.deload and bool(lifter_pathway(ctx.request))

    def build(self, m: WeekModel) -> None:
        groups = [m.ids_where(is_main_lift(lift)) for lift in lifter_pathway(m.ctx.request)]
        groups = [ids for ids in groups if ids]
        for ids in groups:
            m.add(sum(m.week_items(ids)) >= 1)
        every = sorted({eid for ids in groups for eid in ids})
        cap = main_lifts_per_session(m.ctx.request, len(groups))
        for s in m.ctx.sessions:
            m.add(sum(m.session_items(s, every)) <= cap)
