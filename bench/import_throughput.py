"""Import throughput and peak memory: sets per second for a 100,000-set Strong CSV.

Run: ``PYTHONPATH=src python bench/import_throughput.py [--sets N] [--postgres URL]
[--memory-sizes 10000,60000,200000] [--baseline-ref REF] [--wger-baseline-ref REF]
[--memory-formats strong,json,wger] [--hostile-sizes 200000] [--per-session-ref REF]
[--only-memory]``.
PostgreSQL is measured when ``--postgres`` or ``SPINEWISE_TEST_POSTGRES_URL`` names a server
(the benchmark works in a schema of its own and drops it afterwards).

Baselines measured in the same run:
- ``csv.reader only``: reading the file with the standard library, no parsing of values;
  the ceiling of any CSV importer in Python.
- ``naive row-by-row``: one INSERT and one COMMIT per set through SQLAlchemy Core, the way a
  simple importer would write (measured on a 2,000-set sample; the rate is what counts).
- ``whole-file`` (peak memory; Strong CSV, our JSON backup and wger JSON): the importer as it
  was before imports streamed (decision 0277), taken from git at ``--baseline-ref`` (wger:
  ``--wger-baseline-ref``, before wger streamed) with ``git archive`` (no checkout) and run,
  like the streaming one, in a fresh process per file size on SQLite. Peak RSS is the process's
  high-water mark (``VmHWM``, reset through ``/proc/self/clear_refs`` just before the import)
  minus its RSS then (the baseline: interpreter, modules, engine); ``ru_maxrss`` is not the
  baseline because a child's starts at its parent's size. The ratio is whole-file over
  streaming.
- ``one-set sessions`` (peak memory, hostile): the same number of sets, each in a session of
  its own (one a minute), against the ordinary file (40 sets a session); the streaming
  importer as it was before it kept session starts compactly (``--per-session-ref``, decision
  0277 amendment of 2026-12-06) runs the same files in the same way.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from spinewise.logbook import ExerciseMatcher
from spinewise.store import create_engine_from_url, ensure_current
from spinewise.store.importers import import_file, parse_file
from spinewise.store.tables import SessionRow, SetRow

EXERCISES = (
    "Bird Dog",
    "Side Plank",
    "Romanian Deadlift (Barbell)",
    "Back Extension",
    "Goblet Squat",
    "Suitcase Carry",
    "Dead Bug",
    "Hip Thrust (Barbell)",
)
HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
SETS_PER_SESSION = 40
#: The last commit whose importer read the whole file before writing (decision 0277).
WHOLE_FILE_REF = "e9dad412118c1276a25ef8c4fea04fa1e240dc46"
#: The last commit whose wger importer read the whole file (decision 0277, 2026-12-06).
WGER_WHOLE_FILE_REF = "20ccac2bcfa60693dfcb26793d9137f173ea743e"
#: The last commit whose streaming importer held a ``dict`` entry per session start.
PER_SESSION_REF = "20ccac2bcfa60693dfcb26793d9137f173ea743e"
#: The bench's sessions run one a day from 2015: later than tomorrow past about 160,000 sets.
TODAY = date(2100, 1, 1)
REPO = Path(__file__).resolve().parent.parent


def write_strong_csv(path: Path, n_sets: int) -> None:
    """A Strong export of ``n_sets`` sets, 40 per session, 5 sets per exercise."""
    start = datetime(2015, 1, 1, 17, 30)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for i in range(n_sets):
            session, within = divmod(i, SETS_PER_SESSION)
            when = (start + timedelta(days=session)).strftime("%Y-%m-%d %H:%M:%S")
            exercise = EXERCISES[(within // 5 + session) % len(EXERCISES)]
            handle.write(
                f"{when},Workout {session % 3},1h 5m,{exercise},{within % 5 + 1},"
                f"{20 + i % 40},{5 + i % 6},0,0,,,{6 + i % 4}\n"
            )


def write_one_set_strong_csv(path: Path, n_sets: int) -> None:
    """A hostile Strong export: ``n_sets`` sessions of one set each, one a minute."""
    start = datetime(2015, 1, 1, 17, 30)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        for i in range(n_sets):
            when = (start + timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")
            exercise = EXERCISES[i % len(EXERCISES)]
            handle.write(f"{when},Workout,1h 5m,{exercise},1,{20 + i % 40},{5 + i % 6},0,0,,,7\n")


def write_one_set_backup_json(path: Path, n_sets: int) -> None:
    """A hostile backup: ``n_sets`` sessions of one set each, one a minute."""
    start = datetime(2015, 1, 1, 17, 30)
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"schema_version": 1, "athlete": {"name": "bench"}, "sessions": [')
        for i in range(n_sets):
            one = {"exercise_id": f"custom:exercise_{i % 8}", "set_number": 1, "reps": 5}
            when = (start + timedelta(minutes=i)).isoformat()
            handle.write(("," if i else "") + "\n  ")
            handle.write(json.dumps({"started_at": when, "title": "Workout", "sets": [one]}))
        handle.write("\n]}\n")


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>12,.0f} sets/s  ({seconds:6.2f} s for {count:,})"


def bench_csv_only(path: Path, n_sets: int) -> None:
    t0 = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1
    assert rows == n_sets
    print(f"  baseline csv.reader only      {rate(rows, time.perf_counter() - t0)}")


def bench_naive(url: str, sample: int = 2000) -> None:
    engine = create_engine_from_url(url)
    ensure_current(engine)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO athletes (name, created_at) VALUES ('naive', :t)"),
            {"t": datetime(2026, 1, 1)},
        )
        athlete = conn.execute(text("SELECT id FROM athletes WHERE name = 'naive'")).scalar_one()
        session_id = conn.execute(
            insert(SessionRow.__table__).returning(SessionRow.__table__.c.id),
            {"athlete_id": athlete, "started_at": datetime(2026, 1, 1)},
        ).scalar_one()
    t0 = time.perf_counter()
    for n in range(sample):
        with engine.begin() as conn:
            conn.execute(
                insert(SetRow.__table__),
                {
                    "session_id": session_id,
                    "exercise_id": "x",
                    "set_number": n + 1,
                    "side": "",
                    "set_type": "normal",
                    "reps": 5,
                    "load_kg": 20.0,
                },
            )
    print(f"  baseline naive row-by-row     {rate(sample, time.perf_counter() - t0)}")
    engine.dispose()


def bench_import(label: str, url: str, path: Path, n_sets: int) -> None:
    engine = create_engine_from_url(url)
    ensure_current(engine)
    matcher = ExerciseMatcher([])
    t0 = time.perf_counter()
    report = import_file(engine, path, "strong", "bench", matcher, today=TODAY)
    first = time.perf_counter() - t0
    assert report.counts.sets_added == n_sets, report.counts
    t0 = time.perf_counter()
    again = import_file(engine, path, "strong", "bench", matcher, today=TODAY)
    second = time.perf_counter() - t0
    assert again.counts.sets_merged == n_sets
    assert again.counts.sets_added == 0
    print(f"  spinewise import ({label:8}) {rate(n_sets, first)}")
    print(f"  re-import, all merged ({label:8}) {rate(n_sets, second)}")
    engine.dispose()


_CHILD = textwrap.dedent(
    """
    import resource, sys, time
    from datetime import date
    from pathlib import Path
    from spinewise.logbook import ExerciseMatcher
    from spinewise.store import create_engine_from_url, ensure_current
    from spinewise.store.importers import import_backup, import_file

    def kib(field):
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise LookupError(field)

    path, url, fmt = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    engine = create_engine_from_url(url)
    ensure_current(engine)
    matcher = ExerciseMatcher([])
    try:  # the peak (VmHWM) starts again from the current RSS
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        before, peak = kib("VmRSS"), lambda: kib("VmHWM")
    except OSError:  # ru_maxrss also counts the parent's memory at fork: an upper bound
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    if fmt == "json":
        report = import_backup(engine, path, "bench", today=date(2100, 1, 1))
    else:
        report = import_file(engine, path, fmt, "bench", matcher, today=date(2100, 1, 1))
    seconds = time.perf_counter() - t0
    print(report.counts.sets_added, seconds, before, peak())
    """
)


@dataclass(frozen=True)
class PeakRun:
    """One import in a fresh process: sets added, time [s], RSS baseline and peak [KiB]."""

    sets: int
    seconds: float
    baseline_kib: int
    peak_kib: int

    @property
    def above_mb(self) -> float:
        """Peak RSS above the process's baseline [MB]."""
        return (self.peak_kib - self.baseline_kib) * 1024 / 1e6


