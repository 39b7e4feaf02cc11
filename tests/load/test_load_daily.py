"""Session load (Foster et al. 2001), daily series and stacking athletes."""

from __future__ import annotations

import numpy as np
import pytest

from spinewise.errors import InputError
from spinewise.load import daily_load_au, session_load_au, stack_athletes


def test_session_load_is_rpe_times_minutes() -> None:
    assert session_load_au(7, 60).tolist() == 420.0
    assert session_load_au([0, 10], [30, 90]).tolist() == [0.0, 900.0]


@pytest.mark.parametrize(
    ("rpe", "minutes", "fragment"),
    [
        (11, 60, "session_rpe: must be 0 to 10"),
        (-1, 60, "session_rpe: must be 0 to 10"),
        (5, -3, "duration_min: must be a finite number >= 0"),
        (float("nan"), 30, "session_rpe: must be 0 to 10"),
    ],
)
def test_session_load_refuses_bad_values(rpe, minutes, fragment) -> None:
    with pytest.raises(InputError, match=fragment):
        session_load_au(rpe, minutes)


def test_daily_load_sums_sessions_and_fills_rest_days() -> None:
    out = daily_load_au([0, 0, 2, 5], [300, 120, 200, 60], 7)
    assert out.tolist() == [420.0, 0.0, 200.0, 0.0, 0.0, 60.0, 0.0]


def test_daily_load_refuses_days_outside_the_series() -> None:
    with pytest.raises(InputError, match="day_index: must lie in 0 to 2"):
        daily_load_au([0, 3], [1.0, 1.0], 3)


def test_stack_pads_after_each_athletes_last_day() -> None:
    arr, lengths = stack_athletes([np.ones(3), np.full(5, 2.0)])
    assert lengths == (3, 5)
    assert arr.tolist() == [[1, 1, 1, 0, 0], [2, 2, 2, 2, 2]]
    with pytest.raises(InputError, match="at least one athlete"):
        stack_athletes([])
