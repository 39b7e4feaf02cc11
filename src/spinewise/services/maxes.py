"""Maxes from the log: Epley's e1RM of the lifts a person has logged fills the maxes not given.

The profile's ``[maxes]`` always win; a lift without one takes the best estimate from working
sets of at most 10 reps in the last :data:`WINDOW_DAYS` days on any exercise loaded from that lift
(the set's e1RM divided by the exercise's share of the lift, ``planning/data/lifts.toml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from spinewise.catalog import load_catalog
from spinewise.load.strength import MAX_REPS, e1rm_epley
from spinewise.logbook import SessionLog
from spinewise.planning.lifts import lift_of, lift_share
from spinewise.profile import Profile

__all__ = ["WINDOW_DAYS", "estimated_maxes_kg", "with_log_maxes"]

#: How far back the log counts for an estimated max [days] (a training cycle; project's choice).
WINDOW_DAYS = 84

_FIELDS = {"squat": "squat_kg", "deadlift": "deadlift_kg", "bench_press": "bench_press_kg"}


def estimated_maxes_kg(sessions: Sequence[SessionLog], today: date) -> dict[str, float]:
    """The best e1RM per main lift from the log's recent working sets [kg], one decimal."""
    catalog = load_catalog()
    since = today - timedelta(days=WINDOW_DAYS)
    best: dict[str, float] = {}
    for session in sessions:
        if not since <= session.started_at.date() <= today:
            continue
        for st in session.sets:
            if st.exercise_id not in catalog or st.set_type == "warmup":
                continue
            if st.load_kg is None or st.reps is None or not 1 <= st.reps <= MAX_REPS:
                continue
            ex = catalog.get(st.exercise_id)
            lift, share = lift_of(ex), lift_share(ex)
            if lift is None or not share or st.load_kg <= 0:
                continue
            estimate = e1rm_epley(float(st.load_kg), int(st.reps)) / share
            best[lift] = max(best.get(lift, 0.0), round(estimate, 1))
    return best


def with_log_maxes(profile: Profile, sessions: Sequence[SessionLog], today: date) -> Profile:
    """The profile with each max it does not give filled from the log's estimate, if any."""
    given = profile.maxes.model_dump()
    missing = {
        _FIELDS[lift]: kg
        for lift, kg in estimated_maxes_kg(sessions, today).items()
        if given.get(_FIELDS[lift]) is None
    }
    if not missing:
        return profile
    return profile.model_copy(update={"maxes": profile.maxes.model_copy(update=missing)})
