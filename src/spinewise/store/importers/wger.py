"""wger workout logs, as its REST API returns them (``GET /api/v2/workoutlog/``).

Accepted files: one page (``{"count", "next", "results": [...]}``), a list of pages, a plain
list of logs, or a bundle ``{"workoutlog": ..., "workoutsession": ..., "exerciseinfo": ...}``
whose parts are any of those. Logs of one ``session`` form one session (started at the
session's ``date`` and ``time_start`` when the bundle has it); logs without a session are
grouped by date. Exercise names come from ``exerciseinfo`` (English first); without it an
exercise is ``wger exercise <id>``, a custom exercise.

Units (wger ``core/fixtures``): repetition units 1 Repetitions, 2 Until Failure, 7 Max Reps
count repetitions; 3 Seconds and 4 Minutes are held time; 5 Miles, 6 Kilometers, 8 Meters are
distance. Weight units 1 kg and 2 lb are loads; 3 Body Weight, 4 Plates, 5 km/h and 6 mph are
kept in the set's notes. Both the current field names (``repetitions``, ``repetitions_unit``,
``exercise``) and the older ones (``reps``, ``repetition_unit``, ``exercise_base``) are read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, ClassVar

from spinewise.errors import MalformedFileError
from spinewise.store.importers.base import Progress, RawSession, RawSet, RawSetValues
from spinewise.store.importers.jsonfile import JsonFile
from spinewise.units import KG_PER_LB, M_PER_MILE

__all__ = [
    "LogHead",
    "Reader",
    "Where",
    "exercise_name",
    "log_head",
    "parse_wger",
    "read_set",
    "records",
    "session_begin",
    "session_start",
]

Path_ = tuple[int | str, ...]
#: ``FILE: line L, column C (path)`` of a path of the document.
Where = Callable[[Path_], str]

_REPS_UNITS = {1: "reps", 2: "failure", 7: "reps"}
_TIME_UNITS = {3: 1.0, 4: 60.0}
_DIST_UNITS = {5: M_PER_MILE, 6: 1000.0, 8: 1.0}
_KG_UNITS = {1: 1.0, 2: KG_PER_LB}
_OTHER_WEIGHT = {3: "body weight", 4: "plates", 5: "km/h", 6: "mph"}
_ENGLISH = 2


# I/O edge: ``value`` is a part of the parsed JSON file, as ``json`` gives it.
def records(value: Any, path: Path_) -> Iterator[tuple[Path_, Any]]:
    """The records of a page, a list of pages or a list of records, with their paths."""
    if isinstance(value, dict) and "results" in value:
        yield from records(value["results"], (*path, "results"))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict) and "results" in item:
                yield from records(item["results"], (*path, i, "results"))
            else:
                yield (*path, i), item


class Reader:
    """Reads the values of the wger file's records, naming the place of a bad one.

    I/O edge: a record (``rec``, here and in :func:`read_set`) is one object of the parsed JSON
    file, as ``json`` gives it; these methods and ``read_set`` turn it into typed values. ``where``
    names the place of a path of the document (``FILE: line L, column C (path)``).
    """

    def __init__(self, where: Where) -> None:
        self.where = where

    def fail(self, path: Path_, message: str) -> MalformedFileError:
        """The problem ``message`` at ``path``."""
        return MalformedFileError(f"{self.where(path)}: {message}")

    # I/O edge: ``rec`` is a record of the parsed JSON file (see the class docstring).
    def number(self, rec: dict[str, Any], path: Path_, *names: str) -> float | None:
        """The first of ``names`` present, as a number (``None`` when empty or absent)."""
        for name in names:
            if name in rec:
                value = rec[name]
                if value is None or value == "":
                    return None
                try:
                    return float(value)
                except (TypeError, ValueError):
                    raise self.fail((*path, name), f"expected a number, got {value!r}") from None
        return None

    # I/O edge: ``rec`` is a record of the parsed JSON file.
    def unit(self, rec: dict[str, Any], path: Path_, *names: str) -> int:
        """A unit's number (1 when absent); the first of ``names`` present is read."""
        value = next((rec[name] for name in names if name in rec), None) or 1
        try:
            return int(value)
        except (TypeError, ValueError):
            raise self.fail((*path, names[0]), f"expected a unit number, got {value!r}") from None

    # I/O edge: ``rec`` is a record of the parsed JSON file.
    def when(self, rec: dict[str, Any], path: Path_, name: str) -> datetime:
        """The ISO date or date and time at ``name`` (with its offset, if any)."""
        value = rec.get(name)
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise self.fail((*path, name), f"expected an ISO date, got {value!r}") from None
        return parsed  # an offset, if any, is handled by the caller


