"""The log commands end to end, on the database SPINEWISE_DATABASE_URL names."""

from __future__ import annotations

import json
from collections import deque
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from spinewise.cli import log as log_cli
from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.logbook.walkthrough import Prompter
from spinewise.settings import Settings
from spinewise.store.migrate import head_revision

PLAN_FILE = Path(__file__).parents[1] / "logbook/data/plan_small.json"
STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2024-01-05 17:32:10,Back day,1h,Zercher Moonwalk,1,20,8,0,0,,,\n"
    "2024-01-05 17:32:10,Back day,1h,Zercher Moonwalk,2,20,8,0,0,,,7\n"
)


@pytest.fixture
def cli_db(db_url, monkeypatch, tiny_catalog):
    """The CLI on a fresh database, matching names against the tiny test catalogue (the
    packaged catalogue is data that changes; the commands' behaviour is what is tested)."""
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    monkeypatch.setattr(log_cli, "load_catalog", lambda: tiny_catalog)
    monkeypatch.setattr(render.console, "_width", 160)  # tables on one line each
    return db_url


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_upgrade_and_status(cli_db, capsys):
    code, out, _ = _run(capsys, "db", "status")
    assert code == 0
    assert "none (empty)" in out
    code, out, _ = _run(capsys, "db", "upgrade")
    assert code == 0
    assert f"revision {head_revision()}" in out
    code, out, _ = _run(capsys, "db", "status")
    assert "up to date" in out


def test_log_session_then_history(cli_db, capsys):
    code, out, err = _run(
        capsys,
        "log",
        "session",
        "--at",
        "2026-05-04T18:00:00",
        "--rpe",
        "6",
        "--pain-before",
        "2",
        "--pain-during",
        "3",
        "--pain-after",
        "2",
        "--sleep-h",
        "7.5",
        "--energy",
        "4",
        "--duration-min",
        "40",
        "--set",
        "custom:zercher_moonwalk:reps=8,load_kg=20",
        "--set",
        "custom:zercher_moonwalk:reps=7,load_kg=20,rpe=8",
        "--set",
        "custom:suitcase_hold:hold_s=30,side=left",
    )
    assert (code, err) == (0, "")
    assert "with 3 set(s)" in out
    code, out, _ = _run(capsys, "history", "--sets")
    assert code == 0
    assert "2026-05-04 18:00" in out
    assert "2/3/2/-" in out
    assert "Suitcase hold (your own exercise)" in out
    assert "custom:suitcase_hold" not in out  # the history shows names
    code, out, _ = _run(capsys, "history", "--since", "2026-05-05")
    assert "No sessions" in out
    code, out, _ = _run(capsys, "history", "--athlete", "nobody")
    assert "No sessions" in out


def test_log_session_bad_input_exits_2_and_writes_nothing(cli_db, capsys):
    code, _, err = _run(
        capsys,
        "log",
        "session",
        "--set",
        "custom:x:reps=-1",
        "--set",
        "custom:x:rep=3",
        "--set",
        "Mystery move:reps=3",
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert any(line.startswith("--set[2]: unknown field 'rep'") for line in lines)
    assert any(
        line.startswith("--set[1].reps: Input should be greater than or equal to 0")
        for line in lines
    )
    assert any("--set[3]: unknown exercise 'Mystery move'" in line for line in lines)
    code, out, _ = _run(capsys, "history")
    assert "No sessions" in out


def test_import_dry_run_import_and_export(cli_db, capsys, tmp_path):
    path = tmp_path / "strong.csv"
    path.write_text(STRONG, encoding="utf-8")
    code, out, _ = _run(capsys, "log", "import", str(path), "--format", "strong", "--dry-run")
    assert code == 0
    assert "Would add 1 session(s) and 2 set(s)" in out
    assert "Zercher Moonwalk -> custom:zercher_moonwalk" in out
    assert "Dry run: nothing was written." in out
    code, out, _ = _run(capsys, "log", "import", str(path), "--format", "strong")
    assert code == 0
    assert "Added 1 session(s) and 2 set(s)" in out
    code, out, _ = _run(capsys, "log", "import", str(path), "--format", "strong")
    assert "Added 0 session(s) and 0 set(s)" in out
    assert "Merged (already stored): 1 session(s), 2 set(s)." in out
    backup = tmp_path / "out" / "backup.json"
    code, _, _ = _run(capsys, "log", "export", "--format", "json", "--out", str(backup))
    assert code == 0
    data = json.loads(backup.read_text())
    assert data["schema_version"] == 1
    assert len(data["sessions"]) == 1
    table = tmp_path / "sets.csv"
    code, _, _ = _run(capsys, "log", "export", "--format", "csv", "--out", str(table))
    assert code == 0
    assert len(table.read_text().splitlines()) == 3
    code, out, _ = _run(
        capsys, "log", "import", str(backup), "--format", "json", "--athlete", "copy"
    )
    assert code == 0
    assert "Added 1 session(s) and 2 set(s)" in out


def test_import_malformed_file_exits_2_naming_file_line_column(cli_db, capsys, tmp_path):
    path = tmp_path / "strong.csv"
    path.write_text(STRONG + "2024-01-06 10:00:00,X,1h,Y,1,lots,8,0,0,,,\n", encoding="utf-8")
    code, _, err = _run(capsys, "log", "import", str(path), "--format", "strong")
    assert code == 2
    assert err.startswith("strong.csv: line 4, column 6 (Weight): expected a number, got 'lots'")
    code, out, _ = _run(capsys, "history")
    assert "No sessions" in out


def test_export_of_an_unknown_athlete_is_an_input_error(cli_db, capsys, tmp_path):
    code, _, err = _run(
        capsys,
        "log",
        "export",
        "--format",
        "json",
        "--out",
        str(tmp_path / "x"),
        "--athlete",
        "ghost",
    )
    assert code == 2
    assert "no athlete named 'ghost'" in err
    assert not (tmp_path / "x").exists()


def test_unreachable_database_is_a_store_error(monkeypatch, capsys):
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    code, _, err = _run(capsys, "history")
    assert code == 1
    assert err.startswith("database postgresql+psycopg://nobody@127.0.0.1:1/none:")


def test_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path):
    settings = Settings(_env_file=None, database_url=None, data_dir=tmp_path)
    assert settings.resolved_database_url() == f"sqlite:///{tmp_path.as_posix()}/spinewise.db"


