"""Streaming imports: a file is read twice, chunk by chunk, so memory does not grow with it.

1. :func:`survey` reads the file and checks every set and session (a malformed row stops the
   import before anything is written, naming file, line and column), matches the exercise
   names and notes, per session start, which chunk is the session's last. A file whose
   sessions come back later so often that more than :data:`MAX_OPEN_SESSIONS` would be open
   at once is refused there too, before anything is written.
2. :func:`write_stream` reads it again inside the caller's one transaction and writes the sets
   in batches of :data:`SET_BATCH`. An error, or a kill, before the commit leaves nothing.

What stays in memory is a chunk of at most :data:`~spinewise.store.importers.base.CHUNK_SETS`
sets, a batch of at most :data:`SET_BATCH` sets' rows and :data:`CHUNK_BATCH` chunks, the
matched names and, per session, its start and last chunk in a
:class:`~spinewise.store.importers.starts.StartMap` (about 20 bytes a session) and its first
chunk (8 bytes), nothing per set. A session whose rows come back later stays open until its
last chunk is read (about 1.2 kB, more with sets waiting for a number): at most
:data:`MAX_OPEN_SESSIONS` at once (decision 0277, amendment of 2026-12-06).

Set numbers are the ones :func:`~spinewise.store.importers.base.assemble` gives (decision 0031):
a set keeps the source's number where it is free for its exercise and side; the others take the
next free number once the session's last chunk is read, in file order.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast

import numpy as np
import numpy.typing as npt
from pydantic import ValidationError
from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from spinewise.errors import InputError, MalformedFileError
from spinewise.logbook import CustomExercise, ExerciseMatcher, Match, SessionLog, SetLog
from spinewise.logbook import future_problems as _future_problems
from spinewise.store.importers.base import (
    Progress,
    RawSession,
    RawSessionValues,
    RawSet,
    custom_exercises,
    merge_values,
    validation_lines,
)
from spinewise.store.importers.starts import StartMap
from spinewise.store.importers.writer import WriteCounts
from spinewise.store.rows import SetRowValues, session_values, set_values
from spinewise.store.tables import SessionRow, SetRow

__all__ = [
    "CHUNK_BATCH",
    "MAX_OPEN_SESSIONS",
    "MAX_TAKEN_BYTES",
    "MAX_WAITING_SETS",
    "SET_BATCH",
    "Chunks",
    "Survey",
    "most_open",
    "survey",
    "too_many_numbers",
    "too_many_open",
    "too_many_waiting",
    "write_stream",
]

#: Sets written per ``executemany``; also how many sets' rows are held at once.
SET_BATCH = 5000
#: Chunks read before their sessions are looked up and added: a file of one-set sessions
#: holds this many, not :data:`SET_BATCH` (a chunk costs about 2 kB until it is written).
CHUNK_BATCH = 500
#: Sessions that may be open at once in the write pass (read in part, their rows coming back
#: later in the file). A person's history holds a few thousand sessions (five a week for
#: twenty years: 5,200), so even a file where every one comes back stays under it; at about
#: 1.2 kB a session it keeps the open sessions to some 25 MB (decision 0277).
MAX_OPEN_SESSIONS = 20_000
#: Sets that may wait for a number at once in the write pass (without a usable number of their
#: own, or repeating one, they are numbered once their session's last chunk is read): about
#: 2 kB each, so some 40 MB. A session holds tens of sets; warm-ups are a few of them.
MAX_WAITING_SETS = 20_000
#: Bytes of taken set numbers that open sessions may hold at once in the write pass (a bit
#: per number up to the highest, per exercise and side: up to 1.25 kB for a set number of
#: 10,000). A session of ordinary numbers holds tens of bytes.
MAX_TAKEN_BYTES = 16_000_000
_IN_LIST = 500  # values per SQL ``IN (...)``
_SESSIONS = cast(Table, SessionRow.__table__)
_SETS = cast(Table, SetRow.__table__)

#: Reads the file from the start, chunk by chunk (called once per pass).
Chunks = Callable[[], Iterator[RawSession]]


@dataclass
class Survey:
    """What the first reading found: names, set count and each session's last chunk."""

    format: str
    file_name: str
    #: How the write pass's problems name the file (by default ``file_name``).
    shown_name: str = ""
    matches: dict[str, Match] = field(default_factory=dict)
    #: Each session start's last chunk, counted from 0 in file order (16-20 bytes a start).
    last_chunk: StartMap = field(default_factory=StartMap)
    #: Each session's first chunk, in file order (so ascending; 8 bytes a start).
    first_chunks: array[int] = field(default_factory=lambda: array("q"))
    set_count: int = 0
    #: The most sessions open at once after a chunk (:meth:`count_most_open`).
    most_open: int = 0

    def count_most_open(self) -> int:
        """The most sessions open at once after a chunk: read in part, a later chunk to come."""
        return most_open(np.frombuffer(self.first_chunks, np.int64), self.last_chunk.numbers())

    @property
    def ordered_matches(self) -> tuple[Match, ...]:
        """Every name's match, by name."""
        return tuple(self.matches[name] for name in sorted(self.matches))

    @property
    def custom_exercises(self) -> tuple[CustomExercise, ...]:
        """The custom exercises made for names the catalogue does not know."""
        return custom_exercises(self.format, self.ordered_matches)

    def match(self, matcher: ExerciseMatcher, name: str) -> Match:
        """The match of ``name``, remembered."""
        found = self.matches.get(name)
        if found is None:
            found = self.matches[name] = matcher.match(name)
        return found


