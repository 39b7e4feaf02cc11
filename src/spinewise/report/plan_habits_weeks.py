"""The week-by-week side of a plan's habits: the walking weeks and a one-line hint per week.

A week without its numbers (a plan of another version) is skipped.

Examples
--------
>>> from spinewise.habits.sections import Habits, WalkingDose
>>> rows = walk_rows([WalkingDose.from_json(w) for w in (
...     {"week": 1, "deload": False, "days": 3, "minutes_per_day": 10},
...     {"week": 2, "deload": True, "days": 3, "minutes_per_day": 5}, {"week": 3})])
>>> [(r.week, r.cells()) for r in rows]
[(1, ('1', '', '', '3 × 10 min', '30 min')), (2, ('2', '', 'deload', '3 × 5 min', '15 min'))]
>>> week_hints(Habits.from_json({"walking": {"weeks": [{"week": 2, "deload": True, "days": 3,
...     "minutes_per_day": 5}]}, "breathing": {"by_phase": [{"weeks": [2], "minutes_per_day": 3}]}}))
((2, 'Deload week: walking steps back to 3 walks of 5 min, then picks up again; breathing practice stays at 3 min a day.'),)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spinewise.habits.sections import Breathing, Habits, WalkingDose
from spinewise.report import plan_format as fmt
from spinewise.report.plan_habits import minutes, text

__all__ = ["WalkRow", "walk_rows", "week_hints"]


@dataclass(frozen=True)
class WalkRow:
    """One week of the walking programme.

    Attributes
    ----------
    days
        Walking days in the week.
    per_day
        Length of each walk [min].
    """

    week: int
    phase: str
    deload: bool
    days: int | float
    per_day: int | float
    pace: str

    @property
    def dose(self) -> str:
        """``3 walks of 10 min``."""
        return f"{fmt.number_text(self.days)} walks of {minutes(self.per_day)}"

    def cells(self) -> tuple[str, ...]:
        """Week, phase, deload, days × minutes and the weekly total [min], as table cells."""
        return (
            str(self.week),
            self.phase,
            "deload" if self.deload else "",
            f"{fmt.number_text(self.days)} × {minutes(self.per_day)}",
            minutes(self.days * self.per_day),
        )


def walk_rows(weeks: Iterable[WalkingDose]) -> tuple[WalkRow, ...]:
    """The walking weeks that have a week number, days and minutes per day."""
    rows = []
    for w in weeks:
        week, days, per_day = w.week, w.days, w.minutes_per_day
        if week is not None and days is not None and per_day is not None:
            rows.append(WalkRow(week, text(w.phase), w.deload is True, days, per_day, text(w.pace)))
    return tuple(rows)


def _breathing_minutes(breathing: Breathing | None) -> dict[int, int | float]:
    out: dict[int, int | float] = {}
    for phase in breathing.by_phase if breathing is not None else ():
        if phase.minutes_per_day is not None:
            out.update((week, phase.minutes_per_day) for week in phase.weeks)
    return out


def week_hints(habits: Habits) -> tuple[tuple[int, str], ...]:
    """``(week, hint)``: the week's walks and breathing; a deload week says walking steps back."""
    breathing = _breathing_minutes(habits.breathing)
    walks = {r.week: r for r in walk_rows(habits.walking.weeks if habits.walking else ())}
    hints = []
    for week in sorted(set(breathing) | set(walks)):
        breath = f"breathing practice {minutes(breathing[week])} a day" if week in breathing else ""
        walk = walks.get(week)
        if walk is not None and walk.deload:
            parts = [f"walking steps back to {walk.dose}, then picks up again"]
            parts += [breath.replace("practice", "practice stays at")] if breath else []
            hints.append((week, "Deload week: " + "; ".join(parts) + "."))
        else:
            parts = ([walk.dose] if walk is not None else []) + ([breath] if breath else [])
            hints.append((week, "Between sessions: " + "; ".join(parts) + "."))
    return tuple(hints)