def whole_file_sources(ref: str, folder: Path) -> Path:
    """The ``src`` folder of commit ``ref``, unpacked into ``folder`` (``git archive``)."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", ref, "src"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def write_backup_json(path: Path, n_sets: int) -> None:
    """A backup (``log export --format json``) of ``n_sets`` sets, 40 per session, one a day."""
    start = datetime(2015, 1, 1, 17, 30)
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"schema_version": 1, "athlete": {"name": "bench"}, "sessions": [')
        for session in range(n_sets // SETS_PER_SESSION):
            sets = [
                {
                    "exercise_id": f"custom:exercise_{within // 5}",
                    "set_number": within % 5 + 1,
                    "reps": 5 + within % 6,
                    "load_kg": float(20 + within),
                }
                for within in range(SETS_PER_SESSION)
            ]
            when = (start + timedelta(days=session)).isoformat()
            handle.write(("," if session else "") + "\n  ")
            handle.write(json.dumps({"started_at": when, "title": "Workout", "sets": sets}))
        handle.write("\n]}\n")


def write_wger_json(path: Path, n_sets: int) -> None:
    """A wger bundle of ``n_sets`` logs, 40 per session, one a day, in API pages of 100 logs.

    The logs come first, then the sessions and the exercise names (any order is allowed).
    """
    start = datetime(2015, 1, 1, 17, 30)
    units = ((1, 1), (1, 2), (3, 1))  # (repetitions unit, weight unit): reps+kg, reps+lb, s
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"workoutlog": [')
        for i in range(n_sets):
            session, within = divmod(i, SETS_PER_SESSION)
            if i % 100 == 0:
                head = f'\n{{"count": {n_sets}, "next": null, "results": ['
                handle.write(("]}," if i else "") + head)
            rep_unit, weight_unit = units[within // 5 % 3]
            log = {
                "id": i + 1,
                "date": (start + timedelta(days=session, minutes=within)).isoformat() + "Z",
                "session": session + 1,
                "exercise": 1 + (within // 5 + session) % len(EXERCISES),
                "repetitions": f"{5 + i % 6}.00",
                "repetitions_unit": rep_unit,
                "weight": f"{20 + i % 40}.00",
                "weight_unit": weight_unit,
                "rir": "2.0",
            }
            handle.write(("," if i % 100 else "") + "\n  " + json.dumps(log))
        handle.write("]}\n" if n_sets else "")
        handle.write('],\n"workoutsession": [')
        for session in range((n_sets + SETS_PER_SESSION - 1) // SETS_PER_SESSION):
            day = (start + timedelta(days=session)).date().isoformat()
            entry = {"id": session + 1, "date": day, "time_start": "17:30:00", "notes": None}
            handle.write(("," if session else "") + "\n  " + json.dumps(entry))
        handle.write('],\n"exerciseinfo": [')
        infos = [
            {"id": i + 1, "translations": [{"name": name, "language": 2}]}
            for i, name in enumerate(EXERCISES)
        ]
        handle.write(",\n  ".join(json.dumps(info) for info in infos) + "]}\n")


def peak_run(sources: Path, path: Path, db: Path, fmt: str) -> PeakRun:
    """Import ``path`` (``fmt``) into a new SQLite file with the importer in ``sources``."""
    env = {**os.environ, "PYTHONPATH": str(sources)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), f"sqlite:///{db.as_posix()}", fmt],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    sets, seconds, before, after = done.stdout.split()
    return PeakRun(int(sets), float(seconds), int(before), int(after))


def bench_memory(
    sizes: list[int],
    baseline_ref: str,
    tmp: Path,
    *,
    wger_baseline_ref: str = WGER_WHOLE_FILE_REF,
    formats: tuple[str, ...] = ("strong", "json", "wger"),
) -> None:
    """Peak RSS and throughput, streaming against whole-file, per format and file size."""
    streaming = REPO / "src"
    refs = {"strong": baseline_ref, "json": baseline_ref, "wger": wger_baseline_ref}
    sources = {
        ref: whole_file_sources(ref, tmp / f"whole-file-{ref[:12]}")
        for ref in {refs[fmt] for fmt in formats}
    }
    shown = ", ".join(f"{fmt} {refs[fmt][:12]}" for fmt in formats)
    print(f"Peak memory (SQLite; whole-file = importer at {shown}):")
    print(
        f"  {'format':>6} {'sets':>8} {'MB file':>8} | {'streaming: MB above base':>25}"
        f" {'sets/s':>9} | {'whole-file: MB above base':>26} {'sets/s':>9} | {'memory ratio':>12}"
    )
    writers = {"strong": write_strong_csv, "json": write_backup_json, "wger": write_wger_json}
    for fmt in formats:
        write = writers[fmt]
        whole = sources[refs[fmt]]
        for n_sets in sizes:
            path = tmp / f"peak-{n_sets}.{fmt}"
            write(path, n_sets)
            new = peak_run(streaming, path, tmp / f"new-{fmt}-{n_sets}.db", fmt)
            old = peak_run(whole, path, tmp / f"old-{fmt}-{n_sets}.db", fmt)
            assert new.sets == old.sets == n_sets, (new, old)
            print(
                f"  {fmt:>6} {n_sets:>8,} {path.stat().st_size / 1e6:>8.1f} |"
                f" {new.above_mb:>25.0f} {n_sets / new.seconds:>9,.0f} |"
                f" {old.above_mb:>26.0f} {n_sets / old.seconds:>9,.0f} |"
                f" {old.above_mb / max(new.above_mb, 1.0):>11.1f}x"
            )
            path.unlink()


def bench_hostile(sizes: list[int], per_session_ref: str, tmp: Path) -> None:
    """Peak RSS of one-set sessions against the ordinary file, this importer and the older one."""
    current = REPO / "src"
    older = whole_file_sources(per_session_ref, tmp / "per-session")
    print(f"Peak memory, one-set sessions (SQLite; older = importer at {per_session_ref[:12]}):")
    print(
        f"  {'format':>6} {'sets':>8} {'layout':>17} {'MB file':>8} |"
        f" {'this: MB above base':>20} {'sets/s':>9} | {'older: MB above base':>21} {'sets/s':>9}"
    )
    layouts = {
        "strong": (
            ("40 a session", write_strong_csv),
            ("one-set sessions", write_one_set_strong_csv),
        ),
        "json": (
            ("40 a session", write_backup_json),
            ("one-set sessions", write_one_set_backup_json),
        ),
    }
    for fmt, writers in layouts.items():
        for n_sets in sizes:
            for layout, write in writers:
                path = tmp / f"hostile-{n_sets}.{fmt}"
                write(path, n_sets)
                tag = f"{fmt}-{n_sets}-{layout.split()[0]}"
                new = peak_run(current, path, tmp / f"new-{tag}.db", fmt)
                old = peak_run(older, path, tmp / f"old-{tag}.db", fmt)
                assert new.sets == old.sets == n_sets, (new, old)
                print(
                    f"  {fmt:>6} {n_sets:>8,} {layout:>17} {path.stat().st_size / 1e6:>8.1f} |"
                    f" {new.above_mb:>20.0f} {n_sets / new.seconds:>9,.0f} |"
                    f" {old.above_mb:>21.0f} {n_sets / old.seconds:>9,.0f}"
                )
                path.unlink()


def postgres_schema_url(admin_url: str) -> tuple[str, str]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    admin.dispose()
    url = make_url(admin_url).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), schema


def drop_schema(admin_url: str, schema: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


def bench_throughput(n_sets: int, postgres: str | None, tmp: Path) -> None:
    """Sets per second of a Strong CSV of ``n_sets`` sets, SQLite and PostgreSQL, and baselines."""
    path = tmp / "strong.csv"
    write_strong_csv(path, n_sets)
    size_mb = path.stat().st_size / 1e6
    print(f"Strong CSV: {n_sets:,} sets, {size_mb:.1f} MB")
    bench_csv_only(path, n_sets)
    t0 = time.perf_counter()
    parsed = parse_file(path, "strong", ExerciseMatcher([]))
    print(f"  parse + validate only         {rate(parsed.set_count, time.perf_counter() - t0)}")
    print("SQLite (file, WAL, synchronous=FULL):")
    bench_naive(f"sqlite:///{(tmp / 'naive.db').as_posix()}")
    bench_import("sqlite", f"sqlite:///{(tmp / 'bench.db').as_posix()}", path, n_sets)
    if postgres:
        print("PostgreSQL:")
        url, schema = postgres_schema_url(postgres)
        try:
            bench_naive(url)
            bench_import("postgres", url, path, n_sets)
        finally:
            drop_schema(postgres, schema)
    else:
        print("PostgreSQL: not measured (no --postgres URL or SPINEWISE_TEST_POSTGRES_URL)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000)
    parser.add_argument("--postgres", default=os.environ.get("SPINEWISE_TEST_POSTGRES_URL"))
    parser.add_argument(
        "--memory-sizes",
        default="10000,60000,200000",
        help="file sizes [sets] for peak memory, comma-separated ('' to skip)",
    )
    parser.add_argument("--baseline-ref", default=WHOLE_FILE_REF, help="whole-file importer")
    parser.add_argument(
        "--wger-baseline-ref", default=WGER_WHOLE_FILE_REF, help="whole-file wger importer"
    )
    parser.add_argument(
        "--memory-formats",
        default="strong,json,wger",
        help="formats measured for peak memory, comma-separated (strong, json, wger)",
    )
    parser.add_argument(
        "--hostile-sizes",
        default="200000",
        help="file sizes [sets] for one-set sessions against 40 a session ('' to skip)",
    )
    parser.add_argument(
        "--per-session-ref", default=PER_SESSION_REF, help="importer with a dict per session"
    )
    parser.add_argument(
        "--only-memory", action="store_true", help="skip throughput, measure peak memory only"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if not args.only_memory:
            bench_throughput(args.sets, args.postgres, tmp)
        sizes = [int(n) for n in args.memory_sizes.split(",") if n.strip()]
        if sizes:
            formats = tuple(f.strip() for f in args.memory_formats.split(",") if f.strip())
            bench_memory(
                sizes,
                args.baseline_ref,
                tmp,
                wger_baseline_ref=args.wger_baseline_ref,
                formats=formats,
            )
        hostile = [int(n) for n in args.hostile_sizes.split(",") if n.strip()]
        if hostile:
            bench_hostile(hostile, args.per_session_ref, tmp)


if __name__ == "__main__":
    main()
