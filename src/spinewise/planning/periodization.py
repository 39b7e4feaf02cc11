"""Phases and deload weeks, computed before and outside the solver.

A plan of 7 to 16 weeks runs four phases in order: foundation (motor control, isometric endurance,
hinge patterning), build (eccentric and tempo strength, unilateral work), power (rate of force
development) and consolidate. Phase lengths scale with the plan length. A deload week comes every
third or fourth week: after three loading weeks, or at the end of a phase of three or more weeks
after at least two loading weeks. A deload carries 30 to 50 % less volume than the week before.

Short plans (6 weeks or fewer) have fewer phases and no deload: foundation and build, and a power
phase in a 6-week plan. When fast work is ruled out (current pain above the pain gate) there is no
power phase: a phase named for power would have none.

Examples
--------
>>> [(w.index, w.phase, w.deload) for w in periodize(4)]
[(1, 'foundation', False), (2, 'foundation', False), (3, 'build', False), (4, 'build', False)]
>>> [w.index for w in periodize(12) if w.deload]
[3, 7, 10]
>>> sorted({w.phase for w in periodize(12, fast_work=False)})
['build', 'consolidate', 'foundation']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DELOAD_VOLUME_RANGE",
    "PHASES",
    "PHASE_SHARES",
    "SHORT_PLAN_WEEKS",
    "Phase",
    "WeekPlan",
    "periodize",
]

Phase = Literal["foundation", "build", "power", "consolidate"]
PHASES: tuple[Phase, ...] = ("foundation", "build", "power", "consolidate")
#: Share of the plan's weeks per phase (a design choice, not a published value).
PHASE_SHARES: tuple[float, ...] = (0.25, 0.35, 0.25, 0.15)
#: Longest plan without deload weeks and with fewer phases [weeks] (a design choice).
SHORT_PLAN_WEEKS = 6
#: A deload week's volume as a fraction of the week before: 30 to 50 % less.
DELOAD_VOLUME_RANGE: tuple[float, float] = (0.50, 0.70)


@dataclass(frozen=True)
class WeekPlan:
    """One week's place in the plan.

    Attributes
    ----------
    index
        1-based week number.
    phase_week
        1-based position among the phase's loading (non-deload) weeks; progression steps on it.
    """

    index: int
    phase: Phase
    deload: bool
    phase_week: int
    phase_length: int


def _phases(weeks: int, fast_work: bool) -> tuple[Phase, ...]:
    if weeks <= SHORT_PLAN_WEEKS:
        return ("foundation", "build", "power") if weeks == 6 and fast_work else PHASES[:2]
    return PHASES if fast_work else ("foundation", "build", "consolidate")


def _phase_lengths(weeks: int, phases: tuple[Phase, ...]) -> list[int]:
    shares = [PHASE_SHARES[PHASES.index(p)] for p in phases]
    raw = [share * weeks / sum(shares) for share in shares]
    n = len(phases)
    lengths = [max(1, round(x)) for x in raw]
    while sum(lengths) > weeks:
        i = max(range(n), key=lambda j: (lengths[j] - raw[j], lengths[j]))
        lengths[i] -= 1
    while sum(lengths) < weeks:
        i = max(range(n), key=lambda j: (raw[j] - lengths[j], -j))
        lengths[i] += 1
    return lengths


def periodize(weeks: int, *, fast_work: bool = True) -> tuple[WeekPlan, ...]:
    """Return the phase and deload status of every week.

    Parameters
    ----------
    weeks
        Plan length, 4 to 16.
    fast_work
        Whether jumps, throws and swings may be planned (False: no power phase).

    Raises
    ------
    ValueError
        When ``weeks`` is outside 4 to 16.
    """
    if not 4 <= weeks <= 16:
        raise ValueError(f"weeks must be 4 to 16, got {weeks}")
    out: list[WeekPlan] = []
    loading_since_deload = 0
    index = 0
    phases = _phases(weeks, fast_work)
    short = weeks <= SHORT_PLAN_WEEKS
    for phase, length in zip(phases, _phase_lengths(weeks, phases), strict=True):
        phase_week = 0
        for pos in range(1, length + 1):
            index += 1
            last_of_phase = pos == length
            deload = not short and (
                loading_since_deload == 3
                or (last_of_phase and length >= 3 and loading_since_deload >= 2)
            )
            if deload:
                loading_since_deload = 0
            else:
                loading_since_deload += 1
                phase_week += 1
            out.append(WeekPlan(index, phase, deload, max(phase_week, 1), length))
    return tuple(out)
