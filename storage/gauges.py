"""Operational gauges read straight from the tables (for /metrics and /healthz)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from storage import tables as t
from storage.database import Database


@dataclass(frozen=True)
class Gauges:
    checkins_due: int
    outbox_depth: int
    outbox_oldest_age_s: float
    undeliverable_members: int


def read_gauges(db: Database, now: datetime) -> Gauges:
    """Check-ins due now, messages waiting in the outbox and the age of the oldest one."""
    c, o, m = t.checkins.c, t.outbox.c, t.members.c
    with db.engine.connect() as conn:
        due = conn.execute(
            select(func.count()).where(c.status == "pending", c.due_at <= now)
        ).scalar_one()
        depth, oldest = conn.execute(
            select(func.count(), func.min(o.created_at)).where(o.status.in_(["pending", "sending"]))
        ).one()
        undeliverable = conn.execute(
            select(func.count()).where(m.undeliverable.is_(True))
        ).scalar_one()
    age = 0.0
    if oldest is not None:
        oldest_at = t.UTCDateTime().process_result_value(oldest, db.engine.dialect)
        assert oldest_at is not None
        age = max(0.0, (now - oldest_at).total_seconds())
    return Gauges(int(due), int(depth), age, int(undeliverable))
