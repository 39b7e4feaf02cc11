"""Write ``load compute`` results as JSON or CSV (docs/contracts/README.md).

JSON: ``{"conventions": {...}, "days": [...]}`` with one object per athlete and day, one per
line. CSV: the same columns, an empty cell where JSON has ``null``. Numbers are written with
Python's shortest round-trip repr, so the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from spinewise.csv_cells import csv_cell
from spinewise.load import METRIC_NAMES, LoadMetrics
from spinewise.load_io.tables import LoadTable

__all__ = ["columns", "day_records", "write_compute_csv", "write_compute_json"]

#: ``progress(athletes written, athletes)``.
WriteProgress = Callable[[int, int], None]


def columns(table: LoadTable) -> list[str]:
    """Output columns: ``athlete`` (when the file has one), ``date`` or ``day``, load, metrics."""
    head = ["athlete"] if table.rows.has_athlete else []
    return [*head, table.rows.time_column, "load", *METRIC_NAMES]


def _clean(values: list[float]) -> list[float | None]:
    return [None if math.isnan(v) else v for v in values]


def day_records(table: LoadTable, metrics: LoadMetrics, athlete_index: int) -> list[list[Any]]:
    """One list of cell values per day of one athlete, in :func:`columns` order."""
    n = int(table.n_days[athlete_index])
    start = int(table.start_key[athlete_index])
    rows = table.rows
    labels = [rows.label(start + d) for d in range(n)]
    cols = [_clean(arr[athlete_index, :n].tolist()) for arr in metrics.columns().values()]
    head: list[list[Any]] = (
        [[rows.athletes[athlete_index]] * n, labels] if rows.has_athlete else [labels]
    )
    return [list(cells) for cells in zip(*head, *cols, strict=True)]


def _athletes(table: LoadTable, progress: WriteProgress | None) -> Iterator[int]:
    total = len(table.athletes)
    for i in range(total):
        yield i
        if progress is not None:
            progress(i + 1, total)


def _json_numbers(values: list[float]) -> list[str]:
    """JSON text of each number: Python's shortest round-trip repr, ``null`` for NaN."""
    return ["null" if v != v else repr(v) for v in values]


def write_compute_json(
    out: TextIO, table: LoadTable, metrics: LoadMetrics, progress: WriteProgress | None = None
) -> None:
    """Write the JSON document: conventions, then one day object per line.

    Rows are formatted column by column (the same text ``json.dumps`` gives), which is several
    times faster than encoding one dict per day.
    """
    names = columns(table)
    out.write('{"conventions": ')
    out.write(json.dumps(metrics.conventions.describe(), ensure_ascii=False))
    out.write(',\n"days": [')
    rows = table.rows
    keys = [json.dumps(name) + ": " for name in names]
    value_keys = keys[-(1 + len(METRIC_NAMES)) :]
    sep = "\n"
    for i in _athletes(table, progress):
        n, start = int(table.n_days[i]), int(table.start_key[i])
        labels = [json.dumps(rows.label(start + d)) for d in range(n)]
        head = (
            "{"
            + (
                keys[0] + json.dumps(rows.athletes[i], ensure_ascii=False) + ", "
                if rows.has_athlete
                else ""
            )
            + keys[-len(value_keys) - 1]
        )
        cols = [_json_numbers(arr[i, :n].tolist()) for arr in metrics.columns().values()]
        lines = [
            head
            + label
            + ", "
            + ", ".join(k + v for k, v in zip(value_keys, cells, strict=True))
            + "}"
            for label, *cells in zip(labels, *cols, strict=True)
        ]
        if lines:
            out.write(sep)
            out.write(",\n".join(lines))
            sep = ",\n"
    out.write("\n]}\n")


def write_compute_csv(
    out: TextIO, table: LoadTable, metrics: LoadMetrics, progress: WriteProgress | None = None
) -> None:
    """Write the CSV: a header row, then one row per athlete and day (empty cell = null)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(table))
    for i in _athletes(table, progress):
        writer.writerows([csv_cell(cell) for cell in r] for r in day_records(table, metrics, i))
