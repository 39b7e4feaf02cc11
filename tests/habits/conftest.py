"""Fixtures for the habit tests: requests for typical people and a tiny catalogue."""

from __future__ import annotations

from typing import Any

import pytest

from spinewise.catalog import Catalog, Exercise, load_vocabulary
from spinewise.catalog.entities import Dose, Posture
from spinewise.planning.request import PlanRequest


def make_request(**changes: Any) -> PlanRequest:
    """A plain request: 35-year-old novice, 3 x 40 min, pain-free, durability, a mat and a band."""
    base: dict[str, Any] = {
        "name": "Test",
        "sex": "female",
        "age": 35,
        "body_mass_kg": 65.0,
        "training_experience": "novice",
        "days_per_week": 3,
        "minutes_per_session": 40,
        "weeks": 12,
        "equipment": frozenset({"mat", "band", "wall"}),
    }
    base.update(changes)
    return PlanRequest(**base)


def make_exercise(ex_id: str, **changes: Any) -> Exercise:
    """A standing, equipment-free mobility drill unless told otherwise."""
    base: dict[str, Any] = {
        "id": ex_id,
        "name": ex_id.replace("_", " ").capitalize(),
        "patterns": ("mobility_drill",),
        "regions": {"thoracic_extensors": "primary"},
        "qualities": ("mobility",),
        "planes": ("transverse",),
        "laterality": "bilateral",
        "integration": "integrated",
        "loading": "bodyweight",
        "equipment": (),
        "blocks": ("prep",),
        "level": 1,
        "dose": Dose(sets=2, reps=6, tempo="2-0-2-0"),
        "cues": ("move slowly",),
        "faults": ("rushing",),
        "posture": Posture(support="standing"),
    }
    base.update(changes)
    return Exercise(**base)


@pytest.fixture
def tiny_catalog() -> Catalog:
    """Nine exercises, each failing at most one break-menu rule."""
    exercises = [
        make_exercise("a_gentle_drill"),
        make_exercise(
            "b_standing_breath",
            patterns=("breathing",),
            qualities=("motor_control",),
            dose=Dose(sets=3, hold_s=20),
        ),
        make_exercise("c_motor_control", patterns=("hinge",), qualities=("motor_control",)),
        make_exercise("d_needs_a_band", equipment=("band",)),
        make_exercise("e_loads_flexion", sensitivities=("flexion",)),
        make_exercise("f_level_three", level=3),
        make_exercise("g_on_the_floor", posture=Posture(support="supine")),
        make_exercise(
            "h_jumping",
            patterns=("jump",),
            qualities=("rate_of_force_development",),
            loading="ballistic",
            sensitivities=("impact",),
        ),
        make_exercise("i_too_long", dose=Dose(sets=1, hold_s=120, per_side=True)),
    ]
    return Catalog(tuple(exercises), "test", load_vocabulary())


@pytest.fixture
def req() -> Any:
    """The :func:`make_request` factory."""
    return make_request
