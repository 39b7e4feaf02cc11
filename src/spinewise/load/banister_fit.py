"""Fit the fitness-fatigue (Banister) model to an athlete's performance tests.

Model: p(t) = p0 + k1·F(t; τ1) − k2·F(t; τ2), with F the smoothed load of
:func:`~spinewise.load.banister.impulse_response` (default ``exp``: the impulse-response sum,
same-day load included). For fixed time constants the model is linear in p0, k1 and k2, so the
fit first solves that linear problem on a grid of (τ1, τ2) pairs, then refines the best few pairs
with :func:`scipy.optimize.least_squares` on all five parameters. Everything is deterministic.

Constraints: k1, k2 >= 0 and ``tau_min_d <= τ1, τ2 <= tau_max_d``; no order of τ1 and τ2 is
imposed. With few tests the five parameters are weakly identifiable: distant parameter sets can
fit almost equally well (for the Clarke & Skiba data, τ1 = 36, τ2 = 21 gives SSE 21.3 and
τ1 ≈ 28, τ2 ≈ 27 with large gains gives 18.3), so read the gains and time constants with care.

References
----------
Clarke DC, Skiba PF (2013). Rationale and resources for teaching the mathematical modeling of
athletic training and performance. Adv Physiol Educ 37:134-152. doi:10.1152/advan.00078.2011.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, TypedDict

import numpy as np
from numpy.typing import ArrayLike, NDArray

from spinewise.errors import InputError
from spinewise.load.banister import BanisterParams, impulse_response
from spinewise.load.conventions import SMOOTHING_FORMULAS, SMOOTHINGS, Smoothing
from spinewise.load.daily import as_load_array

__all__ = ["MIN_TESTS", "BanisterFit", "FitConventions", "fit_banister"]

FloatArray = NDArray[np.float64]

#: Five parameters need more than five tests to leave any residual to judge the fit by.
MIN_TESTS = 6
_GRID_POINTS = 48
_REFINE_STARTS = 5


class FitConventions(TypedDict):
    """How a fit was made, in words: model, smoothing, bounds, method and cautions."""

    model: str
    smoothing: Smoothing
    formula: str
    seed: str
    same_day_load: bool
    constraints: str
    method: str
    r2: str
    caution: str


@dataclass(frozen=True)
class BanisterFit:
    """A fitted model with its quality and the conventions it was fitted under.

    Attributes
    ----------
    params
        The fitted :class:`~spinewise.load.banister.BanisterParams`.
    sse
        Sum of squared residuals at the tests [test units²].
    r2
        1 − SSE / total sum of squares of the tests [-]; NaN when every test has the same value.
    n_tests
        Number of tests fitted.
    conventions
        Smoothing, same-day convention, bounds and fitting method.
    """

    params: BanisterParams
    sse: float
    r2: float
    n_tests: int
    conventions: FitConventions

    # I/O edge: the ``load fit`` JSON object of the contract, printed as is.
    def as_dict(self) -> dict[str, Any]:
        """The ``load fit`` JSON object (docs/contracts/README.md)."""
        p = self.params
        return {
            "p0": p.p0,
            "k1": p.k1,
            "k2": p.k2,
            "tau1_d": p.tau1_d,
            "tau2_d": p.tau2_d,
            "sse": self.sse,
            "r2": None if math.isnan(self.r2) else self.r2,
            "n_tests": self.n_tests,
            "conventions": self.conventions,
        }


def _check_tests(
    n_days: int, test_day: ArrayLike, test_value: ArrayLike
) -> tuple[NDArray[np.int64], FloatArray]:
    days = np.asarray(test_day, dtype=np.int64).ravel()
    values = np.asarray(test_value, dtype=np.float64).ravel()
    problems = []
    if days.shape != values.shape:
        problems.append(f"tests: days and values differ in length ({days.size} and {values.size})")
    elif days.size < MIN_TESTS:
        problems.append(
            f"tests: need at least {MIN_TESTS} performance tests to fit 5 parameters, "
            f"got {days.size}"
        )
    else:
        outside = (days < 0) | (days >= n_days)
        if outside.any():
            problems.append(
                f"tests: day must lie within the load series (0 to {n_days - 1}), "
                f"got {days[outside][0]}"
            )
        if not np.isfinite(values).all():
            problems.append(f"tests: values must be finite, got {values[~np.isfinite(values)][0]}")
    if problems:
        raise InputError(problems)
    return days, values


def _linear_fits(
    y: FloatArray, resp: FloatArray
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Least-squares (p0, k1, k2) and SSE for every (τ1, τ2) grid pair; inf where inadmissible."""
    g, n = resp.shape
    design = np.empty((g, g, n, 3))
    design[..., 0] = 1.0
    design[..., 1] = resp[:, None, :]
    design[..., 2] = -resp[None, :, :]
    gram = np.einsum("abik,abil->abkl", design, design)
    rhs = np.einsum("abik,i->abk", design, y)
    beta = np.full((g, g, 3), np.nan)
    solvable = np.abs(np.linalg.det(gram)) > 1e-12 * np.abs(gram).max() ** 3
    if solvable.any():
        beta[solvable] = np.linalg.solve(gram[solvable], rhs[solvable][..., None])[..., 0]
    resid = y - np.einsum("abik,abk->abi", design, np.nan_to_num(beta))
    sse = np.einsum("abi,abi->ab", resid, resid)
    admissible = solvable & (beta[..., 1] >= 0.0) & (beta[..., 2] >= 0.0)
    sse[~admissible] = np.inf
    return beta, sse


