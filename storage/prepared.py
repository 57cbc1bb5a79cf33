"""Statements on the inbound path, built once with bound parameters.

Every inbound message runs these. Building a SQLAlchemy statement per call (`select(...)
.where(col == value)`, `insert(...).values(**row)`) and computing its cache key cost more
Python time than SQLite took to run it; built once, each call only binds parameters.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite

from storage import tables as t

FIND_COMMUNITY = select(t.communities).where(
    t.communities.c.platform == bindparam("_platform"),
    t.communities.c.external_id == bindparam("_external_id"),
)
FIND_MEMBER = select(t.members).where(
    t.members.c.community_id == bindparam("_community_id"),
    t.members.c.external_id == bindparam("_external_id"),
)
# A member and their community in one round trip: the community row with the member's columns
# (labelled `m_…`) joined on, all NULL when the community knows no such member yet.
COMMUNITY_COLUMNS = tuple(c.name for c in t.communities.c)
MEMBER_COLUMNS = tuple(c.name for c in t.members.c)
FIND_COMMUNITY_AND_MEMBER = (
    select(*t.communities.c, *(c.label(f"m_{c.name}") for c in t.members.c))
    .select_from(t.communities)
    .outerjoin(
        t.members,
        (t.members.c.community_id == t.communities.c.id)
        & (t.members.c.external_id == bindparam("_member_external_id")),
    )
    .where(
        t.communities.c.platform == bindparam("_platform"),
        t.communities.c.external_id == bindparam("_external_id"),
    )
)
_ASKS = select(t.asks).where(t.asks.c.member_id == bindparam("_member_id"))
_ASK_ORDER = (t.asks.c.created_at, t.asks.c.id)
ASKS_OF_MEMBER = _ASKS.order_by(*_ASK_ORDER)
# A member's specific asks of one kind since a date, each row carrying how many specific asks the member has
# made in all (the count is the left side of the join, so there is a row even with no asks).
_SPECIFIC = t.asks.c.verdict == "specific"
_SPECIFIC_COUNT = (
    select(func.count().label("total"))
    .select_from(t.asks)
    .where(t.asks.c.member_id == bindparam("_member_id"), _SPECIFIC)
    .subquery()
)
SPECIFIC_ASKS_SINCE = (
    select(_SPECIFIC_COUNT.c.total, *t.asks.c)
    .select_from(
        _SPECIFIC_COUNT.outerjoin(
            t.asks,
            (t.asks.c.member_id == bindparam("_member_id"))
            & _SPECIFIC
            & (t.asks.c.created_at >= bindparam("_since"))
            & t.asks.c.kind.is_not_distinct_from(bindparam("_kind", type_=t.asks.c.kind.type)),
        )
    )
    .order_by(*_ASK_ORDER)
)
SPECIFIC_ASKS_SINCE_COLUMNS = ("total", *(c.name for c in t.asks.c))
ASKS_OF_MEMBER_SINCE = _ASKS.where(t.asks.c.created_at >= bindparam("_since")).order_by(*_ASK_ORDER)

_INSERT_ONCE: dict[tuple[str, str, str], Any] = {}


def insert_once(dialect: str, table: Any, returning: Any) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING `returning`: a row back means this statement
    created it; none means a row with the same unique key exists (or a concurrent transaction
    has just created it: PostgreSQL waits for that one to commit, then does nothing). The one
    get-or-create of storage/: a row created on first sight by several workers at once is
    created once, and nobody fails."""
    name = "postgresql" if dialect == "postgresql" else "sqlite"
    key = (name, table.name, returning.name)
    statement = _INSERT_ONCE.get(key)
    if statement is None:
        build = postgresql.insert if name == "postgresql" else sqlite.insert
        statement = build(table).on_conflict_do_nothing().returning(returning)
        _INSERT_ONCE[key] = statement
    return statement


def record_event(dialect: str) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING event_id: a row back means first time."""
    return insert_once(dialect, t.inbound_events, t.inbound_events.c.event_id)


_GIVES = select(t.gives).where(t.gives.c.member_id == bindparam("_member_id"))
_GIVE_ORDER = (t.gives.c.created_at, t.gives.c.id)
GIVES_OF_MEMBER = _GIVES.order_by(*_GIVE_ORDER)
GIVES_OF_MEMBER_SINCE = _GIVES.where(t.gives.c.created_at >= bindparam("_since")).order_by(
    *_GIVE_ORDER
)
# Help matching runs on every recorded ask that names a company.
WHO_KNOWS = (
    select(t.known_companies.c.member_id)
    .join(t.members, t.members.c.id == t.known_companies.c.member_id)
    .where(
        t.members.c.community_id == bindparam("_community_id"),
        func.lower(t.known_companies.c.company) == bindparam("_company"),
    )
    .order_by(t.known_companies.c.id)
)
INTROS_OF_ASKER = (
    select(t.intro_requests)
    .where(
        t.intro_requests.c.asker_id == bindparam("_asker_id"),
        func.lower(t.intro_requests.c.company) == bindparam("_company"),
    )
    .order_by(t.intro_requests.c.id)
)
