"""``spinewise catalog list``: whole values, tab-separated, into a pipe; a table on a terminal."""

from __future__ import annotations

import subprocess
import sys

import pytest

from spinewise.catalog import ExerciseFilter, load_catalog
from spinewise.cli import plain
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


def test_on_a_terminal_the_table_is_drawn_within_its_width_with_every_value_whole(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(plain, "to_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["catalog", "list", "--region", "multifidus", "--primary"]) == 0
    title, top, header, rule, *body, bottom = capsys.readouterr().out.splitlines()
    expected = load_catalog().find(ExerciseFilter(region="multifidus", primary_only=True))
    assert title == f"{len(expected)} exercises"
    assert top.startswith("┏")
    assert [h.strip() for h in header.strip("┃").split("┃")] == list(plain.EXERCISE_COLUMNS)
    assert rule.startswith("┡")
    assert bottom.startswith("└")
    assert all(len(line) <= 80 for line in (top, header, rule, *body, bottom))
    columns = [[cell.strip() for cell in line.strip("│").split("│")] for line in body]
    # a wrapped value loses only the spaces where it wraps: the pieces of a column, joined
    # without spaces, are its values one after another
    for i, values in ((0, [ex.id for ex in expected]), (1, [ex.name for ex in expected])):
        shown = "".join(c[i] for c in columns).replace(" ", "")
        assert shown == "".join(values).replace(" ", "")


def test_a_narrow_terminal_wraps_values_and_keeps_them_whole() -> None:
    from spinewise.cli.boxes import draw_table

    rows = [("a_very_long_identifier_without_spaces", "short"), ("b", "two words here")]
    text = draw_table("2 things", ("id", "words"), rows, width=20, styled=False)
    lines = text.splitlines()
    assert all(len(line) <= 20 for line in lines)
    body = [[c.strip() for c in line.strip("│").split("│")] for line in lines[4:-1]]
    assert "".join(c[0] for c in body) == "a_very_long_identifier_without_spacesb"
    assert " ".join(c[1] for c in body if c[1]).split() == ["short", "two", "words", "here"]


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
