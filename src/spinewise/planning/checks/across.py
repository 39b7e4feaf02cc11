"""Checks that read a week with the weeks before it: one function per requirement.

Spacing of heavy days within the week and across the week's boundary (a Sunday session then the
next Monday's), the deload's volume against the week before, doses that must not drop within a
phase, new exercises from one loading week to the next, and the groundwork of hard exercises in
the plan's earlier loading weeks.
"""

from __future__ import annotations

from collections.abc import Callable

from spinewise.planning.candidates import (
    BASE_MAX_LEVEL,
    groundwork_met,
    groundwork_of,
    is_heavy_hinge,
    level_window,
)
from spinewise.planning.checks.scope import WeekScope, session_exercises
from spinewise.planning.checks.violation import Violation
from spinewise.planning.dosing import volume_units
from spinewise.planning.periodization import DELOAD_VOLUME_RANGE
from spinewise.planning.plan import Session, Week
from spinewise.planning.policy import HEAVY_COMPRESSION_FRACTION
from spinewise.planning.request import WEEKDAYS
from spinewise.planning.spine import checked_load_kg

__all__ = [
    "deload_volume",
    "groundwork",
    "heavy_compression_spacing",
    "heavy_hinge_spacing",
    "progression",
    "variety_rotation",
]

#: Whether a session is heavy (of a kind that must not fall on consecutive days).
HeavyFn = Callable[[Session], bool]


def _days(ws: WeekScope, week: Week) -> list[str]:
    """The weekday of each session: its own, else the athlete's training day in its place."""
    days = ws.scope.request.training_days
    return [s.day or days[i] for i, s in enumerate(week.sessions)]


def _back_to_back(ws: WeekScope, heavy: HeavyFn) -> list[tuple[str, str]]:
    """Consecutive-day pairs of heavy sessions within the week (as weekdays)."""
    sessions, days = ws.week.sessions, _days(ws, ws.week)
    return [
        (days[a], days[a + 1])
        for a in range(len(sessions) - 1)
        if WEEKDAYS.index(days[a + 1]) - WEEKDAYS.index(days[a]) == 1
        and heavy(sessions[a])
        and heavy(sessions[a + 1])
    ]


def _across_boundary(ws: WeekScope, heavy: HeavyFn) -> bool:
    """Whether last week's final session (a Sunday) and this week's first (a Monday) are heavy."""
    prev = ws.previous
    if prev is None or not prev.sessions or not ws.week.sessions:
        return False
    if _days(ws, prev)[-1] != "sun" or _days(ws, ws.week)[0] != "mon":
        return False
    return heavy(prev.sessions[-1]) and heavy(ws.week.sessions[0])


def heavy_hinge_spacing(ws: WeekScope) -> list[Violation]:
    """Requirement ``heavy_hinge_spacing``: no heavy hinge work on consecutive training days."""
    catalog = ws.scope.catalog

    def heavy(session: Session) -> bool:
        return any(map(is_heavy_hinge, session_exercises(session, catalog)))

    out = [
        Violation(
            ws.where, "heavy_hinge_spacing", f"heavy hinge work on consecutive days {a} and {b}"
        )
        for a, b in _back_to_back(ws, heavy)
    ]
    if _across_boundary(ws, heavy):
        message = "heavy hinge work on Sunday and the next Monday"
        out.append(Violation(ws.where, "heavy_hinge_spacing", message))
    return out


