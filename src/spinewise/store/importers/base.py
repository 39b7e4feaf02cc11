"""What every importer shares: CSV rows with line numbers, cell parsing, assembly.

Cells are parsed with errors that name file, line and column, and parsed rows are assembled
into sessions.

A parser turns a file into :class:`RawSession` values (exercise names as the other app wrote
them); :func:`assemble` maps the names to catalogue ids and numbers the sets, so that the same
file always gives the same sessions and the same set keys.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NoReturn, TypedDict

from pydantic import ValidationError

from spinewise.errors import MalformedFileError
from spinewise.logbook import CustomExercise, ExerciseMatcher, Match, SessionLog, SetLog

__all__ = [
    "CHUNK_SETS",
    "CsvRow",
    "Grouper",
    "ParsedImport",
    "Progress",
    "RawSession",
    "RawSet",
    "assemble",
    "custom_exercises",
    "merge_values",
    "parse_datetime",
    "read_csv",
    "validation_lines",
]

#: ``progress(phase, done, total)``; phase is ``read`` (rows) or ``write`` (sets).
Progress = Callable[[str, int, int], None]

#: Most sets a parser puts in one :class:`RawSession` chunk; a longer session comes as several
#: chunks with the same start, merged again by :func:`assemble` and the streaming writer.
CHUNK_SETS = 500

_SPACES = re.compile(r"[\u202f\u00a0\s]+")


def parse_datetime(text: str, formats: Sequence[str]) -> tuple[datetime, int | None]:
    """Parse a timestamp: ISO 8601 first, then each ``strptime`` format.

    Returns the wall-clock time without offset and the offset [min] when one was given.
    Narrow and ordinary no-break spaces (Strong writes ``5:32:10\u202fPM``) count as spaces.

    >>> parse_datetime("2024-01-05 5:32:10\u202fPM", ["%Y-%m-%d %I:%M:%S %p"])
    (datetime.datetime(2024, 1, 5, 17, 32, 10), None)
    >>> parse_datetime("2024-01-05T17:32:10+01:00", [])
    (datetime.datetime(2024, 1, 5, 17, 32, 10), 60)
    """
    cleaned = _SPACES.sub(" ", text).strip()
    value: datetime | None = None
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        for fmt in formats:
            try:
                value = datetime.strptime(cleaned, fmt)
                break
            except ValueError:
                continue
    if value is None:
        raise ValueError(f"not a date and time this format uses: {text!r}")
    offset = value.utcoffset()
    if offset is None:
        return value, None
    return value.replace(tzinfo=None), int(offset.total_seconds() // 60)


class RawSetValues(TypedDict, total=False):
    """The ``SetLog`` fields a file gave for a set, in the logbook's units, not yet checked.

    ``SetLog`` checks them when :func:`assemble` makes the set; a bad one is named with the
    file's line and column.
    """

    set_type: str
    side: str | None
    reps: int | None
    load_kg: float | None
    hold_s: float | None
    distance_m: float | None
    rpe: float | None
    rir: float | None
    notes: str | None
    target_reps: int | None
    target_load_kg: float | None
    target_hold_s: float | None
    target_distance_m: float | None
    target_rpe: float | None
    target_rir: float | None


class _RawSessionStart(TypedDict):
    started_at: datetime


class RawSessionValues(_RawSessionStart, total=False):
    """The ``SessionLog`` fields a file gave for a session (``started_at`` always), unchecked."""

    utc_offset_min: int | None
    title: str | None
    notes: str | None
    duration_min: float | None


@dataclass
class RawSet:
    """A set as read, before its exercise name is matched.

    It holds the name, its line, the source's set number (if any) and ``SetLog`` field values;
    ``columns`` names the column each field came from.
    """

    name: str
    line: int
    set_number: int | None
    values: RawSetValues
    columns: Mapping[str, str] = field(default_factory=dict)


@dataclass
class RawSession:
    """A session as read, with ``SessionLog`` field values and its sets in file order."""

    line: int
    values: RawSessionValues
    sets: list[RawSet] = field(default_factory=list)


@dataclass(frozen=True)
class ParsedImport:
    """A parsed file: its sessions and how each exercise name was matched."""

    format: str
    file_name: str
    sha256: str
    sessions: tuple[SessionLog, ...]
    matches: tuple[Match, ...]

    @property
    def set_count(self) -> int:
        """How many sets the file holds."""
        return sum(len(s.sets) for s in self.sessions)

    @property
    def custom_exercises(self) -> tuple[CustomExercise, ...]:
        """The custom exercises made for names the catalogue does not know.

        The name is kept as the file wrote it, cut to the column's 200 characters and without
        NUL characters (which no database stores).
        """
        return custom_exercises(self.format, self.matches)


def custom_exercises(fmt: str, matches: Sequence[Match]) -> tuple[CustomExercise, ...]:
    """The custom exercises made for the names in ``matches`` the catalogue does not know.

    The name is kept as the file wrote it, cut to the column's 200 characters and without NUL
    characters (which no database stores).
    """
    return tuple(
        CustomExercise(
            id=m.exercise_id,
            name=m.name.replace("\x00", "")[:200].strip() or m.exercise_id,
            source=fmt,
        )
        for m in matches
        if not m.recognised
    )


def merge_values(first: RawSessionValues, later: RawSessionValues) -> RawSessionValues:
    """The values of a session read in pieces (same start): the first piece's, completed.

    A field the first piece left empty takes the later piece's value; the duration is the
    longest (Liftosaur's lasts until the last set's time).
    """
    merged = first.copy()
    for name, value in later.items():
        if value is None:
            continue
        if merged.get(name) is None:
            merged[name] = value  # type: ignore[literal-required]
        elif name == "duration_min":
            merged["duration_min"] = max(
                merged["duration_min"] or 0.0, later["duration_min"] or 0.0
            )
    return merged


class Grouper:
    """Turns consecutive rows of one session into :class:`RawSession` chunks, in file order.

    Rows with the same key that follow each other form one session; a session longer than
    :data:`CHUNK_SETS` sets, or one whose rows come back later in the file, is given as several
    chunks with the same start, so a parser holds at most one chunk at a time.
    """

    __slots__ = ("_key", "_ready", "_session")

    def __init__(self) -> None:
        self._key: str | None = None
        self._session: RawSession | None = None
        self._ready: list[RawSession] = []

    def get(self, key: str) -> RawSession | None:
        """The open chunk of the session ``key`` (``None``: call :meth:`start`)."""
        sess = self._session
        if sess is None or key != self._key:
            return None
        if len(sess.sets) >= CHUNK_SETS:
            self._ready.append(sess)
            sess = self._session = RawSession(sess.line, sess.values.copy())
        return sess

    def start(self, key: str, session: RawSession) -> RawSession:
        """Open the chunk of a new session (the previous one is ready)."""
        if self._session is not None:
            self._ready.append(self._session)
        self._key, self._session = key, session
        return session

    def ready(self) -> Iterator[RawSession]:
        """The chunks completed so far (each given once)."""
        while self._ready:
            yield self._ready.pop(0)

    def finish(self) -> Iterator[RawSession]:
        """The remaining chunks, at the end of the file."""
        if self._session is not None:
            self._ready.append(self._session)
            self._session = None
        yield from self.ready()


def _places(header: dict[str, int]) -> dict[str, str]:
    return {name: f"column {index + 1} ({name})" for name, index in header.items()}


class CsvRow:
    """One CSV record with its first line number; cell parsers fail naming line and column."""

    __slots__ = ("cells", "file", "header", "line", "places")

    def __init__(
        self,
        file: str,
        line: int,
        header: dict[str, int],
        cells: list[str],
        places: dict[str, str] | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.header = header
        self.cells = cells
        # ``column N (NAME)`` of each column, made once per file (every row names its columns).
        self.places = places if places is not None else _places(header)

    def where(self, column: str) -> str:
        """``column N (NAME)``."""
        return self.places[column]

    def fail(self, column: str, message: str) -> NoReturn:
        """Stop the import: file, line and column, and what is wrong."""
        raise MalformedFileError(f"{self.file}: line {self.line}, {self.where(column)}: {message}")

    def text(self, column: str) -> str:
        """The stripped cell ('' when the column is absent)."""
        index = self.header.get(column)
        return "" if index is None else self.cells[index].strip()

    def number(self, column: str, *, required: bool = False) -> float | None:
        """The cell as a number (``None`` when empty and not required)."""
        raw = self.text(column)
        if not raw:
            if required:
                self.fail(column, "a number is required, the cell is empty")
            return None
        try:
            return float(raw.replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw)
        except ValueError:
            self.fail(column, f"expected a number, got {raw!r}")

    def integer(self, column: str, *, required: bool = False) -> int | None:
        """The cell as a whole number (``5`` and ``5.0`` are both 5)."""
        value = self.number(column, required=required)
        if value is None:
            return None
        if not value.is_integer():
            self.fail(column, f"expected a whole number, got {self.text(column)!r}")
        return int(value)

    def timestamp(self, column: str, formats: Sequence[str]) -> tuple[datetime, int | None]:
        """The cell as a date and time (see :func:`parse_datetime`)."""
        raw = self.text(column)
        if not raw:
            self.fail(column, "a date and time is required, the cell is empty")
        try:
            return parse_datetime(raw, formats)
        except ValueError as err:
            self.fail(column, str(err))


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def read_csv(
    path: Path,
    required: Sequence[str],
    *,
    progress: Progress | None = None,
) -> Iterator[CsvRow]:
    """Yield the records of a CSV file (``,`` or ``;``, UTF-8 with or without BOM).

    Raises
    ------
    MalformedFileError
        A missing column, a record of the wrong width, or text that is not CSV or not UTF-8.
    """
    label = path.name
    total = _count_lines(path) if progress else 0
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            delimiter = ";" if first.count(";") > first.count(",") else ","
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            header_cells = next(reader, None)
            if header_cells is None:
                raise MalformedFileError(f"{label}: line 1, column 1: the file is empty")
            header = {name.strip(): i for i, name in enumerate(header_cells)}
            places = _places(header)
            missing = [c for c in required if c not in header]
            if missing:
                raise MalformedFileError(
                    f"{label}: line 1, column {len(header_cells) + 1}: missing column(s) "
                    f"{', '.join(missing)}; the header has {', '.join(header)}"
                )
            end = reader.line_num
            for cells in reader:
                start, end = end + 1, reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header_cells):
                    column = min(len(cells), len(header_cells)) + 1
                    raise MalformedFileError(
                        f"{label}: line {start}, column {column}: expected "
                        f"{len(header_cells)} cells, got {len(cells)}"
                    )
                if progress and start % 2000 == 0:
                    progress("read", start, total)
                yield CsvRow(label, start, header, cells, places)
    except UnicodeDecodeError as err:
        raise MalformedFileError(
            f"{label}: line ?, column ?: not UTF-8 text (byte offset {err.start})"
        ) from None
    except csv.Error as err:
        raise MalformedFileError(f"{label}: line {reader.line_num}, column ?: {err}") from None
    if progress:
        progress("read", total, total)


def validation_lines(
    err: ValidationError, file: str, line: int, columns: Mapping[str, str]
) -> list[str]:
    """One problem line per validation error: file, line, column, what is wrong, the value."""
    lines = []
    for item in err.errors(include_url=False):
        name = str(item["loc"][0]) if item["loc"] else ""
        where = columns.get(name) or f"field {name}"
        # CSV rows name their column; JSON locations already name file, line and column.
        head = f"{file}: line {line}, {where}" if line else where
        lines.append(f"{head}: {item['msg']}, got {item.get('input')!r}")
    return lines


def assemble(
    fmt: str, file_name: str, sha256: str, raw: Sequence[RawSession], matcher: ExerciseMatcher
) -> ParsedImport:
    """Map names to ids, number the sets and validate everything into sessions.

    A set keeps the source's number when it is free for its exercise and side, else it takes
    the next free number; sessions starting at the same time are merged in file order.
    """
    matches: dict[str, Match] = {}
    by_start: dict[datetime, RawSession] = {}
    for sess in raw:
        key = sess.values["started_at"]
        if key in by_start:
            by_start[key].sets.extend(sess.sets)
            by_start[key].values = merge_values(by_start[key].values, sess.values)
        else:
            by_start[key] = RawSession(sess.line, sess.values.copy(), list(sess.sets))
    sessions = []
    for start in sorted(by_start):
        sess = by_start[start]
        used: dict[tuple[str, str | None], set[int]] = defaultdict(set)
        numbers: list[int | None] = []
        ids: list[str] = []
        for item in sess.sets:  # first pass: the source's own numbers, where free
            match = matches.get(item.name) or matcher.match(item.name)
            matches[item.name] = match
            ids.append(match.exercise_id)
            taken = used[(match.exercise_id, item.values.get("side"))]
            number = item.set_number
            if number is not None and number >= 1 and number not in taken:
                taken.add(number)
                numbers.append(number)
            else:
                numbers.append(None)
        sets = []
        for item, exercise_id, given in zip(sess.sets, ids, numbers, strict=True):
            number = given
            if number is None:  # second pass: the next free number
                taken = used[(exercise_id, item.values.get("side"))]
                number = max(taken, default=0) + 1
                taken.add(number)
            match = matches[item.name]
            source_name = None if item.name == match.exercise_id else item.name[:200]
            try:
                sets.append(
                    SetLog(
                        exercise_id=match.exercise_id,
                        set_number=number,
                        source_name=source_name,
                        **item.values,
                    )
                )
            except ValidationError as err:
                raise MalformedFileError(
                    validation_lines(err, file_name, item.line, item.columns)
                ) from None
        try:
            sessions.append(SessionLog(source=fmt, sets=tuple(sets), **sess.values))
        except ValidationError as err:
            raise MalformedFileError(validation_lines(err, file_name, sess.line, {})) from None
    ordered = tuple(matches[name] for name in sorted(matches))
    return ParsedImport(fmt, file_name, sha256, tuple(sessions), ordered)
