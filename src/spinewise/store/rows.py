"""Rows <-> logbook values: the one place that knows both shapes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypedDict

from spinewise.logbook import PainScores, PlannedRef, Readiness, SessionLog, SetLog
from spinewise.store.tables import SessionRow, SetRow

__all__ = [
    "SET_VALUE_COLUMNS",
    "SessionRowValues",
    "SetRowValues",
    "session_from_row",
    "session_values",
    "set_from_row",
    "set_from_values",
    "set_values",
]

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


class SetRowValues(TypedDict):
    """The column values of a ``sets`` row, as an insert takes them (``side`` is '' for none)."""

    session_id: int
    exercise_id: str
    set_number: int
    side: str
    set_type: str
    reps: int | None
    load_kg: float | None
    hold_s: float | None
    distance_m: float | None
    tempo: str | None
    rpe: float | None
    rir: float | None
    target_reps: int | None
    target_load_kg: float | None
    target_hold_s: float | None
    target_distance_m: float | None
    target_rpe: float | None
    target_rir: float | None
    source_name: str | None
    notes: str | None


class SessionRowValues(TypedDict):
    """The column values of a ``sessions`` row (without its sets), as an insert takes them."""

    athlete_id: int
    started_at: datetime
    utc_offset_min: int | None
    duration_min: float | None
    session_rpe: int | None
    pain_before: int | None
    pain_during: int | None
    pain_after: int | None
    pain_next_morning: int | None
    sleep_h: float | None
    soreness: int | None
    stress: int | None
    energy: int | None
    title: str | None
    notes: str | None
    source: str | None
    plan_session_id: int | None
    import_id: int | None


def set_values(session_id: int, item: SetLog) -> SetRowValues:
    """The column values of a set row."""
    return SetRowValues(
        session_id=session_id,
        exercise_id=item.exercise_id,
        set_number=item.set_number,
        side=item.side or "",
        set_type=item.set_type,
        reps=item.reps,
        load_kg=item.load_kg,
        hold_s=item.hold_s,
        distance_m=item.distance_m,
        tempo=item.tempo,
        rpe=item.rpe,
        rir=item.rir,
        target_reps=item.target_reps,
        target_load_kg=item.target_load_kg,
        target_hold_s=item.target_hold_s,
        target_distance_m=item.target_distance_m,
        target_rpe=item.target_rpe,
        target_rir=item.target_rir,
        source_name=item.source_name,
        notes=item.notes,
    )


def set_from_row(row: SetRow) -> SetLog:
    """The logbook value of a set row."""
    return set_from_values(row.side, [getattr(row, name) for name in SET_VALUE_COLUMNS])


def set_from_values(side: str, values: Sequence[object]) -> SetLog:
    """The logbook value of a set from its ``side`` column and the :data:`SET_VALUE_COLUMNS`."""
    return SetLog.model_validate(
        {"side": side or None, **dict(zip(SET_VALUE_COLUMNS, values, strict=True))}
    )


def session_values(
    athlete_id: int,
    log: SessionLog,
    plan_session_id: int | None = None,
    import_id: int | None = None,
) -> SessionRowValues:
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
