"""``spinewise recommend`` and the "You may also like" line of ``log today``, on a real store."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from adaptation.recommend_fixtures import CATALOG, make_plan
from spinewise.cli import log as log_cli
from spinewise.cli import recommend as recommend_cli
from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.logbook.walkthrough import Prompter

PLAN = make_plan(
    [[["kb_swing", "bird_dog", "side_bridge", "pallof_press"], ["db_rdl", "single_leg_rdl"]]]
)


@pytest.fixture
def cli_db(db_url, monkeypatch, tmp_path):
    """The CLI on a fresh database with the test catalogue and the test plan stored."""
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    monkeypatch.setattr(log_cli, "load_catalog", lambda: CATALOG)
    monkeypatch.setattr(recommend_cli, "load_catalog", lambda: CATALOG)
    monkeypatch.setattr(render.console, "_width", 200)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(PLAN.to_json()), encoding="utf-8")
    assert main(["log", "use-plan", str(path)]) == 0
    return db_url


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_recommend_reads_plan_and_log_from_the_store(cli_db, capsys):
    code, _, err = _run(
        capsys,
        "log",
        "session",
        "--at",
        "2026-05-08T18:00:00",
        "--pain-during",
        "7",
        "--set",
        "bird_dog:reps=6",
    )
    assert (code, err) == (0, "")
    code, out, err = _run(
        capsys, "recommend", "--today", "2026-05-11", "--format", "json", "--k", "20"
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    # the undated plan is dated from the first Monday on or after the day asked about
    assert doc["next_session"] == {"week": 1, "session": 1, "date": "2026-05-11"}
    assert doc["notes"][0].startswith("no profile: findings and sensitivities are not weighed")
    by = {r["exercise_id"]: r for r in doc["recommendations"]}
    assert by["bird_dog"]["parts"] == {"fit": 1.0, "hurt": -2.0}
    assert by["kb_swing"]["kind"] == "planned"
    scores = [r["score"] for r in doc["recommendations"]]
    assert scores == sorted(scores, reverse=True)
    assert doc["recommendations"][-1]["exercise_id"] == "bird_dog"  # the one that hurt

    code, out, _ = _run(capsys, "recommend", "--today", "2026-05-11", "--k", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Next session: week 1, session 1 on 2026-05-11."
    assert "Recommended for you:" in lines
    assert " 1. Kettlebell swing (kb_swing): planned, score 1.00" in lines
    assert "      - In your next session (week 1, session 1)." in lines
    assert len([x for x in lines if x[:3].strip().rstrip(".").isdigit()]) == 2


def test_a_logged_planned_session_moves_to_the_next(cli_db, capsys):
    _run(
        capsys,
        "log",
        "session",
        "--at",
        "2026-05-08T18:00:00",
        "--plan-week",
        "1",
        "--plan-session",
        "1",
        "--set",
        "kb_swing:reps=10",
    )
    code, out, _ = _run(capsys, "recommend", "--today", "2026-05-09", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["next_session"] == {"week": 1, "session": 2, "date": "2026-05-13"}
    planned = {r["exercise_id"] for r in doc["recommendations"] if r["kind"] == "planned"}
    assert planned == {"db_rdl", "single_leg_rdl"}


def test_substitute_without_a_kettlebell_keeps_the_fast_hinge(cli_db, capsys):
    code, out, err = _run(
        capsys,
        "recommend",
        "--substitute",
        "kb_swing",
        "--missing",
        "kettlebell",
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["needed"]["qualities"] == ["rate_of_force_development"]
    subs = doc["substitutes"]
    assert [s["exercise_id"] for s in subs] == ["band_pull_through_fast"]
    assert subs[0]["reason"].startswith("No kettlebell today: Explosive band pull-through keeps")
    code, out, _ = _run(capsys, "recommend", "--substitute", "kb_swing", "--missing", "kettlebell")
    assert code == 0
    assert "Substitutes for Kettlebell swing (kb_swing):" in out
    assert "In your next session it alone gives the week rate of force development." in out
    assert " 1. Explosive band pull-through (band_pull_through_fast), similarity 0.93" in out


def test_substitute_when_it_hurts(cli_db, capsys):
    code, out, _ = _run(capsys, "recommend", "--substitute", "db_rdl", "--hurts")
    assert code == 0
    assert "Dumbbell romanian deadlift hurts: " not in out  # names come from the catalogue
    assert "Dumbbell Romanian deadlift hurts: " in out


def test_mat_is_always_available(cli_db, capsys):
    code, out, _ = _run(capsys, "recommend", "--substitute", "side_bridge", "--missing", "mat")
    assert code == 0
    assert "Note: A mat stands for floor space, which is always available" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--missing", "band"], "--missing/--hurts: only with --substitute EXERCISE_ID"),
        (["--substitute", "nope"], "--substitute: no exercise with id 'nope'"),
        (["--substitute", "kb_swing", "--missing", "kettlebells"], "unknown equipment"),
        (["--athlete", "ghost"], "--athlete: no plan is stored for 'ghost'"),
    ],
)
def test_bad_input_exits_2_naming_the_option(cli_db, capsys, argv, message):
    code, out, err = _run(capsys, "recommend", *argv)
    assert code == 2
    assert message in err
    assert out == ""


def test_the_profile_gives_equipment_sensitivities_and_findings(cli_db, capsys, repo_root):
    profile = repo_root / "examples" / "profile.example.toml"
    code, out, err = _run(
        capsys,
        "recommend",
        "--profile",
        str(profile),
        "--today",
        "2026-05-11",
        "--format",
        "json",
        "--k",
        "20",
    )
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["notes"] == []
    ids = {r["exercise_id"] for r in doc["recommendations"]}
    assert "kb_swing" not in ids  # no kettlebell in the example profile
    assert "granny_toss" not in ids  # loads flexion, which the example athlete avoids
    assert any(r["parts"].get("findings") for r in doc["recommendations"])


def test_log_today_names_what_you_may_also_like(cli_db):
    said: list[str] = []
    clock = [datetime(2026, 5, 4, 7, 30)]

    def ask(question: str, default: str) -> str:
        clock[0] += timedelta(seconds=5)
        return ""

    io = Prompter(ask, said.append, lambda s: None, lambda: clock[0])
    assert isinstance(log_cli.run_today("default", date(2026, 5, 4), io, timers=False), int)
    assert "[strength] Kettlebell swing: 3 x 8 reps, rest 60 s" in said
    line = said[said.index("[strength] Kettlebell swing: 3 x 8 reps, rest 60 s") + 2]
    assert line == (
        "  You may also like: Explosive band pull-through, Medicine-ball granny toss, "
        "Kettlebell deadlift"
    )