def fit_banister(
    load_au: ArrayLike,
    test_day: ArrayLike,
    test_value: ArrayLike,
    smoothing: Smoothing = "exp",
    tau_min_d: float = 1.0,
    tau_max_d: float = 150.0,
) -> BanisterFit:
    """Fit p0, k1, k2, τ1, τ2 to performance tests by least squares.

    Parameters
    ----------
    load_au
        One athlete's daily loads [AU], consecutive days, rest days as 0.
    test_day
        Day index of each test in the load series (0 = first day).
    test_value
        Test results [any unit: W, s of hold, m of throw]; higher is better.
    smoothing
        Fitness-fatigue convention (``"exp"`` by default, the impulse-response sum).
    tau_min_d, tau_max_d
        Bounds of both time constants [d].

    Returns
    -------
    BanisterFit

    Raises
    ------
    InputError
        Fewer than :data:`MIN_TESTS` tests, a test outside the series, all-zero load, or bad
        bounds.

    Examples
    --------
    Tests generated from known parameters are fitted almost exactly:

    >>> from spinewise.load.banister import banister_performance
    >>> load = [60.0, 0.0, 80.0, 40.0, 0.0, 100.0, 20.0] * 12
    >>> truth = BanisterParams(100.0, 0.1, 0.2, 30.0, 5.0)
    >>> days = [10, 20, 30, 40, 50, 60, 70, 80]
    >>> fit = fit_banister(load, days, banister_performance(load, truth)[days])
    >>> fit.sse < 1e-6, fit.n_tests
    (True, 8)
    """
    x = as_load_array(load_au)
    if x.ndim != 1:
        raise InputError(f"load: fit one athlete at a time (one series), got shape {x.shape}")
    if smoothing not in SMOOTHINGS:
        raise InputError(f"smoothing: must be one of {', '.join(SMOOTHINGS)}, got {smoothing!r}")
    if not 0.5 <= tau_min_d < tau_max_d <= 1000.0:
        raise InputError(
            f"tau bounds: need 0.5 <= tau_min_d < tau_max_d <= 1000, got {tau_min_d}, {tau_max_d}"
        )
    days, y = _check_tests(x.size, test_day, test_value)
    if not (x[: days.max() + 1] > 0.0).any():
        raise InputError("load: all zero up to the last test; there is nothing to fit")

    grid = np.geomspace(tau_min_d, tau_max_d, _GRID_POINTS)
    resp = np.array([impulse_response(x, float(t), smoothing)[days] for t in grid])
    beta, grid_sse = _linear_fits(y, resp)
    order = [int(i) for i in np.argsort(grid_sse, axis=None, kind="stable")[:_REFINE_STARTS]]

    def residuals(p: FloatArray) -> FloatArray:
        f1 = impulse_response(x, float(p[3]), smoothing)[days]
        f2 = impulse_response(x, float(p[4]), smoothing)[days]
        return np.asarray(p[0] + p[1] * f1 - p[2] * f2 - y, dtype=np.float64)

    from scipy.optimize import least_squares  # here: SciPy is slow to import (decision 0130)

    lower = [-np.inf, 0.0, 0.0, tau_min_d, tau_min_d]
    upper = [np.inf, np.inf, np.inf, tau_max_d, tau_max_d]
    best: tuple[float, FloatArray] | None = None
    for flat in order:
        i, j = np.unravel_index(flat, grid_sse.shape)
        if not np.isfinite(grid_sse[i, j]):
            continue
        start = np.array([*beta[i, j], grid[i], grid[j]])
        sol = least_squares(residuals, start, bounds=(lower, upper), x_scale="jac")
        # Keep the grid point itself if the local refinement did not improve on it.
        for sse, p in ((float(grid_sse[i, j]), start), (float(np.dot(sol.fun, sol.fun)), sol.x)):
            if best is None or sse < best[0]:
                best = (sse, p)
    if best is None:
        raise InputError("tests: no admissible fit (k1, k2 >= 0) exists for these loads and tests")

    sse, p = best
    sst = float(np.sum((y - y.mean()) ** 2))
    r2 = 1.0 - sse / sst if sst > 0.0 else math.nan
    params = BanisterParams(*(float(v) for v in p))
    conventions: FitConventions = {
        "model": "p(t) = p0 + k1*F(t; tau1) - k2*F(t; tau2)",
        "smoothing": smoothing,
        "formula": SMOOTHING_FORMULAS[smoothing],
        "seed": "F = 0 before the first day",
        "same_day_load": True,
        "constraints": f"k1, k2 >= 0; {tau_min_d:g} <= tau1_d, tau2_d <= {tau_max_d:g}",
        "method": (
            "linear least squares for p0, k1, k2 on a geometric grid of tau pairs, then "
            "scipy.optimize.least_squares on all five from the best grid pairs"
        ),
        "r2": "1 - SSE/SST over the tests; null when every test has the same value",
        "caution": (
            "with few tests the parameters are weakly identifiable: distant parameter sets "
            "can fit almost equally well"
        ),
    }
    return BanisterFit(
        params=params, sse=sse, r2=r2, n_tests=int(days.size), conventions=conventions
    )
