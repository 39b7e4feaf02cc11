"""Swaps chosen in the guided player, stored with the session (decision 0274).

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-05 23:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_swaps",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "session_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("planned_exercise_id", sa.String(length=120), nullable=False),
        sa.Column("done_exercise_id", sa.String(length=120), nullable=False),
        sa.Column("hurts", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session_logs.id"],
            name=op.f("fk_session_swaps_session_id_session_logs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_swaps")),
        sa.UniqueConstraint(
            "session_id",
            "planned_exercise_id",
            name=op.f("uq_session_swaps_session_id_planned_exercise_id"),
        ),
    )


def downgrade() -> None:
    op.drop_table("session_swaps")
