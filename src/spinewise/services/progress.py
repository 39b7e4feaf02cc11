"""What the progress page and the log page read, computed by the database (decision 0275).

None of these reads a set row into Python: sessions come as lines (sets counted), the strength
chart as the heaviest load per day, exercise and repetitions, and the page needs only the first
and the last assessment. Reads are bounded by a window of days or by a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spinewise.logbook import AssessmentRecord, ProfileRecord
from spinewise.logbook.window import HeaviestLoad, SessionLine
from spinewise.services.handle import Store
from spinewise.store import count_sessions, list_profiles, reading
from spinewise.store.window import first_and_last_assessment, heaviest_loads, session_lines

__all__ = [
    "ProgressSummary",
    "heaviest_loads_between",
    "log_lines",
    "profile_history",
    "progress_summary",
    "sessions_between",
]


@dataclass(frozen=True)
class ProgressSummary:
    """What the progress page itself shows (the charts are read one by one).

    Attributes
    ----------
    sessions
        The window's sessions as lines, oldest first.
    first_assessment, last_assessment
        The oldest stored assessment and the newest (``None`` when it is the oldest or none).
    n_sessions, n_sets
        How many sessions and sets the whole log holds (not only the window).
    """

    sessions: tuple[SessionLine, ...]
    first_assessment: AssessmentRecord | None
    last_assessment: AssessmentRecord | None
    n_sessions: int
    n_sets: int


def progress_summary(store: Store, athlete: int, *, since: date, until: date) -> ProgressSummary:
    """The window from ``since`` to ``until`` (days, inclusive), the counts, the assessments."""
    with reading(store.engine) as db:
        n_sessions, n_sets = count_sessions(db, athlete)
        first, last = first_and_last_assessment(db, athlete)
        lines = session_lines(db, athlete, since=since, until=until)
    return ProgressSummary(tuple(lines), first, last, n_sessions, n_sets)


def sessions_between(store: Store, athlete: int, *, since: date, until: date) -> list[SessionLine]:
    """The sessions from ``since`` to ``until`` (days, inclusive) as lines, oldest first."""
    with reading(store.engine) as db:
        return session_lines(db, athlete, since=since, until=until)


def heaviest_loads_between(
    store: Store, athlete: int, *, since: date, until: date, max_reps: int
) -> list[HeaviestLoad]:
    """The heaviest load per day, exercise and repetitions (1 to ``max_reps``) in the window."""
    with reading(store.engine) as db:
        return heaviest_loads(db, athlete, max_reps=max_reps, since=since, until=until)


def profile_history(store: Store, athlete: int) -> list[ProfileRecord]:
    """Every stored profile, oldest first (each onboarding or retest stores one)."""
    with reading(store.engine) as db:
        return list_profiles(db, athlete)


def log_lines(
    store: Store, athlete: int, *, limit: int, offset: int = 0, newest_first: bool = False
) -> list[SessionLine]:
    """One page of the athlete's sessions as lines, in time order (or newest first)."""
    with reading(store.engine) as db:
        return session_lines(db, athlete, limit=limit, offset=offset, newest_first=newest_first)
