"""Streaming imports (decision 0277): memory that does not grow with the file, all or nothing.

The memory test runs the import in a child process under ``tracemalloc`` and compares the peak
of a file four times as long: reading the whole file first makes the peak grow about four
times; streaming keeps it flat.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from spinewise.errors import MalformedFileError
from spinewise.logbook import ExerciseMatcher
from spinewise.store import list_sessions, reading
from spinewise.store.importers import import_file, parse_file
from spinewise.store.sessions import athlete_id
from spinewise.store.tables import ImportRow, SessionRow, SetRow

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
NAMES = ("Bird Dog", "Side Plank", "Romanian Deadlift (Barbell)", "Goblet Squat", "Dead Bug")
FAR_FUTURE = date(2100, 1, 1)


def _row(when: datetime, name: str, order: str, weight: object = 20, reps: int = 5) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S},Day,1h,{name},{order},{weight},{reps},0,0,,,\n"


def _strong_lines(n_sets: int, per_session: int = 40) -> list[str]:
    """``n_sets`` sets, ``per_session`` a session, 5 a exercise (numbered 1-5)."""
    start = datetime(2001, 1, 1, 17, 30)
    lines = [HEADER]
    for i in range(n_sets):
        session, within = divmod(i, per_session)
        name = NAMES[(within // 5 + session) % len(NAMES)]
        lines.append(_row(start + timedelta(days=session), name, str(within % 5 + 1), 20 + i % 40))
    return lines


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _stored_counts(engine) -> tuple[int, int, int]:
    with reading(engine) as db:
        return (
            db.scalar(select(func.count()).select_from(SessionRow)) or 0,
            db.scalar(select(func.count()).select_from(SetRow)) or 0,
            db.scalar(select(func.count()).select_from(ImportRow)) or 0,
        )


_PEAK = textwrap.dedent(
    """
    import sys, tracemalloc
    from datetime import date
    from pathlib import Path
    from spinewise.logbook import ExerciseMatcher
    from spinewise.store import create_engine_from_url, ensure_current
    from spinewise.store.importers import import_file

    small, big, url = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    engine = create_engine_from_url(url)
    ensure_current(engine)
    matcher = ExerciseMatcher([])
    tracemalloc.start()
    import_file(engine, small, "strong", "warm-up", matcher, today=date(2100, 1, 1))
    tracemalloc.reset_peak()
    report = import_file(engine, big, "strong", "ann", matcher, today=date(2100, 1, 1))
    print(tracemalloc.get_traced_memory()[1], report.counts.sets_added)
    """
)


def _peak_bytes(tmp_path: Path, n_sets: int) -> int:
    """Peak traced memory [bytes] of importing ``n_sets`` sets, in a fresh process."""
    folder = tmp_path / str(n_sets)
    folder.mkdir()
    small = _write(folder / "small.csv", _strong_lines(100))
    big = _write(folder / "big.csv", _strong_lines(n_sets))
    url = f"sqlite:///{(folder / 'peak.db').as_posix()}"
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(small), str(big), url],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    peak, added = (int(v) for v in done.stdout.split())
    assert added == n_sets
    return peak


def test_import_memory_does_not_grow_with_the_file(tmp_path):
    small, large = _peak_bytes(tmp_path, 20_000), _peak_bytes(tmp_path, 80_000)
    # Reading the whole file first: about 4 times the peak for 4 times the sets.
    assert large < 1.5 * small, f"peak {small:,} B for 20,000 sets, {large:,} B for 80,000"
    assert large < 40e6, f"peak {large:,} B for 80,000 sets"


def test_a_bad_row_at_the_end_of_a_big_file_changes_nothing(engine, tmp_path, matcher):
    lines = _strong_lines(12_000)
    last = datetime(2001, 1, 1, 17, 30) + timedelta(days=400)
    lines.append(_row(last, "Bird Dog", "1", weight="heavy"))
    path = _write(tmp_path / "strong.csv", lines)
    with pytest.raises(MalformedFileError) as err:
        import_file(engine, path, "strong", "ann", matcher, today=FAR_FUTURE)
    message = str(err.value)
    assert f"line {len(lines)}, column 6 (Weight)" in message
    assert "expected a number, got 'heavy'" in message
    assert _stored_counts(engine) == (0, 0, 0)


def test_a_failure_after_batches_were_written_rolls_everything_back(engine, tmp_path, matcher):
    """Set numbers past 10,000 show only while writing, after 6,000 sets went to the database."""
    lines = _strong_lines(6_000)
    late = datetime(2001, 1, 1, 17, 30) + timedelta(days=1000)
    lines += [_row(late, "Bird Dog", "W") for _ in range(10_001)]  # warm-ups: numbered after
    path = _write(tmp_path / "strong.csv", lines)
    with pytest.raises(MalformedFileError) as err:
        import_file(engine, path, "strong", "ann", matcher, today=FAR_FUTURE)
    message = str(err.value)
    assert f"line {len(lines)}, column 5 (Set Order)" in message
    assert "less than or equal to 10000, got 10001" in message
    assert _stored_counts(engine) == (0, 0, 0)
    report = import_file(
        engine, _write(tmp_path / "ok.csv", lines[:-1]), "strong", "ann", matcher, today=FAR_FUTURE
    )
    assert report.counts.sets_added == 16_000
    assert _stored_counts(engine) == (151, 16_000, 1)


def _keys(sessions) -> set[tuple[datetime, str, int, str | None, int | None, str | None]]:
    return {
        (log.started_at, s.exercise_id, s.set_number, s.side, s.reps, s.set_type)
        for log in sessions
        for s in log.sets
    }


def test_a_session_in_pieces_is_numbered_as_when_read_whole(engine, tmp_path, matcher):
    """A session longer than a chunk and one whose rows come back later keep the same keys."""
    one = datetime(2024, 3, 1, 9)
    two = datetime(2024, 3, 2, 9)
    lines = [HEADER]
    lines += [_row(one, "Bird Dog", "W", reps=i) for i in range(3)]  # numbered after the rest
    lines += [_row(one, NAMES[i % 3], str(i // 3 + 1), reps=i) for i in range(1_200)]
    lines += [_row(two, "Dead Bug", "1"), _row(two, "Dead Bug", "1", reps=9)]  # a repeat
    lines += [_row(one, "Bird Dog", "1", reps=77), _row(one, "Bird Dog", "402", reps=78)]
    lines += [_row(one, "Side Plank", "W", reps=79)]
    path = _write(tmp_path / "pieces.csv", lines)
    whole = parse_file(path, "strong", matcher)
    report = import_file(engine, path, "strong", "ann", matcher)
    assert report.counts.sessions_added == 2
    assert report.counts.sets_added == whole.set_count == 1_208
    with reading(engine) as db:
        who = athlete_id(db, "ann", create=False)
        assert who is not None
        stored = [s.log for s in list_sessions(db, who)]
    assert _keys(stored) == _keys(whole.sessions)
    bird = {(s.set_number, s.reps) for s in stored[0].sets if s.exercise_id == "bird_dog"}
    assert (402, 78) in bird  # the source's own number, free
    # Warm-ups, then the second set 1, after every numbered set, in file order.
    assert {(403, 0), (404, 1), (405, 2), (406, 77)} <= bird
    again = import_file(engine, path, "strong", "ann", matcher)
    assert (again.counts.sets_added, again.counts.sets_merged) == (0, 1_208)


def test_a_dry_run_streams_and_writes_nothing(engine, tmp_path):
    path = _write(tmp_path / "strong.csv", _strong_lines(6_000))
    matcher = ExerciseMatcher([])
    preview = import_file(engine, path, "strong", "ann", matcher, dry_run=True, today=FAR_FUTURE)
    assert (preview.counts.sessions_added, preview.counts.sets_added) == (150, 6_000)
    assert _stored_counts(engine) == (0, 0, 0)
