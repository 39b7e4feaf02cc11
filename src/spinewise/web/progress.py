"""What the progress page shows, computed from the log: load, ratio, pain, holds, e1RM.

- Session load = session RPE (CR-10) × duration [min] (Foster et al. 2001); a session without
  either counts as 0 and is reported as unrated.
- The acute:chronic workload ratio here is the rolling 7:28 coupled form (mean of the last 7
  days over the mean of the last 28, today included), ``None`` until 28 days exist. It is shown
  as a trend only, never as an injury-risk verdict: its predictive value is disputed
  (Impellizzeri et al. 2020; c-statistic 0.574) and the coupled form correlates spuriously with
  acute load (Lolli et al. 2019).
- Estimated 1RM by Epley: ``e1RM = w · (1 + r / 30)``, only for sets of 1 to 10 repetitions
  (the range the formula is meant for) with an external load (the primary citation, Epley 1985,
  is unconfirmed [U]; the formula and the test value 100 kg × 5 → 116.67 kg are [C2]).

References
----------
Foster C, Florhaug JA, Franklin J, et al. A new approach to monitoring exercise training.
J Strength Cond Res. 2001;15(1):109-115.
Impellizzeri FM, et al. What role do chronic workloads play in the acute to chronic workload
ratio? Time to dismiss ACWR and its underlying theory. Sports Med. 2021.
doi:10.1007/s40279-020-01378-6
Lolli L, et al. Mathematical coupling causes spurious correlation within the conventional
acute-to-chronic workload ratio calculations. Br J Sports Med. 2019;53(15):921-922.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from spinewise.load.acwr import acwr_rolling_coupled
from spinewise.load.strength import e1rm_epley
from spinewise.logbook import PainScores, ProfileRecord, SessionLog
from spinewise.logbook.window import HeaviestLoad, heaviest_loads

__all__ = [
    "ACUTE_DAYS",
    "CHRONIC_DAYS",
    "E1RM_MAX_REPS",
    "WINDOW_DAYS",
    "LoadSeries",
    "SessionFigures",
    "acwr_rolling",
    "best_e1rm",
    "best_e1rm_of",
    "daily_loads",
    "epley_e1rm_kg",
    "hold_series",
    "pain_series",
]

ACUTE_DAYS = 7
#: The progress page looks back this far [d]: one request never builds more than a year of
#: days, whatever dates the log holds.
WINDOW_DAYS = 365
CHRONIC_DAYS = 28
#: Epley is meant for sets of at most 10 repetitions.
E1RM_MAX_REPS = 10
HOLD_TESTS: tuple[str, ...] = (
    "trunk_flexor_s",
    "trunk_extensor_s",
    "side_bridge_left_s",
    "side_bridge_right_s",
)
PAIN_TIMES: tuple[str, ...] = ("before", "during", "after", "next_morning")


class SessionFigures(Protocol):
    """What the load and pain series read of a session.

    A whole ``SessionLog`` or a :class:`spinewise.logbook.window.SessionLine` (read without its
    sets).
    """

    @property
    def day(self) -> date:
        """The calendar day the session started."""
        ...

    @property
    def session_rpe(self) -> int | None:
        """Session RPE, CR-10."""
        ...

    @property
    def duration_min(self) -> float | None:
        """How long the session took [min]."""
        ...

    @property
    def pain(self) -> PainScores:
        """Pain 0-10 around the session."""
        ...


@dataclass(frozen=True)
class LoadSeries:
    """Daily session load [AU] from the first logged day to ``until``, rest days as 0."""

    days: tuple[date, ...]
    load_au: tuple[float, ...]
    unrated_sessions: int


def daily_loads(sessions: Sequence[SessionFigures], until: date | None = None) -> LoadSeries:
    """Sum session RPE × minutes per day, over at most :data:`WINDOW_DAYS` days.

    The series ends at ``until`` (sessions after it are left out) or at the last session, and
    starts at the first session or :data:`WINDOW_DAYS` days before the end, whichever is later.

    >>> from datetime import datetime
    >>> s = [SessionLog(started_at=datetime(2026, 1, 1, 9), session_rpe=5, duration_min=30),
    ...      SessionLog(started_at=datetime(2026, 1, 3, 9), session_rpe=6, duration_min=40)]
    >>> daily_loads(s).load_au
    (150.0, 0.0, 240.0)
    """
    if until is not None:
        sessions = [s for s in sessions if s.day <= until]
    if not sessions:
        return LoadSeries((), (), 0)
    end = until or max(s.day for s in sessions)
    start = end - timedelta(days=WINDOW_DAYS - 1)
    sessions = [s for s in sessions if s.day >= start]
    if not sessions:
        return LoadSeries((), (), 0)
    per_day: dict[date, float] = defaultdict(float)
    unrated = 0
    for s in sessions:
        if s.session_rpe is None or s.duration_min is None:
            unrated += 1
            per_day[s.day] += 0.0
            continue
        per_day[s.day] += s.session_rpe * s.duration_min
    first = min(per_day)
    last = end
    days = tuple(first + timedelta(days=i) for i in range((last - first).days + 1))
    return LoadSeries(days, tuple(per_day.get(d, 0.0) for d in days), unrated)


def acwr_rolling(
    load_au: Sequence[float], acute: int = ACUTE_DAYS, chronic: int = CHRONIC_DAYS
) -> list[float | None]:
    """The coupled rolling ratio per day (:func:`spinewise.load.acwr_rolling_coupled`).

    ``None`` until a full chronic window exists, or when the chronic mean is 0.

    >>> r = acwr_rolling([100.0] * 28 + [200.0] * 7)
    >>> r[26], r[27], round(r[-1], 3)
    (None, 1.0, 1.6)
    """
    if not load_au:
        return []
    ratio = acwr_rolling_coupled(list(load_au), acute, chronic)
    return [None if math.isnan(v) else float(v) for v in ratio]


def pain_series(sessions: Sequence[SessionFigures]) -> dict[str, list[tuple[date, int]]]:
    """Pain ratings over time: before, during, after and next morning."""
    out: dict[str, list[tuple[date, int]]] = {k: [] for k in PAIN_TIMES}
    for s in sessions:
        for key in PAIN_TIMES:
            value = getattr(s.pain, key)
            if value is not None:
                out[key].append((s.day, value))
    return out


def hold_series(profiles: Sequence[ProfileRecord]) -> dict[str, list[tuple[datetime, float]]]:
    """The torso hold tests [s] of each stored profile over time."""
    out: dict[str, list[tuple[datetime, float]]] = {k: [] for k in HOLD_TESTS}
    for record in profiles:
        tests = record.profile.get("tests") or {}
        for key in HOLD_TESTS:
            value = tests.get(key)
            if isinstance(value, int | float):
                out[key].append((record.recorded_at, float(value)))
    return out


def epley_e1rm_kg(load_kg: float, reps: int) -> float:
    """Estimated one-repetition maximum [kg] by Epley (:func:`spinewise.load.e1rm_epley`).

    >>> round(epley_e1rm_kg(100.0, 5), 2)
    116.67
    """
    return e1rm_epley(load_kg, reps)


def best_e1rm(sessions: Sequence[SessionLog]) -> dict[str, list[tuple[date, float]]]:
    """The best Epley e1RM [kg] per exercise and day, from loaded sets of 1 to 10 reps."""
    return best_e1rm_of(heaviest_loads(sessions, E1RM_MAX_REPS))


def best_e1rm_of(loads: Iterable[HeaviestLoad]) -> dict[str, list[tuple[date, float]]]:
    """The best Epley e1RM [kg] per exercise and day, from the heaviest load at each rep count.

    For a given number of repetitions the e1RM grows with the load, so the heaviest load of
    each day, exercise and repetitions gives the same best e1RM as every set would (loads of 1
    to :data:`E1RM_MAX_REPS` repetitions only; the store computes them, decision 0275).

    >>> from spinewise.logbook.window import HeaviestLoad
    >>> d = date(2026, 1, 5)
    >>> best_e1rm_of([HeaviestLoad(d, "goblet_squat", 5, 100.0),
    ...               HeaviestLoad(d, "goblet_squat", 1, 110.0)])["goblet_squat"][0][1]
    116.66666666666667
    """
    best: dict[str, dict[date, float]] = defaultdict(dict)
    for item in loads:
        if not 1 <= item.reps <= E1RM_MAX_REPS or item.load_kg <= 0:
            continue
        value = epley_e1rm_kg(item.load_kg, item.reps)
        days = best[item.exercise_id]
        days[item.day] = max(days.get(item.day, 0.0), value)
    return {ex: sorted(days.items()) for ex, days in sorted(best.items())}
