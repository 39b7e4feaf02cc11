"""Strong CSV, both layouts (docs/research/product-anchors.md section 5).

- Legacy, ``;``-separated: ``Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;
  Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes`` (some versions add
  ``Workout Duration``); units are named per row.
- Current, ``,``-separated: ``Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,
  Distance,Seconds,Notes,Workout Notes,RPE``; no unit columns: weight is taken as kg and
  distance as km unless the caller says otherwise (the km default is unconfirmed [U]).

``Rest Timer`` rows are dropped. A ``Set Order`` of ``W``, ``D`` or ``F`` marks a warm-up,
drop or failure set, numbered after the others. ``Seconds`` and ``Distance`` of 0 mean "not
recorded" (Strong writes 0 in every row), a weight of 0 is kept (body weight only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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

__all__ = ["iter_strong"]

DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %H:%M", "%Y-%m-%d")
REQUIRED = ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps")
_SET_TYPES = {"W": "warmup", "D": "dropset", "F": "failure"}
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")
_KG = {"kg": 1.0, "kgs": 1.0, "lb": KG_PER_LB, "lbs": KG_PER_LB}
_M = {"m": 1.0, "km": 1000.0, "mi": M_PER_MILE, "mile": M_PER_MILE, "miles": M_PER_MILE}


def _duration_min(row: CsvRow, column: str) -> float | None:
    raw = row.text(column)
    if not raw:
        return None
    try:
        return float(raw)  # a bare number: minutes
    except ValueError:
        pass
    found = _DURATION.match(raw)
    if found is None or not any(found.groups()):
        row.fail(column, f"expected a duration like '1h 5m' or '45m', got {raw!r}")
    hours, minutes, seconds = (int(g) if g else 0 for g in found.groups())
    return round(hours * 60 + minutes + seconds / 60, 3)


def _factor(row: CsvRow, column: str, table: dict[str, float], default: float) -> float:
    unit = row.text(column).lower()
    if not unit:
        return default
    if unit not in table:
        row.fail(column, f"unknown unit {unit!r}; allowed: {', '.join(table)}")
    return table[unit]


def _set(row: CsvRow, kg_per_unit: float, m_per_unit: float) -> RawSet | None:
    order = row.text("Set Order")
    name = row.text("Exercise Name")
    if order.lower() == "rest timer" or name.lower() == "rest timer":
        return None
    if not name:
        row.fail("Exercise Name", "the exercise name is empty")
    set_type = _SET_TYPES.get(order.upper(), "normal")
    number = None if order.upper() in _SET_TYPES else row.integer("Set Order", required=True)
    weight = row.number("Weight")
    if "Weight Unit" in row.header:
        kg_per_unit = _factor(row, "Weight Unit", _KG, kg_per_unit)
    distance = row.number("Distance")
    if "Distance Unit" in row.header:
        m_per_unit = _factor(row, "Distance Unit", _M, m_per_unit)
    seconds = row.number("Seconds")
    values: RawSetValues = {
        "set_type": set_type,
        "reps": row.integer("Reps"),
        "load_kg": None if weight is None else round(weight * kg_per_unit, 4),
        "hold_s": seconds or None,
        "distance_m": round(distance * m_per_unit, 3) if distance else None,
        "rpe": row.number("RPE"),
        "notes": row.text("Notes") or None,
    }
    columns = {
        "reps": row.where("Reps"),
        "load_kg": row.where("Weight"),
        "set_number": row.where("Set Order"),
    }
    for field, column in (("hold_s", "Seconds"), ("distance_m", "Distance"), ("rpe", "RPE")):
        if column in row.header:
            columns[field] = row.where(column)
    return RawSet(name, row.line, number, values, columns)


def _sessions(
    rows: Iterable[CsvRow], kg_per_unit: float, m_per_unit: float
) -> Iterator[RawSession]:
    group = Grouper()
    for row in rows:
        item = _set(row, kg_per_unit, m_per_unit)
        key = row.text("Date")
        sess = group.get(key)
        if sess is None:
            started_at, offset = row.timestamp("Date", DATE_FORMATS)
            duration_col = "Duration" if "Duration" in row.header else "Workout Duration"
            sess = RawSession(
                row.line,
                {
                    "started_at": started_at,
                    "utc_offset_min": offset,
                    "title": row.text("Workout Name") or None,
                    "notes": row.text("Workout Notes") or None,
                    "duration_min": _duration_min(row, duration_col),
                },
            )
            yield from group.ready()
            group.start(key, sess)
        if item is not None:
            sess.sets.append(item)
        yield from group.ready()
    yield from group.finish()


def iter_strong(
    path: Path,
    *,
    weight_unit: str = "kg",
    distance_unit: str = "km",
    progress: Progress | None = None,
) -> Iterator[RawSession]:
    """Read a Strong export (either layout) chunk by chunk, in file order.

    Parameters
    ----------
    weight_unit, distance_unit
        Units of the comma layout, which does not name them (``kg``/``lb``, ``km``/``mi``/``m``).
    """
    return _sessions(
        read_csv(path, REQUIRED, progress=progress), _KG[weight_unit], _M[distance_unit]
    )
