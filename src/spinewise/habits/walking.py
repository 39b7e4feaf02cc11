"""A progressive walking programme, where it suits the person, never beyond their time budget.

Who gets it (any one reason; docs/science/habits.md):

- ``desk_work`` is a goal, or sitting or standing aggravates the pain (``posture_triggers``);
- back pain now (``pain_current`` >= 1) or a pain or STarT Back finding;
- age 60 or over (design).

A pain-free person whose goals are only lifting, running or a rotational sport, under 60 and with
no posture trigger, gets none: walking is good for everyone, but it is not prescribed to them.

The dose (shape from the WalkBack trial [1]_: individual, progressive, aiming at 30 minutes five
times a week; steps by design): the first week walks on 3 days for 10 minutes (5 when pain is above
5/10). Each loading week climbs one rung, first adding days up to 5, then 5 minutes a day up to the
cap; from pain 4/10 a rung takes two loading weeks. The **time budget** caps every walk:

    cap_min = min(30, minutes_per_session)

so a walk is never longer than the trial's goal nor than the time the person gave for one session.
A deload week keeps the days and walks 70 % of the week before, rounded down to 5 minutes (at least
5; when that is no shorter, one day fewer), so its weekly walking is lower; the next loading week
continues from where the programme was.

References
----------
.. [1] Pocovi NC, Lin CC, French SD, et al. (2024). Effectiveness and cost-effectiveness of an
   individualised, progressive walking and education intervention for the prevention of low back
   pain recurrence in Australia (WalkBack): a randomised controlled trial. Lancet
   404(10448):134-144.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spinewise.habits.rules import WalkingRules
from spinewise.habits.sections import Source, Walking, WalkingDose
from spinewise.pain_bands import pain_band

if TYPE_CHECKING:
    from spinewise.planning.periodization import WeekPlan
    from spinewise.planning.request import PlanRequest

__all__ = [
    "WALK_FINDINGS",
    "WalkingWeek",
    "build_walking",
    "walking_cap_min",
    "walking_reasons",
    "walking_weeks",
]

#: Findings that make walking suit the person (pain now or recently, or a STarT Back group).
WALK_FINDINGS: tuple[str, ...] = (
    "pain_present",
    "pain_current_acceptable",
    "pain_current_high",
    "pain_worst_week_high",
    "start_back_medium",
    "start_back_high",
)


@dataclass(frozen=True)
class WalkingWeek:
    """One week of the walking programme.

    Attributes
    ----------
    week
        1-based week of the plan.
    days
        Walking days in the week.
    minutes_per_day
        Length of each walk [min].
    """

    week: int
    phase: str
    deload: bool
    days: int
    minutes_per_day: int
    pace: str

    @property
    def weekly_min(self) -> int:
        """Walking time in the week [min]."""
        return self.days * self.minutes_per_day

    def dose(self) -> WalkingDose:
        """The week as the plan records it."""
        return WalkingDose(
            week=self.week,
            phase=self.phase,
            deload=self.deload,
            days=self.days,
            minutes_per_day=self.minutes_per_day,
            weekly_minutes=self.weekly_min,
            pace=self.pace,
        )


def walking_reasons(request: PlanRequest, rules: WalkingRules) -> tuple[str, ...]:
    """Why walking suits this person, one sentence per reason; empty when it is not prescribed."""
    reasons: list[str] = []
    if "desk_work" in request.goals:
        reasons.append("Your goals include desk work: a walk is the opposite of a day at a desk.")
    if "prolonged_sitting" in request.posture_triggers:
        reasons.append("Long sitting aggravates your pain; walking breaks the sitting up.")
    if "prolonged_standing" in request.posture_triggers:
        reasons.append(
            "Long standing aggravates your pain; moving is usually easier than standing still."
        )
    codes = {code for code, _severity, _summary in request.findings}
    if request.pain_current >= 1:
        reasons.append(
            f"You have back pain now ({request.pain_current}/10). In the WalkBack trial, a "
            "progressive walking programme with education reduced recurrences of back pain."
        )
    elif codes & set(WALK_FINDINGS):
        found = ", ".join(c.replace("_", " ") for c in WALK_FINDINGS if c in codes)
        reasons.append(
            f"Your findings ({found}) suggest a low-threat daily activity helps; walking is one."
        )
    if request.age >= rules.older_adult_age:
        reasons.append(f"At {request.age}, walking is an easy way to stay active between sessions.")
    return tuple(reasons)


def walking_cap_min(request: PlanRequest, rules: WalkingRules) -> int:
    """The longest walk of the programme [min]: the trial's goal, or the session length if less.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from spinewise.habits.rules import load_habit_rules
    >>> walking_cap_min(SimpleNamespace(minutes_per_session=20), load_habit_rules().walking)
    20
    """
    return max(0, min(rules.target_min_per_day, request.minutes_per_session))


def days_then_minutes(
    start_days: int, start_min: int, target_days: int, max_min: int, step_min: int
) -> list[tuple[int, int]]:
    """A habit's ladder of ``(days, minutes per day)``: one more day a week, then longer days.

    Walking and balance practice both climb it.

    >>> days_then_minutes(3, 10, 5, 20, 5)
    [(3, 10), (4, 10), (5, 10), (5, 15), (5, 20)]
    """
    rungs = [(start_days, start_min)]
    days, minutes = start_days, start_min
    while days < target_days:
        days += 1
        rungs.append((days, minutes))
    while minutes < max_min:
        minutes = min(max_min, minutes + step_min)
        rungs.append((days, minutes))
    return rungs


def _deload(prev: WalkingWeek, rules: WalkingRules) -> tuple[int, int]:
    scaled = int(prev.minutes_per_day * rules.deload_factor // rules.step_min * rules.step_min)
    minutes = min(prev.minutes_per_day, max(rules.min_min_per_day, scaled))
    days = prev.days if minutes < prev.minutes_per_day else max(1, prev.days - 1)
    return days, minutes


def walking_weeks(
    request: PlanRequest, weeks: Sequence[WeekPlan], rules: WalkingRules
) -> tuple[WalkingWeek, ...]:
    """The week-by-week walking dose (computed for anyone; :func:`walking_reasons` decides).

    Every walk is at most :func:`walking_cap_min`; a deload week walks less than the week before.
    """
    cap = walking_cap_min(request, rules)
    start_min = (
        rules.start_min_in_high_pain
        if pain_band(request.pain_current) == "unacceptable"
        else rules.start_min_per_day
    )
    start_days = min(rules.start_days_per_week, rules.target_days_per_week)
    rungs = days_then_minutes(
        start_days, min(start_min, cap), rules.target_days_per_week, cap, rules.step_min
    )
    weeks_per_rung = 2 if request.pain_current >= rules.slow_from_pain else 1
    easy = "impact" in request.sensitivities or request.pain_current >= rules.slow_from_pain
    pace = "easy (you can talk in full sentences)" if easy else "easy to brisk (you can still talk)"
    out: list[WalkingWeek] = []
    loading_done = 0
    for w in weeks:
        if w.deload and out:
            days, minutes = _deload(out[-1], rules)
        else:
            days, minutes = rungs[min(len(rungs) - 1, loading_done // weeks_per_rung)]
            if not w.deload:
                loading_done += 1
        out.append(WalkingWeek(w.index, w.phase, w.deload, days, minutes, pace))
    return tuple(out)


def build_walking(
    request: PlanRequest, weeks: Sequence[WeekPlan], rules: WalkingRules, page: str | None
) -> Walking | None:
    """The ``habits.walking`` section, or None when walking is not prescribed."""
    reasons = walking_reasons(request, rules)
    cap = walking_cap_min(request, rules)
    if not reasons or cap < 1:
        return None
    notes = [
        "Walk at a pace that lets you talk. Any surface and any time of day count; splitting a "
        "walk in two is fine.",
        "If a walk pushes your pain above 5/10, or it is higher the next morning, go back to the "
        "previous week's walk for a while.",
    ]
    if "impact" in request.sensitivities:
        notes.append(
            "Impact aggravates your pain, but walking is not impact in that sense (the catalogue's "
            "impact means jumps, landings and running): keep an easy pace on flat ground."
        )
    return Walking(
        id="walking",
        title="Progressive walking",
        what="Walks on most days, building up week by week, never longer than your time budget.",
        why=reasons,
        cap_min_per_day=cap,
        budget=f"A walk is never longer than {cap} minutes: the lower of the WalkBack trial's "
        f"30-minute goal and your {request.minutes_per_session} minutes per session.",
        weeks=tuple(w.dose() for w in walking_weeks(request, weeks, rules)),
        notes=tuple(notes),
        sources=Source.of_all(rules.sources),
        page=page,
    )
