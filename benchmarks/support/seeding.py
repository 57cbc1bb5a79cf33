"""Seed many members with check-ins quickly: bulk inserts through SQLAlchemy Core into the
migrated schema, not one chat turn per member.

seed_members(db, 5_000, due_at=now - 1 minute)            -> 5,000 members due together
seed_members(db, 990_000, due_at=now + 1 day, first=10_001) -> more members, not due yet
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from bot.conversation import State
from bot.domain import CheckInKind, CheckInStatus
from storage import Database
from storage import tables as t

ZONES = ("America/Chicago", "Europe/Berlin", "Asia/Kolkata", "America/New_York", "UTC")
CHUNK = 20_000


def seed_community(db: Database, platform: str = "console", external_id: str = "club") -> int:
    """The community the seeded members belong to (created once)."""
    with db.engine.begin() as conn:
        found = conn.execute(
            select(t.communities.c.id).where(
                t.communities.c.platform == platform, t.communities.c.external_id == external_id
            )
        ).scalar()
        if found is not None:
            return int(found)
        result = conn.execute(
            insert(t.communities)
            .values(
                platform=platform,
                external_id=external_id,
                name=external_id,
                timezone="UTC",
                checkin_time="09:00",
                created_at=datetime.now(UTC),
            )
            .returning(t.communities.c.id)
        )
        return int(result.scalar_one())


def seed_members(
    db: Database,
    count: int,
    due_at: datetime,
    *,
    platform: str = "console",
    kind: CheckInKind = CheckInKind.MORNING,
    chunk: int = CHUNK,
) -> range:
    """Add `count` onboarded members, each with one pending check-in due at `due_at`.
    Returns the new members' ids."""
    community_id = seed_community(db, platform)
    with db.engine.begin() as conn:
        first = int(conn.execute(select(func.coalesce(func.max(t.members.c.id), 0))).scalar_one())
        first += 1
    ids = range(first, first + count)
    created = datetime.now(UTC)
    if db.dialect == "sqlite":
        _seed_sqlite(db, ids, community_id, due_at, kind, created, chunk)
        return ids
    for start in range(0, count, chunk):
        part = ids[start : start + chunk]
        with db.engine.begin() as conn:
            conn.execute(insert(t.members), list(_member_rows(part, community_id, created)))
            conn.execute(
                insert(t.checkins),
                [
                    {
                        "member_id": member_id,
                        "kind": kind.value,
                        "due_at": due_at,
                        "status": CheckInStatus.PENDING.value,
                        "ask_id": None,
                        "lease_owner": None,
                        "lease_expires": None,
                        "created_at": created,
                    }
                    for member_id in part
                ],
            )
    with db.engine.begin() as conn:
        _fix_sequences(conn)
    return ids


def _seed_sqlite(
    db: Database,
    ids: range,
    community_id: int,
    due_at: datetime,
    kind: CheckInKind,
    created: datetime,
    chunk: int,
) -> None:
    """The same rows through the driver's executemany (a million members in seconds): the
    constant values are converted once by the columns' own types."""
    with db.engine.begin() as conn:
        stamp = t.checkins.c.due_at.type.bind_processor(conn.dialect)
        assert stamp is not None
        due, now = stamp(due_at), stamp(created)
        member_sql = (
            "INSERT INTO members (id, community_id, external_id, name, timezone, checkin_time,"
            " afternoon_time, days, role, state, state_data, undeliverable, share_asks,"
            " share_names, created_at)"
            " VALUES (?, ?, ?, ?, ?, '09:00', '17:00', '0,1,2,3,4,5,6', 'member', ?, '{}', 0,"
            " 0, 0, ?)"
        )
        checkin_sql = (
            "INSERT INTO checkins (member_id, kind, due_at, status, created_at)"
            " VALUES (?, ?, ?, ?, ?)"
        )
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            conn.exec_driver_sql(
                member_sql,
                [
                    (
                        i,
                        community_id,
                        f"U{i:07d}",
                        f"Member {i}",
                        ZONES[i % len(ZONES)],
                        State.IDLE.value,
                        now,
                    )
                    for i in part
                ],
            )
            conn.exec_driver_sql(
                checkin_sql,
                [(i, kind.value, due, CheckInStatus.PENDING.value, now) for i in part],
            )


def _member_rows(ids: range, community_id: int, created: datetime) -> Iterator[dict[str, Any]]:
    for member_id in ids:
        yield {
            "id": member_id,
            "community_id": community_id,
            "external_id": f"U{member_id:07d}",
            "name": f"Member {member_id}",
            "timezone": ZONES[member_id % len(ZONES)],
            "checkin_time": "09:00",
            "afternoon_time": "17:00",
            "days": "0,1,2,3,4,5,6",
            "role": "member",
            "state": State.IDLE.value,
            "state_data": {},
            "paused_until": None,
            "hired_at": None,
            "undeliverable": False,
            "share_asks": False,
            "share_names": False,
            "created_at": created,
        }


def _fix_sequences(conn: Connection) -> None:
    """PostgreSQL serials do not move for explicit ids: move them past the seeded rows."""
    if conn.dialect.name != "postgresql":
        return
    for table in ("members", "checkins"):
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )
        )
