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
from sqlalchemy.schema import SchemaItem
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


def cascade_fk(column: str, referred: str, *, primary_key: bool = False) -> Column[int]:
    """A required reference to `referred`.id: the row is deleted with the row it refers to."""
    return Column(
        column,
        Integer,
        ForeignKey(f"{referred}.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def without_rowid(name: str, *columns: Column[Any]) -> Table:
    """A table stored in its primary key's b-tree on SQLite (WITHOUT ROWID): one b-tree fewer
    written per row, for tables only ever looked up by that key."""
    return Table(name, metadata, *columns, sqlite_with_rowid=False)


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
    cascade_fk("community_id", "communities"),
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


def _of_a_member(name: str, *items: SchemaItem) -> Table:
    """A table of rows that each belong to one member (deleted by `forget`): an id, the
    member's id, then `items`."""
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        cascade_fk("member_id", "members"),
        *items,
    )


asks = _of_a_member(
    "asks",
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

gives = _of_a_member(
    "gives",
    Column("text", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_gives_member_created", "member_id", "created_at"),
)


def _companies(name: str) -> Table:
    """A member's list of companies, read by member."""
    return _of_a_member(
        name,
        Column("company", String(120), nullable=False),
        Column("created_at", UTCDateTime, nullable=False),
        Index(f"ix_{name}_member", "member_id"),
    )


targets = _companies("targets")  # where the member wants to work
known_companies = _companies("known_companies")  # where the member knows people

checkins = _of_a_member(
    "checkins",
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

inbound_events = without_rowid(
    "inbound_events",
    Column("platform", String(16), primary_key=True),
    Column("event_id", String(128), primary_key=True),
    # No index on received_at: only the housekeeping purge reads it (see migration 0005).
    Column("received_at", UTCDateTime, nullable=False),
)

intro_requests = Table(
    "intro_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    cascade_fk("community_id", "communities"),
    cascade_fk("asker_id", "members"),
    cascade_fk("helper_id", "members"),
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
    cascade_fk("community_id", "communities", primary_key=True),
    # sha256 of the platform user id: enough to recognise them, not to identify them.
    Column("user_key", String(64), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
)

MEMBER_TABLES = (asks, gives, targets, known_companies, checkins)
"""Tables whose rows belong to one member through `member_id` (for `forget`)."""
