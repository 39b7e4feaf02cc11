"""One exercise's history and personal records, from the log.

A person who logs a bridge hold or a deadlift wants to see, beside the exercise, what they did
each time and their best: the heaviest set, the best estimated one-repetition maximum (Epley's
equation, 1 to 10 reps: :func:`spinewise.load.strength.e1rm_epley`), the most repetitions and the
longest hold. Warm-up sets never count as records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spinewise.load.strength import MAX_REPS, e1rm_epley
from spinewise.logbook.entries import SessionLog, SetLog
from spinewise.units import DEFAULT_WEIGHT_UNIT, WeightUnit, weight_text

__all__ = ["ExerciseHistory", "Record", "SessionLine", "exercise_history", "set_text"]


@dataclass(frozen=True)
class Record:
    """A personal record: what it is, its value in words, the set and the day it was made."""

    label: str
    value: str
    on: date


@dataclass(frozen=True)
class SessionLine:
    """One session's sets of the exercise, in words."""

    on: date
    sets: int
    best: str


@dataclass(frozen=True)
class ExerciseHistory:
    """An exercise's sessions (newest first) and records."""

    sessions: tuple[SessionLine, ...]
    records: tuple[Record, ...]


def _num(value: float) -> str:
    return f"{value:g}"


def set_text(s: SetLog, unit: WeightUnit = DEFAULT_WEIGHT_UNIT) -> str:
    """A set in words, its load in ``unit``: "8 reps at 40 kg", "45 s hold", "20 m at 24 kg".

    >>> set_text(SetLog(exercise_id="bird_dog", set_number=1, reps=8, load_kg=40.0))
    '8 reps at 40 kg'
    >>> set_text(SetLog(exercise_id="bird_dog", set_number=1, reps=8, load_kg=45.359237), "lb")
    '8 reps at 100 lb'
    """
    parts = []
    if s.reps is not None:
        parts.append(f"{s.reps} rep{'s' if s.reps != 1 else ''}")
    if s.hold_s is not None:
        parts.append(f"{_num(s.hold_s)} s hold")
    if s.distance_m is not None:
        parts.append(f"{_num(s.distance_m)} m")
    text = ", ".join(parts) or "done"
    if s.load_kg:
        text += f" at {weight_text(s.load_kg, unit)}"
    if s.side is not None:
        text += f" ({s.side} side)"
    return text


def _rank(s: SetLog) -> tuple[float, float, float, float]:
    """How a set compares within a session: load, then reps, then hold, then distance."""
    return (s.load_kg or 0.0, float(s.reps or 0), s.hold_s or 0.0, s.distance_m or 0.0)


def _working(session: SessionLog, exercise_id: str) -> list[SetLog]:
    return [s for s in session.sets if s.exercise_id == exercise_id and s.set_type != "warmup"]


def exercise_history(
    sessions: Sequence[SessionLog], exercise_id: str, unit: WeightUnit = DEFAULT_WEIGHT_UNIT
) -> ExerciseHistory:
    """The sessions with ``exercise_id`` (newest first) and the records of its working sets.

    Loads are written in ``unit`` ("kg" or "lb"); records compare the stored kilograms.

    Records (each the first day it was reached): heaviest load, best estimated 1RM (sets of 1 to
    10 reps with a load), most repetitions in a set, longest hold, longest distance.
    """
    lines: list[SessionLine] = []
    best: dict[str, tuple[float, str, date]] = {}

    def consider(key: str, value: float, text: str, on: date) -> None:
        if value > 0 and (key not in best or value > best[key][0]):
            best[key] = (value, text, on)

    for session in sorted(sessions, key=lambda s: s.started_at):
        sets = _working(session, exercise_id)
        if not sets:
            continue
        on = session.started_at.date()
        lines.append(SessionLine(on, len(sets), set_text(max(sets, key=_rank), unit)))
        for s in sets:
            text = set_text(s, unit)
            consider("load", s.load_kg or 0.0, text, on)
            if s.load_kg and s.reps and 1 <= s.reps <= MAX_REPS:
                e1rm = e1rm_epley(s.load_kg, s.reps)
                consider("e1rm", e1rm, f"about {weight_text(e1rm, unit, 1)} ({text})", on)
            consider("reps", float(s.reps or 0), text, on)
            consider("hold", s.hold_s or 0.0, text, on)
            consider("distance", s.distance_m or 0.0, text, on)
    labels = {
        "load": "Heaviest set",
        "e1rm": "Best estimated one-repetition maximum",
        "reps": "Most repetitions in a set",
        "hold": "Longest hold",
        "distance": "Longest distance",
    }
    records = tuple(Record(labels[k], best[k][1], best[k][2]) for k in labels if k in best)
    return ExerciseHistory(tuple(reversed(lines)), records)
