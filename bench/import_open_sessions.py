"""Peak traced memory of imports whose sessions stay open (decision 0277, 2026-12-06 amendment).

Run: ``PYTHONPATH=src python bench/import_open_sessions.py [--sessions 20000]``.

Each layout is written as a Strong CSV and imported into a new SQLite database in a fresh
process under ``tracemalloc`` (peak of the import alone, after a small warm-up import):

- ``every session twice``: each session's first set, then each session's second set, so every
  session is open (read in part) until the second half; ``--sessions`` and one more.
- ``warm-ups``: one session of sets without a number of their own (numbered once the
  session's last row is read), 20,000 and 20,001.
- ``high numbers``: every session twice, its first piece 5 exercises numbered 10,000.

Prints the outcome (imported, or the start of the refusal) and the peak [MB].
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
)
START = datetime(2001, 1, 1, 17, 30)

_CHILD = textwrap.dedent(
    """
    import sys, tracemalloc
    from datetime import date
    from pathlib import Path
    from spinewise.errors import InputError
    from spinewise.logbook import ExerciseMatcher
    from spinewise.store import create_engine_from_url, ensure_current
    from spinewise.store.importers import import_file

    small, path, url = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    engine = create_engine_from_url(url)
    ensure_current(engine)
    matcher = ExerciseMatcher([])
    later = date(2100, 1, 1)
    import_file(engine, small, "strong", "warm-up", matcher, today=later)
    tracemalloc.start()
    try:
        report = import_file(engine, path, "strong", "ann", matcher, today=later)
        outcome = f"imported {report.counts.sets_added:,} sets"
    except InputError as err:
        outcome = "refused: " + str(err).split(": ", 1)[1][:60]
    print(f"{tracemalloc.get_traced_memory()[1] / 1e6:.1f}\\t{outcome}")
    """
)


def _row(when: datetime, name: str, order: str) -> str:
    return f"{when:%Y-%m-%d %H:%M:%S},Day,1h,{name},{order},20,5,0,0,,,\n"


def _twice(path: Path, sessions: int, first_exercises: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        whens = [START + timedelta(minutes=i) for i in range(sessions)]
        for when in whens:
            if first_exercises:
                handle.writelines(_row(when, f"Exercise {j}", "10000") for j in range(5))
            else:
                handle.write(_row(when, "Bird Dog", "1"))
        handle.writelines(_row(when, "Bird Dog", "2") for when in whens)
    return path


def _warm_ups(path: Path, sets: int) -> Path:
    names = ("Bird Dog", "Side Plank", "Dead Bug", "Goblet Squat", "Glute Bridge")
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        handle.writelines(_row(START, names[i % 5], "W") for i in range(sets))
    return path


def _peak(folder: Path, small: Path, path: Path) -> str:
    url = f"sqlite:///{(folder / (path.stem + '.db')).as_posix()}"
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(small), str(path), url],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def main() -> None:
    """Write the layouts and print each import's peak traced memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20_000)
    args = parser.parse_args()
    n = args.sessions
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = _twice(folder / "small.csv", 50)
        cases = [
            (f"every session twice, {n:,}", _twice(folder / "a.csv", n)),
            (f"every session twice, {n + 1:,}", _twice(folder / "b.csv", n + 1)),
            ("warm-ups, 20,000", _warm_ups(folder / "c.csv", 20_000)),
            ("warm-ups, 20,001", _warm_ups(folder / "d.csv", 20_001)),
            (f"high numbers, {n:,}", _twice(folder / "e.csv", n, first_exercises=5)),
        ]
        print("layout\tMB file\tpeak MB\toutcome")
        for label, path in cases:
            size = path.stat().st_size / 1e6
            print(f"{label}\t{size:.1f}\t{_peak(folder, small, path)}", flush=True)


if __name__ == "__main__":
    main()
