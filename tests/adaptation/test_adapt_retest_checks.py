"""A retest's re-planned version passes the validator too (issue 13, part 4; decision 0220)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import spinewise.services.retest as retest_service
from adaptation.test_adapt_checks import _with_band_good_morning
from spinewise.cli import render
from spinewise.cli.app import main
from spinewise.planning.make import make_plan_for_profile
from spinewise.profile import load_profile
from spinewise.services import Store, record_retest, save_profile
from spinewise.store import (
    athlete_id,
    create_engine_from_url,
    ensure_current,
    list_profiles,
    reading,
    writing,
)
from stored_versions import assert_every_version_validates, stored_versions

DESK = Path(__file__).parents[1] / "profiles" / "desk_worker_flexion.toml"


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, int, Any]]:
    """The desk worker's plan and profile in a fresh SQLite store, as `log use-plan` leaves it."""
    url = f"sqlite:///{tmp_path / 'retest.db'}"
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", url)
    monkeypatch.setattr(render.console, "_width", 200)
    engine = create_engine_from_url(url)
    ensure_current(engine)
    profile = load_profile(DESK)
    plan = make_plan_for_profile(profile)
    path = tmp_path / "plan.json"
    path.write_text(plan.dumps(), encoding="utf-8")
    assert main(["log", "use-plan", str(path)]) == 0
    with writing(engine) as db:
        who = athlete_id(db, "default")
    assert who is not None
    start = plan.weeks[0].sessions[0].date
    assert start is not None
    store = Store(engine)
    save_profile(store, who, profile, now=datetime.combine(start, datetime.min.time()))
    yield store, who, start
    engine.dispose()


def test_each_stored_version_of_a_retest_passes_plan_validate(stored, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store, who, start = stored
    day = start + timedelta(days=20)
    outcome = record_retest(
        store,
        who,
        {"side_bridge_left_s": 70, "side_bridge_right_s": 75},
        now=datetime.combine(day, datetime.min.time()),
    )
    assert outcome.held is None
    assert outcome.plan is not None
    versions = stored_versions(store.engine, who)
    assert [v for v, _ in versions] == [1, 2]
    with reading(store.engine) as db:
        newest_profile = list_profiles(db, who)[-1].profile
    # version 1 was made for the profile before the retest, version 2 for the one after it
    assert assert_every_version_validates(versions[:1], DESK, tmp_path) == 1
    assert assert_every_version_validates(versions[1:], newest_profile, tmp_path) == 1


def test_a_retest_re_plan_that_breaks_a_rule_is_not_stored(
    stored, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    store, who, start = stored
    real = retest_service.replan_after_retest

    def faulty(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = real(*args, **kwargs)
        assert made is not None
        plan, change = made
        last = plan.weeks[-1].index  # a barbell good morning for someone with a mat and a band
        plan, _ = _with_band_good_morning(plan, last, "barbell_good_morning")
        return plan, change

    monkeypatch.setattr(retest_service, "replan_after_retest", faulty)
    day = start + timedelta(days=20)
    code = main(["retest", "--side-bridge-left", "70", "--today", day.isoformat()])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "the plan was not planned again" in out
    assert "only exercises whose equipment is available" in out
    assert "Stored plan version" not in out
    assert [v for v, _ in stored_versions(store.engine, who)] == [1]
    with reading(store.engine) as db:
        assert list_profiles(db, who)[-1].profile["tests"]["side_bridge_left_s"] == 70
