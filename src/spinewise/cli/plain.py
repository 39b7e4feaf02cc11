"""Plain-text output for pipes and files: whole values, one record a line, no terminal library.

When standard output is not a terminal, a long table is written as tab-separated lines (the
title first, then the column names, then one line per row): nothing is cut to fit a width, and
scripts can split the lines on tabs. Importing Rich and laying out the table is most of the time
a short command takes (decision 0130, amended), and a pipe needs neither.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spinewise.catalog import Exercise

__all__ = ["EXERCISE_COLUMNS", "exercise_rows", "to_terminal", "write_rows"]

#: The columns of an exercise list.
EXERCISE_COLUMNS = ("id", "name", "lvl", "patterns", "primary regions", "qualities", "equipment")


def to_terminal() -> bool:
    """Whether standard output is a terminal (a person reading), not a pipe or a file."""
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty is not None and isatty())


def exercise_rows(exercises: Iterable[Exercise]) -> Iterable[tuple[str, ...]]:
    """One row of :data:`EXERCISE_COLUMNS` per exercise, every cell a string."""
    for ex in exercises:
        yield (
            ex.id,
            ex.name,
            str(ex.level),
            ", ".join(ex.patterns),
            ", ".join(ex.primary_regions),
            ", ".join(ex.qualities),
            ", ".join(ex.equipment) or "none",
        )


def _cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def write_rows(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write the title, the column names and the rows, tab-separated, to standard output."""
    lines = [title, "\t".join(columns)]
    lines += ["\t".join(_cell(c) for c in row) for row in rows]
    sys.stdout.write("\n".join(lines) + "\n")
