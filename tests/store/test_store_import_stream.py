"""Streaming imports (decision 0277): memory that does not grow with the file, all or nothing.

The memory test runs the import in a child process under ``tracemalloc`` and compares the peak
of a file four times as long: reading the whole file first makes the peak grow about four
times; streaming keeps it flat.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from spinewise.errors import MalformedFileError
from spinewise.logbook import ExerciseMatcher
from spinewise.store import list_sessions, reading
from spinewise.store.importers import base, import_backup, import_file, parse_file, stream
from spinewise.store.importers.jsonfile import JsonFile
from spinewise.store.importers.jsonstream import JsonStream
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


def _backup_lines(n_sets: int, per_session: int = 40) -> list[str]:
    """A backup of ``n_sets`` sets, ``per_session`` a session, one session a line."""
    start = datetime(2001, 1, 1, 17, 30)
    lines = ['{"schema_version": 1, "athlete": {"name": "ann"}, "sessions": [\n']
    ids = ("bird_dog", "side_plank", "romanian_deadlift", "goblet_squat")
    for session in range(0, n_sets // per_session):
        sets = [
            {"exercise_id": ids[i // 10 % 4], "set_number": i % 10 + 1, "reps": 5, "load_kg": 20.0}
            for i in range(per_session)
        ]
        when = (start + timedelta(days=session)).isoformat()
        lines.append(("," if session else "") + json.dumps({"started_at": when, "sets": sets}))
        lines.append("\n")
    lines.append("]}\n")
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

    from spinewise.store.importers import import_backup

    small, big, url, fmt = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    engine = create_engine_from_url(url)
    ensure_current(engine)
    matcher = ExerciseMatcher([])
    later = date(2100, 1, 1)

    def run(path, name):
        if fmt == "json":
            return import_backup(engine, path, name, today=later)
        return import_file(engine, path, fmt, name, matcher, today=later)

    tracemalloc.start()
    run(small, "warm-up")
    tracemalloc.reset_peak()
    report = run(big, "ann")
    print(tracemalloc.get_traced_memory()[1], report.counts.sets_added)
    """
)


def _peak_bytes(tmp_path: Path, n_sets: int, fmt: str = "strong") -> int:
    """Peak traced memory [bytes] of importing ``n_sets`` sets, in a fresh process."""
    folder = tmp_path / f"{fmt}-{n_sets}"
    folder.mkdir()
    lines = _backup_lines if fmt == "json" else _strong_lines
    small = _write(folder / "small", lines(100))
    big = _write(folder / "big", lines(n_sets))
    url = f"sqlite:///{(folder / 'peak.db').as_posix()}"
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(small), str(big), url, fmt],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    peak, added = (int(v) for v in done.stdout.split())
    assert added == n_sets
    return peak


@pytest.mark.parametrize("fmt", ["strong", "json"])
def test_import_memory_does_not_grow_with_the_file(tmp_path, fmt):
    small, large = _peak_bytes(tmp_path, 20_000, fmt), _peak_bytes(tmp_path, 80_000, fmt)
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


def test_a_bad_session_at_the_end_of_a_big_backup_changes_nothing(engine, tmp_path):
    lines = _backup_lines(12_000)
    late = datetime(2001, 1, 1, 17, 30) + timedelta(days=900)
    bad = {"started_at": late.isoformat(), "sets": [{"exercise_id": "bird_dog", "reps": 5}]}
    lines[-1:] = [",", json.dumps(bad), "\n]}\n"]
    path = _write(tmp_path / "backup.json", lines)
    with pytest.raises(MalformedFileError) as err:
        import_backup(engine, path, today=FAR_FUTURE)
    message = str(err.value)
    assert message.startswith("backup.json: line 302, column "), message  # 1 + 300 sessions
    assert message.endswith("(sessions[300].sets[0].set_number): Field required"), message
    assert _stored_counts(engine) == (0, 0, 0)
    lines[-3:] = ["\n]}\n"]
    report = import_backup(engine, _write(tmp_path / "ok.json", lines), today=FAR_FUTURE)
    assert (report.counts.sessions_added, report.counts.sets_added) == (300, 12_000)
    again = import_backup(engine, _write(tmp_path / "ok.json", lines), today=FAR_FUTURE)
    assert (again.counts.sessions_merged, again.counts.sets_merged) == (300, 12_000)


