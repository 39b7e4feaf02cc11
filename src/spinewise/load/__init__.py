"""Load analytics: session load, acute:chronic ratios, monotony and strain, fitness-fatigue.

Pure numpy/scipy functions over an athletes x days array (days on the last axis, rest days as
0). Every choice a published formula leaves open is a :class:`LoadConventions` field, recorded
with each result. The acute:chronic ratio is a trend, never an injury prediction (see
:mod:`spinewise.load.acwr`).
"""

from spinewise.load.acwr import (
    acwr_ewma,
    acwr_rolling_coupled,
    acwr_rolling_uncoupled,
    ewma,
    ewma_lambda,
    rolling_mean,
)
from spinewise.load.banister import (
    BanisterParams,
    FitnessFatigue,
    banister_performance,
    fitness_fatigue,
    impulse_response,
)
from spinewise.load.banister_fit import BanisterFit, fit_banister
from spinewise.load.conventions import SMOOTHINGS, LoadConventions, SdConvention, Smoothing
from spinewise.load.daily import as_load_array, daily_load_au, session_load_au, stack_athletes
from spinewise.load.foster import monotony, monotony_and_strain, strain
from spinewise.load.metrics import METRIC_NAMES, LoadMetrics, compute_load_metrics
from spinewise.load.strength import e1rm_brzycki, e1rm_epley
from spinewise.load.trends import Trend, linear_trend

__all__ = [
    "METRIC_NAMES",
    "SMOOTHINGS",
    "BanisterFit",
    "BanisterParams",
    "FitnessFatigue",
    "LoadConventions",
    "LoadMetrics",
    "SdConvention",
    "Smoothing",
    "Trend",
    "acwr_ewma",
    "acwr_rolling_coupled",
    "acwr_rolling_uncoupled",
    "as_load_array",
    "banister_performance",
    "compute_load_metrics",
    "daily_load_au",
    "e1rm_brzycki",
    "e1rm_epley",
    "ewma",
    "ewma_lambda",
    "fit_banister",
    "fitness_fatigue",
    "impulse_response",
    "linear_trend",
    "monotony",
    "monotony_and_strain",
    "rolling_mean",
    "session_load_au",
    "stack_athletes",
    "strain",
]
