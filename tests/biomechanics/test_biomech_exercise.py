"""Every exercise's compression estimate and the export's compression_n object."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinewise.biomechanics import (
    calibrated_n,
    compression_json,
    exercise_compression,
    posture_load,
)
from spinewise.catalog.entities import Posture
from spinewise.catalog.loader import default_data_dir, read_catalog_dir

RDL = {"support": "standing", "trunk_flexion_deg": 70, "arms": "hanging", "load_kg": 30}
SIDE_BRIDGE = {"support": "side_lying", "trunk_flexion_deg": 90, "arms": "floor"}
MAIN_CATALOGUE = Path("/work/main/src/spinewise/catalog/data/exercises")


def test_calibrated_basis_without_a_published_value(make_exercise):
    ex = make_exercise("some_rdl", RDL)
    est = exercise_compression(ex)
    assert est.basis == "model"
    assert est.model_value_n == pytest.approx(posture_load(Posture(**RDL)).compression_n)
    # on McGill's scale: the model plus the fitted co-contraction constant (about 1,473 N at 75 kg)
    assert est.value_n == pytest.approx(calibrated_n(est.model_value_n, 75.0))
    assert 1400 < est.value_n - est.model_value_n < 1550
    at_90 = exercise_compression(ex, body_mass_kg=90.0)
    assert at_90.value_n - at_90.model_value_n == pytest.approx(
        (est.value_n - est.model_value_n) * 90 / 75
    )
    assert est.source is None
    assert est.error_pct is None
    assert est.method == "cantilever"
    assert not est.coarse


def test_published_basis_scales_with_body_mass(make_exercise):
    ex = make_exercise("side_bridge", SIDE_BRIDGE)
    at_75 = exercise_compression(ex)
    at_90 = exercise_compression(ex, body_mass_kg=90.0)
    assert at_75.basis == "published"
    assert at_75.value_n == pytest.approx(2585.0)
    assert at_90.value_n == pytest.approx(2585.0 * 90 / 75)
    assert "McGill" in (at_75.source or "")
    assert "[C2]" in (at_75.source or "")
    assert at_75.error_pct == pytest.approx(100 * (at_75.model_value_n - 2585) / 2585)
    assert at_75.coarse  # the model's side bridge is a coarse estimate


def test_published_value_moves_with_a_prescribed_load(make_exercise):
    ex = make_exercise("side_bridge", SIDE_BRIDGE)
    base = exercise_compression(ex)
    loaded = exercise_compression(ex, load_kg=10.0)
    assert loaded.value_n - base.value_n == pytest.approx(loaded.model_value_n - base.model_value_n)
    assert loaded.error_pct == pytest.approx(base.error_pct)


def test_model_estimate_follows_the_prescribed_load(make_exercise):
    ex = make_exercise("some_rdl", RDL)
    assert exercise_compression(ex, load_kg=60).value_n > exercise_compression(ex).value_n


def test_traction_is_reported_as_zero(make_exercise):
    ex = make_exercise("dead_hang", {"support": "hanging", "arms": "overhead"})
    assert exercise_compression(ex).value_n == 0.0


def test_exercise_without_posture_gets_a_labelled_estimate(make_exercise):
    est = exercise_compression(make_exercise("no_posture_here"))
    assert est.method == "no_posture"
    assert est.coarse
    assert est.value_n > 0
    assert "no posture" in est.notes[0]


def test_compression_json_shapes(make_exercise):
    model = compression_json(make_exercise("some_rdl", RDL))
    assert model == {
        "value": round(exercise_compression(make_exercise("some_rdl", RDL)).value_n),
        "basis": "model",
        "body_mass_kg": 75,
        "method": "cantilever",
        "coarse": False,
        "model_value": round(posture_load(Posture(**RDL)).compression_n),
    }
    published = compression_json(make_exercise("side_bridge", SIDE_BRIDGE))
    assert published["basis"] == "published"
    assert published["value"] == 2585
    assert isinstance(published["model_value"], int)
    assert "McGill" in published["source"]
    assert published["model_error_pct"] < 0


def test_every_packaged_exercise_gets_an_estimate():
    loaded = read_catalog_dir(default_data_dir())
    assert loaded.exercises
    for ex in loaded.exercises:
        obj = compression_json(ex)
        assert obj["value"] >= 0
        assert obj["basis"] in ("model", "published")


@pytest.mark.skipif(
    not (MAIN_CATALOGUE / "anti_extension.toml").exists(),
    reason="the shared catalogue being written in /work/main is not there",
)
def test_every_exercise_of_the_shared_catalogue_gets_an_estimate():
    loaded = read_catalog_dir(MAIN_CATALOGUE)
    ids = {ex.id for ex in loaded.exercises}
    for ex in loaded.exercises:
        obj = compression_json(ex)
        assert obj["value"] >= 0, ex.id
    # the mapped ids exist and carry McGill's values
    for exercise_id in ("mcgill_curl_up", "side_bridge", "bird_dog", "superman_hold"):
        if exercise_id in ids:
            ex = next(e for e in loaded.exercises if e.id == exercise_id)
            assert compression_json(ex)["basis"] == "published"


def test_max_load_meets_the_limit_exactly(make_exercise):
    from spinewise.biomechanics import ACTION_LIMIT_N, MAXIMUM_PERMISSIBLE_LIMIT_N, max_load_kg

    ex = make_exercise("some_rdl", RDL)
    for limit in (ACTION_LIMIT_N, MAXIMUM_PERMISSIBLE_LIMIT_N):
        load = max_load_kg(ex, limit, body_mass_kg=60.0)
        assert load is not None
        assert load > 0
        assert exercise_compression(ex, 60.0, load_kg=load).value_n == pytest.approx(limit)
    assert max_load_kg(ex, 3400, body_mass_kg=60.0) < max_load_kg(ex, 6400, body_mass_kg=60.0)
    # on the calibrated scale an 82 kg man bent 70 degrees is over the action limit unloaded
    assert max_load_kg(ex, ACTION_LIMIT_N, body_mass_kg=82.0) is None


def test_max_load_none_and_infinite(make_exercise):
    from spinewise.biomechanics import max_load_kg

    assert max_load_kg(make_exercise("some_rdl", RDL), 500.0) is None
    hang = make_exercise("dead_hang", {"support": "hanging", "arms": "overhead"})
    assert max_load_kg(hang, 3400.0) == float("inf")
