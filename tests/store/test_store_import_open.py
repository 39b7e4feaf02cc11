"""Sessions open at once in a streamed import (decision 0277, amendment of 2026-12-06).

A session whose rows come back later in the file stays open in the write pass (its values,
taken set numbers and sets waiting for a number) until its last chunk is read. A file listing
every session once and then every session again keeps them all open; sets without a number of
their own wait in their session. Both are bounded: the survey refuses a file with more than
``MAX_OPEN_SESSIONS`` sessions open at once before anything is written, and the write pass
refuses more than ``MAX_WAITING_SETS`` waiting sets (its transaction rolled back).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from spinewise.errors import InputError, MalformedFileError
from spinewise.logbook import ExerciseMatcher
from spinewise.store import list_sessions, reading
from spinewise.store.importers import import_file, stream
from spinewise.store.importers.base import RawSession, RawSet
from spinewise.store.sessions import athlete_id
from spinewise.store.tables import ImportRow, SessionRow, SetRow

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
START = datetime(2001, 1, 1, 17, 30)
FAR_FUTURE = date(2100, 1, 1)


def _row(when: datetime, name: str, order: str, reps: int = 5) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S},Day,1h,{name},{order},20,{reps},0,0,,,\n"


def _twice(path: Path, sessions: int) -> Path:
    """Every session's first set, then every session's second: all open at once."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for order in ("1", "2"):
            for i in range(sessions):
                handle.write(_row(START + timedelta(minutes=i), "Bird Dog", order))
    return path


def _warm_ups(path: Path, sets: int) -> Path:
    """One session of ``sets`` warm-ups (no number of their own) over five exercises."""
    names = ("Bird Dog", "Side Plank", "Dead Bug", "Goblet Squat", "Glute Bridge")
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        handle.writelines(_row(START, names[i % 5], "W", reps=i % 50) for i in range(sets))
    return path


def _stored_counts(engine) -> tuple[int, int, int]:
    with reading(engine) as db:
        return (
            db.scalar(select(func.count()).select_from(SessionRow)) or 0,
            db.scalar(select(func.count()).select_from(SetRow)) or 0,
            db.scalar(select(func.count()).select_from(ImportRow)) or 0,
        )


def _most_open(starts: str) -> int:
    """Survey chunks of one set whose sessions are named by letters, in file order."""
    chunks = [
        RawSession(
            i, {"started_at": START + timedelta(hours=ord(c))}, [RawSet("Bird Dog", i, 1, {})]
        )
        for i, c in enumerate(starts)
    ]
    found = stream.survey("strong", "f.csv", chunks, ExerciseMatcher([]), today=FAR_FUTURE)
    return found.most_open


@pytest.mark.parametrize(
    ("starts", "most"),
    [
        ("", 0),
        ("a", 0),
        ("abc", 0),
        ("aba", 1),
        ("abcabc", 3),
        ("abacdc", 1),
        ("abcbdca", 3),
        ("abacbc", 2),
    ],
)
def test_the_survey_counts_the_sessions_open_at_once(starts, most):
    assert _most_open(starts) == most


@pytest.mark.abuse
def test_too_many_sessions_open_at_once_are_refused_before_anything_is_written(engine, tmp_path):
    path = _twice(tmp_path / "twice.csv", stream.MAX_OPEN_SESSIONS + 1)
    matcher = ExerciseMatcher([])
    for dry_run in (True, False):
        with pytest.raises(InputError) as err:
            import_file(engine, path, "strong", "ann", matcher, dry_run=dry_run, today=FAR_FUTURE)
        assert str(err.value) == (
            "twice.csv: at one point of the file, 20,001 sessions have rows both before and "
            "after it (a session's rows should come together); at most 20,000 are allowed. "
            "Sort the file by date, or split it into smaller files, and import it again."
        )
    assert _stored_counts(engine) == (0, 0, 0)


@pytest.mark.abuse
def test_a_file_just_under_the_open_limit_imports_every_set(sqlite_engine, tmp_path):
    path = _twice(tmp_path / "twice.csv", stream.MAX_OPEN_SESSIONS)
    report = import_file(
        sqlite_engine, path, "strong", "ann", ExerciseMatcher([]), today=FAR_FUTURE
    )
    assert (report.counts.sessions_added, report.counts.sets_added) == (20_000, 40_000)
    with reading(sqlite_engine) as db:
        who = athlete_id(db, "ann", create=False)
        assert who is not None
        logs = [s.log for s in list_sessions(db, who, until=START.date())]
    assert len(logs) == 390  # 17:30 to midnight
    assert all([s.set_number for s in log.sets] == [1, 2] for log in logs)


