"""Turn read rows into the arrays the load core works on: daily loads, tests, measurements."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from spinewise.errors import InputError, MalformedFileError
from spinewise.load_io.reader import Progress, RawRows, read_rows

__all__ = [
    "MAX_SPAN_D",
    "LoadTable",
    "Series",
    "athlete_series",
    "read_load_table",
    "read_series",
    "select_athlete",
]

#: Longest series per athlete [d]: twenty years; a longer span is almost always a typo in a year.
MAX_SPAN_D = 7305


@dataclass(frozen=True)
class LoadTable:
    """Daily loads of every athlete in a file.

    Attributes
    ----------
    rows
        The rows as read.
    load_au
        Athletes x days [AU], each row starting on that athlete's first day, rest days and the
        padding after an athlete's last day as 0.
    start_key
        Each athlete's first day (ordinal date or day number).
    n_days
        Each athlete's number of days, first to last inclusive.
    """

    rows: RawRows
    load_au: NDArray[np.float64]
    start_key: NDArray[np.int64]
    n_days: NDArray[np.int64]

    @property
    def athletes(self) -> tuple[str, ...]:
        """Athlete names in order of first appearance (``("",)`` without an athlete column)."""
        return self.rows.athletes


def _span_check(rows: RawRows, start: NDArray[np.int64], n_days: NDArray[np.int64]) -> None:
    too_long = np.flatnonzero(n_days > MAX_SPAN_D)
    if too_long.size:
        i = int(too_long[0])
        who = f" for athlete {rows.athletes[i]!r}" if rows.has_athlete else ""
        first, last = rows.label(int(start[i])), rows.label(int(start[i] + n_days[i] - 1))
        raise MalformedFileError(
            f"{rows.path}: {rows.time_column}: the series{who} spans {int(n_days[i])} days "
            f"({first} to {last}); at most {MAX_SPAN_D} (20 years) - is a year mistyped?"
        )


def read_load_table(path: Path | str, progress: Progress | None = None) -> LoadTable:
    """Read ``[athlete,]date|day,load`` into daily loads; several rows for one day are summed.

    Raises
    ------
    MalformedFileError
        Naming file, line and column for each bad cell, or a span over :data:`MAX_SPAN_D`.
    """
    rows = read_rows(path, ("load",), min_value=0.0, progress=progress)
    n_ath = len(rows.athletes)
    start = np.full(n_ath, np.iinfo(np.int64).max, dtype=np.int64)
    end = np.full(n_ath, np.iinfo(np.int64).min, dtype=np.int64)
    np.minimum.at(start, rows.athlete, rows.key)
    np.maximum.at(end, rows.athlete, rows.key)
    n_days = end - start + 1
    _span_check(rows, start, n_days)
    grid = np.zeros((n_ath, int(n_days.max())), dtype=np.float64)
    np.add.at(grid, (rows.athlete, rows.key - start[rows.athlete]), rows.values["load"])
    return LoadTable(rows=rows, load_au=grid, start_key=start, n_days=n_days)


def select_athlete(rows: RawRows, athlete: str | None) -> int:
    """Index of the named athlete, or of the only one when ``athlete`` is None.

    Raises
    ------
    InputError
        When the name is unknown, or the file holds several athletes and none is named.
    """
    if athlete is None:
        if len(rows.athletes) > 1:
            names = ", ".join(rows.athletes[:10]) + (" ..." if len(rows.athletes) > 10 else "")
            raise InputError(
                f"--athlete: {rows.path} holds {len(rows.athletes)} athletes; name one of: {names}"
            )
        return 0
    if not rows.has_athlete:
        raise InputError(f"--athlete: {rows.path} has no athlete column, got {athlete!r}")
    try:
        return rows.athletes.index(athlete)
    except ValueError:
        raise InputError(f"--athlete: no athlete {athlete!r} in {rows.path}") from None


@dataclass(frozen=True)
class Series:
    """One athlete's measurements in time order, one row per day.

    Attributes
    ----------
    key
        Each measurement's day (ordinal date or day number), ascending.
    values
        The measured columns, aligned with ``key`` (NaN where a cell was blank).
    line
        The file line of each measurement.
    """

    key: NDArray[np.int64]
    values: dict[str, NDArray[np.float64]]
    line: NDArray[np.int64]


def athlete_series(rows: RawRows, athlete_index: int) -> Series:
    """One athlete's rows sorted by day, refusing two rows on the same day."""
    mine = np.flatnonzero(rows.athlete == athlete_index)
    order = mine[np.argsort(rows.key[mine], kind="stable")]
    keys = rows.key[order]
    dup = np.flatnonzero(np.diff(keys) == 0)
    if dup.size:
        first, second = int(rows.line[order[dup[0]]]), int(rows.line[order[dup[0] + 1]])
        raise MalformedFileError(
            f"{rows.path}: line {second}: a second row for {rows.label(int(keys[dup[0]]))} "
            f"(the first is on line {first}); keep one measurement per day"
        )
    values = {name: v[order] for name, v in rows.values.items()}
    return Series(key=keys, values=values, line=rows.line[order])


def read_series(
    path: Path | str, value_columns: tuple[str, ...], athlete: str | None, allow_blank: bool
) -> tuple[RawRows, Series]:
    """Read a measurement file and return one athlete's series (see :func:`athlete_series`)."""
    rows = read_rows(path, value_columns, allow_blank=allow_blank)
    return rows, athlete_series(rows, select_athlete(rows, athlete))


def align_tests(
    table: LoadTable, athlete_index: int, tests_rows: RawRows, tests: Series
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.float64]]:
    """One athlete's daily loads and the tests placed on that series' day indices.

    Raises
    ------
    MalformedFileError
        When the two files use different time columns, or a test lies outside the loads' days.
    """
    loads = table.rows
    if tests_rows.time_column != loads.time_column:
        raise MalformedFileError(
            f"{tests_rows.path}: line 1: uses '{tests_rows.time_column}' but {loads.path} uses "
            f"'{loads.time_column}'; use the same column in both"
        )
    start, n = int(table.start_key[athlete_index]), int(table.n_days[athlete_index])
    offsets = tests.key - start
    outside = np.flatnonzero((offsets < 0) | (offsets >= n))
    if outside.size:
        span = f"{loads.label(start)} to {loads.label(start + n - 1)}"
        problems = [
            f"{tests_rows.path}: line {int(tests.line[i])}: test on "
            f"{loads.label(int(tests.key[i]))} lies outside the loads ({span})"
            for i in outside[:20]
        ]
        raise MalformedFileError(problems)
    return table.load_au[athlete_index, :n].copy(), offsets, tests.values["value"]
