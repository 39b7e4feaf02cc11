"""wger imports stream (decision 0277, amendment of 2026-12-06): the same sessions, sets and
errors as reading the whole file, memory that does not grow with the file, all or nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from spinewise.errors import InputError, MalformedFileError
from spinewise.logbook import SessionLog
from spinewise.store import list_sessions, reading
from spinewise.store.importers import base, import_file, parse_file, stream, wgerstream
from spinewise.store.sessions import athlete_id
from spinewise.store.tables import ImportRow, SessionRow, SetRow

FAR_FUTURE = date(2100, 1, 1)

EXERCISEINFO = {
    "count": 4,
    "next": None,
    "results": [
        {
            "id": 91,
            "translations": [
                {"name": "Kreuzheben", "language": 1},
                {"name": "Romanian deadlift", "language": 2},
            ],
        },
        {"id": 92, "translations": [{"name": "Plank side", "language": 2}]},
        {"id": 93, "translations": [{"name": "Vogel-Hund", "language": 1}]},
        {"id": 94, "name": "Romanian Deadlift"},  # the same catalogue exercise as 91
    ],
}
WORKOUTSESSION = [
    {"count": 2, "next": "p2", "results": [
        {"id": 7, "date": "2024-02-01", "time_start": "18:30:00", "notes": "ok"},
        {"id": 8, "date": "2024-02-02", "notes": "no start time: midnight"},
    ]},
    {"count": 1, "next": None, "results": [
        {"id": 9, "date": "2024-02-05T07:00:00+02:00", "time_start": None, "notes": ""},
    ]},
]  # fmt: skip


def _log(n: int, when: str, exercise: int, session: object = None, **values: Any) -> dict:
    log = {"id": n, "date": when, "session": session, "exercise": exercise}
    log.update({"repetitions": 8, "repetitions_unit": 1, "weight": 20, "weight_unit": 1})
    log.update(values)
    return log


def _varied_logs() -> list[list[dict]]:
    """Three pages: sessions split across pages, logs without session, every unit."""
    return [
        [
            _log(1, "2024-02-01T18:35:00Z", 91, 7, repetitions_target="8.00", rir="2.0"),
            _log(2, "2024-02-01T18:40:00Z", 92, 7, repetitions=30, repetitions_unit=3),
            _log(3, "2024-02-02T10:00:00+01:00", 91, 8),
            _log(4, "2024-02-02T20:00:00Z", 94),  # no session: its day, at midnight, as 8
            _log(5, "2024-02-02T20:05:00Z", 91, None, weight=45, weight_unit=2),
            _log(6, "2024-02-03T09:00:00+01:00", 93, 11),  # 11: not in workoutsession
        ],
        [
            _log(7, "2024-02-01T18:50:00Z", 91, 7, weight_target="62.50", rir_target=1),
            _log(8, "2024-02-01T18:55:00Z", 94, 7, repetitions_unit=2),  # until failure
            _log(9, "2024-02-04", 92, repetitions=2, repetitions_unit=4, weight=None),
            _log(10, "2024-02-04", 93, repetitions=1.5, repetitions_unit=5, weight=70,
                 weight_unit=3),
            _log(11, "2024-02-04", 93, repetitions=2, repetitions_unit=6, weight=2,
                 weight_unit=4),
            _log(12, "2024-02-04", 93, repetitions=400, repetitions_unit=8, weight=8,
                 weight_unit=5),
            _log(13, "2024-02-02T11:00:00+01:00", 94, 8),
        ],
        [
            _log(14, "2024-02-03T09:30:00+01:00", 93, 11),
            _log(15, "2024-02-02T21:00:00Z", 91),  # back to the day without session
            _log(16, "2024-02-01T19:00:00Z", 91, 7),
            _log(17, "2024-02-05T07:10:00+02:00", 92, 9, weight=None, weight_unit=None),
            {"id": 18, "date": "2024-02-06", "exercise_base": 555, "reps": 10,
             "repetition_unit": 7, "weight": 20, "weight_unit": 2, "rir": None},
            _log(19, "2024-02-01T19:05:00Z", 94, 7),
        ],
    ]  # fmt: skip


def _pages(pages: list[list[dict]]) -> list[dict]:
    return [
        {"count": sum(map(len, pages)), "next": None if i == len(pages) - 1 else f"p{i + 2}",
         "previous": None, "results": page}
        for i, page in enumerate(pages)
    ]  # fmt: skip


def _documents() -> dict[str, object]:
    pages = _varied_logs()
    logs = [log for page in pages for log in page]
    return {
        "bundle, parts out of order": {
            "workoutlog": _pages(pages),
            "workoutsession": WORKOUTSESSION,
            "exerciseinfo": EXERCISEINFO,
        },
        "bundle of one page": {
            "exerciseinfo": EXERCISEINFO["results"],  # type: ignore[index]
            "workoutlog": {"count": len(logs), "next": None, "results": logs},
            "workoutsession": WORKOUTSESSION[0],
        },
        "list of pages": _pages(pages),
        "one page": {"count": len(logs), "next": None, "results": logs},
        "list of logs": logs,
    }


def _content(sessions: list[SessionLog] | tuple[SessionLog, ...]) -> list[tuple[object, ...]]:
    """Each session's values and its sets, by exercise and number."""
    out = []
    for log in sessions:
        sets = sorted(s.model_dump_json() for s in log.sets)
        out.append((log.model_dump_json(exclude={"sets"}), tuple(sets)))
    return sorted(out)


