"""The job record and the done-once write on both databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spinewise.services as sv
from jobs.job_helpers import LATER, seed
from stored_versions import assert_every_version_validates, stored_versions


def test_a_job_is_recorded_once_and_its_plan_stored_once(
    engine: Any, example_plan: tuple[Any, dict[str, Any]], repo_root: Path, tmp_path: Path
) -> None:
    store = sv.Store(engine)
    athlete = seed(store, example_plan, "db-jobs")
    plan = sv.newest_plan(store, athlete)
    assert plan is not None
    key = sv.replan_key(athlete, plan.id, LATER.date())
    args = {"now": LATER.isoformat()}
    first, created = sv.record_job(store, key, "replan", athlete, args, now=LATER)
    again, created_again = sv.record_job(store, key, "replan", athlete, args, now=LATER)
    assert (created, created_again) == (True, False)
    assert first.key == again.key
    one = sv.adapt_plan(store, athlete, today=LATER.date())
    two = sv.adapt_plan(store, athlete, today=LATER.date())
    assert sv.store_adaptation(store, athlete, one, now=LATER, job_key=key) is not None
    assert sv.store_adaptation(store, athlete, two, now=LATER, job_key=key) is None
    assert len(sv.user_plans(store, athlete)) == 2
    state = sv.job_state(store, key)
    assert state is not None
    assert (state.state, state.result) == ("done", {"plan_version": 2, "changes": 1})
    assert [j.key for j in sv.athlete_jobs(store, athlete)] == [key]
    example = repo_root / "examples" / "profile.example.toml"
    versions = stored_versions(store.engine, athlete)
    assert assert_every_version_validates(versions, example, tmp_path) == 2
