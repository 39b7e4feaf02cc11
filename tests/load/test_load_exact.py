"""Ours against exact rational arithmetic on arbitrary float loads (any magnitude, any mix).

This is the judge where the ``acwr`` cross-check cannot be: pandas' online window arithmetic
loses accuracy on adversarial series, ours should not (relative error <= 1e-12).
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from spinewise.load import acwr_ewma, acwr_rolling_coupled, acwr_rolling_uncoupled
from spinewise.load.foster import monotony_and_strain

REL = 1e-12
loads = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e6)), min_size=1, max_size=60)
windows = st.tuples(st.integers(1, 6), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1]))


def _close(ours: float, exact: Fraction | None, condition: float = 1.0) -> bool:
    """Within ``REL`` relative error, widened by the problem's condition number."""
    if exact is None:
        return math.isnan(ours)
    rel = max(REL, 64 * sys.float_info.epsilon * condition)
    return math.isclose(ours, float(exact), rel_tol=rel, abs_tol=0.0)


def _mean(xs: list[Fraction]) -> Fraction:
    return sum(xs, Fraction(0)) / len(xs)


@settings(max_examples=200, deadline=None)
@given(load=loads, win=windows)
def test_rolling_ratios_match_exact_arithmetic(load, win) -> None:
    a, c = win
    q = [Fraction(v) for v in load]
    coupled = acwr_rolling_coupled(load, a, c)
    uncoupled = acwr_rolling_uncoupled(load, a, c)
    for t in range(len(q)):
        exact_c = exact_u = None
        if t >= c - 1:
            acute = _mean(q[t - a + 1 : t + 1])
            chronic = _mean(q[t - c + 1 : t + 1])
            before = _mean(q[t - c + 1 : t - a + 1])
            exact_c = acute / chronic if chronic else None
            exact_u = acute / before if before else None
        assert _close(float(coupled[t]), exact_c)
        assert _close(float(uncoupled[t]), exact_u)


@settings(max_examples=200, deadline=None)
@given(load=loads, win=windows)
def test_ewma_ratio_matches_exact_recursion(load, win) -> None:
    a, c = win
    q = [Fraction(v) for v in load]
    la, lc = Fraction(2, a + 1), Fraction(2, c + 1)
    ea = ec = q[0]
    ours = acwr_ewma(load, a, c)
    for t, x in enumerate(q):
        if t:
            ea, ec = la * x + (1 - la) * ea, lc * x + (1 - lc) * ec
        exact = ea / ec if (t >= c - 1 and ec) else None
        if exact is not None and ec < Fraction(1, 10**290):
            continue  # a denominator near the float minimum: only "no inf" is promised
        assert _close(float(ours[t]), exact)


@settings(max_examples=200, deadline=None)
@given(load=loads, window=st.integers(2, 10), ddof=st.sampled_from([0, 1]))
def test_monotony_and_strain_match_exact_arithmetic(load, window, ddof) -> None:
    mono, strn = monotony_and_strain(load, window, "sample" if ddof else "population")
    q = [Fraction(v) for v in load]
    for t in range(len(q)):
        exact_m = exact_s = None
        if t >= window - 1:
            win = q[t - window + 1 : t + 1]
            m = _mean(win)
            var = sum(((v - m) ** 2 for v in win), Fraction(0)) / (window - ddof)
            if var:
                # The SD is a square root: exact up to the rounding of sqrt itself.
                sd = Fraction(math.sqrt(float(var)))
                exact_m, exact_s = m / sd, sum(win, Fraction(0)) * m / sd
        # mean / SD is the SD's condition number: a window whose loads differ only in their
        # last bits (monotony near 1e15) cannot keep 12 digits once its mean is rounded.
        cond = 1.0 if exact_m is None else float(exact_m)
        assert _close(float(mono[t]), exact_m, cond), (t, mono[t], exact_m)
        assert _close(float(strn[t]), exact_s, cond)


def test_quiet_week_after_a_hard_year_keeps_its_digits() -> None:
    """A cumulative-sum rolling mean would lose digits here; block sums do not."""
    load = np.concatenate([np.full(365, 2400.0), np.full(28, 0.1), [0.3] * 7])
    ratio = acwr_rolling_coupled(load)[-1]
    exact = (Fraction(3, 10) / 1) / ((Fraction(1, 10) * 21 + Fraction(3, 10) * 7) / 28)
    assert math.isclose(ratio, float(exact), rel_tol=1e-14)