class _Where(Mapping[str, str]):
    """Where each set field's value is in the file, found only when asked (on an error)."""

    _SOURCE: ClassVar[dict[str, str]] = {
        "reps": "repetitions",
        "load_kg": "weight",
        "target_reps": "repetitions_target",
    }

    def __init__(self, where: Where, path: Path_) -> None:
        self.where = where
        self.path = path

    def __getitem__(self, field: str) -> str:
        return self.where((*self.path, self._SOURCE.get(field, field)))

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


# I/O edge: ``rec`` is an ``exerciseinfo`` record of the JSON file.
def exercise_name(reader: Reader, rec: Any, path: Path_) -> tuple[int, str | None]:
    """An ``exerciseinfo`` entry's id and name (English first, else the first named one)."""
    if not isinstance(rec, dict) or not isinstance(rec.get("id"), int):
        raise reader.fail(path, "an exerciseinfo entry needs an integer id")
    translations = rec.get("translations") or []
    if not isinstance(translations, list):
        translations = []
    named = [t for t in translations if isinstance(t, dict) and t.get("name")]
    english = [t for t in named if t.get("language") == _ENGLISH]
    pick = english or named
    name = pick[0]["name"] if pick else rec.get("name")
    return rec["id"], str(name) if name else None


# I/O edge: ``rec`` is a ``workoutsession`` record of the JSON file.
def session_start(reader: Reader, rec: Any, path: Path_) -> tuple[int, datetime, str | None]:
    """A ``workoutsession`` entry's id, start (wall clock, no offset) and notes."""
    if not isinstance(rec, dict) or not isinstance(rec.get("id"), int):
        raise reader.fail(path, "a workoutsession entry needs an integer id")
    day = reader.when(rec, path, "date")
    start = rec.get("time_start")
    if start:
        try:
            day = datetime.combine(day.date(), time.fromisoformat(str(start)))
        except ValueError:
            raise reader.fail((*path, "time_start"), f"not a time: {start!r}") from None
    return rec["id"], day.replace(tzinfo=None), rec.get("notes") or None


@dataclass(frozen=True)
class LogHead:
    """What a log says of its session: its key, when it was logged and the offset [min]."""

    key: Hashable  # the ``session`` id, or the day when there is none
    session_id: Any  # I/O edge: the ``session`` value as the file gives it
    when: datetime  # wall clock, no offset
    offset_min: int | None


