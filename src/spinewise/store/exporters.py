"""Exports: the full JSON backup and a flat CSV (one row per set).

Both are deterministic: sessions in time order, sets in the order they were logged, JSON with
a fixed key order and indentation, so the same data always gives the same bytes.

CSV text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) get a leading ``'``, as the OWASP "CSV Injection" page
advises; numbers are written as numbers (a negative load stays ``-5.0``).

References
----------
OWASP Foundation. CSV Injection. https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import Engine

from spinewise.csv_cells import csv_cell
from spinewise.errors import InputError
from spinewise.logbook import SCHEMA_VERSION, Backup, BackupAthlete, SessionLog, SetLog
from spinewise.store.engine import reading
from spinewise.store.plans import (
    list_assessments,
    list_custom_exercises,
    list_plans,
    list_profiles,
)
from spinewise.store.sessions import athlete_id, list_sessions

__all__ = ["CSV_COLUMNS", "backup_json", "csv_cell", "csv_rows", "export_backup", "export_csv"]

_SESSION_COLUMNS = (
    "started_at",
    "utc_offset_min",
    "title",
    "duration_min",
    "session_rpe",
    "pain_before",
    "pain_during",
    "pain_after",
    "pain_next_morning",
    "sleep_h",
    "soreness",
    "stress",
    "energy",
    "session_notes",
    "source",
    "plan_version",
    "plan_week",
    "plan_session",
)
_SET_COLUMNS = tuple(name if name != "notes" else "set_notes" for name in SetLog.model_fields)
#: The header of ``log export --format csv``.
CSV_COLUMNS: tuple[str, ...] = _SESSION_COLUMNS + _SET_COLUMNS


def export_backup(engine: Engine, athlete: str) -> Backup:
    """Everything stored for ``athlete``; an input error when no such athlete exists."""
    with reading(engine) as db:
        who = athlete_id(db, athlete, create=False)
        if who is None:
            raise InputError(f"--athlete: no athlete named {athlete!r} has any data")
        return Backup(
            schema_version=SCHEMA_VERSION,
            athlete=BackupAthlete(name=athlete),
            sessions=tuple(s.log for s in list_sessions(db, who)),
            custom_exercises=tuple(list_custom_exercises(db, who)),
            plans=tuple(p.record for p in list_plans(db, who)),
            profiles=tuple(list_profiles(db, who)),
            assessments=tuple(list_assessments(db, who)),
        )


def backup_json(backup: Backup) -> str:
    """The backup as JSON text (UTF-8, two-space indent, trailing newline)."""
    data = backup.model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _session_cells(log: SessionLog) -> list[Any]:
    planned = log.planned
    return [
        log.started_at.isoformat(),
        log.utc_offset_min,
        log.title,
        log.duration_min,
        log.session_rpe,
        log.pain.before,
        log.pain.during,
        log.pain.after,
        log.pain.next_morning,
        log.readiness.sleep_h,
        log.readiness.soreness,
        log.readiness.stress,
        log.readiness.energy,
        log.notes,
        log.source,
        None if planned is None else planned.plan_version,
        None if planned is None else planned.week,
        None if planned is None else planned.session,
    ]


def csv_rows(log: SessionLog) -> list[list[Any]]:
    """The CSV rows of one session: one per set (one row when it has no sets)."""
    head = _session_cells(log)
    if not log.sets:
        return [[csv_cell(c) for c in head] + [""] * len(_SET_COLUMNS)]
    return [
        [csv_cell(c) for c in head + [getattr(item, name) for name in SetLog.model_fields]]
        for item in log.sets
    ]


def export_csv(backup: Backup) -> str:
    """The sessions as CSV, one row per set (a session without sets gets one row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for log in backup.sessions:
        writer.writerows(csv_rows(log))
    return out.getvalue()
