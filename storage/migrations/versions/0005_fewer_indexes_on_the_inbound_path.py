"""Two indexes fewer on the tables every inbound message writes.

`ix_inbound_events_received` served only the housekeeping purge (event ids older than two
days: a scan of two days of rows, once an hour), and `ix_outbox_member` only `forget` (a scan of
the outbox, rarely). Each was one more b-tree page written, and fsynced, on every message.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.drop_index("ix_inbound_events_received", table_name="inbound_events")
    op.drop_index("ix_outbox_member", table_name="outbox")


def downgrade() -> None:
    op.create_index("ix_outbox_member", "outbox", ["member_id"])
    op.create_index("ix_inbound_events_received", "inbound_events", ["received_at"])
