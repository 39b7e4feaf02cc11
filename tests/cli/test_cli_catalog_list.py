"""``spinewise catalog list``: whole values, tab-separated, into a pipe; a table on a terminal."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from rich.console import Console

from spinewise.catalog import ExerciseFilter, load_catalog
from spinewise.cli import plain, render
from spinewise.cli.app import main


def test_into_a_pipe_each_exercise_is_one_line_of_whole_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["catalog", "list", "--region", "multifidus", "--primary"]) == 0
    title, header, *rows = capsys.readouterr().out.splitlines()
    expected = load_catalog().find(ExerciseFilter(region="multifidus", primary_only=True))
    assert title == f"{len(expected)} exercises"
    assert header.split("\t") == list(plain.EXERCISE_COLUMNS)
    cells = [row.split("\t") for row in rows]
    assert [c[0] for c in cells] == [ex.id for ex in expected]  # never cut to a width
    for ex, row in zip(expected, cells, strict=True):
        assert row[1] == ex.name
        assert row[2] == str(ex.level)
        assert row[4].split(", ") == list(ex.primary_regions)
        assert row[6] == (", ".join(ex.equipment) or "none")


def test_on_a_terminal_the_table_is_drawn(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    monkeypatch.setattr(plain, "to_terminal", lambda: True)
    monkeypatch.setattr(render, "console", Console(file=out, width=100, force_terminal=True))
    assert main(["catalog", "list", "--region", "multifidus", "--primary"]) == 0
    drawn = out.getvalue()
    assert "exercises" in drawn
    assert "┏" in drawn
    assert "primary" in drawn
    assert capsys.readouterr().out == ""


def test_into_a_pipe_neither_rich_nor_the_catalogue_files_are_read() -> None:
    """With the cache filled, the list reads no TOML and imports no Rich (decision 0130)."""
    load_catalog()  # fills the cache, if empty
    code = (
        "import contextlib, io, sys, tomllib\n"
        "calls = []\n"
        "real = tomllib.loads\n"
        "tomllib.loads = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
        "from spinewise.cli.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['catalog', 'list']) == 0\n"
        "assert out.getvalue().count('\\n') > 100\n"
        "assert not any(m.split('.')[0] == 'rich' for m in sys.modules), 'rich imported'\n"
        "assert calls == [], f'{len(calls)} TOML files parsed'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
