"""e1RM formulas pinned with science.md §7 test values ([C2], freeonlinecal.com)."""

from __future__ import annotations

import pytest

from spinewise.errors import InputError
from spinewise.load import e1rm_brzycki, e1rm_epley


def test_published_test_values_100_kg_for_5() -> None:
    assert round(e1rm_epley(100.0, 5), 2) == 116.67
    assert e1rm_brzycki(100.0, 5) == pytest.approx(112.5, abs=1e-12)


def test_formulas_as_written() -> None:
    assert e1rm_epley(80.0, 8) == pytest.approx(80 * (1 + 8 / 30))
    assert e1rm_brzycki(80.0, 8) == pytest.approx(80 * 36 / (37 - 8))
    assert e1rm_brzycki(80.0, 8) == pytest.approx(
        80 / (1.0278 - 0.0278 * 8), rel=5e-4
    )  # rounded form


def test_the_two_agree_at_ten_reps() -> None:
    assert e1rm_epley(60.0, 10) == pytest.approx(e1rm_brzycki(60.0, 10), rel=1e-12)


def test_a_single_rep_is_its_own_max() -> None:
    assert e1rm_epley(140.0, 1) == 140.0
    assert e1rm_brzycki(140.0, 1) == 140.0


@pytest.mark.parametrize("reps", [0, 11, 20, -1])
def test_reps_outside_the_valid_range_are_refused(reps) -> None:
    for fn in (e1rm_epley, e1rm_brzycki):
        with pytest.raises(
            InputError, match=f"reps: must be a whole number from 1 to 10, got {reps}"
        ):
            fn(100.0, reps)


@pytest.mark.parametrize("load", [0.0, -5.0, float("nan")])
def test_bad_loads_are_refused(load) -> None:
    with pytest.raises(InputError, match="load_kg: must be a number > 0"):
        e1rm_epley(load, 5)
