"""What a training log holds: sessions, sets, pain and readiness, as immutable values.

Scales
------
- Pain: a 0-10 numeric rating scale (0 no pain, 10 worst imaginable), asked before, during and
  after the session and the next morning.
- Session RPE: the CR-10 rating of the whole session, 0-10, asked after it (Foster et al. 2001).
- Readiness: sleep [h], and soreness, stress and energy on 1-5 (1 = least, 5 = most).
- Set RPE 0-10 or RIR (repetitions in reserve) >= 0, each optional.

Every set keeps the values it aimed at (``target_*``) beside what was done.

References
----------
Foster C, Florhaug JA, Franklin J, et al. A new approach to monitoring exercise training.
J Strength Cond Res. 2001;15(1):109-115.

Examples
--------
>>> from datetime import datetime
>>> s = SessionLog(started_at=datetime(2026, 12, 7, 18, 0), session_rpe=6,
...                sets=(SetLog(exercise_id="bird_dog", set_number=1, side="left", hold_s=10),))
>>> s.sets[0].key
('bird_dog', 1, 'left')
>>> s.day.isoformat()
'2026-12-07'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from spinewise.catalog.entities import TEMPO_PATTERN
from spinewise.validation import Text40, Text200, Text500, Text5000

__all__ = [
    "CUSTOM_PREFIX",
    "EARLIEST_LOG",
    "EXERCISE_ID_PATTERN",
    "LATEST_LOG",
    "PainScores",
    "PlannedRef",
    "Readiness",
    "SessionLog",
    "SetKey",
    "SetLog",
    "SetType",
    "Side",
    "future_problems",
]

#: Exercise ids of exercises that are not in the catalogue start with this prefix.
CUSTOM_PREFIX = "custom:"
#: A catalogue id (lower-case words joined by ``_``) or ``custom:`` and such a slug.
EXERCISE_ID_PATTERN = r"^(custom:)?[a-z0-9_]+$"
#: The earliest a logged session may start: nothing older is a training log, and every
#: computation over days since the first session stays bounded.
EARLIEST_LOG = datetime(1970, 1, 1)
#: The latest a logged session may start (the web app and imports also refuse sessions after
#: tomorrow; this bound keeps every date computation inside the calendar).
LATEST_LOG = datetime(2101, 1, 1)
#: The largest plan version, week or session number (the columns are 32-bit integers).
MAX_INDEX = 2**31 - 1

Side = Literal["left", "right"]
SetType = Literal["normal", "warmup", "dropset", "failure"]
#: The natural key of a set within its session: exercise, set number, side.
SetKey = tuple[str, int, str | None]

Pain = Annotated[int, Field(ge=0, le=10)]
OneToFive = Annotated[int, Field(ge=1, le=5)]
Rpe = Annotated[float, Field(ge=0, le=10)]
Rir = Annotated[float, Field(ge=0, le=50)]
Reps = Annotated[int, Field(ge=0, le=10_000)]
LoadKg = Annotated[float, Field(ge=-1000, le=2000)]
Seconds = Annotated[float, Field(ge=0, le=86_400)]
Metres = Annotated[float, Field(ge=0, le=1_000_000)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PainScores(_Frozen):
    """Pain on the 0-10 numeric rating scale around one session; ``None`` = not asked."""

    before: Pain | None = None
    during: Pain | None = None
    after: Pain | None = None
    next_morning: Pain | None = None


class Readiness(_Frozen):
    """How ready the athlete felt before the session; ``None`` = not asked.

    Attributes
    ----------
    sleep_h
        Sleep the night before [h].
    soreness, stress, energy
        1 (least) to 5 (most).
    """

    sleep_h: Annotated[float, Field(ge=0, le=24)] | None = None
    soreness: OneToFive | None = None
    stress: OneToFive | None = None
    energy: OneToFive | None = None


class PlannedRef(_Frozen):
    """The planned session a logged session fulfils: plan version, week and session index."""

    plan_version: Annotated[int, Field(ge=1, le=MAX_INDEX)]
    week: Annotated[int, Field(ge=1, le=MAX_INDEX)]
    session: Annotated[int, Field(ge=1, le=MAX_INDEX)]


class SetLog(_Frozen):
    """One logged set: what was done and, beside it, what it aimed at.

    Attributes
    ----------
    exercise_id
        A catalogue id, or ``custom:<slug>`` for an exercise the catalogue lacks.
    set_number
        1-based order of this set of this exercise (and side) within the session.
    side
        ``left``/``right`` for one side of a unilateral exercise, ``None`` otherwise.
    reps, load_kg, hold_s, distance_m, tempo, rpe, rir
        What was done: repetitions, external load [kg], hold [s], distance [m], tempo
        (eccentric-pause-concentric-pause [s], ``X`` as fast as possible), RPE 0-10, RIR.
    target_reps, target_load_kg, target_hold_s, target_distance_m, target_rpe, target_rir
        What the set aimed at, when known.
    source_name
        The exercise's name in the app it was imported from (kept so nothing is lost).
    """

    exercise_id: Annotated[str, Field(min_length=1, max_length=120, pattern=EXERCISE_ID_PATTERN)]
    set_number: Annotated[int, Field(ge=1, le=10_000)]
    side: Side | None = None
    set_type: SetType = "normal"
    reps: Reps | None = None
    load_kg: LoadKg | None = None
    hold_s: Seconds | None = None
    distance_m: Metres | None = None
    tempo: str | None = None
    rpe: Rpe | None = None
    rir: Rir | None = None
    target_reps: Reps | None = None
    target_load_kg: LoadKg | None = None
    target_hold_s: Seconds | None = None
    target_distance_m: Metres | None = None
    target_rpe: Rpe | None = None
    target_rir: Rir | None = None
    source_name: Text200 | None = None
    notes: Text5000 | None = None

    @field_validator("tempo")
    @classmethod
    def _tempo_format(cls, value: str | None) -> str | None:
        if value is not None and not TEMPO_PATTERN.match(value):
            raise ValueError(f"tempo must look like 3-1-1-0 (digits or X), got {value!r}")
        return value

    @property
    def key(self) -> SetKey:
        """The set's natural key within its session."""
        return (self.exercise_id, self.set_number, self.side)


