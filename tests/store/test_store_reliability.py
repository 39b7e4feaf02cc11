"""A killed writer loses no committed row and leaves no partial batch or import; concurrent
writers lose nothing. Writers are separate processes on the same database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from spinewise.logbook import ExerciseMatcher
from spinewise.store.importers import import_file

WRITER = Path(__file__).with_name("reliability_writer.py")
SRC = Path(__file__).resolve().parents[2] / "src"


def _spawn(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _wait_for(proc: subprocess.Popen[str], marker: str) -> list[str]:
    seen = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line.strip())
        if line.startswith(marker):
            return seen
    raise AssertionError(f"writer ended before {marker!r}: {seen} {proc.stderr.read()}")


def _kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reap it and close its pipes
    assert proc.returncode == -signal.SIGKILL


def _consistent(engine) -> None:
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM set_logs s LEFT JOIN session_logs l "
                "ON l.id = s.session_id WHERE l.id IS NULL"
            )
        ).scalar_one()
        assert orphans == 0


def _count(engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_sigkill_mid_batch_keeps_committed_batches_whole(engine, db_url):
    proc = _spawn(db_url, "batches", "ann", "0", "5", "50", "STALL")
    seen = _wait_for(proc, "inside 2")
    _kill(proc)
    assert seen == ["committed 0", "committed 1", "inside 2"]
    _consistent(engine)
    assert _count(engine, "session_logs") == 2
    assert _count(engine, "set_logs") == 100
    with engine.connect() as conn:
        sizes = (
            conn.execute(text("SELECT count(*) FROM set_logs GROUP BY session_id")).scalars().all()
        )
    assert sizes == [50, 50]


def test_sigkill_mid_import_leaves_no_partial_import(engine, db_url, tmp_path):
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
    rows = [
        f"2024-01-{1 + i // 400:02d} 10:00:00,W,Ex {i % 7},{i // 7 + 1},10,5\n"
        for i in range(12000)
    ]
    path = tmp_path / "big.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    proc = _spawn(db_url, "import", str(path), "STALL")
    _wait_for(proc, "writing")
    _kill(proc)
    _consistent(engine)
    for table in ("imports", "session_logs", "set_logs", "custom_exercises"):
        assert _count(engine, table) == 0, table
    report = import_file(engine, path, "strong", "ann", ExerciseMatcher([]))
    assert report.counts.sets_added == 12000
    assert _count(engine, "set_logs") == 12000
    _consistent(engine)


def test_concurrent_writers_lose_nothing(engine, db_url):
    names = ("ann", "bob", "cy", "di")
    writers = [_spawn(db_url, "batches", name, "0", "15", "20") for name in names]
    for proc in writers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert out.split().count("committed") == 15
    _consistent(engine)
    assert _count(engine, "athletes") == 4
    assert _count(engine, "session_logs") == 60
    assert _count(engine, "set_logs") == 60 * 20


def test_concurrent_writers_of_one_athlete_lose_nothing(engine, db_url):
    writers = [_spawn(db_url, "batches", "same", str(slot), "10", "10") for slot in range(3)]
    for proc in writers:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    _consistent(engine)
    assert _count(engine, "athletes") == 1
    assert _count(engine, "session_logs") == 30
    assert _count(engine, "set_logs") == 300


def test_the_same_file_imported_concurrently_lands_once(engine, db_url, tmp_path):
    header = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
    rows = [
        f"2024-02-{1 + i // 100:02d} 10:00:00,W,Ex {i % 5},{i // 5 + 1},10,5\n" for i in range(2000)
    ]
    path = tmp_path / "same.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    importers = [_spawn(db_url, "import", str(path)) for _ in range(3)]
    results = []
    for proc in importers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(out.split())
    _consistent(engine)
    assert _count(engine, "set_logs") == 2000
    assert sorted(int(r[1]) for r in results) == [0, 0, 2000]
    assert sorted(int(r[3]) for r in results) == [0, 2000, 2000]
