"""Outbox: when a send of each message was attempted and not yet settled.

`attempted_at` is stamped (committed) just before a worker hands the message to the platform
and cleared once the outcome is recorded. After a worker dies, only the message it was sending
carries it: the rest of its claimed batch is known never to have reached the platform, and is
sent again without a look-up (docs/checkins.md). Rows a worker held when this revision is
applied are treated as possibly sent, as before it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("attempted_at", sa.DateTime, nullable=True))
    op.execute(
        "UPDATE outbox SET attempted_at = created_at "
        "WHERE lease_expires IS NOT NULL AND status IN ('pending', 'sending')"
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("attempted_at")