def most_open(firsts: npt.NDArray[np.int64], lasts: npt.NDArray[np.int64]) -> int:
    """The most sessions open at once: begun (first piece read), a later piece still to come.

    ``firsts`` holds each session's first piece, ascending (pieces counted in file order),
    ``lasts`` each session's last piece, in any order.

    >>> import numpy as np
    >>> most_open(np.array([0, 1, 3]), np.array([2, 1, 5]))  # a b a c . c
    1
    """
    if not len(firsts):
        return 0
    lasts = np.sort(lasts)
    # After the i-th session's first piece, i + 1 sessions have begun and those whose last
    # piece was read by then have ended.
    ended = np.searchsorted(lasts, firsts, side="right")
    del lasts
    return int(np.subtract(np.arange(1, len(firsts) + 1), ended, out=ended).max())


def _source_name(item: RawSet, match: Match) -> str | None:
    return None if item.name == match.exercise_id else item.name[:200]


def _set_log(file_name: str, item: RawSet, match: Match, number: int) -> SetLog:
    try:
        return SetLog(
            exercise_id=match.exercise_id,
            set_number=number,
            source_name=_source_name(item, match),
            **item.values,
        )
    except ValidationError as err:
        raise MalformedFileError(
            validation_lines(err, file_name, item.line, item.columns)
        ) from None


def _session_log(fmt: str, file_name: str, sess: RawSession) -> SessionLog:
    try:
        return SessionLog(source=fmt, **sess.values)
    except ValidationError as err:
        raise MalformedFileError(validation_lines(err, file_name, sess.line, {})) from None


def survey(
    fmt: str,
    file_name: str,
    chunks: Iterable[RawSession],
    matcher: ExerciseMatcher,
    *,
    today: date | None = None,
    shown_name: str | None = None,
) -> Survey:
    """Read every chunk once: check each set and session, match names, count chunks.

    ``file_name`` names the file in messages about values, ``shown_name`` (by default the
    same) in those about dates after tomorrow.

    Raises
    ------
    MalformedFileError
        The first malformed value, naming file, line, column, the value and what is allowed.
    InputError
        Sessions after tomorrow (from ``today``, by default the local date); up to 20 named.
        Or more than :data:`MAX_OPEN_SESSIONS` sessions open at once (read in part, their rows
        coming back later in the file).
    """
    found = Survey(fmt, file_name, shown_name or file_name)
    latest = today or date.today()
    future: list[str] = []
    for ordinal, sess in enumerate(chunks):
        log = _session_log(fmt, file_name, sess)
        seen = found.last_chunk.put(log.started_at, ordinal) is not None
        if not seen:
            found.first_chunks.append(ordinal)
        if not seen and len(future) < 20:
            future += _future_problems([log], latest, f"{shown_name or file_name}: started_at")
        for item in sess.sets:
            match = found.match(matcher, item.name)
            given = item.set_number
            _set_log(file_name, item, match, given if given is not None and given >= 1 else 1)
        found.set_count += len(sess.sets)
    if future:
        raise InputError(future)
    most = found.most_open = found.count_most_open()
    if most > MAX_OPEN_SESSIONS:
        raise InputError([too_many_open(shown_name or file_name, most)])
    found.first_chunks = array("q")  # not needed by the write pass
    return found