# I/O edge: ``rec`` is a ``workoutlog`` record of the JSON file.
def log_head(reader: Reader, rec: Any, path: Path_) -> LogHead:
    """The session key, time and offset of a log (a non-object is refused here)."""
    if not isinstance(rec, dict):
        raise reader.fail(path, "expected a workout log object")
    when = reader.when(rec, path, "date")
    delta = when.utcoffset()
    offset = None if delta is None else int(delta.total_seconds() // 60)
    when = when.replace(tzinfo=None)
    session_id = rec.get("session")
    key: Hashable = session_id if isinstance(session_id, int) else when.date()
    return LogHead(key, session_id, when, offset)


def session_begin(
    head: LogHead, starts: Callable[[Any], tuple[datetime, str | None] | None]
) -> tuple[datetime, str | None]:
    """Start and notes of the session whose first log is ``head``.

    The bundle's ``workoutsession`` (``starts``) when it names the session; else the log's day
    at midnight for logs without a session, or the first log's time.
    """
    found = starts(head.session_id) if head.session_id and _hashable(head.session_id) else None
    if found is not None:
        return found
    if isinstance(head.key, date):
        return datetime.combine(head.key, time()), None
    return head.when, None


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


# I/O edge: ``rec`` is a record of the parsed JSON file, turned into a typed RawSet here.
def read_set(reader: Reader, rec: dict[str, Any], path: Path_, names: Mapping[int, str]) -> RawSet:
    """A log's set, in the logbook's units (see the module docstring)."""
    exercise = rec.get("exercise", rec.get("exercise_base"))
    if not isinstance(exercise, int):
        raise reader.fail((*path, "exercise"), f"expected an exercise id, got {exercise!r}")
    amount = reader.number(rec, path, "repetitions", "reps")
    target = reader.number(rec, path, "repetitions_target")
    rep_unit = reader.unit(rec, path, "repetitions_unit", "repetition_unit")
    weight = reader.number(rec, path, "weight")
    weight_target = reader.number(rec, path, "weight_target")
    weight_unit = reader.unit(rec, path, "weight_unit")
    values: RawSetValues = {"set_type": "normal"}
    if rep_unit in _TIME_UNITS:
        factor = _TIME_UNITS[rep_unit]
        values["hold_s"] = None if amount is None else amount * factor
        values["target_hold_s"] = None if target is None else target * factor
    elif rep_unit in _DIST_UNITS:
        factor = _DIST_UNITS[rep_unit]
        values["distance_m"] = None if amount is None else round(amount * factor, 3)
        values["target_distance_m"] = None if target is None else round(target * factor, 3)
    elif rep_unit in _REPS_UNITS:
        for value in (amount, target):
            if value is not None and not value.is_integer():
                raise reader.fail((*path, "repetitions"), f"expected whole reps, got {value}")
        values["reps"] = None if amount is None else int(amount)
        values["target_reps"] = None if target is None else int(target)
        if _REPS_UNITS[rep_unit] == "failure":
            values["set_type"] = "failure"
    else:
        raise reader.fail((*path, "repetitions_unit"), f"unknown repetition unit {rep_unit}")
    if weight_unit in _KG_UNITS:
        factor = _KG_UNITS[weight_unit]
        values["load_kg"] = None if weight is None else round(weight * factor, 4)
        values["target_load_kg"] = (
            None if weight_target is None else round(weight_target * factor, 4)
        )
    elif weight_unit in _OTHER_WEIGHT:
        if weight is not None:
            values["notes"] = f"weight {weight:g} {_OTHER_WEIGHT[weight_unit]}"
    else:
        raise reader.fail((*path, "weight_unit"), f"unknown weight unit {weight_unit}")
    values["rir"] = reader.number(rec, path, "rir")
    values["target_rir"] = reader.number(rec, path, "rir_target")
    columns = _Where(reader.where, path)
    return RawSet(names.get(exercise, f"wger exercise {exercise}"), 0, None, values, columns)


def parse_wger(path: Path, *, progress: Progress | None = None) -> list[RawSession]:
    """Read wger workout logs (REST JSON) into raw sessions, the whole file at once.

    Imports stream the file instead (:class:`.wgerstream.WgerStream`); this shows what a file
    holds and is what the streaming reading is compared with.
    """
    doc = JsonFile(path)
    reader = Reader(doc.where)
    data = doc.data
    bundle = isinstance(data, dict) and "workoutlog" in data
    logs = data["workoutlog"] if bundle else data
    log_path: Sequence[int | str] = ("workoutlog",) if bundle else ()
    names: dict[int, str] = {}
    starts: dict[int, tuple[datetime, str | None]] = {}
    if bundle:
        for rec_path, rec in records(data.get("exerciseinfo", []), ("exerciseinfo",)):
            number, name = exercise_name(reader, rec, rec_path)
            if name:
                names[number] = name
        for rec_path, rec in records(data.get("workoutsession", []), ("workoutsession",)):
            number, begin, notes = session_start(reader, rec, rec_path)
            starts[number] = (begin, notes)
    if not isinstance(logs, list | dict):
        raise reader.fail(tuple(log_path), "expected a list of workout logs or a page of them")
    sessions: dict[object, RawSession] = {}
    found = list(records(logs, tuple(log_path)))
    for done, (rec_path, rec) in enumerate(found, 1):
        head = log_head(reader, rec, rec_path)
        sess = sessions.get(head.key)
        if sess is None:
            begin, notes = session_begin(head, starts.get)
            sess = sessions[head.key] = RawSession(
                0,
                {
                    "started_at": begin,
                    "utc_offset_min": head.offset_min,
                    "notes": notes,
                    "title": None,
                },
            )
        sess.sets.append(read_set(reader, rec, rec_path, names))
        if progress and done % 2000 == 0:
            progress("read", done, len(found))
    if progress:
        progress("read", len(found), len(found))
    return list(sessions.values())
