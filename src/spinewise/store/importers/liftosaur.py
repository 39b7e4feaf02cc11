"""Liftosaur history CSV (docs/research/product-anchors.md section 5).

``Workout DateTime, Program, Day Name, Exercise, Is Warmup Set?, Required Reps, Completed Reps,
Is AMRAP?, Required RPE, Completed RPE, Log RPE?, Required Weight Value, Required Weight Unit,
Completed Weight Value, Completed Weight Unit, Ask Weight?, Completed Reps Time, Target Muscles,
Synergist Muscles, Notes``. Required values become targets, completed values actuals; sets
are numbered in file order per exercise; the session lasts until its last ``Completed Reps
Time``; ``Notes`` of the workout go to the session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spinewise.store.importers.base import (
    CsvRow,
    Grouper,
    Progress,
    RawSession,
    RawSet,
    RawSetValues,
    read_csv,
)
from spinewise.units import KG_PER_LB

__all__ = ["iter_liftosaur"]

DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S")
REQUIRED = ("Workout DateTime", "Exercise", "Completed Reps")
_KG = {"kg": 1.0, "lb": KG_PER_LB, "lbs": KG_PER_LB}
_TRUE = {"1", "true", "yes", "y"}


def _kg(row: CsvRow, value_col: str, unit_col: str) -> float | None:
    value = row.number(value_col)
    if value is None:
        return None
    unit = row.text(unit_col).lower() or "kg"
    if unit not in _KG:
        row.fail(unit_col, f"unknown unit {unit!r}; allowed: kg, lb")
    return round(value * _KG[unit], 4)


def _set(row: CsvRow) -> RawSet:
    name = row.text("Exercise")
    if not name:
        row.fail("Exercise", "the exercise name is empty")
    values: RawSetValues = {
        "set_type": "warmup" if row.text("Is Warmup Set?").lower() in _TRUE else "normal",
        "reps": row.integer("Completed Reps"),
        "target_reps": row.integer("Required Reps"),
        "load_kg": _kg(row, "Completed Weight Value", "Completed Weight Unit"),
        "target_load_kg": _kg(row, "Required Weight Value", "Required Weight Unit"),
        "rpe": row.number("Completed RPE"),
        "target_rpe": row.number("Required RPE"),
    }
    columns = {
        field: row.where(column)
        for field, column in (
            ("reps", "Completed Reps"),
            ("target_reps", "Required Reps"),
            ("load_kg", "Completed Weight Value"),
            ("target_load_kg", "Required Weight Value"),
            ("rpe", "Completed RPE"),
            ("target_rpe", "Required RPE"),
        )
        if column in row.header
    }
    return RawSet(name, row.line, None, values, columns)


def iter_liftosaur(path: Path, *, progress: Progress | None = None) -> Iterator[RawSession]:
    """Read a Liftosaur history export chunk by chunk, in file order."""
    group = Grouper()
    for row in read_csv(path, REQUIRED, progress=progress):
        key = row.text("Workout DateTime")
        sess = group.get(key)
        if sess is None:
            started_at, offset = row.timestamp("Workout DateTime", DATE_FORMATS)
            title = " / ".join(t for t in (row.text("Program"), row.text("Day Name")) if t)
            sess = RawSession(
                row.line,
                {"started_at": started_at, "utc_offset_min": offset, "title": title or None},
            )
            yield from group.ready()
            group.start(key, sess)
        if row.text("Notes") and not sess.values.get("notes"):
            sess.values["notes"] = row.text("Notes")
        if row.text("Completed Reps Time"):
            done_at, _ = row.timestamp("Completed Reps Time", DATE_FORMATS)
            minutes = round((done_at - sess.values["started_at"]).total_seconds() / 60, 3)
            if minutes >= 0:
                sess.values["duration_min"] = max(minutes, sess.values.get("duration_min") or 0)
        sess.sets.append(_set(row))
        yield from group.ready()
    yield from group.finish()