def too_many_open(name: str, most: int) -> str:
    """The problem of a file with ``most`` sessions open at once, in the person's words.

    >>> print(too_many_open("strong.csv", 25_000))  # doctest: +NORMALIZE_WHITESPACE
    strong.csv: at one point of the file, 25,000 sessions have rows both before and after
    it (a session's rows should come together); at most 20,000 are allowed. Sort the file by
    date, or split it into smaller files, and import it again.
    """
    return (
        f"{name}: at one point of the file, {most:,} sessions have rows both before and after "
        f"it (a session's rows should come together); at most {MAX_OPEN_SESSIONS:,} are "
        "allowed. Sort the file by date, or split it into smaller files, and import it again."
    )


def too_many_waiting(name: str, line: int) -> str:
    """The problem of a file with too many sets waiting for a number, in the person's words.

    >>> print(too_many_waiting("strong.csv", 20_002))  # doctest: +NORMALIZE_WHITESPACE
    strong.csv: line 20,002: more than 20,000 sets are waiting for a set number at once (sets
    without a number of their own, such as warm-ups, or repeating one are numbered when the
    last row of their session is read); at most 20,000 are allowed. Give the sets their own
    numbers, or split the file into smaller files, and import it again.
    """
    return (
        f"{name}: line {line:,}: more than {MAX_WAITING_SETS:,} sets are waiting for a set "
        "number at once (sets without a number of their own, such as warm-ups, or repeating "
        "one are numbered when the last row of their session is read); at most "
        f"{MAX_WAITING_SETS:,} are allowed. Give the sets their own numbers, or split the "
        "file into smaller files, and import it again."
    )


def too_many_numbers(name: str, line: int) -> str:
    """The problem of open sessions holding too many high set numbers, in the person's words.

    >>> print(too_many_numbers("strong.csv", 90_001))  # doctest: +NORMALIZE_WHITESPACE
    strong.csv: line 90,001: the sessions with rows both before and after this line use too
    many high set numbers at once (each exercise's highest number in each session is kept
    until the session's last row). Sort the file by date, or split it into smaller files, and
    import it again.
    """
    return (
        f"{name}: line {line:,}: the sessions with rows both before and after this line use "
        "too many high set numbers at once (each exercise's highest number in each session is "
        "kept until the session's last row). Sort the file by date, or split it into smaller "
        "files, and import it again."
    )


@dataclass
class _Open:
    """A session whose chunks are not all read yet: its numbers and its waiting sets."""

    session_id: int | None  # None: a new session in a dry run
    stored_before: bool  # stored before this import (its sets may be merged)
    first: RawSessionValues
    values: RawSessionValues
    taken: dict[tuple[str, str | None], int] = field(default_factory=dict)  # bit n: number n
    waiting: list[tuple[RawSet, Match]] = field(default_factory=list)
    last_chunk: int = 0  # counted from 0 in file order
    bits: int = 0  # the bit lengths of ``taken``, summed

    def _take(self, key: tuple[str, str | None], bits: int, number: int) -> None:
        taken = bits | 1 << number
        self.taken[key] = taken
        self.bits += taken.bit_length() - bits.bit_length()

    def claim(self, exercise_id: str, side: str | None, number: int | None) -> bool:
        """Take the source's ``number`` when it is free."""
        if number is None or number < 1:
            return False
        key = (exercise_id, side)
        bits = self.taken.get(key, 0)
        if bits >> number & 1:
            return False
        self._take(key, bits, number)
        return True

    def next_free(self, exercise_id: str, side: str | None) -> int:
        """The number after the highest taken, taken."""
        key = (exercise_id, side)
        bits = self.taken.get(key, 0)
        number = max(bits.bit_length(), 1)
        self._take(key, bits, number)
        return number


