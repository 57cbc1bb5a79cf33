"""The schema, defined once. Migrations in storage/migrations must produce exactly this
(tests/storage/test_migrations.py compares them)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import DateTime, TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

communities = Table(
    "communities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(16), nullable=False),
    Column("external_id", String(64), nullable=False),
    Column("name", String(120), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("checkin_time", String(5), nullable=False),
    Column("report_channel", String(64)),
    Column("enrollment", String(16), nullable=False, default="optin"),
    Column("enrollment_channel", String(64)),
    Column("coach_role", String(64)),
    Column("digest_weekday", Integer, nullable=False, default=0),
    Column("digest_time", String(5), nullable=False, default="09:00"),
    Column("last_digest_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("platform", "external_id", name="uq_communities_platform_external"),
)

members = Table(
    "members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "community_id",
        Integer,
        ForeignKey("communities.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("external_id", String(64), nullable=False),
    Column("name", String(120), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("checkin_time", String(5), nullable=False),
    Column("afternoon_time", String(5), nullable=False),
    Column("days", String(16), nullable=False),
    Column("role", String(16), nullable=False),
    Column("state", String(32), nullable=False),
    Column("state_data", JSON, nullable=False),
    Column("paused_until", UTCDateTime),
    Column("hired_at", UTCDateTime),
    Column("undeliverable", Boolean, nullable=False, default=False),
    Column("share_asks", Boolean, nullable=False, default=False),
    Column("share_names", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("community_id", "external_id", name="uq_members_community_external"),
)


def _member_fk() -> Column[int]:
    return Column(
        "member_id", Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False
    )


asks = Table(
    "asks",
    metadata,
    Column("id", Integer, primary_key=True),
    _member_fk(),
    Column("text", Text, nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("who", String(200)),
    Column("kind", String(32)),
    Column("company", String(200)),
    Column("role", String(200)),
    Column("deadline", String(64)),
    Column("status", String(16), nullable=False),
    Column("outcome", String(16)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime),
    Index("ix_asks_member_created", "member_id", "created_at"),
    # The dashboard's weeks and the digest's week are ranges of dates (migration 0007).
    Index("ix_asks_created", "created_at"),
)

gives = Table(
    "gives",
    metadata,
    Column("id", Integer, primary_key=True),
    _member_fk(),
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_gives_member_created", "member_id", "created_at"),
)

targets = Table(
    "targets",
    metadata,
    Column("id", Integer, primary_key=True),
    _member_fk(),
    Column("company", String(120), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_targets_member", "member_id"),
)

known_companies = Table(
    "known_companies",
    metadata,
    Column("id", Integer, primary_key=True),
    _member_fk(),
    Column("company", String(120), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_known_companies_member", "member_id"),
)

checkins = Table(
    "checkins",
    metadata,
    Column("id", Integer, primary_key=True),
    _member_fk(),
    Column("kind", String(16), nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
    Column("status", String(16), nullable=False),
    Column("ask_id", Integer),
    Column("lease_owner", String(64)),
    Column("lease_expires", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_checkins_status_due", "status", "due_at"),
    Index("ix_checkins_member_status", "member_id", "status"),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(160), nullable=False, unique=True),
    Column("platform", String(16), nullable=False),
    Column("community_id", Integer, nullable=False),
    # No foreign key: a goodbye after `forget` outlives the member row.
    Column("member_id", Integer),
    Column("recipient", String(64)),
    Column("channel", String(64)),
    Column("text", Text, nullable=False),
    Column("choices", JSON, nullable=False),
    Column("attachment", LargeBinary),
    Column("attachment_name", String(120)),
    Column("due_at", UTCDateTime),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_owner", String(64)),
    Column("lease_expires", UTCDateTime),
    # A send was handed to the platform at this instant and its outcome is not recorded yet
    # (stamped just before the platform call): after a take-over, the platform may have it.
    Column("attempted_at", UTCDateTime),
    Column("error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Index("ix_outbox_status_next", "status", "next_attempt_at"),
    # No index on member_id: only `forget` looks rows up by member (see migration 0005).
)

inbound_events = Table(
    "inbound_events",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("event_id", String(128), primary_key=True),
    Column("received_at", UTCDateTime, nullable=False),
    # No index on received_at: only the housekeeping purge reads it (see migration 0005).
    # SQLite: stored in the primary key's b-tree (one b-tree fewer written per inbound message).
    sqlite_with_rowid=False,
)

intro_requests = Table(
    "intro_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "community_id",
        Integer,
        ForeignKey("communities.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("asker_id", Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
    Column("helper_id", Integer, ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
    Column("ask_id", Integer),
    Column("company", String(120), nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_intro_requests_asker", "asker_id"),
    Index("ix_intro_requests_helper", "helper_id"),
)

opt_outs = Table(
    "opt_outs",
    metadata,
    Column(
        "community_id",
        Integer,
        ForeignKey("communities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # sha256 of the platform user id: enough to recognise them, not to identify them.
    Column("user_key", String(64), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
)

MEMBER_TABLES = (asks, gives, targets, known_companies, checkins)
"""Tables whose rows belong to one member through `member_id` (for `forget`)."""
