"""Repository of plans (versioned JSON), profiles, assessments and custom exercises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from spinewise.logbook import (
    AssessmentRecord,
    CustomExercise,
    PlanRecord,
    ProfileRecord,
    planned_sessions,
)
from spinewise.planning.plan import Plan
from spinewise.store.tables import (
    AssessmentRow,
    CustomExerciseRow,
    PlanRow,
    PlanSessionRow,
    ProfileRow,
    SessionRow,
)

__all__ = [
    "StoredPlan",
    "add_assessment",
    "add_custom_exercises",
    "add_profile",
    "get_plan",
    "latest_plan",
    "list_assessments",
    "list_custom_exercises",
    "list_plans",
    "list_profiles",
    "logged_planned_sessions",
    "save_plan",
]


@dataclass(frozen=True)
class StoredPlan:
    """A stored plan version with its database id."""

    id: int
    record: PlanRecord


def _stored(row: PlanRow) -> StoredPlan:
    return StoredPlan(
        row.id,
        PlanRecord(version=row.version, created_at=row.created_at, seed=row.seed, plan=row.plan),
    )


def save_plan(
    db: Session,
    athlete: int,
    plan: Plan,
    *,
    created_at: datetime,
    seed: int | None = None,
    version: int | None = None,
) -> StoredPlan:
    """Store a plan as the athlete's next version (or as ``version``) with its sessions."""
    if version is None:
        latest = db.scalar(select(func.max(PlanRow.version)).where(PlanRow.athlete_id == athlete))
        version = (latest or 0) + 1
    if seed is None:
        seed = plan.generated_by.seed
    row = PlanRow(
        athlete_id=athlete, version=version, created_at=created_at, seed=seed, plan=plan.to_json()
    )
    db.add(row)
    db.flush()
    sessions = [
        {
            "plan_id": row.id,
            "week": s.week,
            "session": s.session,
            "date": s.date,
            "estimated_minutes": s.estimated_minutes,
        }
        for s in planned_sessions(plan)
    ]
    if sessions:
        db.execute(insert(PlanSessionRow), sessions)
    return StoredPlan(
        row.id, PlanRecord(version=version, created_at=created_at, seed=seed, plan=plan)
    )


def latest_plan(db: Session, athlete: int) -> StoredPlan | None:
    """The athlete's newest plan version."""
    row = db.scalar(
        select(PlanRow)
        .where(PlanRow.athlete_id == athlete)
        .order_by(PlanRow.version.desc())
        .limit(1)
    )
    return None if row is None else _stored(row)


def get_plan(db: Session, athlete: int, plan_id: int) -> StoredPlan | None:
    """One plan of this athlete (``None`` when missing or someone else's)."""
    row = db.scalar(select(PlanRow).where(PlanRow.id == plan_id, PlanRow.athlete_id == athlete))
    return None if row is None else _stored(row)


def list_plans(db: Session, athlete: int) -> list[StoredPlan]:
    """Every plan version of the athlete, oldest first."""
    rows = db.scalars(
        select(PlanRow).where(PlanRow.athlete_id == athlete).order_by(PlanRow.version)
    )
    return [_stored(r) for r in rows]


def logged_planned_sessions(
    db: Session, plan_id: int, plan: Plan | None = None
) -> set[tuple[int, int]]:
    """``(week, session)`` of the plan's sessions that a logged session fulfils.

    An adapted plan version keeps its sessions' week and session numbers and names the versions
    it was adapted from (``adapted_from_ids``); sessions logged against those count too.
    """
    ids = [plan_id]
    if plan is not None:
        ids += list(plan.adapted_from_ids)
    rows = db.execute(
        select(PlanSessionRow.week, PlanSessionRow.session)
        .join(SessionRow, SessionRow.plan_session_id == PlanSessionRow.id)
        .where(PlanSessionRow.plan_id.in_(ids))
    )
    return {(w, s) for w, s in rows}


def add_profile(db: Session, athlete: int, record: ProfileRecord) -> None:
    """Store the profile as it is now."""
    db.add(ProfileRow(athlete_id=athlete, recorded_at=record.recorded_at, profile=record.profile))


def list_profiles(db: Session, athlete: int) -> list[ProfileRecord]:
    """Every stored profile, oldest first."""
    rows = db.scalars(
        select(ProfileRow).where(ProfileRow.athlete_id == athlete).order_by(ProfileRow.recorded_at)
    )
    return [ProfileRecord(recorded_at=r.recorded_at, profile=r.profile) for r in rows]


def add_assessment(db: Session, athlete: int, record: AssessmentRecord) -> None:
    """Store an assessment result."""
    db.add(AssessmentRow(athlete_id=athlete, recorded_at=record.recorded_at, result=record.result))


def list_assessments(db: Session, athlete: int) -> list[AssessmentRecord]:
    """Every stored assessment result, oldest first."""
    rows = db.scalars(
        select(AssessmentRow)
        .where(AssessmentRow.athlete_id == athlete)
        .order_by(AssessmentRow.recorded_at)
    )
    return [AssessmentRecord(recorded_at=r.recorded_at, result=r.result) for r in rows]


def list_custom_exercises(db: Session, athlete: int) -> list[CustomExercise]:
    """The athlete's custom exercises, by id."""
    rows = db.scalars(
        select(CustomExerciseRow)
        .where(CustomExerciseRow.athlete_id == athlete)
        .order_by(CustomExerciseRow.exercise_id)
    )
    return [CustomExercise(id=r.exercise_id, name=r.name, source=r.source) for r in rows]


def add_custom_exercises(db: Session, athlete: int, items: Iterable[CustomExercise]) -> int:
    """Store the custom exercises not stored yet; return how many were added."""
    existing = set(
        db.scalars(
            select(CustomExerciseRow.exercise_id).where(CustomExerciseRow.athlete_id == athlete)
        )
    )
    new = {i.id: i for i in items if i.id not in existing}
    if new:
        db.execute(
            insert(CustomExerciseRow),
            [
                {"athlete_id": athlete, "exercise_id": i.id, "name": i.name, "source": i.source}
                for i in sorted(new.values(), key=lambda c: c.id)
            ],
        )
    return len(new)
