"""The validator's exact words for each planted violation of ``test_validate_requirements``.

Checked by hand against the edit that plants it (decision 0230): the exercise, the numbers (the
cap, the sets, the minutes, the contacts) and the place are the planted ones. The words are
templates: ``{where}`` is the place the planter returns, and the other fields (``{old}``,
``{minutes}``, ``{contacts}`` ...) are the facts of the plan it returns with it, so that the
test stays exact while the planner's choices change.
"""

from __future__ import annotations

NAMED: dict[str, list[str]] = {
    "equipment": [
        "{where}: equipment: dead_bug_stability_ball needs stability_ball",
    ],
    "sensitivities": [
        "{where}: sensitivities: cat_camel loads flexion",
    ],
    "level_window": [
        "{where}: level_window: nordic_curl is level 4, allowed 1 to 2",
    ],
    "pain_gate": [
        "{where}: pain_gate: half_kneeling_rotational_throw is fast or impact "
        "work at pain 4/10 (allowed up to 2/10)",
    ],
    "fall_risk_jumps": [
        "{where}: fall_risk_jumps: snap_down_stick is a one-legged, sideways, high-level or "
        "unsupported jump for a person at risk of falling",
    ],
    "fall_risk_one_leg": [
        "{where}: fall_risk_one_leg: cossack_squat is one-legged strength work of level 3 "
        "without a hand-hold for a person at risk of falling",
    ],
    "prerequisites": [
        "{where}: prerequisites: broad_jump needs one of box_jump in an earlier loading week",
    ],
    "groundwork": [
        "{where}: groundwork: Band-assisted Nordic hamstring curl (level 3, above the level 2 a "
        "novice starts at) needs its groundwork first: Stability-ball hamstring curl in an "
        "earlier loading week",
    ],
    "foot_contacts": [
        "{where}: foot_contacts: {contacts} foot contacts, at most 120 for training experience "
        "advanced",
    ],
    "finding_exclusions": [
        "{where}: finding_exclusions: superman_hold is ruled out by the person's findings",
    ],
    "session_time": [
        "{where}: session_time: estimated {minutes} min, more than 40 min",
    ],
    "session_structure": [
        "{where}: session_structure: blocks out of order: {order}",
    ],
    "weekly_frequency": [
        "{where}: weekly_frequency: {new} appears 3 times (at most twice a week)",
    ],
    "key_regions": [
        "{where}: key_regions: no item has thoracic_extensors as a primary region",
    ],
    "heavy_hinge_spacing": [
        "{where}: heavy_hinge_spacing: heavy hinge work on Sunday and the next Monday",
    ],
    "spine_budget": [
        "{where}: spine_budget: {old} exceeds the compression limit of 3400 N at 60 kg",
    ],
    "heavy_compression_spacing": [
        "{where}: heavy_compression_spacing: heavy-compression days back to back: Sunday "
        "and the next Monday",
    ],
    "deload_volume": [
        "{where}: deload_volume: volume {now} s is {share} of the week before ({before} s); 50 to "
        "70 % expected",
    ],
    "variety_rotation": [
        "{where}: variety_rotation: no new exercise since the previous loading week",
    ],
    "finding_volume": [
        "{where}: finding_volume: extensor_endurance_low: 1 item(s), 2 needed",
    ],
    "rotational_throws": [
        "{where}: rotational_throws: no rotational medicine-ball throw although the "
        "athlete can do them",
    ],
    "three_planes": [
        "{where}: three_planes: no transverse-plane work",
    ],
    "isolated_share": [
        "{where}: isolated_share: {isolated} of {total} items are isolated (at most 20 %)",
    ],
    "weekly_qualities": [
        "{where}: weekly_qualities: no item trains mobility",
    ],
    "unilateral_each_session": [
        "{where}: unilateral_each_session: session {session} has no unilateral, alternating "
        "or split work",
    ],
    "single_leg_hinge": [
        "{where}: single_leg_hinge: no single-leg hinge in a loading week",
    ],
    "pattern_per_session": [
        "{where}: pattern_per_session: 3 exercises of the anti_rotation pattern, at most 2",
    ],
    "weekly_pattern_sets": [
        "{where}: weekly_pattern_sets: {sets} hard sets of the {pattern} pattern, at most 20",
    ],
    "movement_patterns": [
        "{where}: movement_patterns: no row this week",
    ],
    "session_fill": [
        "{where}: session_fill: uses {minutes} of 40 minutes, less than 80 %",
    ],
    "balance_every_session": [
        "{where}: balance_every_session: no balance work",
    ],
    "one_variant_per_session": [
        "{where}: one_variant_per_session: band_row and "
        "single_arm_band_row_split_stance are variants of one exercise in the same "
        "session",
    ],
    "main_lifts": ["{where}: main_lifts: no bench press this week"],
    "signature_work": [
        "{where}: signature_work: no bridge hold with lateral pelvic shifts this week",
    ],
    "dose": [
        "{where}: dose: {old} must dose exactly one of reps, hold_s, "
        "distance_m, got ['reps', 'hold_s']",
    ],
    "exercise": [
        "{where}: exercise: unknown exercise 'no_such_exercise'",
    ],
    "periodization": [
        "{where}: periodization: phase build/deload False, expected foundation/False",
    ],
    "progression": [
        "{where}: progression: {old}'s dose drops from week 1 within the foundation phase",
    ],
    "schema_version": [
        "plan: schema_version: must be 1",
    ],
    "sessions": [
        "{where}: sessions: {left} sessions, expected 3",
    ],
    "solver.relaxed": [
        "plan: solver.relaxed: not a relaxable requirement of a week: 'week 2: "
        "equipment: no kettlebell'",
    ],
    "weeks": [
        "plan: weeks: 7 weeks, expected 8",
    ],
    "why": [
        "{where}: why: {old} has no reason",
    ],
}
