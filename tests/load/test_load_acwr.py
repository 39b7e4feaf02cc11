"""Acute:chronic ratios: published examples and the recursion, pinned with their sources."""

from __future__ import annotations

import numpy as np
import pytest

from spinewise.errors import InputError
from spinewise.load import (
    acwr_ewma,
    acwr_rolling_coupled,
    acwr_rolling_uncoupled,
    ewma,
    ewma_lambda,
    rolling_mean,
)

STEP = [50.0] * 28 + [100.0] * 7  # tech.md §1: four weeks at 50, then a week at 100


def test_step_example_from_tech_md() -> None:
    """RAC = 1.6 and RAU = 2.0 (tech.md §1, verified there against ``acwr`` 0.1.1)."""
    assert acwr_rolling_coupled(STEP)[-1] == pytest.approx(1.6, abs=1e-12)
    assert acwr_rolling_uncoupled(STEP)[-1] == pytest.approx(2.0, abs=1e-12)


def test_coupled_form_is_lollis_weekly_formula() -> None:
    """Lolli 2019: ACWR = A / ((A + W1 + W2 + W3)/4), with weekly totals."""
    rng = np.random.default_rng(7)
    load = rng.integers(0, 600, 28).astype(float)
    weeks = load.reshape(4, 7).sum(axis=1)
    assert acwr_rolling_coupled(load)[-1] == pytest.approx(weeks[-1] / (weeks.sum() / 4), rel=1e-14)


def test_uncoupled_form_uses_the_21_days_before_the_acute_week() -> None:
    """Windt & Gabbett: mean(t-6..t) / mean(t-27..t-7)."""
    rng = np.random.default_rng(8)
    load = rng.integers(0, 600, 40).astype(float)
    t = 39
    expected = load[t - 6 : t + 1].mean() / load[t - 27 : t - 6].mean()
    assert acwr_rolling_uncoupled(load)[t] == pytest.approx(expected, rel=1e-14)


def test_ewma_lambda_is_williams_2_over_n_plus_1() -> None:
    """Williams et al. 2017: λ = 2/(N+1); 0.25 for N = 7, 2/29 for N = 28."""
    assert ewma_lambda(7) == 0.25
    assert ewma_lambda(28) == pytest.approx(2 / 29, rel=1e-15)


def test_ewma_follows_the_published_recursion_seeded_with_the_first_day() -> None:
    """EWMA_t = λ·load_t + (1−λ)·EWMA_(t−1) (Williams 2017), EWMA_0 = load_0 (contract)."""
    rng = np.random.default_rng(3)
    load = rng.integers(0, 800, 60).astype(float)
    lam = 2 / (7 + 1)
    expected = [load[0]]
    for x in load[1:]:
        expected.append(lam * x + (1 - lam) * expected[-1])
    np.testing.assert_allclose(ewma(load, 7), expected, rtol=1e-13)


def test_ewma_ratio_step_response_in_closed_form() -> None:
    """After a step from 50 to 100, EWMA_k = 100 − 50·(1−λ)^k for each N."""
    ratio = acwr_ewma(STEP)[-1]
    acute = 100 - 50 * (1 - 2 / 8) ** 7
    chronic = 100 - 50 * (1 - 2 / 29) ** 7
    assert ratio == pytest.approx(acute / chronic, rel=1e-13)
    assert ratio == pytest.approx(1.3394, abs=1e-4)


@pytest.mark.parametrize("fn", [acwr_rolling_coupled, acwr_rolling_uncoupled, acwr_ewma])
def test_null_until_a_full_chronic_window(fn) -> None:
    ratio = fn(np.full(40, 100.0))
    assert np.isnan(ratio[:27]).all()
    assert np.isfinite(ratio[27:]).all()


@pytest.mark.parametrize("fn", [acwr_rolling_coupled, acwr_rolling_uncoupled, acwr_ewma])
def test_zero_chronic_load_gives_null_never_inf(fn) -> None:
    assert np.isnan(fn(np.zeros(35))).all()


def test_uncoupled_after_three_rest_weeks_is_null_not_inf() -> None:
    load = [0.0] * 21 + [300.0] * 7
    assert np.isnan(acwr_rolling_uncoupled(load)[-1])
    assert acwr_rolling_coupled(load)[-1] == pytest.approx(4.0)  # the coupled ceiling 28/7


def test_windows_are_configurable() -> None:
    load = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
    # acute 2, chronic 4, at the last day: mean(50, 60) / mean(30..60) and / mean(30, 40)
    assert acwr_rolling_coupled(load, 2, 4)[-1] == pytest.approx(55 / 45)
    assert acwr_rolling_uncoupled(load, 2, 4)[-1] == pytest.approx(55 / 35)
    assert np.isnan(acwr_rolling_coupled(load, 2, 4)[2])


def test_vectorized_over_athletes_equals_one_by_one() -> None:
    rng = np.random.default_rng(11)
    block = rng.integers(0, 700, (5, 90)).astype(float)
    for fn in (acwr_rolling_coupled, acwr_rolling_uncoupled, acwr_ewma):
        together = fn(block)
        for i in range(5):
            np.testing.assert_array_equal(together[i], fn(block[i]))


def test_rolling_mean_includes_today() -> None:
    assert rolling_mean([1.0, 2.0, 3.0], 3).tolist()[-1] == 2.0


@pytest.mark.parametrize(
    ("load", "fragment"),
    [
        ([1.0, -1.0], "load: must be a finite number >= 0"),
        ([1.0, float("nan")], "load: must be a finite number >= 0"),
        ([1.0, float("inf")], "load: must be a finite number >= 0"),
        ([], "load: needs at least one day"),
    ],
)
def test_bad_loads_are_refused(load, fragment) -> None:
    with pytest.raises(InputError, match=fragment):
        acwr_rolling_coupled(load)


def test_chronic_must_exceed_acute() -> None:
    with pytest.raises(InputError, match="chronic_d: must be longer than acute_d"):
        acwr_ewma([1.0] * 30, 7, 7)
