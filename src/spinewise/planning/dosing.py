"""Item doses by week: progression within a phase and deloads, computed outside the solver.

Within a phase every loading week steps the dose up (longer holds, more reps, then an extra set,
slower eccentrics, a higher RPE target); a dose never drops from one week to the next within a
phase except into a deload, which keeps the exercise and cuts its sets.

The step sizes are coaching conventions chosen for this project, not published values; the
isometric base doses follow McGill's practice of short holds repeated (docs/research/science.md
section 7, C2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spinewise.catalog.entities import Exercise, Intensity, tempo_seconds
from spinewise.planning.periodization import WeekPlan

__all__ = [
    "CARRY_SPEED_M_S",
    "TRANSITION_S",
    "ItemDose",
    "dose_for",
    "item_seconds",
    "volume_units",
]

#: Time to move between exercises [s] (set-up, walking to the station).
TRANSITION_S = 30
#: Walking speed while carrying [m/s]: an assumption for timing carries.
CARRY_SPEED_M_S = 1.0
#: Highest RPE target the progression reaches, by experience.
RPE_CEILING = {"novice": 7.5, "intermediate": 8.5, "advanced": 9.0}
#: Short sessions use fewer sets (minutes per session below this) [min].
SHORT_SESSION_MIN = 30


@dataclass(frozen=True)
class ItemDose:
    """The prescription of one item in one week."""

    sets: int
    reps: int | None
    hold_s: float | None
    distance_m: float | None
    per_side: bool
    tempo: str | None
    rest_s: int
    intensity: Intensity
    extra_sets_side: tuple[str, int] | None = None
    load_cap_kg: float | None = None

    def key(self) -> tuple[float, float, float, float, float]:
        """Components that must not drop within a phase (sets, reps, hold, distance, lowering)."""
        ecc = 0.0
        if self.tempo is not None and self.tempo[0] != "X":
            ecc = float(self.tempo[0])
        return (
            float(self.sets),
            float(self.reps or 0),
            float(self.hold_s or 0),
            float(self.distance_m or 0),
            ecc,
        )


def _slower(tempo: str | None, extra_s: int) -> str | None:
    if tempo is None or tempo[0] == "X" or extra_s == 0:
        return tempo
    parts = tempo.split("-")
    parts[0] = str(min(int(parts[0]) + extra_s, 6))
    return "-".join(parts)


def dose_for(
    ex: Exercise,
    week: WeekPlan,
    *,
    experience: str,
    minutes_per_session: int,
    extra_sets: int = 0,
) -> ItemDose:
    """The dose of ``ex`` in ``week``.

    Parameters
    ----------
    ex
        The exercise; its catalogue dose is the week-1 dose.
    week
        The week's phase position; ``phase_week`` counts loading weeks from 1.
    experience
        ``novice``, ``intermediate`` or ``advanced``: caps the RPE target.
    minutes_per_session
        Sessions under 30 min start from at most two sets.
    extra_sets
        Sets added by a finding (for example extensor endurance low).
    """
    base = ex.dose
    step = week.phase_week - 1
    sets = base.sets
    if minutes_per_session < SHORT_SESSION_MIN:
        sets = min(sets, 2)
    if step >= 2:
        sets += 1
    sets = min(sets + extra_sets, 8)
    reps = base.reps
    hold_s = base.hold_s
    distance_m = base.distance_m
    tempo = base.tempo
    if reps is not None and ex.loading != "ballistic":
        reps = min(reps + step, base.reps + 4 if base.reps else reps)
    if hold_s is not None:
        hold_s = float(5 * round(hold_s * (1 + 0.15 * step) / 5)) if hold_s >= 10 else hold_s
        hold_s = max(hold_s, base.hold_s or hold_s)
    if distance_m is not None:
        distance_m = float(distance_m + 5 * step)
    if "eccentric_control" in ex.qualities and step >= 1:
        tempo = _slower(tempo, 1)
    intensity = base.intensity
    if intensity.kind == "rpe" and intensity.value is not None:
        ceiling = RPE_CEILING.get(experience, 8.0)
        intensity = Intensity(kind="rpe", value=min(intensity.value + 0.5 * step, ceiling))
    if week.deload:
        sets = max(1, round(sets * 0.6))
        if intensity.kind == "rpe" and intensity.value is not None:
            intensity = Intensity(kind="rpe", value=max(intensity.value - 1.0, 5.0))
    return ItemDose(sets, reps, hold_s, distance_m, base.per_side, tempo, base.rest_s, intensity)


def _work_per_set_s(dose: ItemDose) -> float:
    if dose.hold_s is not None:
        work = dose.hold_s
    elif dose.distance_m is not None:
        work = dose.distance_m / CARRY_SPEED_M_S
    else:
        work = (dose.reps or 0) * tempo_seconds(dose.tempo)
    return work * (2 if dose.per_side else 1)


def item_seconds(dose: ItemDose) -> int:
    """Estimated duration of an item [s]: sets × work + rest between sets + one transition.

    Examples
    --------
    >>> from spinewise.catalog.entities import Intensity
    >>> d = ItemDose(3, 8, None, None, True, "3-1-1-0", 60, Intensity(kind="rpe", value=7))
    >>> item_seconds(d)  # 3 × (8 × 5 s × 2 sides) + 2 × 60 s + 30 s
    390
    """
    extra = dose.extra_sets_side[1] if dose.extra_sets_side else 0
    work = _work_per_set_s(dose)
    one_side = work / 2 if dose.per_side else work
    total = dose.sets * work + extra * one_side + (dose.sets - 1 + extra) * dose.rest_s
    return math.ceil(total + TRANSITION_S)


def volume_units(dose: ItemDose) -> int:
    """Training volume of an item: working seconds (sets × time under work) [s]."""
    extra = dose.extra_sets_side[1] if dose.extra_sets_side else 0
    work = _work_per_set_s(dose)
    one_side = work / 2 if dose.per_side else work
    return math.ceil(dose.sets * work + extra * one_side)