def _stored(engine, name: str = "ann") -> list[SessionLog]:
    with reading(engine) as db:
        who = athlete_id(db, name, create=False)
        assert who is not None
        return [s.log for s in list_sessions(db, who)]


def _write(path: Path, document: object, indent: int | None = 1) -> Path:
    path.write_text(json.dumps(document, indent=indent), encoding="utf-8")
    return path


def _counts(engine) -> tuple[int, int, int]:
    with reading(engine) as db:
        return (
            db.scalar(select(func.count()).select_from(SessionRow)) or 0,
            db.scalar(select(func.count()).select_from(SetRow)) or 0,
            db.scalar(select(func.count()).select_from(ImportRow)) or 0,
        )


@pytest.mark.parametrize(
    "small",
    ["none", "chunks", "objects"],
    ids=["chunks of 500", "chunks of 2", "objects read member by member"],
)
@pytest.mark.parametrize("shape", list(_documents()))
def test_a_varied_wger_file_imports_as_when_read_whole(
    engine, tmp_path, matcher, monkeypatch, shape, small
):
    """Pages, a list of pages, a bundle in any order, sessions split across pages, logs
    without session (one sharing its start with a session), every unit: the same sessions
    and set numbers as the whole-file reading."""
    if small == "chunks":
        monkeypatch.setattr(base, "CHUNK_SETS", 2)
        monkeypatch.setattr(stream, "SET_BATCH", 3)
    if small == "objects":  # pages of a list of pages, and logs, read a member at a time
        monkeypatch.setattr(wgerstream, "READ_CHARS", 64)
        monkeypatch.setattr(wgerstream, "RECORD_CHARS", 40)
    path = _write(tmp_path / "wger.json", _documents()[shape])
    whole = parse_file(path, "wger", matcher)
    report = import_file(engine, path, "wger", "ann", matcher)
    assert report.counts.sets_added == whole.set_count == 19
    assert report.counts.sessions_added == len(whole.sessions)
    stored = _stored(engine)
    assert _content(stored) == _content(whole.sessions)
    if shape.startswith("bundle"):
        merged = next(s for s in stored if s.started_at == datetime(2024, 2, 2))
        assert merged.notes == "no start time: midnight"
        rdl = sorted((s.set_number, s.source_name) for s in merged.sets)
        # Session 8's own sets first, then the day's sets without session (file order).
        assert rdl == [
            (1, "Romanian deadlift"),
            (2, "Romanian Deadlift"),
            (3, "Romanian Deadlift"),
            (4, "Romanian deadlift"),
            (5, "Romanian deadlift"),
        ]
    again = import_file(engine, path, "wger", "ann", matcher)
    assert (again.counts.sets_added, again.counts.sets_merged) == (0, 19)


_LOG = st.tuples(
    st.sampled_from([None, 7, 8, 11, 12]),  # 12: in no workoutsession
    st.sampled_from(["2024-02-01T18:00:00Z", "2024-02-02", "2024-02-02T08:00:00+01:00"]),
    st.sampled_from([91, 92, 94]),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    logs=st.lists(_LOG, min_size=1, max_size=30),
    page=st.integers(min_value=1, max_value=7),
    order=st.permutations(["workoutlog", "workoutsession", "exerciseinfo"]),
)
def test_any_order_of_logs_and_parts_is_read_as_whole(
    logs, page, order, sqlite_engine, tmp_path_factory, matcher, monkeypatch
):
    """Tiny chunks and batches: sessions cut anywhere, coming back, sharing a start."""
    monkeypatch.setattr(base, "CHUNK_SETS", 2)
    monkeypatch.setattr(stream, "SET_BATCH", 3)
    records = [_log(i, when, ex, sid) for i, (sid, when, ex) in enumerate(logs)]
    pages = [records[i : i + page] for i in range(0, len(records), page)]
    parts = {"workoutlog": _pages(pages), "workoutsession": WORKOUTSESSION,
             "exerciseinfo": EXERCISEINFO}  # fmt: skip
    folder = tmp_path_factory.mktemp("logs")
    path = _write(folder / "w.json", {part: parts[part] for part in order}, indent=None)
    whole = parse_file(path, "wger", matcher)
    name = f"ann-{folder.name}"
    report = import_file(sqlite_engine, path, "wger", name, matcher)
    assert report.counts.sets_added == len(logs)
    assert _content(_stored(sqlite_engine, name)) == _content(whole.sessions)


