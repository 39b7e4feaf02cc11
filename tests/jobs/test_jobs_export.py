"""The export job writes the streamed export (decision 0277): the same bytes, never held whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import spinewise.services as sv
from jobs.job_helpers import LATER
from spinewise.jobs import JobSettings, open_queue

EMBEDDED = JobSettings(redis_url=None, broker_url=None, job_min_backoff_ms=10)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_the_export_job_writes_the_streamed_history(
    store: sv.Store, athlete: int, tmp_path: Path, fmt: str
) -> None:
    dest = tmp_path / f"history.{fmt}"
    queue = open_queue(store, EMBEDDED)
    try:
        state = queue.enqueue_export("jobs", fmt, dest, now=LATER)
        queue.join()
    finally:
        queue.close()
    final = sv.job_state(store, state.key)
    assert final is not None
    assert final.state == "done"
    assert final.result == {"path": str(dest), "sessions": sv.count_history(store, "jobs")}
    assert dest.read_text(encoding="utf-8") == sv.export_history(store, "jobs", fmt).text
    assert not dest.with_suffix(dest.suffix + ".part").exists()