class SessionLog(_Frozen):
    """One logged training session.

    Attributes
    ----------
    started_at
        Local wall-clock start, without offset (``utc_offset_min`` keeps the offset when the
        source gave one). Together with the athlete it identifies the session.
    utc_offset_min
        The source's offset from UTC [min], when it gave one.
    duration_min
        How long the session took [min].
    session_rpe
        Session RPE on the CR-10 scale, asked after the session.
    planned
        The planned session this one fulfils, if any.
    source
        Where the record came from: ``manual``, ``today``, ``strong``, ``hevy``, ...
    """

    started_at: datetime
    utc_offset_min: Annotated[int, Field(ge=-16 * 60, le=16 * 60)] | None = None
    duration_min: Annotated[float, Field(ge=0, le=24 * 60)] | None = None
    session_rpe: Pain | None = None
    pain: PainScores = PainScores()
    readiness: Readiness = Readiness()
    title: Text500 | None = None
    notes: Text5000 | None = None
    source: Text40 | None = None
    planned: PlannedRef | None = None
    sets: tuple[SetLog, ...] = ()

    @field_validator("started_at")
    @classmethod
    def _naive(cls, value: datetime) -> datetime:
        if value.tzinfo is not None:
            raise ValueError(
                "started_at must be local time without an offset (put the offset in "
                f"utc_offset_min), got {value.isoformat()}"
            )
        if not EARLIEST_LOG <= value < LATEST_LOG:
            raise ValueError(
                f"started_at must be from {EARLIEST_LOG.date().isoformat()} to "
                f"{(LATEST_LOG.date() - timedelta(days=1)).isoformat()}, got {value.isoformat()}"
            )
        return value

    @model_validator(mode="after")
    def _unique_sets(self) -> SessionLog:
        seen: set[SetKey] = set()
        for index, item in enumerate(self.sets):
            if item.key in seen:
                ex, number, side = item.key
                raise ValueError(
                    f"sets[{index}]: set {number} of {ex}"
                    f"{'' if side is None else f' ({side})'} appears twice in one session"
                )
            seen.add(item.key)
        return self

    @property
    def day(self) -> date:
        """The calendar day the session started."""
        return self.started_at.date()


def future_problems(
    sessions: Sequence[SessionLog], today: date, label: str = "started_at"
) -> list[str]:
    """One line per session that starts after tomorrow (a log records what was done).

    ``today`` is the caller's local date (tomorrow is allowed for time zones ahead of it).

    >>> s = SessionLog(started_at=datetime(2027, 1, 5, 9))
    >>> future_problems([s], date(2027, 1, 4)), len(future_problems([s], date(2027, 1, 3)))
    ([], 1)
    """
    latest = today + timedelta(days=1)
    return [
        f"{label}: must not be after {latest.isoformat()} (tomorrow), got "
        f"{s.started_at.isoformat()}"
        for s in sessions
        if s.started_at.date() > latest
    ][:20]
