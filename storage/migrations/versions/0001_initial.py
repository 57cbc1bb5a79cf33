"""The first schema: communities, members, asks, gives, targets, known companies,
check-ins, outbox and inbound event ids.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import SchemaItem

from storage.migrations.columns import cascade_fk, inbound_event_columns

revision = "0001"
down_revision = None


def _of_a_member(name: str, *items: SchemaItem) -> None:
    """A table of rows that each belong to one member: an id, the member's id, then `items`."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer),
        cascade_fk(name, "member_id", "members"),
        *items,
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )


def upgrade() -> None:
    op.create_table(
        "communities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("checkin_time", sa.String(5), nullable=False),
        sa.Column("report_channel", sa.String(64)),
        sa.Column("enrollment", sa.String(16), nullable=False),
        sa.Column("enrollment_channel", sa.String(64)),
        sa.Column("coach_role", sa.String(64)),
        sa.Column("digest_weekday", sa.Integer, nullable=False),
        sa.Column("digest_time", sa.String(5), nullable=False),
        sa.Column("last_digest_at", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_communities"),
        sa.UniqueConstraint("platform", "external_id", name="uq_communities_platform_external"),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer),
        cascade_fk("members", "community_id", "communities"),
        sa.Column("external_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("checkin_time", sa.String(5), nullable=False),
        sa.Column("afternoon_time", sa.String(5), nullable=False),
        sa.Column("days", sa.String(16), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("state_data", sa.JSON, nullable=False),
        sa.Column("paused_until", sa.DateTime),
        sa.Column("hired_at", sa.DateTime),
        sa.Column("undeliverable", sa.Boolean, nullable=False),
        sa.Column("share_asks", sa.Boolean, nullable=False),
        sa.Column("share_names", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.UniqueConstraint("community_id", "external_id", name="uq_members_community_external"),
    )
    _of_a_member(
        "asks",
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("who", sa.String(200)),
        sa.Column("kind", sa.String(32)),
        sa.Column("company", sa.String(200)),
        sa.Column("role", sa.String(200)),
        sa.Column("deadline", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(16)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime),
    )
    op.create_index("ix_asks_member_created", "asks", ["member_id", "created_at"])
    _of_a_member(
        "gives",
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_gives_member_created", "gives", ["member_id", "created_at"])
    for table in ("targets", "known_companies"):
        _of_a_member(
            table,
            sa.Column("company", sa.String(120), nullable=False),
            sa.Column("created_at", sa.DateTime, nullable=False),
        )
        op.create_index(f"ix_{table}_member", table, ["member_id"])
    _of_a_member(
        "checkins",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("due_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("ask_id", sa.Integer),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_expires", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_checkins_status_due", "checkins", ["status", "due_at"])
    op.create_index("ix_checkins_member_status", "checkins", ["member_id", "status"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(160), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("community_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer),
        sa.Column("recipient", sa.String(64)),
        sa.Column("channel", sa.String(64)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("choices", sa.JSON, nullable=False),
        sa.Column("attachment", sa.LargeBinary),
        sa.Column("attachment_name", sa.String(120)),
        sa.Column("due_at", sa.DateTime),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=False),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_expires", sa.DateTime),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("key", name="uq_outbox_key"),
    )
    op.create_index("ix_outbox_status_next", "outbox", ["status", "next_attempt_at"])
    op.create_index("ix_outbox_member", "outbox", ["member_id"])
    op.create_table(
        "intro_requests",
        sa.Column("id", sa.Integer),
        cascade_fk("intro_requests", "community_id", "communities"),
        cascade_fk("intro_requests", "asker_id", "members"),
        cascade_fk("intro_requests", "helper_id", "members"),
        sa.Column("ask_id", sa.Integer),
        sa.Column("company", sa.String(120), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_intro_requests"),
    )
    op.create_index("ix_intro_requests_asker", "intro_requests", ["asker_id"])
    op.create_index("ix_intro_requests_helper", "intro_requests", ["helper_id"])
    op.create_table("inbound_events", *inbound_event_columns())
    op.create_index("ix_inbound_events_received", "inbound_events", ["received_at"])


def downgrade() -> None:
    for index, table in (
        ("ix_inbound_events_received", "inbound_events"),
        ("ix_outbox_member", "outbox"),
        ("ix_intro_requests_helper", "intro_requests"),
        ("ix_intro_requests_asker", "intro_requests"),
        ("ix_outbox_status_next", "outbox"),
        ("ix_checkins_member_status", "checkins"),
        ("ix_checkins_status_due", "checkins"),
        ("ix_known_companies_member", "known_companies"),
        ("ix_targets_member", "targets"),
        ("ix_gives_member_created", "gives"),
        ("ix_asks_member_created", "asks"),
    ):
        op.drop_index(index, table_name=table)
    for table in (
        "inbound_events",
        "intro_requests",
        "outbox",
        "checkins",
        "known_companies",
        "targets",
        "gives",
        "asks",
        "members",
        "communities",
    ):
        op.drop_table(table)
