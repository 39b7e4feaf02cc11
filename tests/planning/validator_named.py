"""The validator's exact words for each planted violation of ``test_validate_requirements``.

Checked by hand against the edit that plants it (decision 0230): the exercise, the numbers (the
cap, the sets, the minutes, the contacts) and the place are the planted ones.
"""

from __future__ import annotations

NAMED: dict[str, list[str]] = {
    "equipment": [
        "week 1 session 1: equipment: dead_bug_stability_ball needs stability_ball",
    ],
    "sensitivities": [
        "week 1 session 1: sensitivities: cat_camel loads flexion",
    ],
    "level_window": [
        "week 1 session 1: level_window: nordic_curl is level 4, allowed 1 to 2",
    ],
    "pain_gate": [
        "week 3 session 1: pain_gate: half_kneeling_rotational_throw is fast or impact "
        "work at pain 4/10 (allowed up to 2/10)",
    ],
    "fall_risk_jumps": [
        "week 6 session 1: fall_risk_jumps: broad_jump is a one-legged, sideways or "
        "high-level jump for a person at risk of falling",
    ],
    "prerequisites": [
        "week 3 session 1: prerequisites: broad_jump needs one of box_jump in an earlier "
        "loading week",
    ],
    "foot_contacts": [
        "week 6 session 1: foot_contacts: 124 foot contacts, at most 120 for a advanced trainee",
    ],
    "finding_exclusions": [
        "week 6 session 2: finding_exclusions: superman_hold is ruled out by the person's findings",
    ],
    "session_time": [
        "week 8 session 1: session_time: estimated 46.5 min, more than 40 min",
    ],
    "session_structure": [
        "week 1 session 1: session_structure: blocks out of order: ['conditioning', "
        "'stability', 'strength', 'prep']",
    ],
    "weekly_frequency": [
        "week 1: weekly_frequency: bird_dog appears 3 times (at most twice a week)",
    ],
    "key_regions": [
        "week 1: key_regions: no item has thoracic_extensors as a primary region",
    ],
    "heavy_hinge_spacing": [
        "week 6: heavy_hinge_spacing: heavy hinge work on Sunday and the next Monday",
    ],
    "spine_budget": [
        "week 1 session 2: spine_budget: kettlebell_deadlift exceeds the compression "
        "limit of 3400 N at 60 kg",
    ],
    "heavy_compression_spacing": [
        "week 6: heavy_compression_spacing: heavy-compression days back to back: Sunday "
        "and the next Monday",
    ],
    "deload_volume": [
        "week 4: deload_volume: volume 1445 s is 36% of the week before (4044 s); 50 to "
        "70 % expected",
    ],
    "variety_rotation": [
        "week 2: variety_rotation: no new exercise since the previous loading week",
    ],
    "finding_volume": [
        "week 3: finding_volume: extensor_endurance_low: 1 item(s), 2 needed",
    ],
    "rotational_throws": [
        "week 6: rotational_throws: no rotational medicine-ball throw although the "
        "athlete can do them",
    ],
    "three_planes": [
        "week 3: three_planes: no transverse-plane work",
    ],
    "isolated_share": [
        "week 4: isolated_share: 7 of 30 items are isolated (at most 20 %)",
    ],
    "weekly_qualities": [
        "week 1: weekly_qualities: no item trains mobility",
    ],
    "unilateral_each_session": [
        "week 3: unilateral_each_session: session 2 has no unilateral, alternating or split work",
    ],
    "single_leg_hinge": [
        "week 1: single_leg_hinge: no single-leg hinge in a loading week",
    ],
    "pattern_per_session": [
        "week 1 session 1: pattern_per_session: 3 exercises of the anti_rotation "
        "pattern, at most 2",
    ],
    "weekly_pattern_sets": [
        "week 2: weekly_pattern_sets: 21 hard sets of the anti_rotation pattern, at most 20",
    ],
    "movement_patterns": [
        "week 1: movement_patterns: no row this week",
    ],
    "session_fill": [
        "week 1 session 1: session_fill: uses 22.0 of 40 minutes, less than 80 %",
    ],
    "balance_every_session": [
        "week 3 session 1: balance_every_session: no balance work",
    ],
    "one_variant_per_session": [
        "week 1 session 1: one_variant_per_session: band_row and "
        "single_arm_band_row_split_stance are variants of one exercise in the same "
        "session",
    ],
    "main_lifts": ["week 1: main_lifts: no bench press this week"],
    "signature_work": [
        "week 3: signature_work: no a bridge hold with lateral pelvic shifts this week",
    ],
    "dose": [
        "week 8 session 1: dose: marching_bridge must dose exactly one of reps, hold_s, "
        "distance_m, got ['reps', 'hold_s']",
    ],
    "exercise": [
        "week 2 session 1: exercise: unknown exercise 'no_such_exercise'",
    ],
    "periodization": [
        "week 1: periodization: phase build/deload False, expected foundation/False",
    ],
    "progression": [
        "week 2: progression: bird_dog's dose drops from week 1 within the foundation phase",
    ],
    "schema_version": [
        "plan: schema_version: must be 1",
    ],
    "sessions": [
        "week 1: sessions: 2 sessions, expected 3",
    ],
    "solver.relaxed": [
        "plan: solver.relaxed: not a relaxable requirement of a week: 'week 2: "
        "equipment: no kettlebell'",
    ],
    "weeks": [
        "plan: weeks: 7 weeks, expected 8",
    ],
    "why": [
        "week 1 session 1: why: band_lift_half_kneeling has no reason",
    ],
}
