"""A realistic plan dict for the renderer tests, valid against docs/contracts/plan.schema.json.

Three weeks (foundation, build, a build deload), two dated sessions a week, every block kind but
conditioning in most sessions and one conditioning block, per-side items, holds, a carry with a
distance, extra sets for one side, null tempos, an item without a display name, items with and
without cues, sessions with and without peak compression, and every optional top-level field,
``habits`` built by :func:`spinewise.habits.build_habits` for a desk worker (breaks and walking).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

from spinewise.catalog import load_catalog
from spinewise.habits import build_habits
from spinewise.planning.periodization import WeekPlan
from spinewise.planning.plan import Plan
from spinewise.planning.request import PlanRequest


def fixture_habits() -> dict[str, Any]:
    """The real ``habits`` section for the fixture's athlete and weeks (breaks and walking)."""
    request = PlanRequest(
        name="Maria Keller",
        sex="female",
        age=41,
        body_mass_kg=68.5,
        training_experience="intermediate",
        days_per_week=2,
        minutes_per_session=45,
        weeks=3,
        equipment=frozenset({"mat", "band", "kettlebell", "dumbbell"}),
        sensitivities=frozenset({"flexion"}),
        pain_current=2,
        goals=("durability", "desk_work"),
        posture_triggers=frozenset({"prolonged_sitting"}),
        findings=(
            ("extensor_endurance_low", "moderate", "Back-extensor endurance below the reference"),
            ("side_bridge_asymmetry", "mild", "Left side bridge shorter"),
        ),
    )
    weeks = (
        WeekPlan(1, "foundation", False, 1, 1),
        WeekPlan(2, "build", False, 1, 2),
        WeekPlan(3, "build", True, 2, 2),
    )
    return build_habits(request, weeks, load_catalog()).to_json()


SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "contracts" / "plan.schema.json"
START = dt.date(2026, 12, 7)  # a Monday
DAY_OFFSETS = {"mon": 0, "thu": 3}


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _item(exercise_id: str, sets: int, why: list[str], **dose: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "exercise_id": exercise_id,
        "sets": sets,
        "reps": None,
        "hold_s": None,
        "distance_m": None,
        "per_side": False,
        "tempo": None,
        "rest_s": 60,
        "intensity": {"kind": "bodyweight", "value": None},
        "why": why,
        "extra_sets_side": None,
    }
    item.update(dose)
    return item


def _prep(deload: bool) -> dict[str, Any]:
    return {
        "kind": "prep",
        "items": [
            _item(
                "cat_camel",
                1,
                ["spine mobility before loading, through the easy mid-range"],
                name="Cat-camel",
                reps=8,
                rest_s=0,
                cues=["move slowly", "stop short of end range"],
            ),
            _item(
                "glute_bridge",
                1 if deload else 2,
                ["wakes the glutes before hinging"],
                reps=10,
                tempo="2-1-1-0",
                rest_s=30,
            ),
        ],
    }


def _power() -> dict[str, Any]:
    return {
        "kind": "power",
        "items": [
            _item(
                "kettlebell_swing",
                4,
                ["rate of force development through the hips", "build phase: power focus"],
                name="Kettlebell swing (two-hand)",
                reps=10,
                rest_s=90,
                intensity={"kind": "ballistic", "value": None},
            )
        ],
    }


def _strength(week: int, deload: bool) -> dict[str, Any]:
    return {
        "kind": "strength",
        "items": [
            _item(
                "single_leg_rdl_tempo",
                2 if deload else 3,
                ["hamstring and glute strength", "eccentric control of the hinge"],
                name="Single-leg Romanian deadlift, 3-s lowering",
                reps=6 + week,
                per_side=True,
                tempo="3-1-1-0",
                rest_s=75,
                intensity={"kind": "rpe", "value": 6.5 if deload else 6.5 + 0.5 * week},
                cues=["hips square to the floor", "reach back with the heel"],
            ),
            _item(
                "suitcase_carry",
                2 if deload else 3,
                ["lateral trunk endurance under load (anti-lateral-flexion)"],
                name="Suitcase carry",
                distance_m=20,
                per_side=True,
                rest_s=60,
                intensity={"kind": "percent_1rm", "value": 30},
            ),
        ],
    }


def _stability(week: int, deload: bool) -> dict[str, Any]:
    return {
        "kind": "stability",
        "items": [
            _item(
                "bird_dog",
                2 if deload else 3,
                ["extensor endurance below the norm (finding: extensor_endurance_low)"],
                name="Bird dog",
                reps=6,
                hold_s=8 + 2 * week,
                per_side=True,
                rest_s=30,
            ),
            _item(
                "side_plank",
                2 if deload else 3,
                ["side-bridge endurance differs between sides", "McGill big three"],
                name="Side plank",
                hold_s=10,
                per_side=True,
                rest_s=30,
                extra_sets_side=None if deload else {"side": "left", "sets": 1},
            ),
            _item(
                "mcgill_curl_up",
                3,
                ["anterior trunk endurance without repeated full flexion"],
                name="McGill curl-up",
                reps=5,
                hold_s=10,
                rest_s=30,
                intensity={"kind": "rir", "value": 3},
            ),
        ],
    }


