"""The lifter's pathway check: each main lift with a known max in every loading week."""

from __future__ import annotations

from collections import Counter

from spinewise.planning.checks.scope import WeekScope
from spinewise.planning.checks.violation import Violation
from spinewise.planning.lifts import is_main_lift, lifter_pathway, main_lifts_per_session

__all__ = ["main_lifts"]


def main_lifts(ws: WeekScope) -> list[Violation]:
    """Requirement ``main_lifts``: each open main lift once a loading week, spread over sessions.

    Only for a lifting goal with known maxes (:func:`~spinewise.planning.lifts.lifter_pathway`),
    and only lifts with an exercise open to the person this week.
    """
    request = ws.scope.request
    lifts = [
        lift
        for lift in lifter_pathway(request)
        if any(is_main_lift(lift)(ex) for ex in ws.open_exercises)
    ]
    if ws.wp.deload or not lifts:
        return []
    found = [
        Violation(ws.where, "main_lifts", f"no {lift.replace('_', ' ')} this week")
        for lift in lifts
        if not any(is_main_lift(lift)(ex) for ex in ws.exercises)
    ]
    cap = main_lifts_per_session(request, len(lifts))
    per_session = Counter(
        p.session.index for p in ws.placed if any(is_main_lift(lf)(p.exercise) for lf in lifts)
    )
    found += [
        Violation(f"{ws.where} session {s}", "main_lifts", f"{n} main lifts, at most {cap}")
        for s, n in sorted(per_session.items())
        if n > cap
    ]
    return found
