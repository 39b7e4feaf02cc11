"""Read coaches' time-series CSV files: ``[athlete,]date|day,<value columns>``.

The first line names the columns (any order, case and surrounding spaces ignored; other columns
are ignored). ``date`` holds ISO dates (YYYY-MM-DD); an integer ``day`` column may stand for it.
Every problem names the file, line and column; up to :data:`MAX_PROBLEMS` are reported and
nothing is returned when there is any.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from spinewise.errors import MalformedFileError

__all__ = ["MAX_PROBLEMS", "Progress", "RawRows", "TimeColumn", "read_rows"]

TimeColumn = Literal["date", "day"]
#: ``progress(done, total)`` is called as rows are read.
Progress = Callable[[int, int], None]

MAX_PROBLEMS = 20
_PROGRESS_EVERY = 50_000


@dataclass(frozen=True)
class RawRows:
    """The rows of one file, as parallel arrays in file order.

    Attributes
    ----------
    path
        The file as named by the user.
    time_column
        ``"date"`` or ``"day"``.
    athletes
        Athlete names in order of first appearance; ``("",)`` when there is no athlete column.
    has_athlete
        Whether the file has an ``athlete`` column.
    athlete
        Index into ``athletes`` of each row.
    key
        Each row's day: ``date.toordinal()`` for dates, the integer itself for days.
    values
        One float array per value column (NaN for a blank cell where blanks are allowed).
    line
        Each row's line number in the file (1 = the header).
    """

    path: str
    time_column: TimeColumn
    athletes: tuple[str, ...]
    has_athlete: bool
    athlete: NDArray[np.int64]
    key: NDArray[np.int64]
    values: dict[str, NDArray[np.float64]]
    line: NDArray[np.int64]

    def label(self, key: int) -> str | int:
        """The day as written in files: an ISO date or the day number."""
        return date.fromordinal(key).isoformat() if self.time_column == "date" else key

    def days(self, keys: Sequence[int]) -> list[date] | list[int]:
        """Days as values for charts: dates for a ``date`` column, else the day numbers."""
        if self.time_column == "date":
            return [date.fromordinal(int(k)) for k in keys]
        return [int(k) for k in keys]


class _Problems:
    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: list[str] = []
        self.dropped = 0

    def add(self, line: int, message: str, column: int | None = None, name: str = "") -> None:
        if len(self.lines) >= MAX_PROBLEMS:
            self.dropped += 1
            return
        where = f"line {line}" if column is None else f"line {line}, column {column} ({name})"
        self.lines.append(f"{self.path}: {where}: {message}")

    def raise_if_any(self) -> None:
        if self.lines:
            more = [f"{self.path}: ... and {self.dropped} more problem(s)"] if self.dropped else []
            raise MalformedFileError(self.lines + more)


def _read_text(path: Path, shown: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MalformedFileError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise MalformedFileError(f"{shown}: is a folder, not a CSV file") from None
    except UnicodeDecodeError as exc:
        raise MalformedFileError(
            f"{shown}: not UTF-8 text (byte {exc.start}); save the sheet as CSV UTF-8"
        ) from None


def _header(
    header: list[str], line: int, value_columns: Sequence[str], problems: _Problems
) -> tuple[dict[str, int], TimeColumn]:
    names = [h.strip().lower() for h in header]
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in index and name in ("athlete", "date", "day", *value_columns):
            problems.add(
                line, f"column {name!r} appears twice (columns {index[name] + 1}, {i + 1})"
            )
        index.setdefault(name, i)
    expected = f"[athlete,]date|day,{','.join(value_columns)}"
    if len(header) == 1 and ";" in header[0]:
        problems.add(line, f"columns are separated by ';'; save the sheet with commas ({expected})")
        return index, "date"
    if "date" in index and "day" in index:
        problems.add(line, f"header has both 'date' and 'day'; keep one (expected {expected})")
    elif "date" not in index and "day" not in index:
        hint = (
            " (the file seems to use ';' - save it with commas)" if ";" in ",".join(header) else ""
        )
        problems.add(line, f"header needs a 'date' or 'day' column (expected {expected}){hint}")
    for name in value_columns:
        if name not in index:
            problems.add(line, f"header needs a {name!r} column (expected {expected})")
    return index, ("day" if "day" in index else "date")


def _checked(reader: Iterator[list[str]], shown: str) -> Iterator[list[str]]:
    """The rows of ``reader``; a line the CSV module cannot read is a :class:`MalformedFileError`.

    (A cell longer than the module's 131,072-character limit, often an unclosed quote.)
    """
    while True:
        line = int(getattr(reader, "line_num", 0)) + 1  # where the next row starts
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise MalformedFileError(
                f"{shown}: line {line}: cannot be read as CSV ({err}); "
                "is a quote left open or a cell over 131,072 characters?"
            ) from None
        yield row


def read_rows(
    path: Path | str,
    value_columns: Sequence[str],
    *,
    allow_blank: bool = False,
    min_value: float | None = None,
    progress: Progress | None = None,
) -> RawRows:
    """Read a CSV of ``[athlete,]date|day,<value_columns>`` into :class:`RawRows`.

    Parameters
    ----------
    path
        The CSV file (UTF-8, a byte-order mark is allowed).
    value_columns
        Names of the numeric columns to read, e.g. ``("load",)``.
    allow_blank
        Whether an empty value cell is allowed (read as NaN).
    min_value
        Smallest allowed value, e.g. 0 for loads.
    progress
        Called with (rows read, total rows) every 50,000 rows and at the end.

    Raises
    ------
    MalformedFileError
        One line per problem, naming the file, line and column.
    """
    shown = str(path)
    text = _read_text(Path(path), shown)
    problems = _Problems(shown)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = _checked(reader, shown)
    total = max(text.count("\n"), 1)
    header: list[str] | None = None
    for row in rows:
        if any(cell.strip() for cell in row):
            header = row
            break
    if header is None:
        raise MalformedFileError(f"{shown}: line 1: the file is empty; expected a header row")
    index, time_column = _header(header, reader.line_num, value_columns, problems)
    problems.raise_if_any()

    has_athlete = "athlete" in index
    t_col = index[time_column]
    v_cols = [index[name] for name in value_columns]
    width = max([t_col, *v_cols, index.get("athlete", 0)]) + 1
    athlete_ids: dict[str, int] = {}
    dates: dict[str, int] = {}
    ath_out: list[int] = []
    key_out: list[int] = []
    val_out: list[list[float]] = [[] for _ in value_columns]
    line_out: list[int] = []

    for n_rows, row in enumerate(rows, start=1):
        if progress is not None and n_rows % _PROGRESS_EVERY == 0:
            progress(reader.line_num, total)
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            problems.add(line, f"expected at least {width} columns, got {len(row)}")
            continue
        name = row[index["athlete"]].strip() if has_athlete else ""
        if has_athlete and not name:
            problems.add(line, "must not be empty", index["athlete"] + 1, "athlete")
            continue
        raw_t = row[t_col].strip()
        key = dates.get(raw_t) if time_column == "date" else None
        if key is None:
            try:
                key = date.fromisoformat(raw_t).toordinal() if time_column == "date" else int(raw_t)
                if time_column == "date":
                    if len(raw_t) != 10:
                        raise ValueError(raw_t)
                    dates[raw_t] = key
            except ValueError:
                what = "a date YYYY-MM-DD" if time_column == "date" else "a whole number"
                problems.add(line, f"must be {what}, got {raw_t!r}", t_col + 1, time_column)
                continue
        row_values: list[float] = []
        for col_name, col in zip(value_columns, v_cols, strict=True):
            raw = row[col].strip()
            if not raw and allow_blank:
                row_values.append(math.nan)
                continue
            try:
                value = float(raw)
                if not math.isfinite(value):
                    raise ValueError(raw)
            except ValueError:
                problems.add(line, f"must be a number, got {raw!r}", col + 1, col_name)
                break
            if min_value is not None and value < min_value:
                problems.add(line, f"must be >= {min_value:g}, got {raw!r}", col + 1, col_name)
                break
            row_values.append(value)
        if len(row_values) != len(value_columns):
            continue
        ath_out.append(athlete_ids.setdefault(name, len(athlete_ids)))
        key_out.append(key)
        for store, value in zip(val_out, row_values, strict=True):
            store.append(value)
        line_out.append(line)
    problems.raise_if_any()
    if not line_out:
        raise MalformedFileError(f"{shown}: line {reader.line_num}: no data rows after the header")
    if progress is not None:
        progress(total, total)
    return RawRows(
        path=shown,
        time_column=time_column,
        athletes=tuple(athlete_ids) if has_athlete else ("",),
        has_athlete=has_athlete,
        athlete=np.asarray(ath_out, dtype=np.int64),
        key=np.asarray(key_out, dtype=np.int64),
        values={
            name: np.asarray(v, dtype=np.float64)
            for name, v in zip(value_columns, val_out, strict=True)
        },
        line=np.asarray(line_out, dtype=np.int64),
    )
