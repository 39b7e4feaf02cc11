"""wger's JSON read as a stream, in memory that does not grow with the file (decision 0277).

The file is read value by value (:class:`.jsonstream.JsonStream`), never whole; a long object
of a list (a page of a list of pages) is read member by member (:data:`RECORD_CHARS`):

1. **Shape** (once): the whole document is read, so a JSON problem anywhere is named first, as
   when the file was read whole; the bundle's ``exerciseinfo`` names and ``workoutsession``
   starts are kept (the parts of a bundle come in any order), the logs are counted.
2. **Survey chunks** (:meth:`WgerStream.survey_chunks`): each log is read and turned into a
   set; consecutive logs of one session form a chunk (at most
   :data:`~spinewise.store.importers.base.CHUNK_SETS` sets). A session whose logs come back
   later (pages in any order) comes in several chunks with the same start, which the
   streaming writer merges. Per session this reading keeps one integer: start, offset and
   where its last log is (see :func:`_pack`), and the notes when there are any; and where
   its first log is (8 bytes). A file with more than
   :data:`~spinewise.store.importers.stream.MAX_OPEN_SESSIONS` sessions open at once (logs
   read, more to come) is refused at its end, before anything is written.
3. **Write chunks** (:meth:`WgerStream.write_chunks`): the same chunks again, each set given
   the number the whole-file reading gives it (the n-th set of an exercise in its session is
   number n), so that no set waits for its session's last log. Only the sessions whose logs
   are still to come keep a count per exercise.

Two sessions of the file can start at the same time (a session without ``time_start`` and
logs without a session on its day both start at midnight); read whole, the first one's sets
come first, then the second's. Their sets are then numbered after one more reading that
counts the sessions' sets per exercise; files without such sessions are not read a fourth
time.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from spinewise.errors import InputError, MalformedFileError
from spinewise.logbook import ExerciseMatcher
from spinewise.store.importers import base
from spinewise.store.importers.base import Progress, RawSession, RawSessionValues
from spinewise.store.importers.jsonfile import path_text
from spinewise.store.importers.jsonstream import JsonPiece, JsonStream, located
from spinewise.store.importers.stream import MAX_OPEN_SESSIONS, most_open, too_many_open
from spinewise.store.importers.wger import (
    LogHead,
    Path_,
    Reader,
    Where,
    exercise_name,
    log_head,
    read_set,
    records,
    session_begin,
    session_start,
)

__all__ = ["READ_CHARS", "RECORD_CHARS", "WgerStream"]

_DEPTH = 32  # containers read one item at a time this deep; deeper ones are decoded whole
#: Characters read from the file at a time.
READ_CHARS = 1 << 20
#: An object of a list that does not end within the text read so far, and goes on for more
#: than this [characters], is read member by member: a page of a list of pages gives its
#: ``results`` one at a time (a log is a few hundred characters).
RECORD_CHARS = 1 << 16
_US = timedelta(microseconds=1)
_LOG_BITS = 32  # the low bits of a session's packed state: its last log (from 0, file order)
_OFFSET_BITS = 12  # then its offset code: 0 none, else offset [min] + 1441 (1 to 2880)
_LOGS = (1 << _LOG_BITS) - 1
_PARTS = ("workoutlog", "exerciseinfo", "workoutsession")
_NOT_LOGS = "expected a list of workout logs or a page of them"


def _pack(start: datetime, offset_min: int | None, last_log: int) -> int:
    """A session's start, offset [min] and last log as one integer (about 40 bytes)."""
    code = 0 if offset_min is None else offset_min + 1441
    return (((start - datetime.min) // _US) << _OFFSET_BITS | code) << _LOG_BITS | last_log


def _start_of(packed: int) -> int:
    """The start of a packed state [microseconds since 0001-01-01]."""
    return packed >> (_LOG_BITS + _OFFSET_BITS)


def _unpack(packed: int) -> tuple[datetime, int | None, int]:
    code = packed >> _LOG_BITS & ((1 << _OFFSET_BITS) - 1)
    start = datetime.min + _start_of(packed) * _US
    return start, None if code == 0 else code - 1441, packed & _LOGS


@dataclass(frozen=True, slots=True)
class _Rec:
    """A record: its value, its path and how to name the place of a path inside it."""

    value: Any  # I/O edge: the record as ``json`` gives it
    path: Path_
    where: Where


def _where(name: str, piece: JsonPiece, prefix: Path_) -> Where:
    """Places inside ``piece``, whose path is ``prefix``."""
    size = len(prefix)
    return lambda path: located(name, piece, prefix, path[size:])


def _members_where(
    name: str,
    prefix: Path_,
    pieces: dict[str, JsonPiece],
    opening: tuple[int, int],
    closing: tuple[int, int],
) -> Where:
    """Places inside an object read member by member, as :func:`.jsonfile.locate` finds them.

    The object itself is at its ``{``, a member at its value, a missing member at its ``}``.
    """
    size = len(prefix)

    def where(path: Path_) -> str:
        inner = path[size:]
        first = inner[0] if inner else None
        if isinstance(first, str) and first in pieces:
            return located(name, pieces[first], (*prefix, first), inner[1:])
        line, column = closing if inner else opening
        return f"{name}: line {line}, column {column} ({path_text(path)})"

    return where


def _skip(stream: JsonStream, depth: int = 0) -> None:
    """Read past the next value, a long one a member or item at a time, keeping nothing."""
    char = stream.peek()
    if depth >= _DEPTH or char not in "[{":
        stream.value()
    elif stream.value_within(RECORD_CHARS) is not None:
        return
    elif char == "{":
        stream.expect("{", "an object")
        for _key in stream.members():
            _skip(stream, depth + 1)
    else:
        stream.expect("[", "a list")
        if stream.peek() == "]":
            stream.expect("]", "']'")
            return
        while True:
            _skip(stream, depth + 1)
            if stream.expect(",]", "',' or ']'") == "]":
                return


class WgerStream:
    """A wger file (see :mod:`.wger`) read in chunks, twice: to check it, then to write it.

    Parameters
    ----------
    path
        The file.
    matcher
        Matches exercise names as the import does (set numbers are per exercise).
    progress
        Told of the logs read by the survey reading.
    """

    def __init__(
        self, path: Path, matcher: ExerciseMatcher, *, progress: Progress | None = None
    ) -> None:
        self.path = path
        self.name = path.name
        self._matcher = matcher
        self._progress = progress
        self._bundle = False
        self._total = 0  # logs in the file
        self._names: dict[int, str] = {}
        self._starts: dict[int, int] = {}  # workoutsession id: start [us since 0001-01-01]
        self._notes: dict[int, str] = {}  # workoutsession id: notes, when it has some
        self._keys: dict[Hashable, int] | None = None  # session key: packed state (_pack)
        self._first_logs: array[int] = array("q")  # each session's first log, in file order
        self._key_notes: dict[Hashable, str] = {}
        self._shared: dict[int, list[Hashable]] = {}  # start: sessions starting then, in order
        self._bases: dict[tuple[Hashable, str], int] | None = None
        self._ids: dict[str, str] = {}

    # -- the readings ---------------------------------------------------------------------

    def survey_chunks(self) -> Iterator[RawSession]:
        """Check the document, then give its sessions chunk by chunk (sets not numbered)."""
        self._shape()
        self._keys = {}
        yield from self._chunks(numbered=False)
        self._starts, self._notes = {}, {}
        self._check_open()
        self._shared = self._sessions_sharing_a_start()

    def write_chunks(self) -> Iterator[RawSession]:
        """The survey's chunks again, each set numbered as when the file is read whole."""
        if self._keys is None:
            raise RuntimeError("write_chunks before survey_chunks was read to the end")
        if self._bases is None:
            self._bases = self._count_before() if self._shared else {}
        return self._chunks(numbered=True)

    def _chunks(self, *, numbered: bool) -> Iterator[RawSession]:
        keys = self._keys
        assert keys is not None
        chunk: RawSession | None = None
        chunk_key: Hashable = None
        numbers = _Numbers(self._bases or {}, keys)
        for done, rec in enumerate(self._logs(), 1):
            reader = Reader(rec.where)
            head = log_head(reader, rec.value, rec.path)
            item = read_set(reader, rec.value, rec.path, self._names)
            if not numbered:
                self._count(head, done - 1)
            if chunk is None or head.key != chunk_key or len(chunk.sets) >= base.CHUNK_SETS:
                if chunk is not None:
                    yield chunk
                chunk, chunk_key = RawSession(0, self._values(head.key)), head.key
            if numbered:
                item.set_number = numbers.next(head.key, self._exercise_id(item.name), done - 1)
            chunk.sets.append(item)
            if self._progress and not numbered and done % 2000 == 0:
                self._progress("read", done, self._total)
        if chunk is not None:
            yield chunk
        if self._progress and not numbered:
            self._progress("read", self._total, self._total)

    # -- sessions -------------------------------------------------------------------------

    def _count(self, head: LogHead, log: int) -> None:
        """Note ``log`` (from 0, file order) as its session's last so far.

        The session's first log fixes its start and offset.
        """
        keys = self._keys
        assert keys is not None
        packed = keys.get(head.key)
        if packed is not None:
            keys[head.key] = packed & ~_LOGS | log
            return
        begin, notes = session_begin(head, self._workoutsession)
        keys[head.key] = _pack(begin, head.offset_min, log)
        self._first_logs.append(log)
        if notes:
            self._key_notes[head.key] = notes

    def _check_open(self) -> None:
        """Refuse more than :data:`MAX_OPEN_SESSIONS` sessions open at once while writing.

        Sessions sharing a start are one session for the streaming writer (which bounds those
        itself) but each keeps its own count per exercise here while its logs are numbered.
        """
        assert self._keys is not None
        firsts = np.frombuffer(self._first_logs, np.int64)
        lasts = np.fromiter((p & _LOGS for p in self._keys.values()), np.int64, len(self._keys))
        self._first_logs = array("q")
        most = most_open(firsts, lasts)
        if most > MAX_OPEN_SESSIONS:
            raise InputError([too_many_open(self.name, most)])

    def _workoutsession(self, session_id: Any) -> tuple[datetime, str | None] | None:
        start = self._starts.get(session_id)
        if start is None:
            return None
        return datetime.min + start * _US, self._notes.get(session_id)

    def _values(self, key: Hashable) -> RawSessionValues:
        assert self._keys is not None
        start, offset, _logs = _unpack(self._keys[key])
        notes = self._key_notes.get(key)
        return {"started_at": start, "utc_offset_min": offset, "notes": notes, "title": None}

    def _sessions_sharing_a_start(self) -> dict[int, list[Hashable]]:
        assert self._keys is not None
        seen: set[int] = set()
        twice: set[int] = set()
        for packed in self._keys.values():
            start = _start_of(packed)
            (twice if start in seen else seen).add(start)
        del seen
        shared: dict[int, list[Hashable]] = {}
        for key, packed in self._keys.items():
            if _start_of(packed) in twice:
                shared.setdefault(_start_of(packed), []).append(key)
        return shared

    def _count_before(self) -> dict[tuple[Hashable, str], int]:
        """Per session and exercise, the sets of the sessions starting at the same time before it.

        One more reading of the logs, counting the sets of sessions sharing a start. Only the
        session's own exercises get a number (the others are never asked for), so this holds
        at most one entry per log, and takes time in proportion to the logs.
        """
        sharing = {key for keys in self._shared.values() for key in keys}
        counts: dict[Hashable, dict[str, int]] = {}
        for rec in self._logs():
            reader = Reader(rec.where)
            head = log_head(reader, rec.value, rec.path)
            if head.key in sharing:
                item = read_set(reader, rec.value, rec.path, self._names)
                own = counts.setdefault(head.key, {})
                exercise = self._exercise_id(item.name)
                own[exercise] = own.get(exercise, 0) + 1
        bases: dict[tuple[Hashable, str], int] = {}
        for keys in self._shared.values():
            done: dict[str, int] = {}
            for key in keys:
                for exercise, count in counts.pop(key, {}).items():
                    before = done.get(exercise, 0)
                    if before:
                        bases[(key, exercise)] = before
                    done[exercise] = before + count
        return bases

    def _exercise_id(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = self._matcher.match(name).exercise_id
        return found

    # -- the document ---------------------------------------------------------------------

    def _fail_here(self, stream: JsonStream, path: Path_, message: str) -> MalformedFileError:
        stream.peek()
        line, column = stream.where()
        return MalformedFileError(
            f"{self.name}: line {line}, column {column} ({path_text(path)}): {message}"
        )

    def _twice(self, stream: JsonStream, path: Path_, key: str) -> MalformedFileError:
        return self._fail_here(
            stream, (*path, key), f"{key!r} comes a second time in one object; it may come once"
        )

    def _shape(self) -> None:
        """Read the whole document: its JSON, its names and session starts, its logs' number.

        The problems come in the order the whole-file reading finds them: JSON first, then
        ``exerciseinfo``, then ``workoutsession``, then the type of the logs.
        """
        problems: dict[str, MalformedFileError] = {}
        counts: dict[str, int] = {}
        with JsonStream(self.path, self.name, chunk=READ_CHARS) as stream:
            char = stream.peek()
            if char == "[":
                self._total = sum(1 for _ in self._walk(stream, ()))
            elif char == "{":
                stream.expect("{", "an object")
                for key in stream.members():
                    if key in counts and key in (*_PARTS, "results"):
                        raise self._twice(stream, (), key)
                    counts[key] = 0
                    if key == "exerciseinfo":
                        self._read_names(stream, problems)
                    elif key == "workoutsession":
                        self._read_starts(stream, problems)
                    elif key in ("workoutlog", "results"):
                        if key == "workoutlog" and stream.peek() not in "[{":
                            problems["logs"] = self._fail_here(stream, (key,), _NOT_LOGS)
                        counts[key] = sum(1 for _ in self._walk(stream, (key,)))
                    else:
                        _skip(stream)
            else:
                problems["logs"] = self._fail_here(stream, (), _NOT_LOGS)
                stream.value()
            stream.end()
        self._bundle = "workoutlog" in counts
        if char == "{":
            self._total = counts.get("workoutlog" if self._bundle else "results", 0)
        if not self._bundle:
            self._names, self._starts, self._notes = {}, {}, {}
            problems.pop("exerciseinfo", None)
            problems.pop("workoutsession", None)
        for part in ("exerciseinfo", "workoutsession", "logs"):
            if part in problems:
                raise problems[part]

    def _read_names(self, stream: JsonStream, problems: dict[str, MalformedFileError]) -> None:
        for rec in self._walk(stream, ("exerciseinfo",)):
            if "exerciseinfo" in problems:
                continue
            reader = Reader(rec.where)
            try:
                number, name = exercise_name(reader, rec.value, rec.path)
            except MalformedFileError as err:
                problems["exerciseinfo"] = err
                continue
            if name:
                self._names[number] = name

    def _read_starts(self, stream: JsonStream, problems: dict[str, MalformedFileError]) -> None:
        for rec in self._walk(stream, ("workoutsession",)):
            if "workoutsession" in problems:
                continue
            reader = Reader(rec.where)
            try:
                number, begin, notes = session_start(reader, rec.value, rec.path)
            except MalformedFileError as err:
                problems["workoutsession"] = err
                continue
            self._starts[number] = (begin - datetime.min) // _US
            if notes:
                self._notes[number] = notes
            else:
                self._notes.pop(number, None)

    def _logs(self) -> Iterator[_Rec]:
        """The logs, one at a time, in file order (after :meth:`_shape`)."""
        wanted = "workoutlog" if self._bundle else "results"
        with JsonStream(self.path, self.name, chunk=READ_CHARS) as stream:
            if stream.peek() == "[":
                yield from self._walk(stream, ())
            else:
                stream.expect("{", "an object")
                for key in stream.members():
                    if key == wanted:
                        yield from self._walk(stream, (key,))
                    else:
                        _skip(stream)
            stream.end()

    def _walk(self, stream: JsonStream, path: Path_, depth: int = 0) -> Iterator[_Rec]:
        """The records of the next value: a page, a list of pages or a list of records.

        A page's ``results`` and a list's items are read one at a time; an item of a list is
        decoded whole (a record, or one page of a list of pages) unless it goes on past the text
        read and for more than :data:`RECORD_CHARS`.
        """
        char = stream.peek()
        if depth >= _DEPTH or char not in "[{":
            piece = stream.value()
            yield from self._decoded(piece, path, piece.value, path)
        elif char == "{":
            stream.expect("{", "an object")
            seen = False
            for key in stream.members():
                if key != "results":
                    _skip(stream, depth + 1)
                    continue
                if seen:
                    raise self._twice(stream, path, key)
                seen = True
                yield from self._walk(stream, (*path, key), depth + 1)
        else:
            stream.expect("[", "a list")
            if stream.peek() == "]":
                stream.expect("]", "']'")
                return
            for index in itertools.count():
                item = (*path, index)
                if stream.peek() != "{":
                    piece = stream.value()
                elif (within := stream.value_within(RECORD_CHARS)) is not None:
                    piece = within
                else:
                    yield from self._long_object(stream, item, depth + 1)
                    if stream.expect(",]", "',' or ']'") == "]":
                        return
                    continue
                value = piece.value
                if isinstance(value, dict) and "results" in value:
                    yield from self._decoded(piece, item, value["results"], (*item, "results"))
                else:
                    yield _Rec(value, item, _where(self.name, piece, item))
                if stream.expect(",]", "',' or ']'") == "]":
                    return

    def _long_object(self, stream: JsonStream, path: Path_, depth: int) -> Iterator[_Rec]:
        """An object of a list too long to decode at once, read member by member.

        With ``results`` it is a page: its records, one at a time. Without, it is a record.
        """
        stream.peek()
        opening = stream.where()
        stream.expect("{", "an object")
        stream.peek()
        closing = stream.where()
        pieces: dict[str, JsonPiece] = {}
        # I/O edge: the record's members as ``json`` gives them.
        value: dict[str, Any] = {}
        page = False
        for key in stream.members():
            if key == "results":
                if page:
                    raise self._twice(stream, path, key)
                page = True
                pieces.clear()
                value.clear()
                yield from self._walk(stream, (*path, key), depth + 1)
            elif page:
                _skip(stream, depth + 1)
            else:
                piece = stream.value()
                pieces.setdefault(key, piece)  # a place is that of the first (jsonfile.locate)
                value[key] = piece.value
            stream.peek()
            closing = stream.where()
        if not page:
            yield _Rec(value, path, _members_where(self.name, path, pieces, opening, closing))

    def _decoded(self, piece: JsonPiece, prefix: Path_, value: Any, path: Path_) -> Iterator[_Rec]:
        try:
            for rec_path, rec in records(value, path):
                yield _Rec(rec, rec_path, _where(self.name, piece, prefix))
        except RecursionError:
            raise MalformedFileError(
                located(self.name, piece, prefix, ()) + ": nested too deeply to read"
            ) from None


class _Numbers:
    """Set numbers while writing: per session still open, the sets so far per exercise."""

    def __init__(self, bases: dict[tuple[Hashable, str], int], keys: dict[Hashable, int]) -> None:
        self._bases = bases
        self._keys = keys
        self._open: dict[Hashable, dict[str, int]] = {}

    def next(self, key: Hashable, exercise_id: str, log: int) -> int:
        """The number of the session's next set of ``exercise_id``, from ``log`` (file order)."""
        counts = self._open.get(key)
        if counts is None:
            counts = self._open[key] = {}
        number = counts.get(exercise_id, 0) + 1
        counts[exercise_id] = number
        if log == self._keys[key] & _LOGS:  # the session's last log
            del self._open[key]
        return self._bases.get((key, exercise_id), 0) + number
