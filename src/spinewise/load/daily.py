"""Session load (session RPE x minutes) and the continuous daily series the metrics need.

Every metric in :mod:`spinewise.load` works on a float array whose last axis is consecutive
days, one row per athlete, each row starting on that athlete's first day. Rest days are in the
series as 0: monotony measures day-to-day variability, and dropping rest days would remove the
very variability it measures.

References
----------
Foster C et al. (2001). A new approach to monitoring exercise training. J Strength Cond Res
15(1):109-115.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from spinewise.errors import InputError

__all__ = ["as_load_array", "daily_load_au", "session_load_au", "stack_athletes"]

FloatArray = NDArray[np.float64]

#: Foster's CR-10 scale runs from 0 (rest) to 10 (maximal) (docs/research/science.md section 3,
#: [C2]).
SESSION_RPE_MAX = 10.0


def as_load_array(load_au: ArrayLike, name: str = "load") -> FloatArray:
    """Return ``load_au`` as a float array, refusing negative, infinite or missing values.

    Parameters
    ----------
    load_au
        Daily loads [AU], days on the last axis.
    name
        Field name used in the error message.

    Raises
    ------
    InputError
        Naming the first bad value and its position.

    Examples
    --------
    >>> as_load_array([0, 300, 120.5]).tolist()
    [0.0, 300.0, 120.5]
    >>> as_load_array([10, -1])
    Traceback (most recent call last):
    ...
    spinewise.errors.InputError: load: must be a finite number >= 0, got -1.0 at position (1,)
    """
    arr = np.asarray(load_au, dtype=np.float64)
    if arr.ndim == 0 or arr.shape[-1] == 0:
        raise InputError(f"{name}: needs at least one day, got shape {arr.shape}")
    # Two reductions, no temporaries: NaN makes min() NaN, +inf makes max() inf.
    if not (arr.min() >= 0.0 and np.isfinite(arr.max())):
        bad = ~(np.isfinite(arr) & (arr >= 0.0))
        pos = tuple(int(i) for i in np.argwhere(bad)[0])
        raise InputError(f"{name}: must be a finite number >= 0, got {arr[pos]} at position {pos}")
    return arr


def session_load_au(session_rpe: ArrayLike, duration_min: ArrayLike) -> FloatArray:
    """Session load [AU] = session RPE (CR-10, 0-10) x duration [min] (Foster et al. 2001).

    Parameters
    ----------
    session_rpe
        Whole-session rating on Foster's CR-10 scale, 0 to 10.
    duration_min
        Session duration [min], >= 0.

    Returns
    -------
    numpy.ndarray
        Session load [AU].

    Raises
    ------
    InputError
        When a rating is outside 0-10 or a duration is negative or not finite.

    Examples
    --------
    >>> session_load_au([6, 8], [60, 45]).tolist()
    [360.0, 360.0]
    """
    rpe = np.asarray(session_rpe, dtype=np.float64)
    minutes = np.asarray(duration_min, dtype=np.float64)
    problems = []
    bad_rpe = ~((rpe >= 0.0) & (rpe <= SESSION_RPE_MAX))
    if bad_rpe.any():
        problems.append(f"session_rpe: must be 0 to 10 (CR-10), got {rpe[bad_rpe].flat[0]}")
    bad_min = ~(np.isfinite(minutes) & (minutes >= 0.0))
    if bad_min.any():
        problems.append(
            f"duration_min: must be a finite number >= 0, got {minutes[bad_min].flat[0]}"
        )
    if problems:
        raise InputError(problems)
    return np.asarray(rpe * minutes, dtype=np.float64)


def daily_load_au(day_index: ArrayLike, session_load: ArrayLike, n_days: int) -> FloatArray:
    """Sum session loads per day into a continuous series, rest days as 0.

    Parameters
    ----------
    day_index
        Day of each session, 0 = the first day of the series.
    session_load
        Load of each session [AU].
    n_days
        Length of the series [d].

    Returns
    -------
    numpy.ndarray
        Daily load [AU], shape ``(n_days,)``.

    Examples
    --------
    >>> daily_load_au([0, 0, 3], [200, 100, 50], 5).tolist()
    [300.0, 0.0, 0.0, 50.0, 0.0]
    """
    days = np.asarray(day_index, dtype=np.int64)
    loads = as_load_array(np.atleast_1d(session_load), "session_load")
    if days.shape != loads.shape:
        raise InputError(
            f"day_index: must match session_load in length, got {days.size} and {loads.size}"
        )
    if n_days < 1 or (days.size and (days.min() < 0 or days.max() >= n_days)):
        raise InputError(f"day_index: must lie in 0 to {n_days - 1}, got {days.min()}")
    return np.bincount(days, weights=loads, minlength=n_days).astype(np.float64)


def stack_athletes(series: Sequence[ArrayLike]) -> tuple[FloatArray, tuple[int, ...]]:
    """Stack per-athlete daily series into one athletes x days array, padded with 0 at the end.

    Every metric is causal (today's value uses only today and earlier), so padding after an
    athlete's last day changes none of that athlete's values up to it.

    Returns
    -------
    tuple
        The array [AU] and each athlete's own number of days.

    Examples
    --------
    >>> arr, n = stack_athletes([[1, 2, 3], [4]])
    >>> arr.tolist(), n
    ([[1.0, 2.0, 3.0], [4.0, 0.0, 0.0]], (3, 1))
    """
    rows = [as_load_array(np.atleast_1d(s)) for s in series]
    if not rows:
        raise InputError("load: needs at least one athlete")
    lengths = tuple(r.shape[-1] for r in rows)
    out = np.zeros((len(rows), max(lengths)), dtype=np.float64)
    for i, r in enumerate(rows):
        out[i, : r.shape[-1]] = r
    return out, lengths
