"""The ids a browser gives the sets it logs, so a set sent again (after being offline) is
stored once.

Revision ID: 0005
Revises: 0008
Create Date: 2026-12-05 23:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "set_client_ids",
        sa.Column("id", big, nullable=False),
        sa.Column("session_id", big, nullable=False),
        sa.Column("set_id", big, nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session_logs.id"],
            name=op.f("fk_set_client_ids_session_id_session_logs"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["set_logs.id"],
            name=op.f("fk_set_client_ids_set_id_set_logs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_client_ids")),
        sa.UniqueConstraint(
            "session_id", "client_id", name=op.f("uq_set_client_ids_session_id_client_id")
        ),
    )
    op.create_index("ix_set_client_ids_set_id", "set_client_ids", ["set_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_set_client_ids_set_id", table_name="set_client_ids")
    op.drop_table("set_client_ids")
