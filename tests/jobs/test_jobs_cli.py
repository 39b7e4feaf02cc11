"""``spinewise worker`` and ``spinewise replan-all`` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

import spinewise.services as sv
from jobs.job_helpers import LATER, plan_count
from spinewise.cli.app import main
from stored_versions import assert_every_version_validates, stored_versions


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_worker_without_a_broker_says_what_to_set(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SPINEWISE_REDIS_URL", raising=False)
    monkeypatch.delenv("SPINEWISE_BROKER_URL", raising=False)
    code, _, err = _run(capsys, "worker")
    assert code != 0
    assert "SPINEWISE_REDIS_URL or SPINEWISE_BROKER_URL" in err
    code, _, err = _run(capsys, "worker", "--processes", "0")
    assert code != 0
    assert "--processes: must be 1 to 64, got 0" in err


def test_replan_all_embedded_replans_who_needs_it_once(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    store: sv.Store,
    athlete: int,
    db_file: Path,
    repo_root: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SPINEWISE_DATABASE_URL", f"sqlite:///{db_file}")
    monkeypatch.delenv("SPINEWISE_REDIS_URL", raising=False)
    monkeypatch.delenv("SPINEWISE_BROKER_URL", raising=False)
    assert sv.needs_replan(store, today=LATER.date()) != []
    code, out, err = _run(capsys, "replan-all", "--date", LATER.date().isoformat())
    assert code == 0, err
    assert "Re-plans queued: 1" in out
    assert plan_count(db_file, athlete) == 2
    example = repo_root / "examples" / "profile.example.toml"
    versions = stored_versions(store.engine, athlete)
    assert assert_every_version_validates(versions, example, tmp_path) == 2
    code, _, err = _run(capsys, "replan-all", "--date", "15 December")
    assert code != 0
    assert "--date: must be a day as YYYY-MM-DD, got '15 December'" in err
