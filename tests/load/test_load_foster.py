"""Monotony and strain (Foster 1998): definitions pinned on a hand-worked week."""

from __future__ import annotations

import math

import numpy as np
import pytest

from spinewise.errors import InputError
from spinewise.load import monotony, monotony_and_strain, strain

WEEK = [0.0, 80.0, 40.0, 0.0, 90.0, 60.0, 80.0]
# By hand: total 350, mean 50, squared deviations 2500+900+100+2500+1600+100+900 = 8600.


def test_hand_worked_week_sample_sd() -> None:
    sd = math.sqrt(8600 / 6)
    assert monotony(WEEK)[-1] == pytest.approx(50 / sd, rel=1e-14)
    assert monotony(WEEK)[-1] == pytest.approx(1.321, abs=5e-4)
    assert strain(WEEK)[-1] == pytest.approx(350 * 50 / sd, rel=1e-14)
    assert strain(WEEK)[-1] == pytest.approx(462.2, abs=0.05)


def test_hand_worked_week_population_sd() -> None:
    assert monotony(WEEK, sd="population")[-1] == pytest.approx(50 / math.sqrt(8600 / 7))


def test_sample_sd_gives_monotony_lower_by_sqrt_7_over_6() -> None:
    rng = np.random.default_rng(5)
    load = rng.integers(1, 600, 30).astype(float)
    ratio = monotony(load, sd="population")[6:] / monotony(load, sd="sample")[6:]
    np.testing.assert_allclose(ratio, math.sqrt(7 / 6), rtol=1e-12)


def test_rest_days_count_as_zero_load() -> None:
    with_rest = monotony([100.0, 0.0, 100.0, 0.0, 100.0, 0.0, 100.0])[-1]
    assert with_rest == pytest.approx((400 / 7) / np.std([100, 0, 100, 0, 100, 0, 100], ddof=1))


@pytest.mark.parametrize("value", [0.0, 0.1, 350.0])
def test_identical_days_have_no_monotony(value) -> None:
    """SD 0 (all rest, or the same load daily): null, not inf, even where 7·0.1 rounds."""
    mono, strn = monotony_and_strain([value] * 10)
    assert np.isnan(mono).all()
    assert np.isnan(strn).all()


def test_null_before_a_full_window_and_window_configurable() -> None:
    mono = monotony([10.0, 20.0, 30.0, 60.0], window_d=3)
    assert np.isnan(mono[:2]).all()
    assert mono[2] == pytest.approx(20 / 10)  # mean 20, sample SD 10


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(InputError, match="window_d: must be at least 2 days"):
        monotony(WEEK, window_d=1)
    with pytest.raises(InputError, match="sd: must be 'sample' or 'population'"):
        monotony(WEEK, sd="unbiased")  # type: ignore[arg-type]


def test_vectorized_over_athletes_equals_one_by_one() -> None:
    """Rows are computed together on one flat run of days; no athlete leaks into the next."""
    rng = np.random.default_rng(12)
    block = np.where(rng.random((6, 50)) < 0.3, 0.0, rng.integers(50, 700, (6, 50))).astype(float)
    block[2, :] = 300.0  # identical days: SD 0 everywhere
    block[3, :10] = 0.0
    for sd in ("sample", "population"):
        mono, strn = monotony_and_strain(block, 7, sd)
        for i in range(6):
            one_m, one_s = monotony_and_strain(block[i], 7, sd)
            np.testing.assert_array_equal(mono[i], one_m)
            np.testing.assert_array_equal(strn[i], one_s)
