"""Recovery: sleep, rest days and deload weeks, explained where they occur in the plan.

The deload weeks and training days are the planner's (``WeekPlan.deload``,
``PlanRequest.training_days``); this module only names them and says what they are for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from spinewise.habits.rules import RecoveryRules
from spinewise.habits.sections import DeloadWeeks, Recovery, RestDays, Sleep, Source

if TYPE_CHECKING:
    from spinewise.planning.periodization import WeekPlan
    from spinewise.planning.request import PlanRequest

__all__ = ["WEEKDAYS", "build_recovery"]

#: The days of the week, in the planner's spelling (spinewise.planning.request.WEEKDAYS).
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _sleep(request: PlanRequest, rules: RecoveryRules, page: str | None) -> Sleep:
    why = [
        "Sleep and pain affect each other: nights shorter than 6 hours were followed by more pain "
        "the next day, and poor sleep predicts worsening pain more than the other way round."
    ]
    if request.pain_current > 0:
        why.append(
            f"With pain at {request.pain_current}/10 now, a short night is a reason to keep the "
            "next session easy, not to skip the day."
        )
    return Sleep(
        title="Sleep",
        what="A regular bedtime and wake time, daylight and movement during the day, and a "
        "calm last hour. After less than 6 hours, the morning check-in keeps the session easy.",
        why=tuple(why),
        sources=Source.of_all(rules.sleep_sources),
        page=page,
    )


def _rest_days(request: PlanRequest, page: str | None) -> RestDays:
    rest = [d for d in WEEKDAYS if d not in request.training_days]
    what = (
        "Rest days are part of the training: walk and do your breathing practice if they are in "
        "your plan, live normally, and skip hard training even when you feel great."
        if rest
        else "Your plan has a session every day. Keep walking and breathing easy, and take the "
        "morning check-in seriously: it is your rest-day signal."
    )
    return RestDays(title="Rest days", weekdays=tuple(rest), what=what, page=page)


def _weeks_phrase(indices: Sequence[int]) -> str:
    """``Week 4 is`` or ``Weeks 4, 8 and 12 are``.

    Examples
    --------
    >>> _weeks_phrase([4])
    'Week 4 is'
    >>> _weeks_phrase([4, 8, 12])
    'Weeks 4, 8 and 12 are'
    """
    if len(indices) == 1:
        return f"Week {indices[0]} is"
    head = ", ".join(str(i) for i in indices[:-1])
    return f"Weeks {head} and {indices[-1]} are"


def _deloads(weeks: Sequence[WeekPlan], rules: RecoveryRules, page: str | None) -> DeloadWeeks:
    deloads = [w.index for w in weeks if w.deload]
    return DeloadWeeks(
        title="Deload weeks",
        weeks=tuple(deloads),
        what=(
            _weeks_phrase(deloads)
            + " lighter: 30 to 50 % less volume than the week before, with the same "
            "exercises, so that fatigue clears while the habit stays. Walking steps back a little "
            "too, then picks up where it left off."
            if deloads
            else "This plan is short enough to need no deload week."
        ),
        sources=Source.of_all(rules.deload_sources),
        page=page,
    )


def build_recovery(
    request: PlanRequest,
    weeks: Sequence[WeekPlan],
    rules: RecoveryRules,
    pages: Mapping[str, str],
) -> Recovery:
    """The ``habits.recovery`` section.

    Parameters
    ----------
    pages
        Link to page id (:func:`spinewise.education.link_index`).
    """
    return Recovery(
        id="recovery",
        title="Recovery",
        sleep=_sleep(request, rules, pages.get("sleep")),
        rest_days=_rest_days(request, pages.get("rest_days")),
        deload_weeks=_deloads(weeks, rules, pages.get("deload")),
    )
