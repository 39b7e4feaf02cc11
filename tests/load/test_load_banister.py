"""Fitness-fatigue (Banister) responses and fit, pinned on Clarke & Skiba (2013).

Data: tests/load/data/bike_score_clarke_skiba_2013.csv (MIT, dorem; see the README beside it).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from spinewise.errors import InputError
from spinewise.load import (
    BanisterParams,
    banister_performance,
    fit_banister,
    fitness_fatigue,
    impulse_response,
)

DATA = Path(__file__).parent / "data" / "bike_score_clarke_skiba_2013.csv"
PUBLISHED = BanisterParams(p0=262.0, k1=0.18, k2=0.23, tau1_d=36.0, tau2_d=21.0)
PUBLISHED_SSE, PUBLISHED_R2 = 20.25, 0.979


@pytest.fixture(scope="module")
def bike() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with DATA.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    load = np.array([float(r["BikeScore"]) for r in rows])
    tested = [r for r in rows if r["Test_5min_Power"]]
    days = np.array([int(r["Day"]) - 1 for r in tested])
    power = np.array([float(r["Test_5min_Power"]) for r in tested])
    return load, days, power


def _sse_r2(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    sse = float(((pred - y) ** 2).sum())
    return sse, 1 - sse / float(((y - y.mean()) ** 2).sum())


def test_data_file_is_the_published_example(bike) -> None:
    load, days, _power = bike
    assert load.size == 165
    assert days.size == 9
    assert (days + 1).tolist() == [45, 48, 56, 70, 77, 83, 105, 115, 132]


def test_published_parameters_reproduce_the_published_fit(bike) -> None:
    """Rounded published parameters give SSE ≈ 21.26, R² ≈ 0.978 (science.md §3, same-day load)."""
    load, days, power = bike
    sse, r2 = _sse_r2(banister_performance(load, PUBLISHED)[days], power)
    assert sse == pytest.approx(21.26, abs=0.01)
    assert r2 == pytest.approx(0.978, abs=5e-4)


def test_same_day_load_convention_matters(bike) -> None:
    """Lagging the load one day drops R² to about 0.915 (science.md §3): same day is right."""
    load, days, power = bike
    lagged = np.concatenate([[0.0], load[:-1]])
    _, r2 = _sse_r2(banister_performance(lagged, PUBLISHED)[days], power)
    assert r2 == pytest.approx(0.915, abs=5e-3)


def test_fit_reaches_at_least_the_published_fit_quality(bike) -> None:
    load, days, power = bike
    fit = fit_banister(load, days, power)
    assert fit.n_tests == 9
    assert fit.sse <= PUBLISHED_SSE
    assert fit.r2 >= PUBLISHED_R2
    sse, _r2 = _sse_r2(banister_performance(load, fit.params)[days], power)
    assert sse == pytest.approx(fit.sse, rel=1e-9)  # the reported SSE is the model's own
    assert fit.params.k1 >= 0
    assert fit.params.k2 >= 0
    assert 1 <= fit.params.tau1_d <= 150
    assert 1 <= fit.params.tau2_d <= 150
    assert fit.conventions["smoothing"] == "exp"
    assert fit.conventions["same_day_load"] is True


def test_fit_is_deterministic(bike) -> None:
    load, days, power = bike
    assert fit_banister(load, days, power) == fit_banister(load, days, power)


def test_fit_recovers_noise_free_synthetic_tests() -> None:
    rng = np.random.default_rng(2)
    load = np.where(rng.random(200) < 0.3, 0.0, rng.uniform(20, 120, 200))
    truth = BanisterParams(300.0, 0.08, 0.25, 40.0, 8.0)
    days = np.arange(20, 200, 12)
    fit = fit_banister(load, days, banister_performance(load, truth)[days])
    assert fit.sse < 1e-6
    assert fit.r2 == pytest.approx(1.0, abs=1e-9)


def test_exp_recursion_equals_the_impulse_response_sum() -> None:
    """F_t = Σ_{s<=t} w_s·e^(−(t−s)/τ): Banister's sum, same-day load included."""
    rng = np.random.default_rng(4)
    load = rng.uniform(0, 100, 50)
    t = np.arange(50)
    direct = [(load[: i + 1] * np.exp(-(i - t[: i + 1]) / 12.0)).sum() for i in range(50)]
    np.testing.assert_allclose(impulse_response(load, 12.0, "exp"), direct, rtol=1e-12)


def test_goldencheetah_coefficients_match_intervals_icu() -> None:
    """tech.md §1: fitness = 0.976472·prev + 0.023528·load; fatigue 0.866878 / 0.133122."""
    one = impulse_response([1.0, 0.0], 42.0, "goldencheetah")
    assert one[0] == pytest.approx(0.023528, abs=5e-7)
    assert one[1] / one[0] == pytest.approx(0.976472, abs=5e-7)
    one = impulse_response([1.0, 0.0], 7.0, "goldencheetah")
    assert one[0] == pytest.approx(0.133122, abs=5e-7)
    assert one[1] / one[0] == pytest.approx(0.866878, abs=5e-7)


def test_trainingpeaks_uses_one_over_n() -> None:
    """tech.md §1: v_t = v_(t−1) + (x_t − v_(t−1))/N."""
    out = impulse_response([70.0, 0.0], 7.0, "trainingpeaks")
    assert out.tolist() == pytest.approx([10.0, 10.0 * 6 / 7])


@pytest.mark.parametrize("smoothing", ["goldencheetah", "trainingpeaks"])
def test_averaging_conventions_converge_to_a_steady_load(smoothing) -> None:
    ff = fitness_fatigue(np.full(2000, 250.0), smoothing=smoothing)
    assert ff.fitness[-1] == pytest.approx(250.0, rel=1e-9)
    assert ff.fatigue[-1] == pytest.approx(250.0, rel=1e-9)


def test_goldencheetah_step_response_in_closed_form() -> None:
    ff = fitness_fatigue(np.full(30, 100.0))
    k = np.arange(30)
    np.testing.assert_allclose(ff.fitness, 100 * (1 - math.exp(-1 / 42) ** (k + 1)), rtol=1e-12)
    np.testing.assert_allclose(ff.form, ff.fitness - ff.fatigue)


def test_fit_refuses_too_few_tests_and_tests_outside_the_series(bike) -> None:
    load, days, power = bike
    with pytest.raises(InputError, match="need at least 6 performance tests"):
        fit_banister(load, days[:5], power[:5])
    with pytest.raises(InputError, match="day must lie within the load series"):
        fit_banister(load[:100], days, power)
    with pytest.raises(InputError, match="all zero"):
        fit_banister(np.zeros(165), days, power)
    with pytest.raises(InputError, match="smoothing: must be one of"):
        fit_banister(load, days, power, smoothing="linear")  # type: ignore[arg-type]


def test_constant_tests_have_no_r2() -> None:
    load = np.tile([50.0, 0.0, 80.0], 40)
    fit = fit_banister(load, np.arange(10, 110, 10), np.full(10, 5.0))
    assert math.isnan(fit.r2)
    assert fit.as_dict()["r2"] is None


def test_fit_json_has_the_contract_keys(bike) -> None:
    load, days, power = bike
    assert list(fit_banister(load, days, power).as_dict()) == [
        "p0",
        "k1",
        "k2",
        "tau1_d",
        "tau2_d",
        "sse",
        "r2",
        "n_tests",
        "conventions",
    ]
