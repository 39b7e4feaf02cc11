"""The package's public names, and determinism."""

from __future__ import annotations

import json

import spinewise.biomechanics as bio
from spinewise.biomechanics import compression_json, recommended_weight_limit


def test_public_names_exist_and_are_sorted():
    assert bio.__all__ == sorted(bio.__all__, key=lambda n: (not n.isupper(), n))
    for name in bio.__all__:
        assert hasattr(bio, name), name


def test_same_input_same_output(make_exercise):
    ex = make_exercise(
        "some_squat",
        {"support": "standing", "trunk_flexion_deg": 45, "arms": "shoulders", "load_kg": 80},
    )
    first = json.dumps(compression_json(ex), sort_keys=True)
    assert all(json.dumps(compression_json(ex), sort_keys=True) == first for _ in range(3))
    a = recommended_weight_limit(40, 30, 50, 30, 2.4, "moderate", "poor")
    b = recommended_weight_limit(40, 30, 50, 30, 2.4, "moderate", "poor")
    assert a == b
