"""Coaches' CSV files in and ``load compute`` results out: the I/O edge of :mod:`spinewise.load`.

Kept outside the pure core (decision 0041) so that the CLI and the web app share one reader.
"""

from spinewise.load_io.reader import MAX_PROBLEMS, RawRows, read_rows
from spinewise.load_io.tables import (
    LoadTable,
    Series,
    align_tests,
    athlete_series,
    read_load_table,
    read_series,
    select_athlete,
)
from spinewise.load_io.writer import columns, day_records, write_compute_csv, write_compute_json

__all__ = [
    "MAX_PROBLEMS",
    "LoadTable",
    "RawRows",
    "Series",
    "align_tests",
    "athlete_series",
    "columns",
    "day_records",
    "read_load_table",
    "read_rows",
    "read_series",
    "select_athlete",
    "write_compute_csv",
    "write_compute_json",
]
