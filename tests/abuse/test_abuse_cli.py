"""The CLI under hostile input and targets: one line and exit 2, never a traceback; ``--out``
written atomically to a regular file or a new path only; CSV cells neutralised (issue 16, 5)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.cli.files import atomic_out
from spinewise.errors import InputError

pytestmark = pytest.mark.abuse

REPO = Path(__file__).resolve().parents[2]
PROFILE = REPO / "examples" / "profile.example.toml"


@pytest.fixture
def cli_db(db_url, monkeypatch):
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    monkeypatch.setattr(render.console, "_width", 160)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_exit_2(code: int, err: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err


def _log_session(capsys, notes: str) -> None:
    code, _, err = _run(
        capsys, "log", "session", "--at", "2026-01-05T18:00:00", "--notes", notes, "--title", "@x"
    )
    assert code == 0, err


def test_csv_export_neutralises_formulas(cli_db, capsys, tmp_path):
    _log_session(capsys, '=HYPERLINK("http://x")')
    out = tmp_path / "h.csv"
    code, _, err = _run(capsys, "log", "export", "--format", "csv", "--out", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert "'@x" in text
    assert ",=" not in text
    assert ",@" not in text


def test_the_web_csv_export_neutralises_formulas_too(engine):
    from datetime import datetime

    from spinewise.logbook import SessionLog, SetLog
    from spinewise.store import add_session, athlete_id, iter_csv, writing

    with writing(engine) as db:
        who = athlete_id(db, "ann")
        add_session(
            db,
            who,
            SessionLog(
                started_at=datetime(2026, 1, 5, 18),
                title="+cmd|' /C calc'!A0",
                notes="-2+3",
                sets=(SetLog(exercise_id="bird_dog", set_number=1, notes="\tx", load_kg=-5.0),),
            ),
        )
    text = "".join(iter_csv(engine, "ann"))
    for cell in ("'+cmd", "'-2+3", "'\tx"):
        assert cell in text
    assert ",-5.0," in text  # numbers stay numbers


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_export_refuses_an_out_that_is_not_a_regular_file(cli_db, capsys, tmp_path, kind):
    _log_session(capsys, "fine")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "target"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    code, _, err = _run(capsys, "log", "export", "--format", "json", "--out", str(target))
    _one_line_exit_2(code, err)
    assert "not a regular file" in err
    assert target.is_dir() if kind == "folder" else target.is_fifo()
    assert sorted(p.name for p in folder.iterdir()) == ["target"]


def test_an_unwritable_out_is_one_line_and_leaves_nothing(cli_db, capsys, tmp_path):
    _log_session(capsys, "fine")
    folder = tmp_path / "out"
    folder.mkdir()
    blocker = folder / "file.txt"
    blocker.write_text("I am a file, not a folder")
    code, _, err = _run(capsys, "log", "export", "--format", "csv", "--out", str(blocker / "x.csv"))
    _one_line_exit_2(code, err)
    assert sorted(p.name for p in folder.iterdir()) == ["file.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")

    class BoomError(Exception):
        pass

    def fail_half_way() -> None:
        with atomic_out(target) as handle:
            handle.write("new, half")
            raise BoomError

    with pytest.raises(BoomError):
        fail_half_way()
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_full_disk_is_an_input_error_naming_out(tmp_path, monkeypatch):
    def no_space(*_args, **_kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "x"))

    monkeypatch.setattr(os, "fsync", no_space)

    def write() -> None:
        with atomic_out(tmp_path / "x.json") as handle:
            handle.write("{}")

    with pytest.raises(InputError, match=r"--out: cannot write .*No space left"):
        write()
    assert list(tmp_path.iterdir()) == []


def test_deep_toml_is_exit_2(capsys, tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    code, _, err = _run(capsys, "assess", str(deep))
    _one_line_exit_2(code, err)


def test_deep_json_is_exit_2(capsys, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = _run(capsys, "plan", "validate", str(deep), "--profile", str(PROFILE))
    _one_line_exit_2(code, err)


def test_a_far_future_start_with_ics_is_exit_2(capsys, tmp_path):
    text = PROFILE.read_text(encoding="utf-8")
    far = tmp_path / "far.toml"
    if "start_date" in text:
        import re

        text = re.sub(r"start_date\s*=\s*\S+", "start_date = 9999-06-01", text)
    else:
        text = text.replace("[schedule]", "[schedule]\nstart_date = 9999-06-01")
    far.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, "plan", str(far), "--format", "ics")
    assert code == 2, err
    assert "Traceback" not in err
    assert "start_date" in err
