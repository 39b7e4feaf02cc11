"""What the education pages explain: finding codes, plan phases and daily habits.

A page lists in its ``links`` the finding codes, phases and habits it explains; every link must be
one of the names below, and each has exactly one page (checked by the loader and the tests).

To add a finding code: append it to :data:`FINDING_CODES` and to the ``links`` of the page that
explains it (or write a new page). The tests then require that page to exist.
"""

from __future__ import annotations

__all__ = ["FINDING_CODES", "HABIT_LINKS", "KNOWN_LINKS", "PHASES", "STATUSES"]

#: Every finding code the assessment may emit (spinewise.assessment), plus ``movement_sensitivity``
#: as the generic name for the ``aggravated_by_*`` family.
FINDING_CODES: tuple[str, ...] = (
    "extensor_endurance_low",
    "flexor_endurance_low",
    "side_bridge_endurance_low",
    "flexor_extensor_ratio_high",
    "side_bridge_asymmetry",
    "side_bridge_extensor_ratio_high",
    "balance_eyes_open_low",
    "balance_eyes_closed_low",
    "pain_present",
    "pain_current_acceptable",
    "pain_current_high",
    "pain_worst_week_high",
    "movement_sensitivity",
    "aggravated_by_flexion",
    "aggravated_by_extension",
    "aggravated_by_rotation",
    "aggravated_by_axial_load",
    "aggravated_by_impact",
    "bone_health_flexion",
    "sitting_intolerance",
    "standing_intolerance",
    "start_back_medium",
    "start_back_high",
)

#: The plan's phases, in order (the same as spinewise.planning.periodization.PHASES; a test
#: keeps the two equal without making this package import the planner).
PHASES: tuple[str, ...] = ("foundation", "build", "power", "consolidate")

#: The parts of the plan's ``habits`` section that have a page.
HABIT_LINKS: tuple[str, ...] = (
    "breathing",
    "movement_breaks",
    "walking",
    "balance_practice",
    "sleep",
    "rest_days",
    "deload",
    "check_in",
)

KNOWN_LINKS: frozenset[str] = frozenset(FINDING_CODES) | frozenset(PHASES) | frozenset(HABIT_LINKS)

#: How sure a claim is: confirmed from the source (C), only from a secondary source (C2),
#: unconfirmed (U), or a spinewise design choice with no published source (design).
STATUSES: tuple[str, ...] = ("C", "C2", "U", "design")
