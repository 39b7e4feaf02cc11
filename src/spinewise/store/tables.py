"""The tables of the training log (SQLAlchemy 2 typed models; the same on SQLite and PostgreSQL).

Natural keys make imports idempotent: a session is ``(athlete_id, started_at)``, a set is
``(session_id, exercise_id, set_number, side)`` with ``side`` ``''`` when it has none (so the
unique constraint holds on both databases, where NULLs would count as distinct).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "AssessmentRow",
    "AthleteRow",
    "Base",
    "CustomExerciseRow",
    "ImportRow",
    "PlanRow",
    "PlanSessionRow",
    "ProfileRow",
    "SessionRow",
    "SetClientIdRow",
    "SetRow",
]

# BIGINT on PostgreSQL (100M sets), INTEGER on SQLite so that the key aliases the rowid.
BigId = BigInteger().with_variant(Integer, "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention (Alembic batch mode on SQLite needs names)."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        # I/O edge: a JSON column. The three below hold the profile, assessment and plan JSON
        # (ProfileRow.profile, AssessmentRow.result, PlanRow.plan); the plan is read into a Plan
        # (PlanRecord), a profile by parse_profile; an assessment is shown as it was written.
        dict[str, Any]: JSON,
        datetime: DateTime(),
        str: String(200),
    }


class AthleteRow(Base):
    """An athlete; the local default athlete and web users each have one."""

    __tablename__ = "athletes"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime]


class ProfileRow(Base):
    """The athlete profile as it was at one time."""

    __tablename__ = "profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    recorded_at: Mapped[datetime]
    profile: Mapped[dict[str, Any]]  # I/O edge: JSON column
    __table_args__ = (UniqueConstraint("athlete_id", "recorded_at"),)


class AssessmentRow(Base):
    """An assessment result (``assess --format json``) at one time."""

    __tablename__ = "assessments"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    recorded_at: Mapped[datetime]
    result: Mapped[dict[str, Any]]  # I/O edge: JSON column
    __table_args__ = (UniqueConstraint("athlete_id", "recorded_at"),)


class PlanRow(Base):
    """One version of an athlete's plan: the plan JSON; adapting it stores a new version."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    version: Mapped[int]
    created_at: Mapped[datetime]
    seed: Mapped[int | None] = mapped_column(BigInteger)
    plan: Mapped[dict[str, Any]]  # I/O edge: JSON column
    __table_args__ = (UniqueConstraint("athlete_id", "version"),)


class PlanSessionRow(Base):
    """A session of a stored plan, so that logged sessions can point at what they fulfil."""

    __tablename__ = "plan_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    week: Mapped[int]
    session: Mapped[int]
    date: Mapped[date | None] = mapped_column(Date)
    estimated_minutes: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (UniqueConstraint("plan_id", "week", "session"),)


class CustomExerciseRow(Base):
    """An exercise the catalogue lacks (``custom:<slug>``), made by an import or by hand."""

    __tablename__ = "custom_exercises"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(120))
    name: Mapped[str]
    source: Mapped[str | None] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("athlete_id", "exercise_id"),)


class ImportRow(Base):
    """One import: what file, when, and what it added (written in the import's transaction)."""

    __tablename__ = "imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    format: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime]
    sessions_added: Mapped[int]
    sets_added: Mapped[int]
    sets_merged: Mapped[int]


class SessionRow(Base):
    """A logged session; see :class:`spinewise.logbook.SessionLog` for the meaning of columns."""

    __tablename__ = "session_logs"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athletes.id", ondelete="CASCADE"))
    started_at: Mapped[datetime]
    utc_offset_min: Mapped[int | None] = mapped_column(SmallInteger)
    duration_min: Mapped[float | None] = mapped_column(Float)
    session_rpe: Mapped[int | None] = mapped_column(SmallInteger)
    pain_before: Mapped[int | None] = mapped_column(SmallInteger)
    pain_during: Mapped[int | None] = mapped_column(SmallInteger)
    pain_after: Mapped[int | None] = mapped_column(SmallInteger)
    pain_next_morning: Mapped[int | None] = mapped_column(SmallInteger)
    sleep_h: Mapped[float | None] = mapped_column(Float)
    soreness: Mapped[int | None] = mapped_column(SmallInteger)
    stress: Mapped[int | None] = mapped_column(SmallInteger)
    energy: Mapped[int | None] = mapped_column(SmallInteger)
    title: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(40))
    plan_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_sessions.id", ondelete="SET NULL")
    )
    import_id: Mapped[int | None] = mapped_column(ForeignKey("imports.id", ondelete="SET NULL"))
    __table_args__ = (UniqueConstraint("athlete_id", "started_at"),)


class SetRow(Base):
    """A logged set; actual values beside ``target_*`` values."""

    __tablename__ = "set_logs"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("session_logs.id", ondelete="CASCADE"),
    )
    exercise_id: Mapped[str] = mapped_column(String(120))
    set_number: Mapped[int]
    side: Mapped[str] = mapped_column(String(5))
    set_type: Mapped[str] = mapped_column(String(10))
    reps: Mapped[int | None]
    load_kg: Mapped[float | None] = mapped_column(Float)
    hold_s: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    tempo: Mapped[str | None] = mapped_column(String(7))
    rpe: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[float | None] = mapped_column(Float)
    target_reps: Mapped[int | None]
    target_load_kg: Mapped[float | None] = mapped_column(Float)
    target_hold_s: Mapped[float | None] = mapped_column(Float)
    target_distance_m: Mapped[float | None] = mapped_column(Float)
    target_rpe: Mapped[float | None] = mapped_column(Float)
    target_rir: Mapped[float | None] = mapped_column(Float)
    source_name: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        UniqueConstraint("session_id", "exercise_id", "set_number", "side"),
        Index("ix_set_logs_exercise_id", "exercise_id"),
    )


class SetClientIdRow(Base):
    """An id a browser gave a set it logged: the set sent again with that id is stored once.

    Every id a set was ever sent with is kept (not only the last), so a late replay of an old
    id changes nothing, even after the set was changed under a newer id (decision 0270).
    """

    __tablename__ = "set_client_ids"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("session_logs.id", ondelete="CASCADE"),
    )
    set_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("set_logs.id", ondelete="CASCADE"),
    )
    client_id: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        UniqueConstraint("session_id", "client_id"),
        Index("ix_set_client_ids_set_id", "set_id"),
    )
