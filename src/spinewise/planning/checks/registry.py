"""The validator's registry: one check per requirement id, and the checks of the plan's form.

Every id in :data:`spinewise.planning.requirements.REQUIREMENTS` has exactly one check here,
named after it; :data:`VALIDATOR_ONLY` lists the checks that are not requirements of the
planner but of a well-formed plan document (a test keeps the three lists in step:
the requirements, the rule classes of :mod:`spinewise.planning.rules`, and this registry).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from spinewise.planning.checks import across, item, lifter, session, week
from spinewise.planning.checks.scope import WeekScope
from spinewise.planning.checks.violation import Violation

__all__ = ["CANDIDATE_FILTERS", "PLAN_CHECKS", "REGISTRY", "VALIDATOR_ONLY", "WeekCheck"]

#: A check of one week: the violations of its requirement in that week.
WeekCheck = Callable[[WeekScope], list[Violation]]

#: Checks run on every week, by requirement id.
REGISTRY: Mapping[str, WeekCheck] = MappingProxyType(
    {
        # items (requirements the planner meets by choosing its candidates)
        "equipment": item.equipment,
        "sensitivities": item.sensitivities,
        "level_window": item.level_window,
        "pain_gate": item.pain_gate,
        "fall_risk_jumps": item.fall_risk_jumps,
        "fall_risk_one_leg": item.fall_risk_one_leg,
        "finding_exclusions": item.finding_exclusions,
        "spine_budget": item.spine_budget,
        # sessions
        "prerequisites": session.prerequisites,
        "foot_contacts": session.foot_contacts,
        "session_time": session.session_time,
        "session_structure": session.session_structure,
        "session_fill": session.session_fill,
        "unilateral_each_session": session.unilateral_each_session,
        "pattern_per_session": session.pattern_per_session,
        "one_variant_per_session": session.one_variant_per_session,
        "balance_every_session": session.balance_every_session_check,
        # weeks
        "weekly_frequency": week.weekly_frequency,
        "key_regions": week.key_regions,
        "finding_volume": week.finding_volume,
        "rotational_throws": week.rotational_throws,
        "three_planes": week.three_planes,
        "isolated_share": week.isolated_share,
        "weekly_qualities": week.weekly_qualities,
        "single_leg_hinge": week.single_leg_hinge,
        "weekly_pattern_sets": week.weekly_pattern_sets,
        "movement_patterns": week.movement_patterns,
        "signature_work": week.signature_work,
        "main_lifts": lifter.main_lifts,
        # across weeks
        "heavy_hinge_spacing": across.heavy_hinge_spacing,
        "heavy_compression_spacing": across.heavy_compression_spacing,
        "deload_volume": across.deload_volume,
        "variety_rotation": across.variety_rotation,
        "groundwork": across.groundwork,
        # the plan's form (validator only)
        "exercise": item.exercise,
        "dose": item.dose,
        "why": item.why,
        "periodization": week.periodization,
        "sessions": week.sessions,
        "progression": across.progression,
    }
)

#: Checks of the whole plan, run before the weeks (validator only; see
#: :mod:`spinewise.planning.checks.document`).
PLAN_CHECKS: tuple[str, ...] = ("schema_version", "solver.relaxed", "weeks")

#: What the validator checks that is no requirement of the planner but of a well-formed plan:
#: every item names a catalogue exercise (``exercise``), doses one measure (``dose``) and gives a
#: reason (``why``); weeks follow the periodization (``periodization``) with one session per
#: training day (``sessions``); a dose does not drop within a phase (``progression``, which the
#: dosing makes true by construction); and the plan-level checks of :data:`PLAN_CHECKS`.
VALIDATOR_ONLY: frozenset[str] = frozenset(
    {"exercise", "dose", "why", "periodization", "sessions", "progression", *PLAN_CHECKS}
)

#: Requirements the planner meets by the exercises it lets into a week's model (its candidates,
#: :func:`spinewise.planning.candidates.eligible` and the spine-load filter) rather than by a rule
#: class of :mod:`spinewise.planning.rules`.
CANDIDATE_FILTERS: frozenset[str] = frozenset(
    {
        "equipment",
        "sensitivities",
        "level_window",
        "pain_gate",
        "fall_risk_jumps",
        "fall_risk_one_leg",
        "finding_exclusions",
        "spine_budget",
        "prerequisites",
        "groundwork",
    }
)