def heavy_compression_spacing(ws: WeekScope) -> list[Violation]:
    """Requirement ``heavy_compression_spacing``: heavy-compression days not back to back.

    A session is heavy when an item reaches 75 % of the athlete's limit at the load it is checked
    at (its cap, else the load its dose prescribes).
    """
    s = ws.scope
    heavy_n = HEAVY_COMPRESSION_FRACTION * s.limit_n

    def heavy(session: Session) -> bool:
        return any(
            s.compression(ex, s.request, checked_load_kg(ex, s.request, item.dose)) >= heavy_n
            for _, item in session.items()
            if item.exercise_id in s.catalog
            for ex in (s.catalog.get(item.exercise_id),)
        )

    out = [
        Violation(
            ws.where,
            "heavy_compression_spacing",
            f"heavy-compression days back to back: {a} and {b}",
        )
        for a, b in _back_to_back(ws, heavy)
    ]
    if _across_boundary(ws, heavy):
        message = "heavy-compression days back to back: Sunday and the next Monday"
        out.append(Violation(ws.where, "heavy_compression_spacing", message))
    return out


def _volume(week: Week) -> int:
    return sum(volume_units(item.dose) for s in week.sessions for _, item in s.items())


def deload_volume(ws: WeekScope) -> list[Violation]:
    """Requirement ``deload_volume``: a deload carries 30 to 50 % less volume than before."""
    if ws.previous is None or not ws.wp.deload:
        return []
    low, high = DELOAD_VOLUME_RANGE
    before, now = _volume(ws.previous), _volume(ws.week)
    if low * before - 1e-9 <= now <= high * before + 1e-9:
        return []
    message = (
        f"volume {now} s is {now / max(before, 1):.0%} of the week before ({before} s); "
        "50 to 70 % expected"
    )
    return [Violation(ws.where, "deload_volume", message)]


def _doses(week: Week) -> dict[str, tuple[float, ...]]:
    """Doses that must not drop; an item deliberately regressed by adaptation is left out."""
    out: dict[str, tuple[float, ...]] = {}
    for s in week.sessions:
        for _, item in s.items():
            if any(str(w).startswith("adapted (regress)") for w in item.why):
                continue
            out[item.exercise_id] = item.dose.key()
    return out


def progression(ws: WeekScope) -> list[Violation]:
    """Validator-only ``progression``: no dose drops from one week to the next within a phase."""
    prev, prev_wp = ws.previous, ws.previous_wp
    if prev is None or prev_wp is None or prev_wp.phase != ws.wp.phase or ws.wp.deload:
        return []
    old, new = _doses(prev), _doses(ws.week)
    return [
        Violation(
            ws.where,
            "progression",
            f"{eid}'s dose drops from week {prev_wp.index} within the {ws.wp.phase} phase",
        )
        for eid in sorted(set(old) & set(new))
        if any(n < o for n, o in zip(new[eid], old[eid], strict=True))
    ]


def variety_rotation(ws: WeekScope) -> list[Violation]:
    """Requirement ``variety_rotation``: a loading week brings an exercise new to its phase."""
    if ws.wp.deload or ws.last_loading is None:
        return []
    seen = {item.exercise_id for s in ws.last_loading.sessions for _, item in s.items()}
    now = {item.exercise_id for s in ws.week.sessions for _, item in s.items()}
    if now - seen:
        return []
    message = "no new exercise since the previous loading week"
    return [Violation(ws.where, "variety_rotation", message)]


def groundwork(ws: WeekScope) -> list[Violation]:
    """Requirement ``groundwork``: a hard exercise after an easier step of its chain, earlier.

    Names the exercises by their names (decision 0291). An exercise above the week's level window
    is left to ``level_window``: one fault, one violation.
    """
    request, catalog = ws.scope.request, ws.scope.catalog
    top = level_window(request, ws.wp.phase)[1]
    out = []
    for p in ws.placed:
        if p.exercise.level > top or groundwork_met(p.exercise, request, catalog, ws.done):
            continue
        steps = " or ".join(catalog.get(g).name for g in groundwork_of(p.exercise, catalog))
        message = (
            f"{p.exercise.name} (level {p.exercise.level}, above the level "
            f"{BASE_MAX_LEVEL[request.training_experience]} a {request.training_experience} "
            f"starts at) needs its groundwork first: {steps or 'an easier step'} in an earlier "
            "loading week"
        )
        out.append(Violation(ws.at(p.session), "groundwork", message))
    return out
