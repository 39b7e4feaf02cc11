"""Each web user's weight unit: kilograms or pounds (stored weights stay in kilograms).

Revision ID: 0004
Revises: 0005
Create Date: 2026-12-05 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("weight_unit", sa.String(length=2), server_default="kg", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("weight_unit")
