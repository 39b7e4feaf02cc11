"""What the progress page and the log page read of a long log, without its set rows.

The store computes these in the database (decision 0275): a :class:`SessionLine` per session
(its figures and how many sets it holds) and a :class:`HeaviestLoad` per day, exercise and
repetition count (the heaviest load lifted). The same values can be made from whole
:class:`~spinewise.logbook.entries.SessionLog` values, which is how the tests check the store.

Examples
--------
>>> from datetime import datetime
>>> from spinewise.logbook.entries import SessionLog, SetLog
>>> s = SessionLog(started_at=datetime(2026, 12, 7, 18, 0), session_rpe=6, duration_min=40,
...                sets=(SetLog(exercise_id="goblet_squat", set_number=1, reps=5, load_kg=20),
...                      SetLog(exercise_id="goblet_squat", set_number=2, reps=5, load_kg=24),
...                      SetLog(exercise_id="bird_dog", set_number=1, reps=8)))
>>> SessionLine.from_log(7, s).n_sets
3
>>> heaviest_loads([s], max_reps=10)
[HeaviestLoad(day=datetime.date(2026, 12, 7), exercise_id='goblet_squat', reps=5, load_kg=24.0)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from spinewise.logbook.entries import PainScores, SessionLog

__all__ = ["HeaviestLoad", "SessionLine", "heaviest_loads"]


@dataclass(frozen=True)
class SessionLine:
    """One logged session as a line of the log: its figures and how many sets it holds.

    Attributes
    ----------
    session_id
        The stored session's id.
    started_at
        Local wall-clock start.
    duration_min
        How long the session took [min].
    session_rpe
        Session RPE, CR-10 (0-10).
    pain
        Pain 0-10 before, during, after and the next morning.
    n_sets
        How many sets were logged.
    """

    session_id: int
    started_at: datetime
    duration_min: float | None
    session_rpe: int | None
    pain: PainScores
    n_sets: int

    @property
    def day(self) -> date:
        """The calendar day the session started."""
        return self.started_at.date()

    @classmethod
    def from_log(cls, session_id: int, log: SessionLog) -> SessionLine:
        """The line of a whole logged session."""
        return cls(
            session_id, log.started_at, log.duration_min, log.session_rpe, log.pain, len(log.sets)
        )


@dataclass(frozen=True)
class HeaviestLoad:
    """The heaviest load [kg] lifted on one day in sets of one exercise at one repetition count.

    Only sets with a load above 0 kg count.
    """

    day: date
    exercise_id: str
    reps: int
    load_kg: float


def heaviest_loads(sessions: Iterable[SessionLog], max_reps: int) -> list[HeaviestLoad]:
    """The heaviest loads of loaded sets of 1 to ``max_reps`` repetitions, by day, id and reps.

    Sorted by day, exercise id and repetitions (the order the store returns them in).
    """
    best: dict[tuple[date, str, int], float] = {}
    for s in sessions:
        for item in s.sets:
            if item.reps is None or item.load_kg is None or item.load_kg <= 0:
                continue
            if not 1 <= item.reps <= max_reps:
                continue
            key = (s.day, item.exercise_id, item.reps)
            best[key] = max(best.get(key, item.load_kg), item.load_kg)
    return [HeaviestLoad(d, ex, r, load) for (d, ex, r), load in sorted(best.items())]
