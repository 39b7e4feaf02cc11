"""Breathing and bracing practice: in every plan, a few minutes a day, its focus moving by phase.

The practice is recovery, not training load, so deload weeks keep it unchanged. The drills come
from the catalogue: exercises with the ``breathing`` pattern the athlete can do with their
equipment, not loading a sensitivity (nor, for extension-sensitive people, moving into extension
by posture: :func:`spinewise.habits.breaks.moves_into_extension`), of level 2 or below. The
foundation and consolidate phases prefer lying, kneeling or seated drills (learning, winding
down); build and power prefer standing ones (bracing in the positions where it is used).

References
----------
.. [1] Boyle KL, Olinick J, Lewis C (2010). The value of blowing up a balloon. N Am J Sports Phys
   Ther 5(3):179-188.
.. [2] Grenier SG, McGill SM (2007). Quantification of lumbar stability by using 2 different
   abdominal activation strategies. Arch Phys Med Rehabil 88:54-62.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spinewise.catalog import Catalog, Exercise
from spinewise.habits.breaks import moves_into_extension
from spinewise.habits.rules import BreathingRules
from spinewise.habits.sections import Breathing, BreathingPhase, Drill, Source

if TYPE_CHECKING:
    from spinewise.planning.periodization import WeekPlan
    from spinewise.planning.request import PlanRequest

__all__ = ["FOCUS", "breathing_drills", "build_breathing"]

#: What each phase's practice works on.
FOCUS: dict[str, str] = {
    "foundation": "Learn to breathe low and slow, lying down (90/90 breathing), and to brace "
    "gently without holding your breath.",
    "build": "Keep breathing behind a light brace, standing, as you will under load.",
    "power": "Brace just before each fast effort, breathe out through it, then let go.",
    "consolidate": "Keep a few minutes a day, and use slow breathing to wind down after sessions.",
}

_GROUNDED = frozenset({"supine", "prone", "side_lying", "quadruped", "kneeling", "half_kneeling"})
_ENDURANCE_FINDINGS = (
    "extensor_endurance_low",
    "flexor_endurance_low",
    "side_bridge_endurance_low",
    "flexor_extensor_ratio_high",
    "side_bridge_extensor_ratio_high",
    "side_bridge_asymmetry",
)


def breathing_drills(
    catalog: Catalog, request: PlanRequest, phase: str, rules: BreathingRules
) -> tuple[Exercise, ...]:
    """The catalogue's breathing drills for one phase, best first.

    Parameters
    ----------
    catalog
        The exercise catalogue.
    request
        Supplies ``equipment``, ``sensitivities`` and ``max_level``.
    phase
        ``foundation``, ``build``, ``power`` or ``consolidate``.
    rules
        Supplies ``max_level`` and ``menu_size``.
    """
    cap = rules.max_level if request.max_level is None else min(rules.max_level, request.max_level)
    grounded = phase in ("foundation", "consolidate")

    def fits(ex: Exercise) -> bool:
        return (
            "breathing" in ex.patterns
            and set(ex.equipment) <= request.equipment
            and not set(ex.sensitivities) & request.sensitivities
            and not ("extension" in request.sensitivities and moves_into_extension(ex))
            and ex.level <= cap
        )

    def rank(ex: Exercise) -> tuple[int, int, int, str]:
        lying = ex.posture is not None and ex.posture.support in _GROUNDED
        return (
            0 if lying == grounded else 1,
            0 if ("recovery" in ex.blocks) == grounded else 1,
            ex.level,
            ex.id,
        )

    return tuple(sorted(filter(fits, catalog), key=rank))[: rules.menu_size]


def _why(request: PlanRequest) -> list[str]:
    why = [
        "Bracing is the skill behind every hold and lift in your plan, and slow breathing is how "
        "a trunk that works hard learns to let go again."
    ]
    codes = [code for code, _severity, _summary in request.findings]
    found = [c for c in _ENDURANCE_FINDINGS if c in codes]
    if found:
        why.append(
            "Your assessment found "
            + ", ".join(c.replace("_", " ") for c in found)
            + ": a steady brace you can breathe behind makes the endurance work that trains it "
            "safer and more effective."
        )
    if request.pain_current > 0:
        why.append(
            f"With pain at {request.pain_current}/10 now, many people guard by holding the trunk "
            "tight; slow breathing is practice in relaxing it."
        )
    return why


def build_breathing(
    request: PlanRequest,
    weeks: Sequence[WeekPlan],
    catalog: Catalog,
    rules: BreathingRules,
    page: str | None,
) -> Breathing:
    """The ``habits.breathing`` section: one entry per phase present in the plan."""
    by_phase = tuple(
        BreathingPhase(
            phase=phase,
            weeks=tuple(w.index for w in weeks if w.phase == phase),
            minutes_per_day=rules.minutes_per_day[phase],
            days_per_week=rules.days_per_week,
            focus=FOCUS[phase],
            exercises=tuple(
                Drill(ex.id, ex.name) for ex in breathing_drills(catalog, request, phase, rules)
            ),
        )
        for phase in dict.fromkeys(w.phase for w in weeks)
    )
    return Breathing(
        id="breathing",
        title="Breathing and bracing practice",
        what="A few minutes every day: slow breaths out, low into the belly and the sides of "
        "the ribs (for example 90/90 breathing: lying on your back, feet on a wall, hips and knees "
        "bent to 90 degrees), then a few gentle all-round braces that you keep breathing behind.",
        why=tuple(_why(request)),
        by_phase=by_phase,
        deload="Deload weeks keep the same practice: it is recovery, not training load.",
        sources=Source.of_all(rules.sources),
        page=page,
    )
