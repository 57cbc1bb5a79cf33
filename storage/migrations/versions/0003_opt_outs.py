"""Opt-outs: a one-way hash of members who asked to be forgotten, so enrolment skips them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.migrations.columns import cascade_fk

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "opt_outs",
        cascade_fk("opt_outs", "community_id", "communities"),
        sa.Column("user_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("community_id", "user_key", name="pk_opt_outs"),
    )


def downgrade() -> None:
    op.drop_table("opt_outs")
