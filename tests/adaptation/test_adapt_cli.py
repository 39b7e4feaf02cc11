"""`spinewise next` and `spinewise status` on a stored plan and log (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from spinewise.catalog import load_catalog
from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.logbook.entries import PainScores, PlannedRef, SessionLog, SetLog
from spinewise.logbook.planned import planned_sessions
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import load_profile
from spinewise.settings import Settings
from spinewise.store import (
    add_session,
    athlete_id,
    latest_plan,
    logged_planned_sessions,
    writing,
)
from spinewise.store.engine import create_engine_from_settings
from stored_versions import assert_every_version_validates, stored_versions

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "profile.example.toml"


@pytest.fixture
def stored(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    monkeypatch.setattr(render.console, "_width", 160)
    plan = make_plan_for_profile(load_profile(EXAMPLE), weeks=4)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(plan.dumps(), encoding="utf-8")
    assert main(["log", "use-plan", str(plan_file)]) == 0
    first = planned_sessions(plan)[0]
    assert first.date is not None
    sets = tuple(
        SetLog(
            exercise_id=it.exercise_id,
            set_number=n,
            side=side,
            reps=it.reps,
            hold_s=it.hold_s,
            distance_m=it.distance_m,
            rpe=6,
        )
        for it in first.items
        for n in range(1, it.sets + 1)
        for side in (("left", "right") if it.per_side else (None,))
    )
    log = SessionLog(
        started_at=datetime.combine(first.date, datetime.min.time()),
        duration_min=40,
        session_rpe=7,
        pain=PainScores(during=8, after=6),
        planned=PlannedRef(plan_version=1, week=1, session=1),
        sets=sets,
    )
    engine = create_engine_from_settings(Settings())
    with writing(engine) as db:
        who = athlete_id(db, "default")
        assert who is not None
        add_session(db, who, log)
    engine.dispose()
    assert load_catalog()  # the packaged catalogue is what the plan uses
    return tmp_path


def test_next_regresses_after_a_flare_up_and_stores_a_version(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["next", "--profile", str(EXAMPLE), "--today", "2026-12-08", "--apply"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 progress" in out
    assert "regress" in out
    assert "pain during the session was unacceptable" in out
    assert "Stored plan version 2." in out
    engine = create_engine_from_settings(Settings())
    with writing(engine) as db:
        who = athlete_id(db, "default")
        assert who is not None
        newest = latest_plan(db, who)
        assert newest is not None
        assert newest.record.version == 2
        # the session logged against version 1 counts for version 2 (same week/session numbers)
        assert (1, 1) in logged_planned_sessions(db, newest.id, newest.record.plan)
    engine.dispose()
    # the stored profile is used next time; nothing left to change after applying
    code = main(["status", "--today", "2026-12-08"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "acute:chronic ratio" in out
    assert "never as an injury prediction" in out
    # every stored version, the planner's and the adapted one, passes `spinewise plan validate`
    engine = create_engine_from_settings(Settings())
    with writing(engine) as db:
        who = athlete_id(db, "default")
    assert who is not None
    versions = stored_versions(engine, who)
    engine.dispose()
    assert assert_every_version_validates(versions, EXAMPLE, stored) == 2


def test_next_without_a_profile_is_an_input_error(
    stored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["next", "--today", "2026-12-08"]) == 2
    assert "--profile: needed" in capsys.readouterr().err


def test_bad_today_is_an_input_error(stored: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["next", "--profile", str(EXAMPLE), "--today", "tomorrow"]) == 2
    assert "--today: not a date" in capsys.readouterr().err
