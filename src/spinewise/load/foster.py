"""Training monotony and strain (Foster 1998) over a trailing window, vectorized over athletes.

Monotony = mean daily load / SD of daily load over the window; strain = the window's total load
x monotony. Rest days count as 0. Foster (1998) does not say whether the SD is the sample or the
population one; the choice is a parameter (default sample, ddof = 1) and is recorded in every
result's conventions. For a 7-day window the sample SD is larger by sqrt(7/6), so monotony
comes out about 7 % lower than with the population SD.

A window in which every day carries the same load has SD 0: its monotony and strain are NaN
(``null`` in files), where the ``acwr`` package gives ``inf`` (same load every day) or NaN (all
rest).

References
----------
Foster C (1998). Monitoring training in athletes with reference to overtraining syndrome. Med
Sci Sports Exerc 30(7):1164-1168.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from spinewise.errors import InputError
from spinewise.load.conventions import SdConvention, ddof_of
from spinewise.load.daily import as_load_array
from spinewise.load.windows import constant_windows, flat_days, rolling_sum

__all__ = ["monotony", "monotony_and_strain", "monotony_from_sum", "strain"]

FloatArray = NDArray[np.float64]


def monotony_and_strain(
    load_au: ArrayLike, window_d: int = 7, sd: SdConvention = "sample"
) -> tuple[FloatArray, FloatArray]:
    """Monotony [-] and strain [AU] of the last ``window_d`` days at each day.

    Parameters
    ----------
    load_au
        Daily loads [AU], consecutive days on the last axis, rest days as 0.
    window_d
        Window [d]; a week in Foster (1998).
    sd
        ``"sample"`` (ddof = 1) or ``"population"`` (ddof = 0).

    Returns
    -------
    tuple of numpy.ndarray
        Monotony and strain, NaN before a full window and where the SD is 0.

    Examples
    --------
    >>> week = [0.0, 80.0, 40.0, 0.0, 90.0, 60.0, 80.0]
    >>> mono, strn = monotony_and_strain(week)
    >>> round(float(mono[-1]), 3), round(float(strn[-1]), 1)
    (1.321, 462.2)
    """
    if window_d < 2:
        raise InputError(f"window_d: must be at least 2 days, got {window_d}")
    if sd not in ("sample", "population"):
        raise InputError(f"sd: must be 'sample' or 'population', got {sd!r}")
    x = as_load_array(load_au)
    return monotony_from_sum(x, rolling_sum(x, window_d), window_d, sd)


def monotony_from_sum(
    x: FloatArray, total: FloatArray, window_d: int, sd: SdConvention
) -> tuple[FloatArray, FloatArray]:
    """Monotony and strain given the trailing ``window_d``-day sums ``total`` of ``x``."""
    n = x.shape[-1]
    if n < window_d:
        return np.full(x.shape, np.nan), np.full(x.shape, np.nan)
    w = window_d
    # Work on the flat run of days (see windows.flat_days): only each row's first w - 1 days mix
    # two athletes, and those are set to NaN at the end.
    flat = flat_days(x)
    mean = flat_days(total) / float(w)
    body = mean[w - 1 :]
    # Two-pass variance: squared deviations from the window's own mean, one lag at a time,
    # which is exact where a sum-of-squares shortcut cancels catastrophically.
    sq_dev = np.zeros(body.shape)
    dev = np.empty(body.shape)
    for lag in range(w):
        np.subtract(flat[w - 1 - lag : flat.size - lag], body, out=dev)
        np.multiply(dev, dev, out=dev)
        sq_dev += dev
    sd_au = np.sqrt(sq_dev / float(w - ddof_of(sd)), out=sq_dev)
    # A window of identical loads has SD exactly 0, even where rounding left a tiny residue.
    sd_au[flat_days(constant_windows(x, w))[w - 1 :]] = 0.0
    mono = np.full(flat.shape, np.nan)
    np.divide(body, sd_au, out=mono[w - 1 :], where=sd_au > 0.0)
    mono_shaped = mono.reshape(x.shape)
    mono_shaped[..., : w - 1] = np.nan
    return mono_shaped, total * mono_shaped


def monotony(load_au: ArrayLike, window_d: int = 7, sd: SdConvention = "sample") -> FloatArray:
    """Monotony [-]: mean / SD of the last ``window_d`` days' loads (Foster 1998).

    >>> round(float(monotony([0, 80, 40, 0, 90, 60, 80], sd="population")[-1]), 3)
    1.426
    """
    return monotony_and_strain(load_au, window_d, sd)[0]


def strain(load_au: ArrayLike, window_d: int = 7, sd: SdConvention = "sample") -> FloatArray:
    """Strain [AU]: total load of the last ``window_d`` days x monotony (Foster 1998).

    >>> bool(np.isnan(strain([50.0] * 7)[-1]))
    True
    """
    return monotony_and_strain(load_au, window_d, sd)[1]
