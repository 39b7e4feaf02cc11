"""Trailing-window sums along the day axis, vectorized over athletes.

A cumulative-sum difference is the usual fast rolling sum, but it loses precision: the error is
relative to the whole history, so a quiet week after a hard year can come out wrong in the ninth
digit. Here each window is combined from power-of-two blocks (1, 2, 4, 8, ... days), so its
rounding error is relative to the window's own sum, and several windows share the blocks: the
7-, 21- and 28-day sums together cost about ten array passes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

__all__ = ["constant_windows", "flat_days", "rolling_sum", "rolling_sums", "shift_days"]

FloatArray = NDArray[np.float64]
_T = TypeVar("_T", bound=np.generic)


def flat_days(x: NDArray[_T]) -> NDArray[_T]:
    """``x`` as one contiguous run of days, athlete after athlete.

    Window arithmetic on the flat run is correct for every day whose window lies inside its own
    athlete's row; the days whose window would reach into the previous athlete are exactly the
    first ``window - 1`` days of each row, which the callers set to NaN (or False) afterwards.
    Contiguous 1-D passes are about three times faster than strided 2-D ones.
    """
    return np.ascontiguousarray(x).reshape(-1)


def rolling_sums(x: FloatArray, windows_d: Iterable[int]) -> dict[int, FloatArray]:
    """Sums of the last ``w`` days, today included, for each ``w``; NaN before a full window.

    Parameters
    ----------
    x
        Values, days on the last axis.
    windows_d
        Window lengths [d], each >= 1.

    Returns
    -------
    dict
        One array shaped like ``x`` per window length.

    Examples
    --------
    >>> sums = rolling_sums(np.array([1.0, 2.0, 3.0, 4.0]), [1, 3])
    >>> sums[3].tolist(), sums[1].tolist()
    ([nan, nan, 6.0, 9.0], [1.0, 2.0, 3.0, 4.0])
    >>> rolling_sums(np.array([[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]]), [2])[2].tolist()
    [[nan, 3.0, 5.0], [nan, 30.0, 50.0]]
    """
    wanted = sorted(set(windows_d))
    if wanted and wanted[0] < 1:
        raise ValueError(f"window lengths must be >= 1, got {wanted[0]}")
    n = x.shape[-1]
    flat = flat_days(x)
    # blocks[k][i] = sum of flat[i : i + 2**k], built only as far as the windows need.
    blocks = [flat]
    longest = max((w for w in wanted if w <= n), default=0)
    while 2 ** len(blocks) <= longest:
        prev, step = blocks[-1], 2 ** (len(blocks) - 1)
        blocks.append(prev[:-step] + prev[step:])
    out: dict[int, FloatArray] = {}
    for w in wanted:
        result = np.empty(flat.shape)
        if w <= n:
            count = flat.size - w + 1
            acc = result[w - 1 :]
            offset = 0
            first = True
            for k in range(len(blocks) - 1, -1, -1):
                if w & (1 << k):
                    part = blocks[k][offset : offset + count]
                    if first:
                        acc[...] = part
                        first = False
                    else:
                        acc += part
                    offset += 1 << k
        shaped = result.reshape(x.shape)
        shaped[..., : min(w - 1, n)] = np.nan
        out[w] = shaped
    return out


def rolling_sum(x: FloatArray, window_d: int) -> FloatArray:
    """Sum of the last ``window_d`` days, today included; NaN before a full window.

    >>> rolling_sum(np.array([1.0, 2.0, 3.0, 4.0]), 3).tolist()
    [nan, nan, 6.0, 9.0]
    """
    return rolling_sums(x, [window_d])[window_d]


def constant_windows(x: FloatArray, window_d: int) -> NDArray[np.bool_]:
    """Whether the last ``window_d`` days all hold the same value (False before a full window).

    Counts day-to-day changes with an integer cumulative sum, which is exact.

    >>> constant_windows(np.array([5.0, 5.0, 5.0, 6.0]), 3).tolist()
    [False, False, True, False]
    """
    n = x.shape[-1]
    if window_d > n:
        return np.zeros(x.shape, dtype=bool)
    flat = flat_days(x)
    changes = np.zeros(flat.shape, dtype=np.int32)
    np.cumsum(flat[1:] != flat[:-1], dtype=np.int32, out=changes[1:])
    same = np.zeros(flat.shape, dtype=bool)
    np.equal(changes[window_d - 1 :], changes[: flat.size - window_d + 1], out=same[window_d - 1 :])
    out = same.reshape(x.shape)
    out[..., : window_d - 1] = False
    return out


def shift_days(x: FloatArray, days: int) -> FloatArray:
    """Move values ``days`` later along the day axis, NaN at the start.

    >>> shift_days(np.array([1.0, 2.0, 3.0]), 1).tolist()
    [nan, 1.0, 2.0]
    """
    n = x.shape[-1]
    flat = flat_days(x)
    out = np.empty(flat.shape)
    if days < flat.size:
        out[days:] = flat[: flat.size - days]
    shaped = out.reshape(x.shape)
    shaped[..., : min(days, n)] = np.nan
    return shaped
