"""Reading coaches' CSV files: gaps, duplicates, day columns, and malformed files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from spinewise.errors import InputError, MalformedFileError
from spinewise.load_io import (
    align_tests,
    athlete_series,
    read_load_table,
    read_rows,
    read_series,
    select_athlete,
)


def _csv(tmp_path: Path, text: str, name: str = "loads.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_gaps_become_rest_days_and_same_day_rows_are_summed(tmp_path) -> None:
    path = _csv(tmp_path, "date,load\n2026-03-01,300\n2026-03-01,120\n2026-03-04,200\n")
    table = read_load_table(path)
    assert table.athletes == ("",)
    assert table.n_days.tolist() == [4]
    assert table.load_au.tolist() == [[420.0, 0.0, 0.0, 200.0]]
    assert not table.rows.has_athlete


def test_several_athletes_each_start_on_their_own_first_day(tmp_path) -> None:
    path = _csv(
        tmp_path,
        " Athlete , DATE ,Load,notes\n"
        "Bea,2026-01-05,100,x\nAl,2026-01-02,50,\nBea,2026-01-07,80,\n",
    )
    table = read_load_table(path)
    assert table.athletes == ("Bea", "Al")
    assert table.n_days.tolist() == [3, 1]
    assert table.load_au.tolist() == [[100.0, 0.0, 80.0], [50.0, 0.0, 0.0]]
    assert table.rows.label(int(table.start_key[1])) == "2026-01-02"


def test_an_integer_day_column_stands_for_date(tmp_path) -> None:
    path = _csv(tmp_path, "day,load\n3,10\n1,5\n")
    table = read_load_table(path)
    assert table.rows.time_column == "day"
    assert table.load_au.tolist() == [[5.0, 0.0, 10.0]]
    assert table.rows.label(int(table.start_key[0])) == 1


def test_excel_byte_order_mark_and_crlf_are_fine(tmp_path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffdate,load\r\n2026-01-01,10\r\n".encode())
    assert read_load_table(path).load_au.tolist() == [[10.0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "date,load\n2026-01-01,5\n2026-13-01,x\n2026-01-03,-1\n",
            [
                "line 3, column 1 (date): must be a date YYYY-MM-DD, got '2026-13-01'",
                "line 4, column 2 (load): must be >= 0, got '-1'",
            ],
        ),
        ("date,load\n2026-01-01,abc\n", ["line 2, column 2 (load): must be a number, got 'abc'"]),
        ("date,load\n2026-01-01,nan\n", ["line 2, column 2 (load): must be a number, got 'nan'"]),
        ("date,load\n20260101,5\n", ["line 2, column 1 (date): must be a date YYYY-MM-DD"]),
        ("day,load\n1.5,5\n", ["line 2, column 1 (day): must be a whole number, got '1.5'"]),
        ("date,load\n2026-01-01\n", ["line 2: expected at least 2 columns, got 1"]),
        ("athlete,date,load\n,2026-01-01,4\n", ["line 2, column 1 (athlete): must not be empty"]),
        ("when,load\n2026-01-01,5\n", ["line 1: header needs a 'date' or 'day' column"]),
        ("date;load\n2026-01-01;5\n", ["line 1: columns are separated by ';'"]),
        ("date,day,load\n2026-01-01,1,5\n", ["line 1: header has both 'date' and 'day'"]),
        ("date,minutes\n2026-01-01,5\n", ["line 1: header needs a 'load' column"]),
        ("date,load,load\n2026-01-01,5,6\n", ["line 1: column 'load' appears twice"]),
        ("", ["line 1: the file is empty"]),
        ("date,load\n\n", ["no data rows after the header"]),
    ],
)
def test_malformed_files_name_file_line_and_column(tmp_path, text, expected) -> None:
    path = _csv(tmp_path, text)
    with pytest.raises(MalformedFileError) as err:
        read_load_table(path)
    assert err.value.exit_code == 2
    assert len(err.value.problems) == len(expected)
    for problem, fragment in zip(err.value.problems, expected, strict=True):
        assert problem.startswith(f"{path}: ")
        assert fragment in problem


def test_problems_are_capped_with_a_count(tmp_path) -> None:
    path = _csv(tmp_path, "date,load\n" + "2026-01-01,x\n" * 30)
    with pytest.raises(MalformedFileError) as err:
        read_load_table(path)
    assert len(err.value.problems) == 21
    assert err.value.problems[-1].endswith("... and 10 more problem(s)")


def test_missing_file_binary_file_and_folder(tmp_path) -> None:
    with pytest.raises(MalformedFileError, match="no such file"):
        read_load_table(tmp_path / "nope.csv")
    (tmp_path / "bin.csv").write_bytes(b"date,load\n\xff\xfe\n")
    with pytest.raises(MalformedFileError, match="not UTF-8"):
        read_load_table(tmp_path / "bin.csv")
    with pytest.raises(MalformedFileError, match="is a folder"):
        read_load_table(tmp_path)


def test_a_mistyped_year_is_caught_before_allocating(tmp_path) -> None:
    path = _csv(tmp_path, "date,load\n2026-01-01,5\n2206-01-01,5\n")
    with pytest.raises(
        MalformedFileError,
        match=r"spans \d+ days \(2026-01-01 to 2206-01-01\).* is a year mistyped",
    ):
        read_load_table(path)


def test_progress_is_reported(tmp_path) -> None:
    rows = (f"a{i // 100},{i % 100},1\n" for i in range(120_000))
    path = _csv(tmp_path, "athlete,day,load\n" + "".join(rows))
    calls: list[tuple[int, int]] = []
    read_load_table(path, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= 3
    assert calls[-1][0] == calls[-1][1]


def test_select_athlete(tmp_path) -> None:
    rows = read_rows(_csv(tmp_path, "athlete,day,load\nA,1,1\nB,1,2\n"), ("load",))
    assert select_athlete(rows, "B") == 1
    with pytest.raises(InputError, match="holds 2 athletes; name one of: A, B"):
        select_athlete(rows, None)
    with pytest.raises(InputError, match="no athlete 'C'"):
        select_athlete(rows, "C")
    single = read_rows(_csv(tmp_path, "day,load\n1,1\n", "one.csv"), ("load",))
    with pytest.raises(InputError, match="has no athlete column"):
        select_athlete(single, "A")


def test_series_are_sorted_and_refuse_two_rows_on_one_day(tmp_path) -> None:
    path = _csv(tmp_path, "date,during,next_morning\n2026-01-03,2,\n2026-01-01,4,3\n")
    rows, series = read_series(path, ("during", "next_morning"), None, allow_blank=True)
    assert [rows.label(int(k)) for k in series.key] == ["2026-01-01", "2026-01-03"]
    assert series.values["during"].tolist() == [4.0, 2.0]
    assert np.isnan(series.values["next_morning"][1])
    dup = _csv(tmp_path, "day,value\n1,5\n1,6\n", "dup.csv")
    with pytest.raises(MalformedFileError, match=r"line 3: a second row for 1 .*line 2"):
        read_series(dup, ("value",), None, allow_blank=False)


def test_tests_are_aligned_on_the_load_days(tmp_path) -> None:
    table = read_load_table(_csv(tmp_path, "date,load\n2026-01-01,5\n2026-01-10,5\n"))
    tests = read_rows(
        _csv(tmp_path, "date,value\n2026-01-03,1\n2026-01-10,2\n", "t.csv"), ("value",)
    )
    load, days, values = align_tests(table, 0, tests, athlete_series(tests, 0))
    assert load.size == 10
    assert days.tolist() == [2, 9]
    assert values.tolist() == [1.0, 2.0]
    late = read_rows(_csv(tmp_path, "date,value\n2026-01-11,1\n", "late.csv"), ("value",))
    with pytest.raises(MalformedFileError, match="line 2: test on 2026-01-11 lies outside"):
        align_tests(table, 0, late, athlete_series(late, 0))
    by_day = read_rows(_csv(tmp_path, "day,value\n3,1\n", "day.csv"), ("value",))
    with pytest.raises(MalformedFileError, match=r"uses 'day' but .* uses 'date'"):
        align_tests(table, 0, by_day, athlete_series(by_day, 0))
