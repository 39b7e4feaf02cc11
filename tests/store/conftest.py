"""Fixtures of the storage tests: a tiny catalogue and a matcher over it."""

from __future__ import annotations

import pytest

from spinewise.catalog import Catalog, Exercise, load_vocabulary
from spinewise.logbook import ExerciseMatcher


def _exercise(ex_id: str, name: str, aliases: tuple[str, ...] = (), **extra: object) -> Exercise:
    base: dict[str, object] = {
        "id": ex_id,
        "name": name,
        "aliases": aliases,
        "patterns": ("hinge",),
        "regions": {"hamstrings": "primary"},
        "qualities": ("max_strength",),
        "planes": ("sagittal",),
        "laterality": "bilateral",
        "integration": "integrated",
        "loading": "constant",
        "equipment": (),
        "blocks": ("strength",),
        "level": 1,
        "dose": {"sets": 3, "reps": 8},
        "cues": (f"Cue for {name}",),
        "faults": ("A fault",),
    }
    base.update(extra)
    return Exercise.model_validate(base)


@pytest.fixture(scope="session")
def tiny_catalog() -> Catalog:
    exercises = (
        _exercise("bird_dog", "Bird dog", ("quadruped opposite arm and leg reach",)),
        _exercise("side_plank", "Side plank", ("side bridge",), dose={"sets": 2, "hold_s": 10}),
        _exercise("romanian_deadlift", "Romanian deadlift", ("rdl",)),
        _exercise("back_extension_hold", "Back extension hold", ("biering-sorensen hold",)),
        _exercise("goblet_squat", "Goblet squat", ()),
    )
    return Catalog(exercises, "test", load_vocabulary())


@pytest.fixture(scope="session")
def matcher(tiny_catalog: Catalog) -> ExerciseMatcher:
    return ExerciseMatcher(tiny_catalog)
