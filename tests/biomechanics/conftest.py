"""Fixtures for the biomechanics tests: small exercises built in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from spinewise.catalog.entities import Exercise


def _exercise(exercise_id: str, posture: dict[str, Any] | None = None) -> Exercise:
    data: dict[str, Any] = {
        "id": exercise_id,
        "name": exercise_id.replace("_", " "),
        "patterns": ["hinge"],
        "regions": {"erector_spinae": "primary"},
        "qualities": ["strength"],
        "planes": ["sagittal"],
        "laterality": "bilateral",
        "integration": "integrated",
        "loading": "constant",
        "equipment": [],
        "blocks": ["strength"],
        "level": 2,
        "dose": {"sets": 3, "reps": 8},
        "cues": ["cue"],
        "faults": ["fault"],
    }
    if posture is not None:
        data["posture"] = posture
    return Exercise.model_validate(data)


@pytest.fixture
def make_exercise() -> Callable[..., Exercise]:
    return _exercise