DOCUMENTS = (
    '{"a": [1, 22, 333, -4.5e3, "\u00e9t\u00e9 \u2603", true, null], "b": {"c": [[], {}]}}',
    '{\n  "sessions": [\n    {"x": 12345678901234567890},\n    {"y": "\u00fcber"}\n  ]\n}\n',
    '\ufeff{"a": "caf\u00e9"}',
)


def _read_all(path: Path, chunk: int) -> dict[str, object]:
    """The top-level members of a JSON object, arrays read item by item."""
    found: dict[str, object] = {}
    with JsonStream(path, path.name, chunk=chunk) as stream:
        stream.expect("{", "an object")
        for key in stream.members():
            if stream.peek() == "[":
                stream.expect("[", "a list")
                found[key] = [piece.value for piece in stream.items()]
            else:
                found[key] = stream.value().value
        stream.end()
    return found


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 64])
@pytest.mark.parametrize("text", DOCUMENTS)
def test_the_json_stream_decodes_as_the_whole_file_does(tmp_path, text, chunk):
    """Pieces of any size, cut inside numbers and inside multi-byte characters."""
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    assert _read_all(path, chunk) == json.loads(text.lstrip("\ufeff"))


@pytest.mark.parametrize("chunk", [1, 4, 1 << 20])
@pytest.mark.parametrize(
    "text",
    ['{"sessions": [\n  {"a": 1},\n  {"a": 2,,}\n]}', '{"sessions": [1, 2}', '{"a": 1} x'],
)
def test_json_stream_errors_name_the_line_and_column_json_names(tmp_path, text, chunk):
    path = tmp_path / "e.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MalformedFileError) as whole:
        JsonFile(path)
    with pytest.raises(MalformedFileError) as streamed:
        _read_all(path, chunk)
    where = str(whole.value).split(": not JSON")[0]
    assert str(streamed.value).startswith(where + ": not JSON"), (whole.value, streamed.value)


_ROW = st.tuples(
    st.sampled_from([datetime(2024, 3, d, 9) for d in (1, 2, 3)]),
    st.sampled_from(["Bird Dog", "Dead Bug", "Goblet Squat"]),
    st.sampled_from(["1", "2", "3", "W", "D"]),
    st.integers(min_value=0, max_value=30),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(_ROW, min_size=1, max_size=40))
def test_any_order_of_rows_is_numbered_as_when_read_whole(
    rows, sqlite_engine, tmp_path_factory, matcher, monkeypatch
):
    """Tiny chunks and batches: sessions cut anywhere and coming back keep the whole-file keys."""
    monkeypatch.setattr(base, "CHUNK_SETS", 2)
    monkeypatch.setattr(stream, "SET_BATCH", 3)
    folder = tmp_path_factory.mktemp("rows")
    path = _write(folder / "rows.csv", [HEADER] + [_row(w, n, o, reps=r) for w, n, o, r in rows])
    whole = parse_file(path, "strong", matcher)
    name = f"ann-{folder.name}"
    report = import_file(sqlite_engine, path, "strong", name, matcher)
    assert report.counts.sets_added == len(rows)
    with reading(sqlite_engine) as db:
        who = athlete_id(db, name, create=False)
        assert who is not None
        stored = [s.log for s in list_sessions(db, who)]
    assert _keys(stored) == _keys(whole.sessions)


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory):
    from spinewise.store import create_engine_from_url, ensure_current

    path = tmp_path_factory.mktemp("db") / "rows.db"
    engine = create_engine_from_url(f"sqlite:///{path.as_posix()}")
    ensure_current(engine)
    yield engine
    engine.dispose()
