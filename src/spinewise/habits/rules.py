"""The habit doses and thresholds, read from ``data/habits.toml`` (each value cites its source)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spinewise.education.bibliography import Citation, cite
from spinewise.education.topics import PHASES

__all__ = [
    "BreakRules",
    "BreathingRules",
    "CheckInRules",
    "HabitRules",
    "RecoveryRules",
    "WalkingRules",
    "load_habit_rules",
]


@dataclass(frozen=True)
class BreathingRules:
    """Breathing and bracing practice.

    Attributes
    ----------
    minutes_per_day
        Practice time by phase [min].
    """

    minutes_per_day: dict[str, int]
    days_per_week: int
    max_level: int
    menu_size: int
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class BreakRules:
    """Movement breaks.

    Attributes
    ----------
    interval_min_triggered
        Minutes between breaks when sitting or standing aggravates pain [min] (Thorp 2014).
    interval_min_desk
        Minutes between breaks for desk work without posture-triggered pain [min] (design).
    duration_min
        Length of one break [min].
    max_item_s
        Longest single set of a menu item [s].
    """

    interval_min_triggered: int
    interval_min_desk: int
    duration_min: int
    menu_size: int
    max_level: int
    max_item_s: int
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class WalkingRules:
    """The progressive walking programme (shape from Pocovi et al. 2024; steps by design).

    Attributes
    ----------
    target_min_per_day, target_days_per_week
        The end goal [min, days] (WalkBack's 30 minutes five times a week).
    start_min_per_day, start_min_in_high_pain, start_days_per_week
        The first week's dose [min, min, days].
    step_min
        Minutes added by one progression step [min].
    slow_from_pain
        Current pain [0-10] from which the programme steps every second loading week.
    deload_factor
        A deload week's walk as a fraction of the week before.
    min_min_per_day
        The shortest walk prescribed [min].
    older_adult_age
        Age [years] from which walking is offered without another reason.
    """

    target_min_per_day: int
    target_days_per_week: int
    start_min_per_day: int
    start_min_in_high_pain: int
    start_days_per_week: int
    step_min: int
    slow_from_pain: int
    deload_factor: float
    min_min_per_day: int
    older_adult_age: int
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class CheckInRules:
    """Thresholds of the morning check-in's guidance.

    Attributes
    ----------
    short_sleep_h
        Sleep below this [h] keeps the day easy (Edwards 2008).
    unacceptable_pain
        Next-morning pain above this [0-10] skips loaded work (Silbernagel 2007 [C2]).
    """

    short_sleep_h: float
    high_soreness: int
    high_stress: int
    low_energy: int
    unacceptable_pain: int
    poor_signs_to_reduce: int
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class RecoveryRules:
    """The sources behind the sleep and deload advice (the deloads themselves are the planner's)."""

    sleep_sources: tuple[Citation, ...]
    deload_sources: tuple[Citation, ...]


@dataclass(frozen=True)
class BalanceRules:
    """Standing balance practice for the older-adult pathway (target: Sherrington et al. 2011).

    Attributes
    ----------
    target_min_per_week
        Standing balance per week by the last training week, sessions and practice together [min].
    older_adult_age, poor_stance_eyes_open_s
        Who gets it: this age or older [years], or a one-leg stance with eyes open below this [s].
    start_days_per_week, target_days_per_week, start_min_per_day, step_min, max_min_per_day
        The ladder of the practice [days, days, min, min, min].
    deload_factor
        A deload week's practice as a fraction of the week before.
    menu_size
        Drills named per stage.
    """

    target_min_per_week: int
    older_adult_age: int
    poor_stance_eyes_open_s: float
    start_days_per_week: int
    target_days_per_week: int
    start_min_per_day: int
    step_min: int
    max_min_per_day: int
    deload_factor: float
    menu_size: int
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class HabitRules:
    """All habit rules."""

    breathing: BreathingRules
    breaks: BreakRules
    walking: WalkingRules
    balance: BalanceRules
    check_in: CheckInRules
    recovery: RecoveryRules


def _sources(section: dict[str, Any], name: str) -> tuple[Citation, ...]:
    return tuple(
        cite(entry, f"habits.toml: [{name}] sources[{i}]")
        for i, entry in enumerate(section.pop("sources"))
    )


@cache
def load_habit_rules() -> HabitRules:
    """Load ``data/habits.toml``.

    Examples
    --------
    >>> load_habit_rules().walking.target_min_per_day
    30
    """
    text = resources.files("spinewise.habits").joinpath("data/habits.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    breathing = dict(raw["breathing"])
    b_sources = _sources(breathing, "breathing")
    minutes = {phase: int(breathing["minutes_per_day"][phase]) for phase in PHASES}
    breaks = dict(raw["movement_breaks"])
    k_sources = _sources(breaks, "movement_breaks")
    walking = dict(raw["walking"])
    w_sources = _sources(walking, "walking")
    c = dict(raw["check_in"])
    c_sources = _sources(c, "check_in")
    bal = dict(raw["balance"])
    bal_sources = _sources(bal, "balance")
    return HabitRules(
        breathing=BreathingRules(
            minutes,
            int(breathing["days_per_week"]),
            int(breathing["max_level"]),
            int(breathing["menu_size"]),
            b_sources,
        ),
        breaks=BreakRules(
            interval_min_triggered=int(breaks["interval_min_triggered"]),
            interval_min_desk=int(breaks["interval_min_desk"]),
            duration_min=int(breaks["duration_min"]),
            menu_size=int(breaks["menu_size"]),
            max_level=int(breaks["max_level"]),
            max_item_s=int(breaks["max_item_s"]),
            sources=k_sources,
        ),
        walking=WalkingRules(
            target_min_per_day=int(walking["target_min_per_day"]),
            target_days_per_week=int(walking["target_days_per_week"]),
            start_min_per_day=int(walking["start_min_per_day"]),
            start_min_in_high_pain=int(walking["start_min_in_high_pain"]),
            start_days_per_week=int(walking["start_days_per_week"]),
            step_min=int(walking["step_min"]),
            slow_from_pain=int(walking["slow_from_pain"]),
            deload_factor=float(walking["deload_factor"]),
            min_min_per_day=int(walking["min_min_per_day"]),
            older_adult_age=int(walking["older_adult_age"]),
            sources=w_sources,
        ),
        balance=BalanceRules(
            target_min_per_week=int(bal["target_min_per_week"]),
            older_adult_age=int(bal["older_adult_age"]),
            poor_stance_eyes_open_s=float(bal["poor_stance_eyes_open_s"]),
            start_days_per_week=int(bal["start_days_per_week"]),
            target_days_per_week=int(bal["target_days_per_week"]),
            start_min_per_day=int(bal["start_min_per_day"]),
            step_min=int(bal["step_min"]),
            max_min_per_day=int(bal["max_min_per_day"]),
            deload_factor=float(bal["deload_factor"]),
            menu_size=int(bal["menu_size"]),
            sources=bal_sources,
        ),
        check_in=CheckInRules(
            short_sleep_h=float(c["short_sleep_h"]),
            high_soreness=int(c["high_soreness"]),
            high_stress=int(c["high_stress"]),
            low_energy=int(c["low_energy"]),
            unacceptable_pain=int(c["unacceptable_pain"]),
            poor_signs_to_reduce=int(c["poor_signs_to_reduce"]),
            sources=c_sources,
        ),
        recovery=RecoveryRules(
            sleep_sources=_sources(dict(raw["sleep"]), "sleep"),
            deload_sources=_sources(dict(raw["deload"]), "deload"),
        ),
    )