def _bad(**change: Any) -> list[dict]:
    logs = [_log(i, "2024-02-01T18:00:00Z", 91, 7) for i in range(5)]
    logs[3].update(change)
    return logs


BAD_FILES = {
    "bad weight in a page of a list of pages": {
        "workoutlog": _pages([_bad()[:2], _bad(weight="ten")]), "exerciseinfo": EXERCISEINFO,
    },
    "bad date": _bad(date="yesterday"),
    "no date": _bad(date=None),
    "a log that is not an object": {"results": [*_bad(), 5]},
    "no exercise": _bad(exercise=None),
    "half a rep": _bad(repetitions=8.5),
    "unknown weight unit": _bad(weight_unit=9),
    "a unit that is not a number": _bad(repetitions_unit="reps"),
    "hold past a day (checked after reading)": _bad(repetitions=100_000, repetitions_unit=3),
    "rir past 50, then a bad weight in another session": [
        *_bad(rir=99), *(_log(9 + i, "2024-02-03", 91, 8, weight=i or "x") for i in (1, 0)),
    ],
    "exerciseinfo without id": {
        "workoutlog": _bad(weight="x"), "exerciseinfo": [{"name": "x" * 200}],
    },
    "workoutsession with a bad time": {
        "workoutlog": _bad(), "workoutsession": [{"id": 7, "date": "2024-02-01",
                                                  "time_start": "late"}],
    },
    "logs that are text": {"exerciseinfo": [], "workoutlog": "none"},
    "a number": 5,
}  # fmt: skip


