"""Retests at the end of each phase; the results re-plan the weeks still to come."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from spinewise.adaptation.retest import hold_changes, replan_after_retest
from spinewise.catalog import load_catalog
from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.planning.make import make_plan_for_profile, spine_compression
from spinewise.planning.planner import make_plan
from spinewise.planning.request import PlanRequest
from spinewise.profile import load_profile
from spinewise.report.plan_markdown import plan_to_markdown
from spinewise.services import Store, record_retest, save_profile
from spinewise.settings import Settings
from spinewise.store import athlete_id, latest_plan, writing
from spinewise.store.engine import create_engine_from_settings

CATALOG = load_catalog()
DESK = Path(__file__).parents[1] / "profiles" / "desk_worker_flexion.toml"
REQUEST = PlanRequest(
    name="Retest",
    sex="female",
    age=38,
    body_mass_kg=62.0,
    training_experience="novice",
    days_per_week=3,
    minutes_per_session=30,
    weeks=8,
    equipment=frozenset({"mat", "band", "dumbbell", "wall"}),
    start_date=date(2026, 12, 7),
    tested_holds_s=(("side_bridge", 20.0), ("trunk_extensor", 40.0)),
)


def _side_bridge_holds(plan, weeks: range) -> list[float]:  # type: ignore[no-untyped-def]
    return [
        item.dose.hold_s
        for week in plan.weeks
        if week.index in weeks
        for session in week.sessions
        for _block, item in session.items()
        if "side_bridge" in item.exercise_id and item.dose.hold_s is not None
    ]


def test_a_retest_falls_at_the_end_of_every_phase() -> None:
    plan = make_plan_for_profile(load_profile(DESK))
    ends = [
        w.index
        for i, w in enumerate(plan.weeks)
        if i + 1 == len(plan.weeks) or plan.weeks[i + 1].phase != w.phase
    ]
    assert [r.week for r in plan.retests] == ends
    assert all(r.session == len(plan.weeks[0].sessions) for r in plan.retests)
    assert "compare them with your first results" in plan.retests[-1].what
    markdown = plan_to_markdown(plan)
    assert markdown.count("Retest after session") == len(ends)
    assert "side bridge, left" in markdown


def test_the_retest_re_plans_the_weeks_to_come_with_the_new_holds() -> None:
    plan = make_plan(REQUEST, CATALOG, compression=spine_compression())
    stronger = replace(REQUEST, tested_holds_s=(("side_bridge", 60.0), ("trunk_extensor", 90.0)))
    logged = {(w, s) for w in (1, 2, 3) for s in (1, 2, 3)}
    today = date(2026, 12, 27)  # Sunday of week 3
    result = replan_after_retest(
        plan, logged, today, before=REQUEST, after=stronger, catalog=CATALOG
    )
    assert result is not None
    new, change = result
    assert change.verdict == "retest"
    assert change.from_week == 4
    assert new.version == 2
    assert new.weeks[:3] == plan.weeks[:3]  # the weeks done stay as they were
    assert "side bridge (weaker side) 20 s -> 60 s" in change.reasons[0]
    assert "Weeks 4 to 8 are planned again" in change.reasons[0]
    later = range(4, 9)
    assert max(_side_bridge_holds(new, later)) > max(_side_bridge_holds(plan, later))


def test_hold_changes_name_only_what_changed() -> None:
    after = replace(REQUEST, tested_holds_s=(("side_bridge", 20.0), ("trunk_extensor", 55.0)))
    assert hold_changes(REQUEST, after) == ["back-extensor hold 40 s -> 55 s"]


@pytest.fixture
def store(db_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", db_url)
    monkeypatch.setattr(render.console, "_width", 200)
    engine = create_engine_from_settings(Settings())
    yield Store(engine)
    engine.dispose()


def test_cli_retest_stores_the_profile_and_a_re_planned_version(store, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    profile = load_profile(DESK)
    plan = make_plan_for_profile(profile)
    path = tmp_path / "plan.json"
    path.write_text(plan.dumps(), encoding="utf-8")
    assert main(["log", "use-plan", str(path)]) == 0
    with writing(store.engine) as db:
        who = athlete_id(db, "default")
    assert who is not None
    start = plan.weeks[0].sessions[0].date
    assert start is not None
    save_profile(store, who, profile, now=datetime.combine(start, datetime.min.time()))
    day = start + timedelta(days=20)
    code = main(
        [
            "retest",
            "--side-bridge-left",
            "70",
            "--side-bridge-right",
            "75",
            "--today",
            day.isoformat(),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Retest on" in out
    assert "Stored plan version 2." in out
    with writing(store.engine) as db:
        newest = latest_plan(db, who)
    assert newest is not None
    assert newest.record.plan.adaptations[-1].verdict == "retest"


def test_a_bad_hold_time_changes_nothing(store, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    profile = load_profile(DESK)
    who_code = main(["log", "use-plan", str(_plan_file(tmp_path, profile))])
    assert who_code == 0
    with writing(store.engine) as db:
        who = athlete_id(db, "default")
    assert who is not None
    save_profile(store, who, profile, now=datetime(2026, 12, 1, 8))
    code = main(["retest", "--trunk-flexor", "-5", "--today", "2026-12-20"])
    err = capsys.readouterr().err
    assert code == 2
    assert "tests.trunk_flexor_s" in err
    with writing(store.engine) as db:
        newest = latest_plan(db, who)
    assert newest is not None
    assert newest.record.version in (None, 1)
    with pytest.raises(Exception, match="at least one hold time"):
        record_retest(store, who, {}, now=datetime(2026, 12, 20, 8))


def _plan_file(tmp_path: Path, profile) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.json"
    path.write_text(make_plan_for_profile(profile).dumps(), encoding="utf-8")
    return path
