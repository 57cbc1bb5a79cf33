"""One-time sign-in links to the organizer dashboard (storage/dashboard.py), and an index on
asks by date.

Only the SHA-256 of each link's token is stored, with the community and organizer it is for,
when it expires and when it was used. The dashboard counts a community's last weeks of asks;
without `ix_asks_created` that reads every ask ever made (asks are inserted in time order, so
the weeks wanted are a contiguous range of this index).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.migrations.columns import cascade_fk

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table(
        "dashboard_sign_ins",
        sa.Column("token_hash", sa.String(64), nullable=False),
        cascade_fk("dashboard_sign_ins", "community_id", "communities"),
        cascade_fk("dashboard_sign_ins", "member_id", "members"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime),
        sa.PrimaryKeyConstraint("token_hash", name="pk_dashboard_sign_ins"),
    )
    op.create_index("ix_dashboard_sign_ins_member", "dashboard_sign_ins", ["member_id"])
    op.create_index("ix_asks_created", "asks", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_asks_created", table_name="asks")
    op.drop_index("ix_dashboard_sign_ins_member", table_name="dashboard_sign_ins")
    op.drop_table("dashboard_sign_ins")
