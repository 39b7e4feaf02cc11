"""A small catalogue and plan builder for the recommendation tests (imported by the test modules).

The packaged catalogue is data that changes; these exercises are built here so that the tests
pin behaviour, not catalogue contents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from spinewise.catalog import Catalog, Exercise, load_vocabulary
from spinewise.logbook import PainScores, PlannedRef, SessionLog, SetLog
from spinewise.planning.plan import Plan


def exercise(ex_id: str, **tags: Any) -> Exercise:
    """An exercise with defaults for everything the tests do not care about."""
    base: dict[str, Any] = {
        "id": ex_id,
        "name": ex_id.replace("_", " ").capitalize(),
        "patterns": ("hinge",),
        "regions": {"hamstrings": "primary"},
        "qualities": ("eccentric_control",),
        "planes": ("sagittal",),
        "laterality": "bilateral",
        "integration": "integrated",
        "loading": "constant",
        "equipment": (),
        "blocks": ("strength",),
        "level": 2,
        "dose": {"sets": 3, "reps": 8},
        "cues": (f"Cue for {ex_id}",),
        "faults": ("A fault",),
    }
    base.update(tags)
    return Exercise.model_validate(base)


HIPS = {"glute_max": "primary", "hamstrings": "primary"}

EXERCISES: tuple[Exercise, ...] = (
    exercise(
        "kb_swing",
        name="Kettlebell swing",
        regions=HIPS,
        qualities=("rate_of_force_development",),
        loading="ballistic",
        equipment=("kettlebell",),
        blocks=("power",),
        level=3,
    ),
    exercise(
        "band_pull_through_fast",
        name="Explosive band pull-through",
        regions=HIPS,
        qualities=("rate_of_force_development",),
        loading="ballistic",
        equipment=("band",),
        blocks=("power",),
        level=2,
    ),
    exercise(
        "db_rdl",
        name="Dumbbell Romanian deadlift",
        regions=HIPS,
        equipment=("dumbbell",),
    ),
    exercise(
        "kb_deadlift",
        name="Kettlebell deadlift",
        regions=HIPS,
        qualities=("max_strength",),
        equipment=("kettlebell",),
        level=1,
    ),
    exercise(
        "granny_toss",
        name="Medicine-ball granny toss",
        patterns=("hinge", "throw"),
        regions=HIPS,
        qualities=("rate_of_force_development",),
        loading="ballistic",
        equipment=("medicine_ball",),
        sensitivities=("flexion",),
        blocks=("power",),
    ),
    exercise(
        "single_leg_rdl",
        name="Single-leg Romanian deadlift",
        regions={**HIPS, "glute_med": "secondary"},
        qualities=("eccentric_control", "proprioception"),
        planes=("sagittal", "frontal"),
        laterality="unilateral",
        equipment=("dumbbell",),
        dose={"sets": 3, "reps": 8, "per_side": True},
    ),
    exercise(
        "bird_dog",
        name="Bird dog",
        patterns=("anti_rotation",),
        regions={"multifidus": "primary", "erector_spinae": "primary", "glute_max": "secondary"},
        qualities=("motor_control", "isometric_endurance"),
        planes=("sagittal", "transverse"),
        laterality="alternating",
        loading="bodyweight",
        equipment=("mat",),
        blocks=("stability",),
        level=1,
        dose={"sets": 3, "reps": 6, "per_side": True},
    ),
    exercise(
        "side_bridge",
        name="Side bridge",
        patterns=("anti_lateral_flexion",),
        regions={"obliques": "primary", "glute_med": "primary", "quadratus_lumborum": "secondary"},
        qualities=("isometric_endurance",),
        planes=("frontal",),
        laterality="unilateral",
        loading="bodyweight",
        equipment=("mat",),
        blocks=("stability",),
        level=1,
        dose={"sets": 3, "hold_s": 10, "per_side": True},
    ),
    exercise(
        "back_extension_hold",
        name="Back extension hold",
        patterns=("back_extension",),
        regions={"erector_spinae": "primary", "multifidus": "secondary"},
        qualities=("isometric_endurance",),
        loading="bodyweight",
        equipment=("mat",),
        blocks=("stability",),
        level=2,
        dose={"sets": 3, "hold_s": 20},
    ),
    exercise(
        "pallof_press",
        name="Pallof press",
        patterns=("anti_rotation",),
        regions={"obliques": "primary", "transverse_abdominis": "primary"},
        qualities=("isometric_endurance",),
        planes=("transverse",),
        equipment=("band",),
        blocks=("stability",),
        level=1,
    ),
    exercise(
        "rotational_throw",
        name="Rotational medicine-ball throw",
        patterns=("throw", "rotation"),
        regions={"obliques": "primary", "glute_max": "primary"},
        qualities=("rate_of_force_development",),
        planes=("transverse",),
        laterality="unilateral",
        loading="ballistic",
        equipment=("medicine_ball", "wall"),
        sensitivities=("rotation",),
        blocks=("power",),
        level=3,
    ),
    exercise(
        "thoracic_rotation",
        name="Thoracic rotation",
        patterns=("mobility_drill",),
        regions={"thoracic_extensors": "primary", "transverse_abdominis": "primary"},
        qualities=("mobility",),
        planes=("transverse",),
        loading="bodyweight",
        equipment=("mat",),
        blocks=("prep",),
        level=1,
    ),
    exercise(
        "box_jump",
        name="Box jump",
        patterns=("jump",),
        regions={"glute_max": "primary", "quadriceps": "primary"},
        qualities=("rate_of_force_development",),
        loading="ballistic",
        equipment=("box",),
        sensitivities=("impact",),
        blocks=("power",),
        level=3,
    ),
    exercise(
        "barbell_deadlift",
        name="Barbell deadlift",
        regions=HIPS,
        qualities=("max_strength",),
        equipment=("barbell",),
        sensitivities=("axial_load",),
        level=4,
    ),
)


def make_catalog(exercises: Sequence[Exercise] = EXERCISES) -> Catalog:
    """A catalogue of the test exercises."""
    return Catalog(tuple(exercises), "test", load_vocabulary())


CATALOG = make_catalog()


def item(exercise_id: str) -> dict[str, Any]:
    """A plan item (the contract's shape) for an exercise of :data:`CATALOG`."""
    return {
        "exercise_id": exercise_id,
        "name": CATALOG.get(exercise_id).name if exercise_id in CATALOG else exercise_id,
        "sets": 3,
        "reps": 8,
        "hold_s": None,
        "distance_m": None,
        "per_side": False,
        "tempo": None,
        "rest_s": 60,
        "intensity": {"kind": "rpe", "value": 7},
        "extra_sets_side": None,
        "load_cap_kg": None,
        "why": ["test"],
    }


def make_plan(
    weeks: Sequence[Sequence[Sequence[str]]],
    *,
    dates: Sequence[Sequence[str | None]] | None = None,
    phase: str = "build",
) -> Plan:
    """A plan whose week ``w`` session ``s`` holds the exercise ids ``weeks[w][s]``."""
    out_weeks = []
    for w, sessions in enumerate(weeks):
        out_sessions = []
        for s, ids in enumerate(sessions):
            when = dates[w][s] if dates else None
            out_sessions.append(
                {
                    "index": s + 1,
                    "day": ("mon", "wed", "fri", "sat")[s],
                    "date": when,
                    "estimated_minutes": 5.0 * len(ids),
                    "peak_compression_n": 1000,
                    "blocks": [{"kind": "strength", "items": [item(e) for e in ids]}],
                }
            )
        out_weeks.append(
            {"index": w + 1, "phase": phase, "deload": False, "sessions": out_sessions}
        )
    return Plan.from_json(
        {
            "schema_version": 1,
            "generated_by": {"version": "test", "catalog_version": "test", "seed": 0},
            "athlete": {
                "name": "Test",
                "sex": "female",
                "age": 40,
                "body_mass_kg": 60.0,
                "training_experience": "intermediate",
            },
            "findings": [],
            "solver": {"status": "OPTIMAL", "solve_seconds": 0.0, "relaxed": []},
            "weeks": out_weeks,
        }
    )


def logged(
    when: str,
    exercise_ids: Sequence[str],
    *,
    pain_during: int | None = None,
    planned: tuple[int, int, int] | None = None,
) -> SessionLog:
    """A logged session at ``when`` (ISO date-time) with one set of each exercise."""
    return SessionLog(
        started_at=datetime.fromisoformat(when),
        pain=PainScores(during=pain_during),
        planned=None
        if planned is None
        else PlannedRef(plan_version=planned[0], week=planned[1], session=planned[2]),
        sets=tuple(SetLog(exercise_id=e, set_number=1, reps=8) for e in exercise_ids),
    )
