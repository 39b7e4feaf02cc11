"""Hevy CSV (docs/research/product-anchors.md section 5).

``title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
set_type,weight_kg|weight_lbs,reps,distance_km|distance_miles,duration_seconds,rpe``.
The unit follows from the column name; ``set_index`` is 0-based; ``set_type`` is ``normal``,
``warmup``, ``dropset`` or ``failure``. Timestamps come as ``26 Jan 2024, 18:02``,
``Jan 26, 2024, 6:02 PM`` or ISO 8601. ``duration_seconds`` and distance of 0 mean "not
recorded"; ``exercise_notes`` go to each set of that exercise, ``description`` to the session.
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
from spinewise.units import KG_PER_LB, M_PER_MILE

__all__ = ["iter_hevy"]

DATE_FORMATS = (
    "%d %b %Y, %H:%M",
    "%d %b %Y, %H:%M:%S",
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y, %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)
REQUIRED = ("title", "start_time", "exercise_title", "set_index", "set_type", "reps")
SET_TYPES = ("normal", "warmup", "dropset", "failure")


def _set(row: CsvRow, weight_col: str, kg: float, dist_col: str, m: float) -> RawSet:
    name = row.text("exercise_title")
    if not name:
        row.fail("exercise_title", "the exercise name is empty")
    set_type = row.text("set_type").lower() or "normal"
    if set_type not in SET_TYPES:
        row.fail("set_type", f"unknown set type {set_type!r}; allowed: {', '.join(SET_TYPES)}")
    index = row.integer("set_index", required=True)
    assert index is not None  # required=True never returns None
    if index < 0:
        row.fail("set_index", f"must be 0 or more, got {index}")
    weight = row.number(weight_col) if weight_col else None
    distance = row.number(dist_col) if dist_col else None
    values: RawSetValues = {
        "set_type": set_type,
        "reps": row.integer("reps"),
        "load_kg": None if weight is None else round(weight * kg, 4),
        "distance_m": round(distance * m, 3) if distance else None,
        "hold_s": row.number("duration_seconds") or None,
        "rpe": row.number("rpe"),
        "notes": row.text("exercise_notes") or None,
    }
    columns = {"reps": row.where("reps"), "set_number": row.where("set_index")}
    for field, column in (
        ("load_kg", weight_col),
        ("distance_m", dist_col),
        ("hold_s", "duration_seconds"),
        ("rpe", "rpe"),
    ):
        if column in row.header:
            columns[field] = row.where(column)
    return RawSet(name, row.line, index + 1, values, columns)


def iter_hevy(path: Path, *, progress: Progress | None = None) -> Iterator[RawSession]:
    """Read a Hevy export (kg or lbs) chunk by chunk, in file order."""
    group = Grouper()
    weight_col = dist_col = ""
    kg = m = 1.0
    for row in read_csv(path, REQUIRED, progress=progress):
        if not weight_col:
            weight_col, kg = (
                ("weight_lbs", KG_PER_LB) if "weight_lbs" in row.header else ("weight_kg", 1.0)
            )
            dist_col, m = (
                ("distance_miles", M_PER_MILE)
                if "distance_miles" in row.header
                else ("distance_km", 1000.0)
            )
        item = _set(row, weight_col, kg, dist_col, m)
        key = row.text("start_time")
        sess = group.get(key)
        if sess is None:
            started_at, offset = row.timestamp("start_time", DATE_FORMATS)
            duration = None
            if row.text("end_time"):
                ended_at, _ = row.timestamp("end_time", DATE_FORMATS)
                if ended_at < started_at:
                    row.fail("end_time", "ends before it starts")
                duration = round((ended_at - started_at).total_seconds() / 60, 3)
            sess = RawSession(
                row.line,
                {
                    "started_at": started_at,
                    "utc_offset_min": offset,
                    "title": row.text("title") or None,
                    "notes": row.text("description") or None,
                    "duration_min": duration,
                },
            )
            yield from group.ready()
            group.start(key, sess)
        sess.sets.append(item)
        yield from group.ready()
    yield from group.finish()
