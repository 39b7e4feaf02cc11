"""What the planner needs to know about one athlete, independent of how it was gathered.

``PlanRequest`` is built from a profile and its assessment (:func:`request_from_assessment`) or
directly in tests. Findings reach the planner only through their consequences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "DEFAULT_DAYS",
    "WEEKDAYS",
    "Demand",
    "PlanRequest",
]

Experience = Literal["novice", "intermediate", "advanced"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

#: Training days used when the profile names none: spread to leave rest days between sessions.
DEFAULT_DAYS: dict[int, tuple[str, ...]] = {
    1: ("wed",),
    2: ("mon", "thu"),
    3: ("mon", "wed", "fri"),
    4: ("mon", "tue", "thu", "fri"),
    5: ("mon", "tue", "wed", "fri", "sat"),
    6: ("mon", "tue", "wed", "thu", "fri", "sat"),
    7: WEEKDAYS,
}


@dataclass(frozen=True)
class Demand:
    """A planning consequence of a finding, in the planner's terms.

    Attributes
    ----------
    kind
        ``extra_volume`` (more items training ``region`` with ``quality``), ``weaker_side`` (extra
        sets on ``side`` for ``pattern``), ``every_session`` (``quality`` in every session),
        ``prefer`` (a soft preference for ``quality``/``region``/``pattern``).
    finding
        The finding's code, named in every item's ``why`` that serves it.
    """

    kind: Literal["extra_volume", "weaker_side", "every_session", "prefer"]
    finding: str
    quality: str | None = None
    region: str | None = None
    pattern: str | None = None
    side: Literal["left", "right"] | None = None
    sets: int = 0
    note: str = ""


@dataclass(frozen=True)
class PlanRequest:
    """Everything the planner reads.

    Attributes
    ----------
    body_mass_kg
        Body mass [kg], for the spine-load budget.
    minutes_per_session
        Time available per session [min].
    sensitivities
        Vocabulary sensitivities that aggravate the athlete: exercises loading them are excluded.
    pain_current
        Current pain, 0-10 numeric rating.
    max_level
        A cap on exercise level from findings (None: by experience only).
    posture_triggers
        ``prolonged_sitting`` and/or ``prolonged_standing`` when they aggravate the athlete's pain.
    findings
        ``(code, severity, summary)`` of each finding, copied into the plan.
    tested_holds_s
        ``(family, seconds)`` of the person's tested maximal holds: hold exercises progress
        toward them (:func:`spinewise.planning.dosing.hold_ceiling_s`).
    maxes_kg
        ``(lift, kg)`` of the person's known one-repetition maxes (``squat``, ``deadlift``,
        ``bench_press``): the lifts built on them are prescribed in kilograms.
    """

    name: str
    sex: Literal["female", "male"]
    age: int
    body_mass_kg: float
    training_experience: Experience
    days_per_week: int
    minutes_per_session: int
    weeks: int
    equipment: frozenset[str]
    sensitivities: frozenset[str] = frozenset()
    pain_current: int = 0
    goals: tuple[str, ...] = ("durability",)
    demands: tuple[Demand, ...] = ()
    max_level: int | None = None
    start_date: date | None = None
    preferred_days: tuple[str, ...] | None = None
    height_cm: float = 170.0
    posture_triggers: frozenset[str] = frozenset()
    findings: tuple[tuple[str, str, str], ...] = field(default=())
    tested_holds_s: tuple[tuple[str, float], ...] = field(default=())
    maxes_kg: tuple[tuple[str, float], ...] = field(default=())

    def tested_hold_s(self, family: str | None) -> float | None:
        """The person's tested maximal hold for a family of hold exercise [s], if known.

        Families: ``side_bridge`` (the weaker side), ``trunk_extensor``, ``trunk_flexor``,
        ``single_leg_stance`` (eyes open).
        """
        return dict(self.tested_holds_s).get(family) if family else None

    def max_kg(self, lift: str) -> float | None:
        """The person's one-repetition max on a main lift [kg], if known (``[maxes]``)."""
        return dict(self.maxes_kg).get(lift)

    @property
    def training_days(self) -> tuple[str, ...]:
        """The weekdays of the sessions, in week order."""
        if self.preferred_days and len(self.preferred_days) == self.days_per_week:
            return tuple(sorted(self.preferred_days, key=WEEKDAYS.index))
        return DEFAULT_DAYS[self.days_per_week]

    @property
    def in_pain(self) -> bool:
        """Current pain 3/10 or more: the threshold the issue sets for dropping fast work."""
        return self.pain_current >= 3
