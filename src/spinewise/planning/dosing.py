"""Item doses: an introductory dose at first exposure, then progression across the whole plan.

An exercise's dose depends on how many loading weeks the athlete has already done it
(its *exposure*), not on where the week sits in its phase:

* **First exposure**: an introductory dose, one set fewer than the catalogue's dose (at least two)
  and half a point lower on the RPE scale, with the catalogue's reps, hold and tempo.
* **Holds start within reach**: when the person's tested hold for the family is shorter than
  the catalogue's hold, the first hold is the tested hold rounded down to 5 s (at least 5 s).
* **Holds grow**: 5 s a week of exposure toward a ceiling set by the person's tested hold for
  that family of exercise (half of it, at least the catalogue's hold and at most 60 s), in the
  spirit of McGill's short, repeated holds that lengthen as endurance builds.
* **Reps by double progression**: one more rep a week up to four above the catalogue's, then the
  effort rises (RPE) at the same reps; sets rise by one every second week up to one above the
  catalogue's.
* **Tempo**: exercises that train eccentric control lower one second slower from the second
  exposure and two seconds slower from the fourth (at most 6 s).
* **Deload weeks** keep the exercise and cut its sets by 40 % and its RPE by one point; they do
  not count as exposure.

Every component is non-decreasing in exposure, so a dose never falls from one week to the next
outside a deload. The step sizes and the ceiling are coaching conventions chosen for this project,
not published values; the short-hold practice follows McGill (docs/research/science.md section 7,
C2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spinewise.catalog.entities import Exercise, Intensity, tempo_seconds
from spinewise.planning.periodization import WeekPlan

__all__ = [
    "CARRY_SPEED_M_S",
    "HOLD_CEILING_S",
    "HOLD_STEP_S",
    "TRANSITION_S",
    "ItemDose",
    "catalogue_dose",
    "dose_for",
    "hold_ceiling_s",
    "intro_sets",
    "item_seconds",
    "percent_ceiling",
    "volume_units",
]

#: Time to move between exercises [s] (set-up, walking to the station).
TRANSITION_S = 30
#: Walking speed while carrying [m/s]: an assumption for timing carries.
CARRY_SPEED_M_S = 1.0
#: Highest RPE target the progression reaches, by experience.
RPE_CEILING = {"novice": 7.5, "intermediate": 8.5, "advanced": 9.0}
#: Hold added per week of exposure [s] (a design choice).
HOLD_STEP_S = 5
#: Longest hold the progression reaches [s], whatever the tested capacity (a design choice).
HOLD_CEILING_S = 60.0
#: Hold ceiling without a tested capacity: the catalogue's hold plus this [s] (a design choice).
UNTESTED_HOLD_HEADROOM_S = 20.0
#: Share of the tested maximal hold that training holds may reach (a design choice).
TESTED_HOLD_SHARE = 0.5
#: Extra reps the double progression adds before the effort rises.
MAX_EXTRA_REPS = 4
#: Percentage-based sets keep this many repetitions in reserve at the top of their progression:
#: the reserve of an RPE-8 set on the RIR-based RPE scale (Zourdos et al. 2016).
PERCENT_RESERVE_REPS = 2
#: A first exposure starts this far below the catalogue's percentage [% 1RM] (a design choice).
PERCENT_INTRO_DROP = 5.0
#: Percentage added per week of exposure [% 1RM]: one 2.5-kg plate step per 100 kg of max
#: (a design choice).
PERCENT_STEP = 2.5
#: A deload week's percentage is this much lower [% 1RM] (a design choice).
PERCENT_DELOAD_DROP = 10.0
#: Epley's equation, 1RM = w (1 + r / 30), gives the repetitions to failure at a share of 1RM.
_EPLEY_REPS_DIVISOR = 30.0


@dataclass(frozen=True)
class ItemDose:
    """The prescription of one item in one week.

    ``load_kg`` is the prescribed load [kg] when the person's max on its lift is known
    (:mod:`spinewise.planning.lifts`). ``load_cap_kg`` is the most external load the item allows
    [kg] (the spine-load cap,
    :mod:`spinewise.planning.spine`); ``effort_cap`` says that the item is near the athlete's
    spine-load limit and its load is not known in kg, so its effort target is the cap.
    """

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
    effort_cap: bool = False
    load_kg: float | None = None

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


def catalogue_dose(ex: Exercise) -> ItemDose:
    """The exercise's catalogue dose as an item's dose (no progression, no caps)."""
    d = ex.dose
    return ItemDose(
        sets=d.sets,
        reps=d.reps,
        hold_s=d.hold_s,
        distance_m=d.distance_m,
        per_side=d.per_side,
        tempo=d.tempo,
        rest_s=d.rest_s,
        intensity=d.intensity,
    )


def intro_sets(catalogue_sets: int) -> int:
    """Sets of a first exposure: one fewer than the catalogue's dose, at least two.

    Examples
    --------
    >>> intro_sets(6), intro_sets(3), intro_sets(2), intro_sets(1)
    (5, 2, 2, 1)
    """
    return max(2, catalogue_sets - 1) if catalogue_sets > 2 else catalogue_sets


def percent_ceiling(reps: int) -> float:
    """The highest share of 1RM at which ``reps`` leave two repetitions in reserve [% 1RM].

    By Epley's equation a set of ``reps`` with :data:`PERCENT_RESERVE_REPS` in reserve is a
    ``reps + 2`` repetition maximum, at ``100 / (1 + (reps + 2) / 30)`` % of 1RM; rounded down to
    the :data:`PERCENT_STEP`.

    Examples
    --------
    >>> percent_ceiling(5), percent_ceiling(3), percent_ceiling(8)
    (80.0, 85.0, 75.0)
    """
    share = 100.0 / (1.0 + (reps + PERCENT_RESERVE_REPS) / _EPLEY_REPS_DIVISOR)
    return PERCENT_STEP * math.floor(share / PERCENT_STEP)


def _percent_dose(base: Intensity, reps: int, exposure: int, deload: bool) -> Intensity:
    """A percentage target that rises with exposure at fixed reps, never past the ceiling."""
    value = base.value if base.value is not None else percent_ceiling(reps)
    top = min(PERCENT_STEP * math.floor(value / PERCENT_STEP), percent_ceiling(reps))
    start = top - PERCENT_INTRO_DROP
    now = min(start + PERCENT_STEP * exposure, top)
    if deload:
        now -= PERCENT_DELOAD_DROP
    return Intensity(kind="percent_1rm", value=now)


def hold_ceiling_s(base_hold_s: float, tested_s: float | None) -> float:
    """The longest hold an exercise progresses to for this person [s].

    Parameters
    ----------
    base_hold_s
        The catalogue's hold [s].
    tested_s
        The person's tested maximal hold for this family of exercise [s], if known.

    Examples
    --------
    >>> hold_ceiling_s(10, 60)  # half of a 60-s extensor hold
    30.0
    >>> hold_ceiling_s(10, None)
    30.0
    >>> hold_ceiling_s(30, 20)  # never below the catalogue's hold
    30.0
    """
    if tested_s is None:
        ceiling = base_hold_s + UNTESTED_HOLD_HEADROOM_S
    else:
        ceiling = HOLD_STEP_S * math.floor(TESTED_HOLD_SHARE * tested_s / HOLD_STEP_S)
    return float(max(base_hold_s, min(ceiling, HOLD_CEILING_S)))


def dose_for(
    ex: Exercise,
    week: WeekPlan,
    *,
    experience: str,
    exposure: int = 0,
    extra_sets: int = 0,
    tested_hold_s: float | None = None,
) -> ItemDose:
    """The dose of ``ex`` in ``week`` after ``exposure`` earlier loading weeks with it.

    Parameters
    ----------
    ex
        The exercise; the introductory dose is derived from its catalogue dose.
    week
        The week; a deload cuts sets and effort.
    experience
        ``novice``, ``intermediate`` or ``advanced``: caps the RPE target.
    exposure
        Earlier loading weeks in which the athlete did this exercise (0: first exposure).
    extra_sets
        Sets added by a finding (for example extensor endurance low).
    tested_hold_s
        The person's tested maximal hold for this exercise's family [s], if known.
    """
    base = ex.dose
    k = max(0, exposure)
    first = intro_sets(base.sets)
    hold_s = base.hold_s
    if hold_s is not None:
        sets = min(first + k, base.sets)
        top = hold_ceiling_s(hold_s, tested_hold_s)
        if tested_hold_s is not None and tested_hold_s < hold_s:
            # the catalogue's hold is beyond what the person held in the test: start from it
            hold_s = float(max(HOLD_STEP_S, HOLD_STEP_S * math.floor(tested_hold_s / HOLD_STEP_S)))
        hold_s = float(min(hold_s + HOLD_STEP_S * k, max(hold_s, top)))
    else:
        sets = min(first + (k + 1) // 2, base.sets + 1)
    sets = min(sets + extra_sets, 8)
    reps = base.reps
    reps_room = 0
    if base.intensity.kind == "percent_1rm" and reps is not None:
        # A percentage sets the load for a number of reps: the reps stay, the load rises.
        intensity = _percent_dose(base.intensity, reps, k, week.deload)
        if week.deload:
            sets = max(1, round(sets * 0.6))
        return ItemDose(
            sets,
            reps,
            hold_s,
            distance_m=base.distance_m,
            per_side=base.per_side,
            tempo=base.tempo,
            rest_s=base.rest_s,
            intensity=intensity,
        )
    if reps is not None and ex.loading != "ballistic":
        reps = base.reps + min(k, MAX_EXTRA_REPS) if base.reps else reps
        reps_room = max(0, k - MAX_EXTRA_REPS)
    distance_m = base.distance_m
    if distance_m is not None:
        distance_m = float(distance_m + 5 * k)
    tempo = base.tempo
    if "eccentric_control" in ex.qualities:
        tempo = _slower(tempo, (1 if k >= 1 else 0) + (1 if k >= 3 else 0))
    intensity = base.intensity
    if intensity.kind == "rpe" and intensity.value is not None:
        ceiling = max(RPE_CEILING.get(experience, 8.0), intensity.value - 0.5)
        start = intensity.value - 0.5
        steps = k if reps is None or base.reps is None else reps_room + min(k, 1)
        intensity = Intensity(kind="rpe", value=min(start + 0.5 * steps, ceiling))
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
