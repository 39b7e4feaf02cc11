"""Hostile imports (decision 0277, amendment of 2026-12-06): one-set sessions cost no more memory.

A file whose every set is a session of its own (each its own start) holds as many session
starts as sets. The importer keeps one number per start (chunks, or where a start was first
seen): held in a ``dict`` of ``datetime`` that cost about 70 bytes a session; the write pass
also held 5,000 sessions at a time and, with the garbage collector paused, the statements'
reference cycles (about 80 bytes a session). The test imports one-set files of 20,000 and
80,000 sessions and an ordinary file of 80,000 sets (40 a session), each in a fresh process
under ``tracemalloc``: the peak may grow by at most 40 bytes a session and stay within 2 MB
of the ordinary file's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from spinewise.store.importers.starts import StartMap

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
NAMES = ("Bird Dog", "Side Plank", "Romanian Deadlift (Barbell)", "Goblet Squat", "Dead Bug")
IDS = ("bird_dog", "side_plank", "romanian_deadlift", "goblet_squat")
START = datetime(2001, 1, 1, 17, 30)
SMALL, LARGE = 20_000, 80_000
GROWTH_BYTES_PER_SESSION = 40
MARGIN_BYTES = 2_000_000


def _strong(path: Path, n_sets: int, per_session: int) -> Path:
    """``n_sets`` sets, ``per_session`` a session (one session a minute)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for i in range(n_sets):
            session, within = divmod(i, per_session)
            when = START + timedelta(minutes=session)
            name = NAMES[(within // 5 + session) % len(NAMES)]
            handle.write(f"{when:%Y-%m-%d %H:%M:%S},Day,1h,{name},{within % 5 + 1},20,5,0,0,,,\n")
    return path


def _backup(path: Path, n_sets: int, per_session: int) -> Path:
    """A backup of ``n_sets`` sets, ``per_session`` a session (one session a minute)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"schema_version": 1, "athlete": {"name": "ann"}, "sessions": [\n')
        for session in range(n_sets // per_session):
            sets = [
                {"exercise_id": IDS[i // 10 % 4], "set_number": i % 10 + 1, "reps": 5}
                for i in range(per_session)
            ]
            when = (START + timedelta(minutes=session)).isoformat()
            handle.write(("," if session else "") + json.dumps({"started_at": when, "sets": sets}))
            handle.write("\n")
        handle.write("]}\n")
    return path


_PEAK = textwrap.dedent(
    """
    import sys, tracemalloc
    from datetime import date
    from pathlib import Path
    from spinewise.logbook import ExerciseMatcher
    from spinewise.store import create_engine_from_url, ensure_current
    from spinewise.store.importers import import_backup, import_file

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
    print(tracemalloc.get_traced_memory()[1], report.counts.sessions_added)
    """
)


def _peak_bytes(folder: Path, fmt: str, n_sets: int, per_session: int) -> int:
    """Peak traced memory [bytes] of importing ``n_sets`` sets, in a fresh process."""
    folder.mkdir()
    write = _backup if fmt == "json" else _strong
    small = write(folder / "small", 200, per_session)
    big = write(folder / "big", n_sets, per_session)
    url = f"sqlite:///{(folder / 'peak.db').as_posix()}"
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(small), str(big), url, fmt],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    peak, sessions = (int(v) for v in done.stdout.split())
    assert sessions == n_sets // per_session
    return peak


@pytest.mark.abuse
@pytest.mark.parametrize("fmt", ["strong", "json"])
def test_one_set_sessions_cost_no_more_memory_than_ordinary_sessions(tmp_path, fmt):
    small = _peak_bytes(tmp_path / "small", fmt, SMALL, 1)
    large = _peak_bytes(tmp_path / "large", fmt, LARGE, 1)
    ordinary = _peak_bytes(tmp_path / "ordinary", fmt, LARGE, 40)
    figures = (
        f"peak {small:,} B for {SMALL:,} one-set sessions, {large:,} B for {LARGE:,}, "
        f"{ordinary:,} B for {LARGE:,} sets 40 a session"
    )
    assert (large - small) / (LARGE - SMALL) < GROWTH_BYTES_PER_SESSION, figures
    assert large < ordinary + MARGIN_BYTES, figures


def test_the_start_map_reads_as_a_dict_does():
    """Starts coming back in any order, across merges of the recent starts into the arrays."""
    starts = [
        START + timedelta(seconds=(i * 7919) % 10_007, microseconds=i % 3) for i in range(30_000)
    ]
    compact, plain = StartMap(), {}
    for start in starts:
        before = plain.get(start, 0)
        plain[start] = before + 1
        assert compact.increment(start) == before
    assert len(compact) == len(plain)
    assert dict(compact.items()) == plain
    assert list(compact) == sorted(plain)
    assert compact.nbytes == 16 * len(plain)
    missing = START - timedelta(days=1)
    assert missing not in compact
    assert compact.get(missing) is None
    assert compact.setdefault(missing, 5) == 5
    assert compact.setdefault(missing, 6) == 5
