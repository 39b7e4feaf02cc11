"""Trends of repeated measures (endurance holds, throws, e1RM)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from spinewise.errors import InputError
from spinewise.load import linear_trend


def test_exact_line() -> None:
    t = linear_trend([0, 14, 28], [90.0, 94.0, 98.0])
    assert t.slope_per_week == pytest.approx(2.0)
    assert (t.first_fit, t.last_fit) == pytest.approx((90.0, 98.0))
    assert t.change_pct == pytest.approx(100 * 8 / 90)
    assert t.r2 == pytest.approx(1.0)
    assert t.n == 3


def test_matches_numpy_polyfit_on_noisy_data() -> None:
    rng = np.random.default_rng(1)
    day = np.sort(rng.choice(120, 15, replace=False))
    value = 60 + 0.3 * day + rng.normal(0, 4, 15)
    slope, _ = np.polyfit(day, value, 1)
    assert linear_trend(day, value).slope_per_week == pytest.approx(7 * slope, rel=1e-10)


def test_flat_values_have_no_r2() -> None:
    t = linear_trend([1, 2, 3], [5.0, 5.0, 5.0])
    assert t.slope_per_week == 0.0
    assert math.isnan(t.r2)


@pytest.mark.parametrize(
    ("day", "value", "fragment"),
    [
        ([3, 3], [1.0, 2.0], "at least two distinct days"),
        ([1], [1.0], "at least two distinct days"),
        ([1, 2], [1.0], "needs one per day"),
        ([1, 2], [1.0, float("nan")], "must be finite"),
    ],
)
def test_bad_input_is_refused(day, value, fragment) -> None:
    with pytest.raises(InputError, match=fragment):
        linear_trend(day, value)
