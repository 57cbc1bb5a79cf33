"""Discord DM channel ids, so a restart does not reopen every member's DM.

One row per Discord user: the DM channel the bot has with them (storage/discord_tables.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "discord_dm_channels",
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("channel_id", sa.String(64), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_discord_dm_channels"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("discord_dm_channels")
