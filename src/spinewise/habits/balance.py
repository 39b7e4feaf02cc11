"""Standing balance practice at home: the older-adult pathway's road to 2 hours a week.

Falls prevention needs a moderate or high challenge to balance for at least 2 hours a week,
continued over time (Sherrington et al. 2011 [C, abstract]; balance and functional exercise
reduced the rate of falls in the Cochrane review of Sherrington et al. 2019 [C2]). Two or three
sessions a week cannot hold that much standing balance work, so the plan adds a short practice
at home on most days, with support at hand (a wall, a chair back or a kitchen counter).

Who gets it: 65 or older, or a one-leg stance with eyes open under 10 s (the project's
thresholds; :func:`needs_balance_practice`). How much: each week's practice is what the weekly
total (the sessions' standing balance plus the practice) needs to build from the first week's
3 days x 10 minutes toward the 2-hour target by the last training week, in steps of one more day
or 5 more minutes a day; deload weeks step back. Which drills: standing balance exercises of the
catalogue (balance pattern) the person can do (equipment, level cap, sensitivities), easiest
first; later weeks name harder ones. Numbers and their status: ``data/habits.toml`` ``[balance]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spinewise.catalog import Catalog, Exercise
from spinewise.habits.rules import BalanceRules
from spinewise.habits.sections import BalanceDose, BalancePractice, BalanceStage, Source
from spinewise.habits.walking import days_then_minutes

if TYPE_CHECKING:
    from spinewise.planning.periodization import WeekPlan
    from spinewise.planning.request import PlanRequest

__all__ = [
    "BalanceWeek",
    "balance_drills",
    "balance_weeks",
    "build_balance_practice",
    "is_standing_balance",
    "needs_balance_practice",
]

#: Equipment that gives a hand-hold for balance practice.
SUPPORT = ("wall", "chair")


def is_standing_balance(ex: Exercise) -> bool:
    """Whether the exercise is done standing and trains balance (proprioception)."""
    return (
        ex.posture is not None
        and ex.posture.support == "standing"
        and ("proprioception" in ex.qualities)
    )


def needs_balance_practice(request: PlanRequest, rules: BalanceRules) -> bool:
    """65 or older, or a one-leg stance with eyes open under 10 s: the older-adult pathway."""
    stance = request.tested_hold_s("single_leg_stance")
    return request.age >= rules.older_adult_age or (
        stance is not None and stance < rules.poor_stance_eyes_open_s
    )


@dataclass(frozen=True)
class BalanceWeek:
    """One week of balance practice.

    Attributes
    ----------
    week
        1-based week of the plan.
    days, minutes_per_day
        The practice at home [days, min].
    session_min
        Standing balance in the week's sessions [min].
    """

    week: int
    phase: str
    deload: bool
    days: int
    minutes_per_day: int
    session_min: float

    @property
    def practice_min(self) -> int:
        """Practice at home in the week [min]."""
        return self.days * self.minutes_per_day

    @property
    def total_min(self) -> float:
        """Standing balance in the week, sessions and practice together [min]."""
        return self.practice_min + self.session_min

    def dose(self) -> BalanceDose:
        """The week as the plan records it (the session part rounded to whole minutes)."""
        return BalanceDose(
            week=self.week,
            phase=self.phase,
            deload=self.deload,
            days=self.days,
            minutes_per_day=self.minutes_per_day,
            weekly_minutes=self.practice_min,
            session_minutes=round(self.session_min),
            total_minutes=round(self.total_min),
        )


def balance_weeks(
    weeks: Sequence[WeekPlan], session_min: Sequence[float], rules: BalanceRules
) -> tuple[BalanceWeek, ...]:
    """The week-by-week practice that brings the weekly total to the target by the last week.

    Parameters
    ----------
    weeks
        The plan's weeks.
    session_min
        Standing balance in each week's sessions [min], one per week.
    rules
        The ``[balance]`` rules.
    """
    loading = [i for i, w in enumerate(weeks) if not w.deload]
    last_session = session_min[loading[-1]] if loading else 0.0
    needed = max(0.0, rules.target_min_per_week - last_session)
    rungs = days_then_minutes(
        rules.start_days_per_week,
        rules.start_min_per_day,
        rules.target_days_per_week,
        rules.max_min_per_day,
        rules.step_min,
    )
    enough = next((i for i, (d, m) in enumerate(rungs) if d * m >= needed), len(rungs) - 1)
    rungs = rungs[: enough + 1]
    out: list[BalanceWeek] = []
    done = 0
    steps = max(1, len(loading) - 1)
    for w, minutes_in_sessions in zip(weeks, session_min, strict=True):
        if w.deload and out:
            prev = out[-1]  # one day fewer and shorter practice, never below the first week's
            per_day = max(rules.start_min_per_day, int(prev.minutes_per_day * rules.deload_factor))
            days = max(rules.start_days_per_week, prev.days - 1)
            per_day = min(prev.minutes_per_day, per_day)
        else:
            days, per_day = rungs[round(done * (len(rungs) - 1) / steps)]
            done += 0 if w.deload else 1
        out.append(BalanceWeek(w.index, w.phase, w.deload, days, per_day, minutes_in_sessions))
    return tuple(out)


def balance_drills(
    request: PlanRequest, catalog: Catalog, rules: BalanceRules
) -> tuple[Exercise, ...]:
    """The standing balance drills the person can practise at home, easiest first."""
    kit = set(request.equipment) | {"none"}

    def fits(ex: Exercise) -> bool:
        return (
            is_standing_balance(ex)
            and "balance" in ex.patterns  # balance drills, not strength work that needs balance
            and set(ex.equipment) <= kit
            and not set(ex.sensitivities) & request.sensitivities
            and (request.max_level is None or ex.level <= request.max_level)
            and ex.loading != "ballistic"
        )

    return tuple(sorted(filter(fits, catalog), key=lambda ex: (ex.level, ex.id)))


def _stages(drills: Sequence[Exercise], menu: int) -> list[list[Exercise]]:
    """Easier drills first, harder ones later: up to three overlapping stages."""
    if len(drills) <= menu:
        return [list(drills)]
    starts = sorted({0, (len(drills) - menu) // 2, len(drills) - menu})
    return [list(drills[s : s + menu]) for s in starts]


def build_balance_practice(
    request: PlanRequest,
    weeks: Sequence[WeekPlan],
    catalog: Catalog,
    session_min: Sequence[float],
    rules: BalanceRules,
    page: str | None,
) -> BalancePractice | None:
    """The ``habits.balance_practice`` section, or None when the pathway does not apply."""
    drills = balance_drills(request, catalog, rules)
    if not needs_balance_practice(request, rules) or not drills:
        return None
    plan = balance_weeks(weeks, session_min, rules)
    stages = _stages(drills, rules.menu_size)
    per_stage = max(1, -(-len(weeks) // len(stages)))
    support = [s for s in SUPPORT if s in request.equipment] or ["kitchen counter"]
    why = [
        f"At {request.age}, balance that is trained often and progressively lowers the risk of "
        "falling: about 2 hours a week of balance challenge is the amount studies recommend."
        if request.age >= rules.older_adult_age
        else "Your one-leg stance was short: balance that is trained often and progressively "
        "gets better, and about 2 hours a week is the amount studies recommend."
    ]
    return BalancePractice(
        id="balance_practice",
        title="Balance practice at home",
        what="Short standing balance practice on most days, with a "
        + " or a ".join(support)
        + " within reach, building week by week. Together with the balance work in your "
        "sessions it reaches about 2 hours a week by the last training week.",
        why=tuple(why),
        target_min_per_week=rules.target_min_per_week,
        weeks=tuple(w.dose() for w in plan),
        stages=tuple(
            BalanceStage(
                from_week=weeks[min(len(weeks) - 1, i * per_stage)].index,
                drills=tuple(ex.name for ex in stage),
            )
            for i, stage in enumerate(stages)
        ),
        notes=(
            "Stand close to your support and touch it lightly; hold on whenever you need to.",
            "Make a drill harder only when you can do it steadily: first less hand support, "
            "then eyes on a point further away, then a softer surface.",
            "Stop and sit down if you feel dizzy.",
        ),
        sources=Source.of_all(rules.sources),
        page=page,
    )
