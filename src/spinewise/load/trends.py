"""Trends of repeated measures: endurance holds [s], throw distances [m], e1RM [kg].

A least-squares line through (day, value) gives the change per week and the fitted change from
the first to the last measurement. It describes the athlete's own history; it is not a norm and
makes no prediction beyond the measured days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from spinewise.errors import InputError

__all__ = ["Trend", "linear_trend"]


@dataclass(frozen=True)
class Trend:
    """A least-squares line through repeated measurements.

    Attributes
    ----------
    slope_per_week
        Change per 7 days [value units / week].
    first_fit, last_fit
        The line's values on the first and last measured day [value units].
    change_pct
        ``100·(last_fit − first_fit)/first_fit`` [%]; NaN when ``first_fit`` is 0.
    r2
        Share of variance the line explains [-]; NaN when all values are equal.
    n
        Number of measurements.
    """

    slope_per_week: float
    first_fit: float
    last_fit: float
    change_pct: float
    r2: float
    n: int


def linear_trend(day: ArrayLike, value: ArrayLike) -> Trend:
    """Fit value = a + b·day by least squares.

    Parameters
    ----------
    day
        Day of each measurement [d] (any origin).
    value
        The measurement [its own unit].

    Raises
    ------
    InputError
        Fewer than two distinct days, or values that are not finite.

    Examples
    --------
    Side-bridge holds rising 2 s a week:

    >>> t = linear_trend([0, 7, 14, 21], [60.0, 62.0, 64.0, 66.0])
    >>> round(t.slope_per_week, 6), round(t.change_pct, 2), t.n
    (2.0, 10.0, 4)
    """
    d = np.asarray(day, dtype=np.float64).ravel()
    v = np.asarray(value, dtype=np.float64).ravel()
    if d.shape != v.shape:
        raise InputError(f"value: needs one per day, got {v.size} values for {d.size} days")
    if not (np.isfinite(d).all() and np.isfinite(v).all()):
        raise InputError("value: days and values must be finite numbers")
    if np.unique(d).size < 2:
        raise InputError(f"day: a trend needs at least two distinct days, got {np.unique(d).size}")
    dc = d - d.mean()
    slope = float(np.dot(dc, v - v.mean()) / np.dot(dc, dc))
    intercept = float(v.mean() - slope * d.mean())
    first_fit = intercept + slope * float(d.min())
    last_fit = intercept + slope * float(d.max())
    resid = v - (intercept + slope * d)
    sst = float(np.dot(v - v.mean(), v - v.mean()))
    return Trend(
        slope_per_week=7.0 * slope,
        first_fit=first_fit,
        last_fit=last_fit,
        change_pct=100.0 * (last_fit - first_fit) / first_fit if first_fit != 0.0 else math.nan,
        r2=1.0 - float(np.dot(resid, resid)) / sst if sst > 0.0 else math.nan,
        n=int(v.size),
    )