def test_a_few_sessions_coming_back_later_are_merged(engine, tmp_path):
    """As Liftosaur or a hand-edited Strong file can give them: a few sessions in pieces."""
    days = [START + timedelta(days=d) for d in range(4)]
    lines = [HEADER, _row(days[0], "Bird Dog", "1"), _row(days[1], "Bird Dog", "1")]
    lines += [_row(days[0], "Bird Dog", "2"), _row(days[2], "Side Plank", "1")]
    lines += [_row(days[1], "Bird Dog", "W"), _row(days[3], "Dead Bug", "1")]
    lines += [_row(days[2], "Side Plank", "2"), _row(days[0], "Bird Dog", "3")]
    path = tmp_path / "pieces.csv"
    path.write_text("".join(lines), encoding="utf-8")
    report = import_file(engine, path, "strong", "ann", ExerciseMatcher([]), today=FAR_FUTURE)
    assert (report.counts.sessions_added, report.counts.sets_added) == (4, 8)
    with reading(engine) as db:
        who = athlete_id(db, "ann", create=False)
        assert who is not None
        numbers = {
            s.log.started_at: [x.set_number for x in s.log.sets] for s in list_sessions(db, who)
        }
    assert numbers == {days[0]: [1, 2, 3], days[1]: [1, 2], days[2]: [1, 2], days[3]: [1]}


@pytest.mark.abuse
def test_too_many_sets_waiting_for_a_number_are_refused_and_nothing_is_kept(engine, tmp_path):
    path = _warm_ups(tmp_path / "upload-5f2a.csv", stream.MAX_WAITING_SETS + 1)
    with pytest.raises(InputError) as err:
        import_file(
            engine,
            path,
            "strong",
            "ann",
            ExerciseMatcher([]),
            today=FAR_FUTURE,
            file_name="my history.csv",  # the name the person gave it
        )
    assert str(err.value).startswith(
        "my history.csv: line 20,002: more than 20,000 sets are waiting for a set number at once"
    )
    assert _stored_counts(engine) == (0, 0, 0)


@pytest.mark.abuse
def test_open_sessions_holding_too_many_high_set_numbers_are_refused(engine, tmp_path):
    """Each open session keeps, per exercise, a bit per number up to its highest (10,000)."""
    lines = [HEADER]
    whens = [START + timedelta(minutes=i) for i in range(2_600)]
    lines += [_row(when, f"Exercise {j}", "10000") for when in whens for j in range(5)]
    lines += [_row(when, "Exercise 0", "1") for when in whens]
    path = tmp_path / "high.csv"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_file(engine, path, "strong", "ann", ExerciseMatcher([]), today=FAR_FUTURE)
    assert str(err.value).startswith(
        "high.csv: line 12,801: the sessions with rows both before and after this line use "
        "too many high set numbers at once"
    )
    assert _stored_counts(engine) == (0, 0, 0)


def _wger_sharing_a_start(path: Path, sessions: int, first_reps: int = 8) -> Path:
    """wger sessions all starting at the same time, each one's first log, then each one's second.

    The streaming writer merges them into one session (one start); wger's own numbering keeps
    a count per exercise for each of them until its last log.
    """
    logs = [
        {"id": n, "date": "2024-02-01T17:35:00Z", "session": n % sessions + 1,
         "exercise": 91 + n % 5, "repetitions": 8, "repetitions_unit": 1, "weight": 20,
         "weight_unit": 1}
        for n in range(2 * sessions)
    ]  # fmt: skip
    logs[0]["repetitions"] = first_reps
    doc = {
        "exerciseinfo": [{"id": 91 + i, "name": f"Exercise {i}"} for i in range(5)],
        "workoutlog": [{"count": len(logs), "next": None, "results": logs}],
        "workoutsession": [
            {"id": s, "date": "2024-02-01", "time_start": "17:30:00"}
            for s in range(1, sessions + 1)
        ],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.abuse
def test_too_many_wger_sessions_open_at_once_are_refused_before_anything_is_written(
    engine, tmp_path
):
    path = _wger_sharing_a_start(tmp_path / "wger.json", stream.MAX_OPEN_SESSIONS + 1)
    with pytest.raises(InputError) as err:
        import_file(engine, path, "wger", "ann", ExerciseMatcher([]), today=FAR_FUTURE)
    assert str(err.value).startswith(
        "wger.json: at one point of the file, 20,001 sessions have rows both before and after it"
    )
    assert _stored_counts(engine) == (0, 0, 0)
    small = _wger_sharing_a_start(tmp_path / "small.json", 300)
    report = import_file(engine, small, "wger", "ann", ExerciseMatcher([]), today=FAR_FUTURE)
    assert (report.counts.sessions_added, report.counts.sets_added) == (1, 600)


@pytest.mark.abuse
def test_a_bad_value_is_named_before_too_many_open_wger_sessions(sqlite_engine, tmp_path):
    path = _wger_sharing_a_start(
        tmp_path / "wger.json", stream.MAX_OPEN_SESSIONS + 1, first_reps=10_001
    )
    with pytest.raises(MalformedFileError) as err:
        import_file(sqlite_engine, path, "wger", "ann", ExerciseMatcher([]), today=FAR_FUTURE)
    assert "got 10001" in str(err.value), str(err.value)


@pytest.fixture
def sqlite_engine(tmp_path):
    from spinewise.store import create_engine_from_url, ensure_current

    engine = create_engine_from_url(f"sqlite:///{(tmp_path / 'rows.db').as_posix()}")
    ensure_current(engine)
    yield engine
    engine.dispose()
