"""Opt-outs: a one-way hash of members who asked to be forgotten, so enrolment skips them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "opt_outs",
        sa.Column(
            "community_id",
            sa.Integer,
            sa.ForeignKey(
                "communities.id", ondelete="CASCADE", name="fk_opt_outs_community_id_communities"
            ),
            nullable=False,
        ),
        sa.Column("user_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("community_id", "user_key", name="pk_opt_outs"),
    )


def downgrade() -> None:
    op.drop_table("opt_outs")