@dataclass
class _Writer:
    """The second reading: numbers the sets and writes them in batches."""

    db: Session
    athlete: int | None
    found: Survey
    matcher: ExerciseMatcher
    import_id: int | None
    dry_run: bool
    progress: Progress | None
    open: dict[datetime, _Open] = field(default_factory=dict)
    rows: list[SetRowValues] = field(default_factory=list)
    stored_keys: set[tuple[int, str, int, str]] = field(default_factory=set)
    sessions_added: int = 0
    sessions_merged: int = 0
    sets_added: int = 0
    sets_merged: int = 0
    sets_done: int = 0
    chunks_read: int = 0
    waiting: int = 0  # sets waiting for a number, in every open session
    taken_bits: int = 0  # bits of taken numbers, in every open session

    def run(self, chunks: Iterable[RawSession]) -> WriteCounts:
        batch: list[RawSession] = []
        size = 0
        for sess in chunks:
            batch.append(sess)
            size += len(sess.sets)
            if size >= SET_BATCH or len(batch) >= CHUNK_BATCH:
                self._batch(batch)
                batch, size = [], 0
        self._batch(batch)
        self._flush()
        return WriteCounts(
            self.sessions_added, self.sessions_merged, self.sets_added, self.sets_merged
        )

    def _batch(self, batch: list[RawSession]) -> None:
        """Open the batch's sessions (stored, or added now), then number and write its sets."""
        if not batch:
            return
        new_starts: dict[datetime, RawSession] = {}
        for sess in batch:
            start = sess.values["started_at"]
            if start not in self.open and start not in new_starts:
                new_starts[start] = sess
        stored = self._stored_sessions(list(new_starts))
        self._open_sessions(new_starts, stored)
        before = sorted(
            {
                state.session_id
                for sess in batch
                if (state := self.open[sess.values["started_at"]]).stored_before
                and state.session_id is not None
            }
        )
        self.stored_keys = self._stored_set_keys(before)
        for sess in batch:
            self._chunk(sess)
        if len(self.rows) >= SET_BATCH:
            self._flush()
        # Executing a statement leaves reference cycles (SQLAlchemy's) that hold its
        # parameters; the caller pauses the collector while importing, so without this they
        # add up to about 80 bytes a session: 16 MB for 200,000 one-set sessions.
        gc.collect(1)

    def _stored_sessions(self, starts: list[datetime]) -> dict[datetime, int]:
        if self.athlete is None or not starts:
            return {}
        found: dict[datetime, int] = {}
        for i in range(0, len(starts), _IN_LIST):
            rows = self.db.execute(
                select(SessionRow.started_at, SessionRow.id).where(
                    SessionRow.athlete_id == self.athlete,
                    SessionRow.started_at.in_(starts[i : i + _IN_LIST]),
                )
            )
            found.update((started, sid) for started, sid in rows)
        return found

    def _open_sessions(
        self, first: dict[datetime, RawSession], stored: dict[datetime, int]
    ) -> None:
        fresh = [start for start in first if start not in stored]
        ids: dict[datetime, int] = {}
        if fresh and not self.dry_run and self.athlete is not None:
            values = [
                session_values(
                    self.athlete,
                    _session_log(self.found.format, self.found.file_name, first[start]),
                    None,
                    self.import_id,
                )
                for start in fresh
            ]
            result = self.db.execute(
                insert(_SESSIONS).returning(
                    _SESSIONS.c.id, _SESSIONS.c.started_at, sort_by_parameter_order=True
                ),
                values,
            )
            ids = {started: sid for sid, started in result}
        self.sessions_added += len(fresh)
        self.sessions_merged += len(first) - len(fresh)
        for start, sess in first.items():
            was_stored = start in stored
            self.open[start] = _Open(
                session_id=stored[start] if was_stored else ids.get(start),
                stored_before=was_stored,
                first=sess.values,
                values=sess.values,
                last_chunk=self.found.last_chunk[start],
            )

    def _stored_set_keys(self, session_ids: list[int]) -> set[tuple[int, str, int, str]]:
        keys: set[tuple[int, str, int, str]] = set()
        for i in range(0, len(session_ids), _IN_LIST):
            rows = self.db.execute(
                select(SetRow.session_id, SetRow.exercise_id, SetRow.set_number, SetRow.side).where(
                    SetRow.session_id.in_(session_ids[i : i + _IN_LIST])
                )
            )
            keys.update((a, b, c, d) for a, b, c, d in rows)
        return keys

    def _chunk(self, sess: RawSession) -> None:
        start = sess.values["started_at"]
        state = self.open[start]
        if sess.values is not state.first:
            state.values = merge_values(state.values, sess.values)
        bits_before = state.bits
        for item in sess.sets:
            match = self.found.match(self.matcher, item.name)
            side = item.values.get("side")
            if state.claim(match.exercise_id, side, item.set_number):
                self._emit(state, item, match, cast(int, item.set_number))
            else:
                state.waiting.append((item, match))
                self.waiting += 1
                if self.waiting > MAX_WAITING_SETS:
                    raise InputError([too_many_waiting(self.found.shown_name, item.line)])
        self.taken_bits += state.bits - bits_before
        if self.taken_bits > 8 * MAX_TAKEN_BYTES:
            line = sess.sets[-1].line if sess.sets else sess.line
            raise InputError([too_many_numbers(self.found.shown_name, line)])
        ordinal = self.chunks_read
        self.chunks_read += 1
        if ordinal != state.last_chunk:
            return
        self.taken_bits -= state.bits
        for item, match in state.waiting:
            number = state.next_free(match.exercise_id, item.values.get("side"))
            self._emit(state, item, match, number)
        self.waiting -= len(state.waiting)
        if state.values != state.first and not state.stored_before:
            self._update_session(state)
        del self.open[start]

    def _update_session(self, state: _Open) -> None:
        if state.session_id is None:
            return
        log = _session_log(self.found.format, self.found.file_name, RawSession(0, state.values))
        values = session_values(cast(int, self.athlete), log, None, self.import_id)
        self.db.execute(update(_SESSIONS).where(_SESSIONS.c.id == state.session_id), values)

    def _emit(self, state: _Open, item: RawSet, match: Match, number: int) -> None:
        log = _set_log(self.found.file_name, item, match, number)
        sid = state.session_id
        if (
            state.stored_before
            and sid is not None
            and (sid, log.exercise_id, log.set_number, log.side or "") in self.stored_keys
        ):
            self.sets_merged += 1
            return
        self.sets_added += 1
        if sid is not None and not self.dry_run:
            self.rows.append(set_values(sid, log))

    def _flush(self) -> None:
        if self.rows:
            self.db.execute(insert(_SETS), self.rows)
            self.sets_done += len(self.rows)
            self.rows = []
        if self.progress:
            self.progress("write", self.sets_done, self.found.set_count)


def write_stream(
    db: Session,
    athlete: int | None,
    found: Survey,
    chunks: Iterable[RawSession],
    matcher: ExerciseMatcher,
    *,
    import_id: int | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> WriteCounts:
    """Read the chunks again and add the sessions and sets not stored yet, in ``db``'s transaction.

    Counts only when ``dry_run`` (``athlete`` may then be ``None``: an athlete not created yet).
    A set whose natural key is stored already is counted as merged and left as it is.

    Raises
    ------
    MalformedFileError
        A value :func:`survey` could not check (a set number past 10,000); the caller's
        transaction must then be rolled back.
    InputError
        More than :data:`MAX_WAITING_SETS` sets waiting for a number at once, or more than
        :data:`MAX_TAKEN_BYTES` of taken numbers in open sessions; the caller's transaction
        must then be rolled back.
    """
    writer = _Writer(db, athlete, found, matcher, import_id, dry_run or athlete is None, progress)
    return writer.run(chunks)