@pytest.mark.parametrize("long", [False, True], ids=["logs whole", "logs member by member"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_errors_are_those_of_the_whole_file_reading(
    engine, tmp_path, matcher, monkeypatch, case, long
):
    """File, line, column, field path, value and what is allowed; nothing written."""
    if long:
        monkeypatch.setattr(wgerstream, "READ_CHARS", 64)
        monkeypatch.setattr(wgerstream, "RECORD_CHARS", 40)
    path = _write(tmp_path / "w.json", BAD_FILES[case])
    with pytest.raises(MalformedFileError) as whole:
        parse_file(path, "wger", matcher)
    with pytest.raises(MalformedFileError) as streamed:
        import_file(engine, path, "wger", "ann", matcher)
    assert str(streamed.value) == str(whole.value)
    assert str(streamed.value).startswith("w.json: line ")
    assert _counts(engine) == (0, 0, 0)


@pytest.mark.parametrize(
    "text",
    ['[\n  {"id": 1,,}\n]', '{"results": [1, 2}', '{"workoutlog": [], "exerciseinfo": [{]}'],
)
def test_json_errors_are_named_first_where_the_whole_file_reading_names_them(
    engine, tmp_path, matcher, text
):
    path = tmp_path / "w.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MalformedFileError) as whole:
        parse_file(path, "wger", matcher)
    with pytest.raises(MalformedFileError) as streamed:
        import_file(engine, path, "wger", "ann", matcher)
    where = str(whole.value).split(": not JSON")[0]
    assert str(streamed.value).startswith(where + ": not JSON"), (whole.value, streamed.value)


def test_sessions_after_tomorrow_are_refused_as_before(engine, tmp_path, matcher):
    path = _write(tmp_path / "w.json", _bad(date="2030-01-01", session=None))
    with pytest.raises(InputError) as err:
        import_file(engine, path, "wger", "ann", matcher, today=date(2025, 1, 1))
    assert "w.json: started_at" in str(err.value)
    assert _counts(engine) == (0, 0, 0)


def _many_logs(n_logs: int, per_session: int = 40, first: int = 0) -> list[dict]:
    start = datetime(2001, 1, 1, 17, 30)
    logs = []
    for i in range(first, first + n_logs):
        session, within = divmod(i, per_session)
        when = (start + timedelta(days=session, minutes=within)).isoformat()
        logs.append(_log(i, when, 91 + within // 10 % 4, session + 1, weight=20 + i % 40))
    return logs


def _bundle_text(logs: list[dict], page: int = 100) -> str:
    """A bundle: ``workoutsession`` after the logs, pages of ``page`` logs, a log a line."""
    sessions = sorted({log["session"] for log in logs if log["session"]})
    lines = ['{"exerciseinfo": ' + json.dumps(EXERCISEINFO) + ',\n"workoutlog": [\n']
    for i in range(0, len(logs), page):
        lines.append(("," if i else "") + '{"count": 0, "next": null, "results": [\n')
        lines.append(",\n".join(json.dumps(log) for log in logs[i : i + page]))
        lines.append("\n]}\n")
    lines.append('],\n"workoutsession": [\n')
    day = datetime(2001, 1, 1)
    lines.append(
        ",\n".join(
            json.dumps({"id": s, "date": (day + timedelta(days=s - 1)).date().isoformat(),
                        "time_start": "17:30:00", "notes": f"session {s}"})
            for s in sessions
        )
    )  # fmt: skip
    lines.append("\n]}\n")
    return "".join(lines)


def test_a_bad_last_log_of_a_big_file_changes_nothing(engine, tmp_path, matcher):
    logs = _many_logs(12_000)
    logs.append(_log(99_999, "2001-06-01T10:00:00", 91, 9_999, weight="heavy"))
    path = tmp_path / "w.json"
    path.write_text(_bundle_text(logs), encoding="utf-8")
    with pytest.raises(MalformedFileError) as err:
        import_file(engine, path, "wger", "ann", matcher, today=FAR_FUTURE)
    message = str(err.value)
    line, column = (int(part.split()[-1]) for part in message.split(" (")[0].split(",")[-2:])
    assert path.read_text().splitlines()[line - 1][column - 1 :].startswith('"heavy"')
    assert "(workoutlog[120].results[0].weight): expected a number, got 'heavy'" in message
    assert _counts(engine) == (0, 0, 0)


def test_a_failure_after_batches_were_written_rolls_everything_back(engine, tmp_path, matcher):
    """Set numbers past 10,000 show only while writing, after 6,000 sets were written."""
    logs = _many_logs(6_000)
    late = [_log(50_000 + i, "2003-01-01T10:00:00", 91, 5_000) for i in range(10_001)]
    path = tmp_path / "w.json"
    path.write_text(_bundle_text(logs + late), encoding="utf-8")
    with pytest.raises(MalformedFileError) as whole:
        parse_file(path, "wger", matcher)
    with pytest.raises(MalformedFileError) as err:
        import_file(engine, path, "wger", "ann", matcher, today=FAR_FUTURE)
    assert str(err.value) == str(whole.value)
    assert "(workoutlog[160].results[0].set_number)" in str(err.value)
    assert "less than or equal to 10000, got 10001" in str(err.value)
    assert _counts(engine) == (0, 0, 0)
    path.write_text(_bundle_text(logs + late[:-1]), encoding="utf-8")
    report = import_file(engine, path, "wger", "ann", matcher, today=FAR_FUTURE)
    assert report.counts.sets_added == 16_000
    assert _counts(engine) == (151, 16_000, 1)


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
    later = date(2100, 1, 1)
    tracemalloc.start()
    import_file(engine, small, "wger", "warm-up", matcher, today=later)
    tracemalloc.reset_peak()
    report = import_file(engine, big, "wger", "ann", matcher, today=later)
    print(tracemalloc.get_traced_memory()[1], report.counts.sets_added)
    """
)


def _peak_bytes(tmp_path: Path, n_logs: int, page: int = 100) -> int:
    """Peak traced memory [bytes] of importing ``n_logs`` wger logs, in a fresh process."""
    folder = tmp_path / f"wger-{n_logs}"
    folder.mkdir()
    small, big = folder / "small.json", folder / "big.json"
    small.write_text(_bundle_text(_many_logs(100)), encoding="utf-8")
    big.write_text(_bundle_text(_many_logs(n_logs), min(page, n_logs)), encoding="utf-8")
    url = f"sqlite:///{(folder / 'peak.db').as_posix()}"
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(small), str(big), url],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    peak, added = (int(v) for v in done.stdout.split())
    assert added == n_logs
    return peak


@pytest.mark.parametrize("page", [100, 10**6], ids=["pages of 100", "a list of one page"])
def test_wger_import_memory_does_not_grow_with_the_file(tmp_path, page):
    """Pages of an API's size, and one page as long as the file in a list of pages."""
    small, large = _peak_bytes(tmp_path, 20_000, page), _peak_bytes(tmp_path, 80_000, page)
    # Reading the whole file first: about 4 times the peak for 4 times the logs.
    assert large < 1.5 * small, f"peak {small:,} B for 20,000 logs, {large:,} B for 80,000"
    assert large < 40e6, f"peak {large:,} B for 80,000 logs"


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory):
    from spinewise.store import create_engine_from_url, ensure_current

    path = tmp_path_factory.mktemp("db") / "wger.db"
    engine = create_engine_from_url(f"sqlite:///{path.as_posix()}")
    ensure_current(engine)
    yield engine
    engine.dispose()
