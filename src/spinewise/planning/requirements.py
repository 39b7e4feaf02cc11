"""The plan's requirements: ids, plain words, and the documented order of relaxation.

The CP-SAT model and the solver-independent validator both name requirements by these ids. When
the requirements of a week cannot all hold, the planner relaxes the relaxable ones one at a time in
``RELAX_ORDER`` (least important first) and reports each in ``solver.relaxed``; the others are never
relaxed, and when they conflict the plan fails with exit code 4, naming the conflict.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["HARD", "RELAX_ORDER", "REQUIREMENTS"]

REQUIREMENTS: MappingProxyType[str, str] = MappingProxyType(
    {
        "equipment": "only exercises whose equipment is available",
        "sensitivities": "no exercise loading a movement that aggravates the athlete",
        "level_window": (
            "exercise levels within the window set by experience and findings, and no "
            "introductory body-weight exercise for advanced training experience"
        ),
        "pain_gate": "no jumps, throws or swings while current pain is above 2/10",
        "fall_risk_jumps": (
            "at 65 or older, or with a one-leg stance under 10 s, jumps only on two feet, of "
            "level 2 or below and with a hand on a support: heel drops, no hops, bounds, "
            "skater jumps, snap-downs or pogo hops"
        ),
        "fall_risk_one_leg": (
            "at 65 or older, or with a one-leg stance under 10 s, no one-legged squat, lunge or "
            "hinge of level 3 or above without a hand-hold (no Cossack squat); with a one-leg "
            "stance under 10 s, no single-leg hinge without a hand-hold"
        ),
        "prerequisites": (
            "jumps, throws and swings only after their prerequisite appeared in an earlier "
            "loading week, or where the step is established for the person's experience"
        ),
        "groundwork": (
            "an exercise above the level the person's experience starts at (level 3 and above "
            "for a novice) only after an easier step leading to it appeared in an earlier "
            "loading week"
        ),
        "foot_contacts": (
            "no session holds more foot contacts (jump landings) than the cap for the "
            "person's training experience"
        ),
        "finding_exclusions": (
            "no exercise a finding rules out (no superman hold for weak back extensors)"
        ),
        "session_time": "each session's estimated duration fits the minutes per session",
        "session_structure": "each session opens with prep and keeps its blocks within bounds",
        "weekly_frequency": "an exercise at most twice a week",
        "key_regions": "every week covers every key region (primary in at least one item)",
        "heavy_hinge_spacing": "no two consecutive training days both with heavy hinge work",
        "spine_budget": "no exercise above the athlete's spine-compression limit",
        "heavy_compression_spacing": "heavy-compression days are not back to back",
        "deload_volume": "a deload week carries 30 to 50 % less volume than the week before",
        "variety_rotation": "each loading week within a phase brings at least one new exercise",
        "finding_volume": "findings get extra volume, weaker-side sets and every-session work",
        "rotational_throws": "rotational medicine-ball throws in build, power, consolidate weeks",
        "three_planes": "every week works the sagittal, frontal and transverse planes",
        "isolated_share": "isolated exercises are at most 20 % of each week's items",
        "weekly_qualities": "every loading week trains every weekly quality",
        "unilateral_each_session": "every session has unilateral, alternating or split work",
        "single_leg_hinge": "a single-leg hinge in every loading week",
        "pattern_per_session": "at most two exercises of one main movement pattern per session",
        "weekly_pattern_sets": "at most 20 hard sets a week per main movement pattern",
        "movement_patterns": (
            "every loading week has a hinge and a squat or lunge; with 3+ days also a pull, "
            "a push and a carry, where equipment and sensitivities allow (a conditioning "
            "circuit does not count)"
        ),
        "session_fill": "each loading-week session fills at least 80 % of the minutes given",
        "balance_every_session": (
            "standing balance work in every session for people 65 or older or with poor "
            "one-leg balance, where equipment allows"
        ),
        "one_variant_per_session": (
            "a session holds at most one of an exercise and its direct regressions or progressions"
        ),
        "main_lifts": (
            "for lifting with known maxes, each of those main lifts once in every loading "
            "week, at most one a session when the days allow"
        ),
        "signature_work": (
            "a bridge hold with lateral pelvic shifts and a deadlift in every loading week, "
            "where equipment and sensitivities allow"
        ),
    }
)

#: Relaxable requirements, least important first.
RELAX_ORDER: tuple[str, ...] = (
    "one_variant_per_session",
    "variety_rotation",
    "session_fill",
    "finding_volume",
    "rotational_throws",
    "three_planes",
    "isolated_share",
    "weekly_qualities",
    "unilateral_each_session",
    "single_leg_hinge",
    "balance_every_session",
    "signature_work",
    "main_lifts",
    "movement_patterns",
    "weekly_pattern_sets",
    "pattern_per_session",
)

#: Requirements that are never relaxed.
HARD: tuple[str, ...] = tuple(r for r in REQUIREMENTS if r not in RELAX_ORDER)
