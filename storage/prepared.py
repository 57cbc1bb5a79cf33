"""Statements on the inbound path, built once with bound parameters.

Every inbound message runs these. Building a SQLAlchemy statement per call (`select(...)
.where(col == value)`, `insert(...).values(**row)`) and computing its cache key cost more
Python time than SQLite took to run it; built once, each call only binds parameters.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
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
_ASKS = select(t.asks).where(t.asks.c.member_id == bindparam("_member_id"))
_ASK_ORDER = (t.asks.c.created_at, t.asks.c.id)
ASKS_OF_MEMBER = _ASKS.order_by(*_ASK_ORDER)
ASKS_OF_MEMBER_SINCE = _ASKS.where(t.asks.c.created_at >= bindparam("_since")).order_by(*_ASK_ORDER)

_FIRST_TIME: dict[str, Any] = {
    "postgresql": postgresql.insert(t.inbound_events)
    .on_conflict_do_nothing()
    .returning(t.inbound_events.c.event_id),
    "sqlite": sqlite.insert(t.inbound_events)
    .on_conflict_do_nothing()
    .returning(t.inbound_events.c.event_id),
}


def record_event(dialect: str) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING event_id: a row back means first time."""
    return _FIRST_TIME["postgresql" if dialect == "postgresql" else "sqlite"]
