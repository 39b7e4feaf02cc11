"""Fitness-fatigue (Banister impulse-response) responses under three smoothing conventions.

One recursion per time constant τ [d], along the day axis, starting from 0 before the first day
and including the same day's load (the convention that reproduces Clarke & Skiba 2013):

==================  ======================================================================
``exp``             F_t = F_(t-1)·e^(−1/τ) + w_t — the impulse-response sum of Banister's
                    model, p(t) = p0 + k1·Σ w_s e^(−(t−s)/τ1) − k2·Σ w_s e^(−(t−s)/τ2)
``goldencheetah``   F_t = F_(t-1)·e^(−1/τ) + w_t·(1 − e^(−1/τ)) — GoldenCheetah's PMC and
                    intervals.icu (a weighted average of load, same units as load)
``trainingpeaks``   F_t = F_(t-1) + (w_t − F_(t-1))/τ — TrainingPeaks' CTL/ATL
==================  ======================================================================

The three differ by a constant factor or a slightly different decay; which one produced a number
is recorded with it (:class:`~spinewise.load.conventions.LoadConventions`).

References
----------
Banister EW, Calvert TW, Savage MV, Bach T (1975). A systems model of training for athletic
performance. Aust J Sports Med 7:57-61. (Volume and pages unconfirmed, docs/research/science.md
section 3.)

Clarke DC, Skiba PF (2013). Rationale and resources for teaching the mathematical modeling of
athletic training and performance. Adv Physiol Educ 37:134-152. doi:10.1152/advan.00078.2011.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from spinewise.errors import InputError
from spinewise.load.conventions import SMOOTHINGS, Smoothing
from spinewise.load.daily import as_load_array

__all__ = [
    "BanisterParams",
    "FitnessFatigue",
    "banister_performance",
    "fitness_fatigue",
    "impulse_response",
]

FloatArray = NDArray[np.float64]


def _coefficients(tau_d: float, smoothing: Smoothing) -> tuple[float, float]:
    """(gain on today's load, decay of yesterday's value) of one convention."""
    if not (math.isfinite(tau_d) and tau_d > 0.0):
        raise InputError(f"tau_d: must be a positive number of days, got {tau_d}")
    if smoothing == "exp":
        return 1.0, math.exp(-1.0 / tau_d)
    if smoothing == "goldencheetah":
        decay = math.exp(-1.0 / tau_d)
        return 1.0 - decay, decay
    if smoothing == "trainingpeaks":
        if tau_d < 1.0:
            raise InputError(f"tau_d: must be at least 1 day with trainingpeaks, got {tau_d}")
        return 1.0 / tau_d, 1.0 - 1.0 / tau_d
    raise InputError(f"smoothing: must be one of {', '.join(SMOOTHINGS)}, got {smoothing!r}")


def impulse_response(load_au: ArrayLike, tau_d: float, smoothing: Smoothing = "exp") -> FloatArray:
    """The smoothed load F_t of one time constant, on the last axis, from F = 0 before day 0.

    Parameters
    ----------
    load_au
        Daily loads [AU], consecutive days on the last axis, rest days as 0.
    tau_d
        Time constant τ [d].
    smoothing
        ``"exp"``, ``"goldencheetah"`` or ``"trainingpeaks"`` (module docstring).

    Returns
    -------
    numpy.ndarray
        F_t [AU for ``exp``: load-days; AU/day average for the other two].

    Examples
    --------
    >>> impulse_response([100.0, 0.0], 1.0).round(4).tolist()
    [100.0, 36.7879]
    >>> impulse_response([100.0, 0.0], 7.0, "trainingpeaks").round(4).tolist()
    [14.2857, 12.2449]
    """
    x = as_load_array(load_au)
    gain, decay = _coefficients(tau_d, smoothing)
    from scipy.signal import lfilter  # here: SciPy is slow to import (decision 0130)

    y = lfilter([gain], [1.0, -decay], x, axis=-1)
    return np.asarray(y, dtype=np.float64)


@dataclass(frozen=True)
class FitnessFatigue:
    """Fitness, fatigue and form = fitness − fatigue, each shaped like the load array."""

    fitness: FloatArray
    fatigue: FloatArray
    form: FloatArray


def fitness_fatigue(
    load_au: ArrayLike,
    tau_fitness_d: float = 42.0,
    tau_fatigue_d: float = 7.0,
    smoothing: Smoothing = "goldencheetah",
) -> FitnessFatigue:
    """Fitness (long τ), fatigue (short τ) and form = fitness − fatigue on the same day.

    The defaults, 42 and 7 days with GoldenCheetah smoothing, are the performance-manager
    software convention (CTL/ATL/TSB), not a published fit (docs/research/science.md section 3,
    [C2]).
    GoldenCheetah shows form the next day by default; here it is the same day.

    Examples
    --------
    >>> ff = fitness_fatigue([100.0] * 3)
    >>> ff.fitness.round(2).tolist(), ff.fatigue.round(2).tolist()
    ([2.35, 4.65, 6.89], [13.31, 24.85, 34.86])
    """
    x = as_load_array(load_au)
    fitness = impulse_response(x, tau_fitness_d, smoothing)
    fatigue = impulse_response(x, tau_fatigue_d, smoothing)
    return FitnessFatigue(fitness=fitness, fatigue=fatigue, form=fitness - fatigue)


@dataclass(frozen=True)
class BanisterParams:
    """Parameters of p(t) = p0 + k1·F1(t) − k2·F2(t).

    Attributes
    ----------
    p0
        Baseline performance [units of the test, e.g. W or s].
    k1, k2
        Gains of the positive (fitness) and negative (fatigue) effect [test units / AU].
    tau1_d, tau2_d
        Time constants of the two effects [d].
    """

    p0: float
    k1: float
    k2: float
    tau1_d: float
    tau2_d: float


def banister_performance(
    load_au: ArrayLike, params: BanisterParams, smoothing: Smoothing = "exp"
) -> FloatArray:
    """Modelled performance p(t) [test units] on every day of the load series.

    Examples
    --------
    Clarke & Skiba (2013): p0 = 262 W, k1 = 0.18, k2 = 0.23 W/AU, τ1 = 36 d, τ2 = 21 d.

    >>> p = BanisterParams(262.0, 0.18, 0.23, 36.0, 21.0)
    >>> banister_performance([100.0, 0.0], p).round(3).tolist()
    [257.0, 257.576]
    """
    x = as_load_array(load_au)
    f1 = impulse_response(x, params.tau1_d, smoothing)
    f2 = impulse_response(x, params.tau2_d, smoothing)
    return params.p0 + params.k1 * f1 - params.k2 * f2
