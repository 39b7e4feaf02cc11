"""McGill's table as data, and the model against it."""

from __future__ import annotations

import pytest

from spinewise.biomechanics import mcgill_comparison, published_by_exercise, published_table

# shared/research/science.md section 6 [C2]
SCIENCE_MD = {
    "Sit-up, bent knee": 3300,
    "Sit-up, straight leg": 3506,
    "Curl-up, feet anchored": 2009,
    "Curl-up, feet free": 1991,
    "Quarter sit-up": 2932,
    "Bent-leg raise": 1767,
    "Isometric side bridge": 2585,
    "Roman-chair extension": 4000,
    "Prone back extension, arms and legs raised (superman)": 6000,
    "Bird dog": 2000,
}


def test_the_data_file_holds_mcgills_table():
    table = published_table()
    assert {e.exercise: e.compression_n for e in table} == SCIENCE_MD
    assert {e.status for e in table} == {"C2"}
    assert all("McGill" in e.source for e in table)


def test_mapped_catalogue_ids():
    mapped = published_by_exercise()
    assert mapped["mcgill_curl_up"].compression_n == 1991
    assert mapped["side_bridge"].compression_n == 2585
    assert mapped["bird_dog"].compression_n == 2000
    assert mapped["superman_hold"].compression_n == 6000
    assert "approximate" in (mapped["back_extension_45"].match or "")


def test_model_ranks_mcgills_exercises_much_as_he_does():
    result = mcgill_comparison()
    # documented in docs/science/spine-load.md: rho = 0.87 for a 75 kg man
    assert result.spearman_rho > 0.8
    assert result.spearman_p < 0.01
    by_key = {entry.key: model for entry, model, _ in result.rows}
    assert by_key["superman"] == max(by_key.values())
    assert by_key["curl_up_feet_free"] < by_key["sit_up_bent_knee"]


def test_model_underestimates_every_measured_value():
    # no co-contraction in the model: every estimate is below McGill's EMG-driven value
    for entry, model, error_pct in mcgill_comparison().rows:
        assert model < entry.compression_n, entry.key
        assert error_pct == pytest.approx(100 * (model - entry.compression_n) / entry.compression_n)


def test_comparison_scales_with_body_mass():
    light = {e.key: m for e, m, _ in mcgill_comparison(60.0).rows}
    heavy = {e.key: m for e, m, _ in mcgill_comparison(90.0).rows}
    assert heavy["roman_chair_extension"] == pytest.approx(light["roman_chair_extension"] * 1.5)
