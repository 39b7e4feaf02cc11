"""The choices behind every load metric, validated once and recorded with each result.

Published load metrics leave details open (window lengths, sample or population SD, how the
fitness-fatigue average is smoothed, what happens when a denominator is zero). Each choice is a
field of :class:`LoadConventions`; :meth:`LoadConventions.describe` turns them into the plain
record that ``spinewise load compute`` prints under ``"conventions"``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, TypedDict

from spinewise.errors import InputError

__all__ = [
    "SMOOTHINGS",
    "SMOOTHING_FORMULAS",
    "ConventionsJson",
    "FitnessFatigueJson",
    "LoadConventions",
    "SdConvention",
    "Smoothing",
    "ddof_of",
]

Smoothing = Literal["exp", "goldencheetah", "trainingpeaks"]
SdConvention = Literal["sample", "population"]

SMOOTHINGS: tuple[Smoothing, ...] = ("exp", "goldencheetah", "trainingpeaks")

#: The recursion each smoothing convention applies, F_t from F_{t-1} and the day's load w_t.
SMOOTHING_FORMULAS: dict[Smoothing, str] = {
    "exp": "F_t = F_{t-1}*exp(-1/tau) + w_t (Banister impulse-response sum)",
    "goldencheetah": (
        "F_t = F_{t-1}*exp(-1/tau) + w_t*(1 - exp(-1/tau)) (GoldenCheetah PMC, intervals.icu)"
    ),
    "trainingpeaks": "F_t = F_{t-1} + (w_t - F_{t-1})/tau (TrainingPeaks CTL/ATL)",
}


def ddof_of(sd: SdConvention) -> int:
    """Delta degrees of freedom of an SD convention: 1 for ``sample``, 0 for ``population``.

    >>> ddof_of("sample"), ddof_of("population")
    (1, 0)
    """
    return 1 if sd == "sample" else 0


class FitnessFatigueJson(TypedDict):
    """The fitness-fatigue part of :class:`ConventionsJson`; time constants in days."""

    smoothing: Smoothing
    formula: str
    tau_fitness_d: float
    tau_fatigue_d: float
    seed: str
    same_day_load: bool
    form: str


class ConventionsJson(TypedDict):
    """The ``"conventions"`` record of the load metrics: every choice, in words and numbers.

    ``acute_days``, ``chronic_days`` and ``monotony_days`` are window lengths [d]; the other
    entries are sentences saying how each number is computed.
    """

    load: str
    acute_days: int
    chronic_days: int
    acwr_rolling_coupled: str
    acwr_rolling_uncoupled: str
    acwr_ewma: str
    acwr_null: str
    acwr_interpretation: str
    monotony_days: int
    sd: SdConvention
    sd_ddof: int
    monotony: str
    strain: str
    fitness_fatigue: FitnessFatigueJson


@dataclass(frozen=True)
class LoadConventions:
    """Windows, SD convention and fitness-fatigue smoothing used by the load metrics.

    Parameters
    ----------
    acute_d
        Acute window [d]; 7 in Williams et al. (2017) and Lolli et al. (2019).
    chronic_d
        Chronic window [d]; 28 in the same sources. Must exceed ``acute_d``.
    monotony_d
        Window of monotony and strain [d]; a week in Foster (1998).
    sd
        ``"sample"`` (ddof = 1, the default of pandas, R, spreadsheets and the ``acwr`` package)
        or ``"population"`` (ddof = 0). Foster (1998) does not say which.
    smoothing
        Fitness-fatigue recursion, one of :data:`SMOOTHINGS` (see :data:`SMOOTHING_FORMULAS`).
        The default ``"goldencheetah"`` is the performance-manager convention; ``"exp"`` is the
        Banister impulse-response sum used when fitting.
    tau_fitness_d, tau_fatigue_d
        Time constants [d]. 42 and 7 are the CTL/ATL software convention, not a published fit.

    Raises
    ------
    InputError
        When a window or time constant is out of range.

    Examples
    --------
    >>> LoadConventions(acute_d=7, chronic_d=21).chronic_d
    21
    >>> LoadConventions(acute_d=7, chronic_d=7)
    Traceback (most recent call last):
    ...
    spinewise.errors.InputError: chronic_d: must be longer than acute_d (7 d), got 7
    """

    acute_d: int = 7
    chronic_d: int = 28
    monotony_d: int = 7
    sd: SdConvention = "sample"
    smoothing: Smoothing = "goldencheetah"
    tau_fitness_d: float = 42.0
    tau_fatigue_d: float = 7.0

    def __post_init__(self) -> None:
        problems = []
        if not 1 <= self.acute_d <= 365:
            problems.append(f"acute_d: must be 1 to 365 days, got {self.acute_d}")
        elif not self.acute_d < self.chronic_d <= 730:
            problems.append(
                f"chronic_d: must be longer than acute_d ({self.acute_d} d), got {self.chronic_d}"
                if self.chronic_d <= self.acute_d
                else f"chronic_d: must be at most 730 days, got {self.chronic_d}"
            )
        if not 2 <= self.monotony_d <= 365:
            problems.append(f"monotony_d: must be 2 to 365 days, got {self.monotony_d}")
        if self.sd not in ("sample", "population"):
            problems.append(f"sd: must be 'sample' or 'population', got {self.sd!r}")
        if self.smoothing not in SMOOTHINGS:
            allowed = ", ".join(SMOOTHINGS)
            problems.append(f"smoothing: must be one of {allowed}, got {self.smoothing!r}")
        for name in ("tau_fitness_d", "tau_fatigue_d"):
            tau = getattr(self, name)
            if not (math.isfinite(tau) and 1.0 <= tau <= 1000.0):
                problems.append(f"{name}: must be 1 to 1000 days, got {tau}")
        if problems:
            raise InputError(problems)

    def describe(self) -> ConventionsJson:
        """The record of every choice, as printed under ``"conventions"``."""
        a, c, m = self.acute_d, self.chronic_d, self.monotony_d
        return {
            "load": (
                "daily load as given (session RPE x minutes, Foster et al. 2001); several rows "
                "for one athlete and day are summed; days without a row between an athlete's "
                "first and last day are rest days with load 0"
            ),
            "acute_days": a,
            "chronic_days": c,
            "acwr_rolling_coupled": (
                f"mean of the last {a} days / mean of the last {c} days, today included"
            ),
            "acwr_rolling_uncoupled": (
                f"mean of the last {a} days / mean of the {c - a} days before them"
            ),
            "acwr_ewma": (
                f"EWMA_t = lambda*load_t + (1 - lambda)*EWMA_(t-1), lambda = 2/(N+1), N = {a} "
                f"and {c}, seeded with the first day's load (Williams et al. 2017)"
            ),
            "acwr_null": (
                f"a ratio is null until a full chronic window ({c} days) exists, and null (not "
                "inf or NaN) when the chronic average is 0"
            ),
            "acwr_interpretation": (
                "a trend of recent against usual load, not an injury prediction: the coupled "
                "form shares its acute days with its chronic mean (Lolli et al. 2019) and the "
                "ratio behaves as a rescaled acute load (Impellizzeri et al. 2020)"
            ),
            "monotony_days": m,
            "sd": self.sd,
            "sd_ddof": ddof_of(self.sd),
            "monotony": (
                f"mean / SD of the last {m} days' loads, rest days as 0 (Foster 1998); null "
                f"until {m} days exist and when the SD is 0 (every day the same load)"
            ),
            "strain": f"sum of the last {m} days' loads x monotony (Foster 1998); null with it",
            "fitness_fatigue": {
                "smoothing": self.smoothing,
                "formula": SMOOTHING_FORMULAS[self.smoothing],
                "tau_fitness_d": self.tau_fitness_d,
                "tau_fatigue_d": self.tau_fatigue_d,
                "seed": "F = 0 before the first day",
                "same_day_load": True,
                "form": "fitness - fatigue, same day",
            },
        }