def _conditioning() -> dict[str, Any]:
    return {
        "kind": "conditioning",
        "items": [
            _item(
                "sled_push",
                4,
                ["work capacity with the spine braced"],
                name="Sled push",
                distance_m=15.5,
                rest_s=90,
                intensity={"kind": "rpe", "value": 7},
            )
        ],
    }


def _recovery() -> dict[str, Any]:
    return {
        "kind": "recovery",
        "items": [
            _item(
                "half_kneeling_hip_flexor_stretch",
                1,
                ["hip extension range for the hinge"],
                name="Half-kneeling hip-flexor stretch",
                hold_s=30,
                per_side=True,
                rest_s=0,
                intensity={"kind": "band", "value": None},
            )
        ],
    }


def _session(week: int, index: int, day: str, phase: str, deload: bool) -> dict[str, Any]:
    blocks = [_prep(deload)]
    if phase == "build" and index == 1 and not deload:
        blocks.append(_power())
    blocks += [_strength(week, deload), _stability(week, deload)]
    if index == 2 and not deload:
        blocks.append(_conditioning())
    blocks.append(_recovery())
    date = START + dt.timedelta(weeks=week - 1, days=DAY_OFFSETS[day])
    session: dict[str, Any] = {
        "index": index,
        "date": date.isoformat(),
        "day": day,
        "estimated_minutes": 35 if deload else 40 + 5 * index + (0.5 if week == 2 else 0),
        "blocks": blocks,
    }
    if index == 1:
        session["peak_compression_n"] = 2480.0 + 120 * week
    return session


def _week(index: int, phase: str, deload: bool) -> dict[str, Any]:
    sessions = [
        _session(index, i, day, phase, deload) for i, day in enumerate(("mon", "thu"), start=1)
    ]
    return {
        "index": index,
        "phase": phase,
        "deload": deload,
        "volume_s": 1260 if deload else 1800 + 300 * index,
        "sessions": sessions,
    }


_PLAN: dict[str, Any] = {
    "schema_version": 1,
    "generated_by": {"version": "0.1.0", "catalog_version": "2026.12.0", "seed": 7},
    "athlete": {
        "name": "Maria Keller",
        "sex": "female",
        "age": 41,
        "body_mass_kg": 68.5,
        "training_experience": "intermediate",
        "sensitivities": ["flexion"],
    },
    "findings": [
        {
            "code": "extensor_endurance_low",
            "severity": "moderate",
            "summary": "Back-extensor endurance is below the reference for your group.",
            "measured": 110,
            "reference": 185,
            "source": "McGill et al. 1999",
        },
        {
            "code": "side_bridge_asymmetry",
            "severity": "mild",
            "summary": "Your left side bridge is shorter than your right.",
        },
    ],
    "solver": {
        "status": "OPTIMAL",
        "solve_seconds": 1.284,
        "relaxed": ["weekly_minutes: raised from 90 to 96 minutes in week 2 to fit the carry"],
        "per_week": [
            {"week": 1, "status": "OPTIMAL", "objective": 412},
            {"week": 2, "status": "OPTIMAL", "objective": 455},
            {"week": 3, "status": "FEASIBLE", "objective": 301},
        ],
    },
    "phases": [
        {
            "phase": "foundation",
            "weeks": [1],
            "focus": "motor control, isometric endurance, hinge patterning",
        },
        {"phase": "build", "weeks": [2, 3], "focus": "eccentric and tempo strength, unilateral"},
    ],
    "weeks": [
        _week(1, "foundation", False),
        _week(2, "build", False),
        _week(3, "build", True),
    ],
    "notes": [
        "Week 2 runs six minutes over your weekly time so that the carry fits.",
        "Stop any exercise that brings on sharp or spreading pain.",
    ],
    "habits": fixture_habits(),
    "disclaimer": (
        "spinewise is not a medical device and does not diagnose. "
        "See a clinician about pain that persists."
    ),
}


def make_plan() -> dict[str, Any]:
    """A fresh deep copy of the realistic plan (tests may mutate it)."""
    return copy.deepcopy(_PLAN)


def minimal_plan() -> dict[str, Any]:
    """The same plan with every field the schema does not require removed."""
    plan = make_plan()
    for key in ("phases", "notes", "habits", "disclaimer"):
        del plan[key]
    del plan["solver"]["per_week"]
    plan["athlete"] = {k: plan["athlete"][k] for k in ("name", "sex", "age", "body_mass_kg")}
    plan["athlete"]["training_experience"] = "novice"
    plan["findings"] = [
        {k: f[k] for k in ("code", "severity", "summary")} for f in plan["findings"]
    ]
    for week in plan["weeks"]:
        del week["volume_s"]
        for session in week["sessions"]:
            session.pop("day")
            session.pop("peak_compression_n", None)
            for block in session["blocks"]:
                for item in block["items"]:
                    for key in ("distance_m", "name", "extra_sets_side", "cues"):
                        item.pop(key, None)
    return plan


def all_items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        item
        for week in plan["weeks"]
        for session in week["sessions"]
        for block in session["blocks"]
        for item in block["items"]
    ]


def all_sessions(plan: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(week, session) for week in plan["weeks"] for session in week["sessions"]]


def typed(plan: Any) -> Plan:
    """The plan as the renderers take it: a document is read (and checked) as a file would be."""
    return plan if isinstance(plan, Plan) else Plan.read(plan)
