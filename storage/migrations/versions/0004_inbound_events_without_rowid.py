"""Inbound event ids WITHOUT ROWID on SQLite: the table is stored in its primary key's b-tree
(platform, event_id), so recording an event id writes one b-tree fewer on every inbound
message. PostgreSQL has no rowid; its schema is unchanged.
"""

from __future__ import annotations

from alembic import op

from storage.migrations.columns import inbound_event_columns

revision = "0004"
down_revision = "0003"


def _rebuild(with_rowid: bool) -> None:
    op.create_table(
        "inbound_events_rebuilt", *inbound_event_columns(), sqlite_with_rowid=with_rowid
    )
    op.execute(
        "INSERT INTO inbound_events_rebuilt (platform, event_id, received_at) "
        "SELECT platform, event_id, received_at FROM inbound_events"
    )
    op.drop_index("ix_inbound_events_received", table_name="inbound_events")
    op.drop_table("inbound_events")
    op.rename_table("inbound_events_rebuilt", "inbound_events")
    op.create_index("ix_inbound_events_received", "inbound_events", ["received_at"])


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(with_rowid=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(with_rowid=True)
