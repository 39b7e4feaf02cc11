"""Initial schema: athletes, profiles, assessments, plans, custom exercises, imports, logs.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 22:12:25.681687
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "athletes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athletes")),
        sa.UniqueConstraint("name", name=op.f("uq_athletes_name")),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_assessments_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessments")),
        sa.UniqueConstraint(
            "athlete_id", "recorded_at", name=op.f("uq_assessments_athlete_id_recorded_at")
        ),
    )
    op.create_table(
        "custom_exercises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_custom_exercises_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_exercises")),
        sa.UniqueConstraint(
            "athlete_id", "exercise_id", name=op.f("uq_custom_exercises_athlete_id_exercise_id")
        ),
    )
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("sessions_added", sa.Integer(), nullable=False),
        sa.Column("sets_added", sa.Integer(), nullable=False),
        sa.Column("sets_merged", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_imports_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imports")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_plans_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("athlete_id", "version", name=op.f("uq_plans_athlete_id_version")),
    )
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_profiles_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint(
            "athlete_id", "recorded_at", name=op.f("uq_profiles_athlete_id_recorded_at")
        ),
    )
    op.create_table(
        "plan_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("session", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("estimated_minutes", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_sessions_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_sessions")),
        sa.UniqueConstraint(
            "plan_id", "week", "session", name=op.f("uq_plan_sessions_plan_id_week_session")
        ),
    )
    op.create_table(
        "session_logs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_min", sa.SmallInteger(), nullable=True),
        sa.Column("duration_min", sa.Float(), nullable=True),
        sa.Column("session_rpe", sa.SmallInteger(), nullable=True),
        sa.Column("pain_before", sa.SmallInteger(), nullable=True),
        sa.Column("pain_during", sa.SmallInteger(), nullable=True),
        sa.Column("pain_after", sa.SmallInteger(), nullable=True),
        sa.Column("pain_next_morning", sa.SmallInteger(), nullable=True),
        sa.Column("sleep_h", sa.Float(), nullable=True),
        sa.Column("soreness", sa.SmallInteger(), nullable=True),
        sa.Column("stress", sa.SmallInteger(), nullable=True),
        sa.Column("energy", sa.SmallInteger(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=True),
        sa.Column("plan_session_id", sa.Integer(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athletes.id"],
            name=op.f("fk_session_logs_athlete_id_athletes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
            name=op.f("fk_session_logs_import_id_imports"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_session_id"],
            ["plan_sessions.id"],
            name=op.f("fk_session_logs_plan_session_id_plan_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_logs")),
        sa.UniqueConstraint(
            "athlete_id", "started_at", name=op.f("uq_session_logs_athlete_id_started_at")
        ),
    )
    op.create_table(
        "set_logs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("exercise_id", sa.String(length=120), nullable=False),
        sa.Column("set_number", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("set_type", sa.String(length=10), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("hold_s", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("tempo", sa.String(length=7), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("rir", sa.Float(), nullable=True),
        sa.Column("target_reps", sa.Integer(), nullable=True),
        sa.Column("target_load_kg", sa.Float(), nullable=True),
        sa.Column("target_hold_s", sa.Float(), nullable=True),
        sa.Column("target_distance_m", sa.Float(), nullable=True),
        sa.Column("target_rpe", sa.Float(), nullable=True),
        sa.Column("target_rir", sa.Float(), nullable=True),
        sa.Column("source_name", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session_logs.id"],
            name=op.f("fk_set_logs_session_id_session_logs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_logs")),
        sa.UniqueConstraint(
            "session_id",
            "exercise_id",
            "set_number",
            "side",
            name=op.f("uq_set_logs_session_id_exercise_id_set_number_side"),
        ),
    )
    with op.batch_alter_table("set_logs", schema=None) as batch_op:
        batch_op.create_index("ix_set_logs_exercise_id", ["exercise_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("set_logs", schema=None) as batch_op:
        batch_op.drop_index("ix_set_logs_exercise_id")

    op.drop_table("set_logs")
    op.drop_table("session_logs")
    op.drop_table("plan_sessions")
    op.drop_table("profiles")
    op.drop_table("plans")
    op.drop_table("imports")
    op.drop_table("custom_exercises")
    op.drop_table("assessments")
    op.drop_table("athletes")