def test_log_today_walks_the_next_unlogged_session(cli_db, capsys, tmp_path):
    code, out, _ = _run(capsys, "log", "use-plan", str(PLAN_FILE))
    assert code == 0
    assert "version 1" in out
    said: list[str] = []
    clock = [datetime(2026, 5, 4, 7, 30)]

    def ask(question: str, default: str) -> str:
        clock[0] += timedelta(seconds=30)
        return ""  # Enter: accept every prescribed value

    io = Prompter(ask, said.append, lambda s: None, lambda: clock[0])
    first = log_cli.run_today("default", date(2026, 5, 4), io, timers=False)
    assert isinstance(first, int)
    assert "Week 1, session 1" in said
    assert "[stability] Side plank: 2 x 3-s hold per side, rest 20 s" in said
    _run(capsys, "log", "export", "--format", "json", "--out", str(tmp_path / "x.json"))
    exported = json.loads((tmp_path / "x.json").read_text())
    (session,) = exported["sessions"]
    assert session["planned"] == {"plan_version": 1, "week": 1, "session": 1}
    assert session["source"] == "today"
    assert session["duration_min"] == 13.5  # 27 answers of 30 s each
    assert [(s["exercise_id"], s["side"], s["hold_s"], s["reps"]) for s in session["sets"]] == [
        ("side_plank", "left", 3.0, None),
        ("side_plank", "right", 3.0, None),
        ("side_plank", "left", 3.0, None),
        ("side_plank", "right", 3.0, None),
        ("romanian_deadlift", None, None, 2),
        ("romanian_deadlift", None, None, 2),
    ]
    said.clear()
    # at most one planned session a day: the same day offers nothing and names the next day
    assert log_cli.run_today("default", date(2026, 5, 4), io, timers=False) is None
    assert said == [
        "Nothing planned for today: a rest day.",
        "You have done a planned session today; the next one is on another day.",
        "Next: week 1, session 2 on 2026-05-05.",
    ]
    said.clear()
    assert isinstance(log_cli.run_today("default", date(2026, 5, 5), io, timers=False), int)
    assert "Week 1, session 2" in said


def test_log_today_skips_sessions_already_logged(cli_db, capsys):
    _run(capsys, "log", "use-plan", str(PLAN_FILE))
    code, _, err = _run(
        capsys,
        "log",
        "session",
        "--at",
        "2026-05-03T07:00:00",
        "--plan-week",
        "1",
        "--plan-session",
        "1",
    )
    assert (code, err) == (0, "")
    said: list[str] = []
    answers = deque(["", "", "", "", "1", "6", "", "", "5", "", "", "4", "1", "1", "ok"])
    io = Prompter(
        lambda q, d: answers.popleft(),
        said.append,
        lambda s: None,
        lambda: datetime(2026, 5, 4, 7, 30),
    )
    session_id = log_cli.run_today("default", date(2026, 5, 4), io)
    assert isinstance(session_id, int)
    assert not answers
    assert "Week 1, session 2" in said
    code, out, _ = _run(capsys, "history", "--exercise", "bird_dog")
    assert "2026-05-04" in out
    assert "left" in out
    rest: list[str] = []
    io = Prompter(lambda q, d: "", rest.append, lambda s: None, datetime.now)
    assert log_cli.run_today("default", date(2026, 5, 5), io) is None
    assert rest == ["Nothing planned for today: a rest day."]


def test_log_morning_records_next_morning_pain(cli_db, capsys):
    _run(capsys, "log", "session", "--at", "2026-05-03T18:00:00")
    code, out, _ = _run(capsys, "log", "morning", "2", "--date", "2026-05-03")
    assert code == 0
    assert "Next-morning pain 2" in out
    code, out, _ = _run(capsys, "history")
    assert "-/-/-/2" in out


def test_log_next_names_the_next_session_and_its_day(cli_db, capsys):
    code, out, _ = _run(capsys, "log", "next", "--today", "2026-05-04")
    assert (code, out.strip()) == (
        0,
        "No session left: make or store a plan (`spinewise log use-plan FILE`).",
    )
    _run(capsys, "log", "use-plan", str(PLAN_FILE))
    _run(
        capsys,
        "log",
        "session",
        "--at",
        "2026-05-04T07:00:00",
        "--plan-week",
        "1",
        "--plan-session",
        "1",
        "--pain-during",
        "6",
    )
    code, out, _ = _run(capsys, "log", "next", "--today", "2026-05-04")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Next: week 1, session 2, Tuesday 05 May 2026."
    assert lines[1].startswith("Pain during or after today's session was above 5/10")
    assert "Bird dog" in out
    assert "1 per side" in out
