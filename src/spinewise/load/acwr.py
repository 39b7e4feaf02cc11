"""Acute:chronic workload ratios in three forms: rolling coupled, rolling uncoupled, EWMA.

All three divide a short-term load average by a long-term one, over the last axis (days) of an
athletes x days array. A ratio is NaN (``null`` in files) until a full chronic window exists and
where the chronic average is 0; it is never ``inf``.

Show the ratio as a trend of recent against usual load, never as an injury prediction. The
coupled form shares its acute days with its chronic mean, which correlates the two spuriously
(Lolli et al. 2019); replacing the chronic load with fixed or random values gave similar
associations with injury, so the ratio behaves as a rescaled acute load (Impellizzeri et al.
2020).

References
----------
Williams S, West S, Cross MJ, Stokes KA (2017). Better way to determine the acute:chronic
workload ratio? Br J Sports Med 51(3):209.

Lolli L et al. (2019). Mathematical coupling causes spurious
correlation within the conventional acute-to-chronic workload ratio calculations. Br J Sports Med
53(15):921-922.

Windt J, Gabbett TJ (2018/2019). Is it all for naught? What does mathematical coupling mean for
acute:chronic workload ratios? Br J Sports Med. doi:10.1136/bjsports-2017-098925. (Secondary
source only, docs/research/science.md section 3.)

Impellizzeri FM et al. (2020/2021). What role do chronic workloads play in the acute to chronic
workload ratio? Time to dismiss ACWR and its underlying theory. Sports Med.
doi:10.1007/s40279-020-01378-6.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from spinewise.errors import InputError
from spinewise.load.daily import as_load_array
from spinewise.load.windows import rolling_sum, rolling_sums, shift_days

__all__ = [
    "acwr_ewma",
    "acwr_from_sums",
    "acwr_rolling_coupled",
    "acwr_rolling_uncoupled",
    "ewma",
    "ewma_lambda",
    "rolling_mean",
]

FloatArray = NDArray[np.float64]


def _check_windows(acute_d: int, chronic_d: int) -> None:
    if acute_d < 1:
        raise InputError(f"acute_d: must be at least 1 day, got {acute_d}")
    if chronic_d <= acute_d:
        raise InputError(f"chronic_d: must be longer than acute_d ({acute_d} d), got {chronic_d}")


def _ratio(acute: FloatArray, chronic: FloatArray, first_day: int) -> FloatArray:
    """Acute / chronic from day ``first_day`` on (a full chronic window), else NaN.

    A chronic average of 0 gives inf or NaN in the division, and one of ~1e-308 can overflow:
    all of these become NaN, so that no ratio is ever infinite.
    """
    out = np.empty(acute.shape)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        np.divide(acute, chronic, out=out)
    flat = out.reshape(-1)
    flat[~np.isfinite(flat)] = np.nan
    out[..., :first_day] = np.nan
    return out


def rolling_mean(load_au: ArrayLike, window_d: int) -> FloatArray:
    """Mean daily load [AU] of the last ``window_d`` days, today included; NaN before.

    >>> rolling_mean([10, 20, 30, 40], 2).tolist()
    [nan, 15.0, 25.0, 35.0]
    """
    return rolling_sum(as_load_array(load_au), window_d) / float(window_d)


def acwr_rolling_coupled(load_au: ArrayLike, acute_d: int = 7, chronic_d: int = 28) -> FloatArray:
    """Rolling coupled ratio: mean of the last ``acute_d`` days / mean of the last ``chronic_d``.

    The chronic window includes the acute one (Lolli et al. 2019, the "coupled" form), so the
    ratio cannot exceed ``chronic_d / acute_d``.

    Parameters
    ----------
    load_au
        Daily loads [AU], consecutive days on the last axis, rest days as 0.
    acute_d, chronic_d
        Window lengths [d]; 7 and 28 by default (Williams et al. 2017).

    Returns
    -------
    numpy.ndarray
        The ratio [-], NaN until day ``chronic_d - 1`` and where the chronic mean is 0.

    Examples
    --------
    Four weeks at 50 then a week at 100 (docs/research/tech.md section 1):

    >>> float(acwr_rolling_coupled([50.0] * 28 + [100.0] * 7)[-1])
    1.6
    """
    _check_windows(acute_d, chronic_d)
    x = as_load_array(load_au)
    return acwr_from_sums(rolling_sums(x, [acute_d, chronic_d]), acute_d, chronic_d)[0]


def acwr_rolling_uncoupled(load_au: ArrayLike, acute_d: int = 7, chronic_d: int = 28) -> FloatArray:
    """Rolling uncoupled ratio: mean of the last ``acute_d`` days / mean of the days before them.

    The chronic mean covers the ``chronic_d - acute_d`` days that end the day before the acute
    window starts (Windt & Gabbett 2018/2019), so the two share no day.

    Returns
    -------
    numpy.ndarray
        The ratio [-], NaN until day ``chronic_d - 1`` and where the chronic mean is 0.

    Examples
    --------
    >>> float(acwr_rolling_uncoupled([50.0] * 28 + [100.0] * 7)[-1])
    2.0
    """
    _check_windows(acute_d, chronic_d)
    x = as_load_array(load_au)
    sums = rolling_sums(x, [acute_d, chronic_d - acute_d])
    return acwr_from_sums(sums, acute_d, chronic_d)[1]


def acwr_from_sums(
    sums: dict[int, FloatArray], acute_d: int, chronic_d: int
) -> tuple[FloatArray, FloatArray]:
    """Coupled and uncoupled ratios from trailing sums (:func:`~.windows.rolling_sums`).

    ``sums`` must hold the ``acute_d`` window and, for the coupled ratio, ``chronic_d``; for the
    uncoupled one, ``chronic_d - acute_d``. A ratio whose sum is missing comes back all NaN.
    """
    acute = sums[acute_d] / float(acute_d)
    coupled, uncoupled = np.full(acute.shape, np.nan), np.full(acute.shape, np.nan)
    if chronic_d in sums:
        coupled = _ratio(acute, sums[chronic_d] / float(chronic_d), chronic_d - 1)
    before_d = chronic_d - acute_d
    if before_d in sums:
        before = shift_days(sums[before_d], acute_d)
        before /= float(before_d)
        uncoupled = _ratio(acute, before, chronic_d - 1)
    return coupled, uncoupled


def ewma_lambda(n_d: float) -> float:
    """Decay λ = 2/(N+1) of an N-day EWMA (Williams et al. 2017).

    >>> ewma_lambda(7), round(ewma_lambda(28), 6)
    (0.25, 0.068966)
    """
    return 2.0 / (n_d + 1.0)


def ewma(load_au: ArrayLike, n_d: int) -> FloatArray:
    """Exponentially weighted moving average [AU] with λ = 2/(N+1), seeded with the first day.

    ``EWMA_t = λ·load_t + (1 − λ)·EWMA_(t−1)`` and ``EWMA_0 = load_0``; this equals pandas'
    ``ewm(span=N, adjust=False)``.

    Parameters
    ----------
    load_au
        Daily loads [AU], days on the last axis.
    n_d
        The N of λ = 2/(N+1) [d].

    Examples
    --------
    >>> ewma([100.0, 0.0, 0.0], 7).tolist()
    [100.0, 75.0, 56.25]
    """
    x = as_load_array(load_au)
    lam = ewma_lambda(n_d)
    from scipy.signal import lfilter  # here: SciPy is slow to import (decision 0130)

    # Direct-form filter y_t = λ x_t + (1-λ) y_(t-1), with the state set so that y_0 = x_0.
    y, _ = lfilter([lam], [1.0, lam - 1.0], x, axis=-1, zi=(1.0 - lam) * x[..., :1])
    return np.asarray(y, dtype=np.float64)


def acwr_ewma(load_au: ArrayLike, acute_d: int = 7, chronic_d: int = 28) -> FloatArray:
    """EWMA ratio: EWMA with N = ``acute_d`` over EWMA with N = ``chronic_d`` (Williams 2017).

    Returns
    -------
    numpy.ndarray
        The ratio [-], NaN until day ``chronic_d - 1`` (the same warm-up as the rolling forms)
        and where the chronic EWMA is 0.

    Examples
    --------
    >>> r = acwr_ewma([50.0] * 28 + [100.0] * 7)
    >>> bool(np.isnan(r[26])), bool(np.isnan(r[27])), round(float(r[-1]), 4)
    (True, False, 1.3394)
    """
    _check_windows(acute_d, chronic_d)
    x = as_load_array(load_au)
    return _ratio(ewma(x, acute_d), ewma(x, chronic_d), chronic_d - 1)
