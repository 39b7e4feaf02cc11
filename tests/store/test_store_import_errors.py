"""Malformed files stop the import, name file, line and column, and write nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spinewise.errors import InputError, MalformedFileError
from spinewise.store import reading
from spinewise.store.importers import import_backup, import_file
from spinewise.store.sessions import athlete_id

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
GOOD = "2024-01-05 17:32:10,Back day,1h,Bird Dog,1,0,8,0,0,,,\n"


def _file(tmp_path: Path, text: str, name: str = "strong.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "column", "words"),
    [
        (GOOD + "2024-01-06 10:00:00,X,1h,Bird Dog,1,heavy,8,0,0,,,\n", 3, 6, "Weight"),
        (GOOD + "2024-01-06 10:00:00,X,1h,Bird Dog,1,10,8.5,0,0,,,\n", 3, 7, "whole number"),
        (GOOD + "yesterday,X,1h,Bird Dog,1,10,8,0,0,,,\n", 3, 1, "Date"),
        (GOOD + "2024-01-06 10:00:00,X,1h,Bird Dog,1,10,8,0,0\n", 3, 10, "12 cells"),
        (GOOD + "2024-01-06 10:00:00,X,1h,Bird Dog,1,10,-3,0,0,,,\n", 3, 7, "Reps"),
        (GOOD + "2024-01-06 10:00:00,X,1h,Bird Dog,1,10,3,0,0,,,12\n", 3, 12, "RPE"),
        (GOOD + '2024-01-06 10:00:00,"multi\nline",1h,Bird Dog,1,10,3,0,0,,,x\n', 3, 12, "RPE"),
        (GOOD + "2024-01-06 10:00:00,X,forever,Bird Dog,1,10,3,0,0,,,\n", 3, 3, "Duration"),
    ],
)
def test_malformed_csv_names_file_line_and_column(
    engine, tmp_path, matcher, body, line, column, words
):
    path = _file(tmp_path, HEADER + body)
    with pytest.raises(MalformedFileError) as caught:
        import_file(engine, path, "strong", "ann", matcher)
    text = str(caught.value)
    assert text.startswith(f"strong.csv: line {line}, column {column}"), text
    assert words in text
    with reading(engine) as db:
        assert athlete_id(db, "ann", create=False) is None


def test_missing_column_is_named(engine, tmp_path, matcher):
    path = _file(tmp_path, "Date,Workout Name,Exercise Name\n2024-01-05 17:32:10,a,b\n")
    with pytest.raises(
        MalformedFileError, match=r"line 1, column 4: missing column\(s\) Set Order"
    ):
        import_file(engine, path, "strong", "ann", matcher)


def test_not_utf8_is_malformed(engine, tmp_path, matcher):
    path = tmp_path / "strong.csv"
    path.write_bytes(HEADER.encode() + b"\xff\xfe\x00broken\n")
    with pytest.raises(MalformedFileError, match="not UTF-8"):
        import_file(engine, path, "strong", "ann", matcher)


def test_wger_bad_value_is_located(engine, tmp_path, matcher):
    logs = [
        {"id": 1, "date": "2024-02-01", "exercise": 5, "repetitions": 8, "weight": 10},
        {"id": 2, "date": "2024-02-01", "exercise": 5, "repetitions": 8, "weight": "ten"},
    ]
    path = _file(tmp_path, json.dumps(logs, indent=1), "w.json")
    with pytest.raises(MalformedFileError) as caught:
        import_file(engine, path, "wger", "ann", matcher)
    text = str(caught.value)
    match = re.match(r"w\.json: line (\d+), column (\d+) \(\[1\]\.weight\)", text)
    assert match, text
    line, column = int(match[1]), int(match[2])
    assert path.read_text().splitlines()[line - 1][column - 1 :].startswith('"ten"')


def test_wger_invalid_json_is_located(engine, tmp_path, matcher):
    path = _file(tmp_path, '[\n  {"id": 1,,}\n]', "w.json")
    with pytest.raises(MalformedFileError, match=r"w\.json: line 2, column 12: not JSON"):
        import_file(engine, path, "wger", "ann", matcher)


def test_backup_with_bad_field_is_located_and_writes_nothing(engine, tmp_path):
    doc = {
        "schema_version": 1,
        "athlete": {"name": "ann"},
        "sessions": [
            {"started_at": "2026-01-01T10:00:00", "sets": []},
            {"started_at": "2026-01-02T10:00:00", "pain": {"during": 11}, "sets": []},
        ],
    }
    path = _file(tmp_path, json.dumps(doc, indent=2), "b.json")
    with pytest.raises(MalformedFileError) as caught:
        import_backup(engine, path)
    text = str(caught.value)
    assert "b.json: line " in text
    assert "(sessions[1].pain.during)" in text
    assert "less than or equal to 10, got 11" in text
    with reading(engine) as db:
        assert athlete_id(db, "ann", create=False) is None


def test_failure_while_writing_rolls_back_everything(engine, tmp_path):
    doc = {
        "schema_version": 1,
        "athlete": {"name": "ann"},
        "sessions": [
            {
                "started_at": "2026-01-01T10:00:00",
                "sets": [{"exercise_id": "bird_dog", "set_number": 1, "reps": 8}],
            },
            {
                "started_at": "2026-01-02T10:00:00",
                "planned": {"plan_version": 3, "week": 1, "session": 1},
                "sets": [],
            },
        ],
    }
    path = _file(tmp_path, json.dumps(doc), "b.json")
    with pytest.raises(InputError, match="no session 1 in week 1 of plan version 3"):
        import_backup(engine, path)
    with reading(engine) as db:
        assert athlete_id(db, "ann", create=False) is None
