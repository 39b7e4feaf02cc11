"""All daily load metrics at once, for an athletes x days array: the ``load compute`` core."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from spinewise.load.acwr import acwr_ewma, acwr_from_sums
from spinewise.load.banister import fitness_fatigue
from spinewise.load.conventions import LoadConventions
from spinewise.load.daily import as_load_array
from spinewise.load.foster import monotony_from_sum
from spinewise.load.windows import rolling_sums

__all__ = ["METRIC_NAMES", "LoadMetrics", "compute_load_metrics"]

FloatArray = NDArray[np.float64]

#: Athletes per block: a block's working arrays stay in the CPU cache, which makes the whole
#: computation about twice as fast as one pass over a large array (bench/load_analytics.py).
BLOCK_ATHLETES = 256

#: The per-day metric columns, in output order (docs/contracts/README.md).
METRIC_NAMES = (
    "acwr_rolling_coupled",
    "acwr_rolling_uncoupled",
    "acwr_ewma",
    "monotony",
    "strain",
    "fitness",
    "fatigue",
    "form",
)


@dataclass(frozen=True)
class LoadMetrics:
    """Every daily metric, each shaped like the load array (NaN where undefined)."""

    load: FloatArray
    acwr_rolling_coupled: FloatArray
    acwr_rolling_uncoupled: FloatArray
    acwr_ewma: FloatArray
    monotony: FloatArray
    strain: FloatArray
    fitness: FloatArray
    fatigue: FloatArray
    form: FloatArray
    conventions: LoadConventions

    def columns(self) -> dict[str, FloatArray]:
        """The load and metric arrays by output column name."""
        out = {"load": self.load}
        out.update({name: getattr(self, name) for name in METRIC_NAMES})
        return out


def compute_load_metrics(
    load_au: ArrayLike, conventions: LoadConventions | None = None
) -> LoadMetrics:
    """Acute:chronic ratios, monotony, strain and fitness-fatigue for every athlete and day.

    Parameters
    ----------
    load_au
        Daily loads [AU], one row per athlete starting on that athlete's first day, rest days as
        0 (see :func:`~spinewise.load.daily.stack_athletes`). A 1-D array is one athlete.
    conventions
        Windows, SD and smoothing; :class:`LoadConventions` defaults when omitted.

    Examples
    --------
    >>> m = compute_load_metrics([[50.0] * 28 + [100.0] * 7])
    >>> float(m.acwr_rolling_coupled[0, -1]), float(m.acwr_rolling_uncoupled[0, -1])
    (1.6, 2.0)
    """
    conv = conventions or LoadConventions()
    x = as_load_array(load_au)
    out = {name: np.empty(x.shape) for name in METRIC_NAMES}
    rows = x.reshape(-1, x.shape[-1])
    flat = {name: arr.reshape(rows.shape) for name, arr in out.items()}
    for start in range(0, rows.shape[0], BLOCK_ATHLETES):
        block = rows[start : start + BLOCK_ATHLETES]
        for name, values in _block_metrics(block, conv).items():
            flat[name][start : start + BLOCK_ATHLETES] = values
    return LoadMetrics(load=x, conventions=conv, **out)


def _block_metrics(x: FloatArray, conv: LoadConventions) -> dict[str, FloatArray]:
    """Every metric for one block of athletes, sharing the window sums between metrics."""
    a, c, m = conv.acute_d, conv.chronic_d, conv.monotony_d
    sums = rolling_sums(x, [a, c, c - a, m])
    coupled, uncoupled = acwr_from_sums(sums, a, c)
    mono, strn = monotony_from_sum(x, sums[m], m, conv.sd)
    ff = fitness_fatigue(x, conv.tau_fitness_d, conv.tau_fatigue_d, conv.smoothing)
    return {
        "acwr_rolling_coupled": coupled,
        "acwr_rolling_uncoupled": uncoupled,
        "acwr_ewma": acwr_ewma(x, a, c),
        "monotony": mono,
        "strain": strn,
        "fitness": ff.fitness,
        "fatigue": ff.fatigue,
        "form": ff.form,
    }
