"""Rows <-> logbook values: the one place that knows both shapes."""

from __future__ import annotations

from typing import Any

from spinewise.logbook import PainScores, PlannedRef, Readiness, SessionLog, SetLog
from spinewise.store.tables import SessionRow, SetRow

__all__ = ["SET_VALUE_COLUMNS", "session_from_row", "session_values", "set_from_row", "set_values"]

#: SetLog fields stored as columns of the same name.
SET_VALUE_COLUMNS: tuple[str, ...] = (
    "exercise_id",
    "set_number",
    "set_type",
    "reps",
    "load_kg",
    "hold_s",
    "distance_m",
    "tempo",
    "rpe",
    "rir",
    "target_reps",
    "target_load_kg",
    "target_hold_s",
    "target_distance_m",
    "target_rpe",
    "target_rir",
    "source_name",
    "notes",
)


def set_values(session_id: int, item: SetLog) -> dict[str, Any]:
    """The column values of a set row."""
    values: dict[str, Any] = {name: getattr(item, name) for name in SET_VALUE_COLUMNS}
    values["session_id"] = session_id
    values["side"] = item.side or ""
    return values


def set_from_row(row: SetRow) -> SetLog:
    """The logbook value of a set row."""
    values = {name: getattr(row, name) for name in SET_VALUE_COLUMNS}
    return SetLog(side=row.side or None, **values)


def session_values(
    athlete_id: int,
    log: SessionLog,
    plan_session_id: int | None = None,
    import_id: int | None = None,
) -> dict[str, Any]:
    """The column values of a session row (without its sets)."""
    return {
        "athlete_id": athlete_id,
        "started_at": log.started_at,
        "utc_offset_min": log.utc_offset_min,
        "duration_min": log.duration_min,
        "session_rpe": log.session_rpe,
        "pain_before": log.pain.before,
        "pain_during": log.pain.during,
        "pain_after": log.pain.after,
        "pain_next_morning": log.pain.next_morning,
        "sleep_h": log.readiness.sleep_h,
        "soreness": log.readiness.soreness,
        "stress": log.readiness.stress,
        "energy": log.readiness.energy,
        "title": log.title,
        "notes": log.notes,
        "source": log.source,
        "plan_session_id": plan_session_id,
        "import_id": import_id,
    }


def session_from_row(
    row: SessionRow, sets: list[SetLog], planned: PlannedRef | None = None
) -> SessionLog:
    """The logbook value of a session row and its sets."""
    return SessionLog(
        started_at=row.started_at,
        utc_offset_min=row.utc_offset_min,
        duration_min=row.duration_min,
        session_rpe=row.session_rpe,
        pain=PainScores(
            before=row.pain_before,
            during=row.pain_during,
            after=row.pain_after,
            next_morning=row.pain_next_morning,
        ),
        readiness=Readiness(
            sleep_h=row.sleep_h, soreness=row.soreness, stress=row.stress, energy=row.energy
        ),
        title=row.title,
        notes=row.notes,
        source=row.source,
        planned=planned,
        sets=tuple(sets),
    )
