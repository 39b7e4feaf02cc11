"""Retests: the hold tests again at the end of every phase, so the rest of the plan uses them.

The torso-endurance battery (McGill et al. 1999) and the one-leg stance are repeated after the
last session of each phase's last week (a deload week when the phase ends with one: fresh legs
and a quiet week make a fair test). The person records the new holds (``spinewise retest`` or
the web app's Retest page) and the weeks still to come are planned again with them: hold targets
grow toward the new capacity and the findings follow the new figures
(:mod:`spinewise.adaptation.retest`). Retesting at phase ends is this project's schedule; phase
lengths of 3-4 weeks match the common practice of reassessing a programme every 4-6 weeks
[design, no single source].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spinewise.planning.periodization import WeekPlan
from spinewise.planning.request import WEEKDAYS, PlanRequest

__all__ = ["RETEST_NAMES", "RetestPoint", "retest_points"]

#: The retested holds in the order they are done, in plain words.
RETEST_NAMES: tuple[str, ...] = (
    "trunk-flexor hold",
    "back-extensor hold (Biering-Sørensen)",
    "side bridge, right",
    "side bridge, left",
    "one-leg stance, eyes open",
    "one-leg stance, eyes closed",
)


@dataclass(frozen=True)
class RetestPoint:
    """Where a retest falls: after session ``session`` of week ``week`` (1-based)."""

    week: int
    session: int
    date: date | None
    phase: str
    last: bool

    def what(self) -> str:
        """What to do, in plain words."""
        when = "At the end of the plan" if self.last else f"At the end of the {self.phase} phase"
        then = (
            "compare them with your first results"
            if self.last
            else "record them, and the weeks still to come are planned again with the new results"
        )
        return (
            f"{when}, after this session or on the next day: repeat your hold tests "
            f"({', '.join(RETEST_NAMES)}) the way you did them at the start, and {then}."
        )


def retest_points(
    weeks: Sequence[WeekPlan], request: PlanRequest, start: date | None
) -> tuple[RetestPoint, ...]:
    """The retest after the last session of each phase's last week.

    Parameters
    ----------
    weeks
        The plan's weeks.
    request
        For the training days (the last session of the week).
    start
        The Monday of week 1, when the plan has dates.
    """
    session = request.days_per_week
    day = request.training_days[-1]
    out = []
    for i, w in enumerate(weeks):
        if i + 1 < len(weeks) and weeks[i + 1].phase == w.phase:
            continue
        when = None
        if start is not None:
            when = start + timedelta(days=7 * (w.index - 1) + WEEKDAYS.index(day))
        out.append(RetestPoint(w.index, session, when, w.phase, i + 1 == len(weeks)))
    return tuple(out)
