"""A writer process for the reliability tests (run as a script, never collected as a test).

``python reliability_writer.py URL batches ATHLETE SLOT N_BATCHES SETS``: one transaction per batch,
one session of SETS sets each; prints ``committed I`` after each commit. With ``STALL`` as
the last argument, the batch after the first two stalls mid-transaction (half its sets
written) after printing ``inside I``, so that the parent can kill it there.

``python reliability_writer.py URL import FILE [STALL]``: imports a Strong CSV; with ``STALL``
it prints ``writing`` and stalls as soon as the first chunk of sets is written.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from spinewise.logbook import ExerciseMatcher, SessionLog, SetLog
from spinewise.store import add_session, create_engine_from_url, writing
from spinewise.store.importers import import_file
from spinewise.store.rows import set_values
from spinewise.store.sessions import athlete_id
from spinewise.store.tables import SetRow


def _batches(url: str, athlete: str, slot: int, count: int, sets: int, stall: bool) -> None:
    engine = create_engine_from_url(url)
    base = datetime(2026, 1, 1) + timedelta(days=slot)
    for index in range(count):
        started = base + timedelta(minutes=index)
        with writing(engine) as db:
            who = athlete_id(db, athlete)
            if stall and index == 2:
                sid = add_session(db, who, SessionLog(started_at=started))
                half = [
                    set_values(sid, SetLog(exercise_id="bird_dog", set_number=n, reps=n))
                    for n in range(1, sets // 2 + 1)
                ]
                db.execute(insert(SetRow), half)
                db.flush()
                print(f"inside {index}", flush=True)
                time.sleep(120)
            log = SessionLog(
                started_at=started,
                sets=tuple(
                    SetLog(exercise_id="bird_dog", set_number=n, reps=n) for n in range(1, sets + 1)
                ),
            )
            add_session(db, who, log)
        print(f"committed {index}", flush=True)


def _import(url: str, path: str, stall: bool) -> None:
    engine = create_engine_from_url(url)

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "write" and stall:
            print("writing", flush=True)
            time.sleep(120)

    report = import_file(
        engine, Path(path), "strong", "ann", ExerciseMatcher([]), progress=progress
    )
    print(f"added {report.counts.sets_added} merged {report.counts.sets_merged}", flush=True)


if __name__ == "__main__":
    if sys.argv[2] == "import":
        _import(sys.argv[1], sys.argv[3], sys.argv[-1] == "STALL")
    else:
        _batches(
            sys.argv[1],
            sys.argv[3],
            int(sys.argv[4]),
            int(sys.argv[5]),
            int(sys.argv[6]),
            sys.argv[-1] == "STALL",
        )
