"""Hourly housekeeping deletes only what is old and finished, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.clock import SimulatedClock
from bot.conversation import Coach
from bot.dispatcher import Dispatcher
from bot.domain import CheckIn, CheckInKind, CheckInStatus, Community, Member
from bot.housekeeping import housekeep
from bot.messages import OutboundMessage
from storage import Database
from storage import tables as t

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _seed(db: Database) -> None:
    with db() as uow:
        community = uow.communities.add(Community("slack", "T1", "club"))
        assert community.id is not None
        member = uow.members.add(Member(community.id, "U1", "Ana", "UTC", NOW - timedelta(days=90)))
        assert member.id is not None
        for days, status in [
            (40, CheckInStatus.SENT),
            (40, CheckInStatus.MISSED),
            (40, CheckInStatus.CANCELLED),
            (40, CheckInStatus.PENDING),  # still to do: never deleted
            (40, CheckInStatus.CLAIMED),
            (10, CheckInStatus.SENT),  # recent: kept
        ]:
            uow.checkins.add(
                CheckIn(member.id, CheckInKind.MORNING, NOW - timedelta(days=days), status)
            )
        for key, days in [("old-sent", 40), ("recent-sent", 5), ("old-failed", 40)]:
            message = OutboundMessage(text=key, community_id=community.id, key=key)
            uow.outbox.add(message, NOW - timedelta(days=days))
            assert message.id is not None
            if key.endswith("sent"):
                uow.outbox.mark_sent(message.id, NOW - timedelta(days=days))
            else:
                uow.outbox.mark_failed(message.id, "DMs closed")
        uow.outbox.add(OutboundMessage(text="p", community_id=community.id, key="pending"), NOW)
        for event, hours in [("old", 49), ("recent", 47)]:
            uow.events.first_time("slack", event, NOW - timedelta(hours=hours))
        uow.commit()


def test_housekeeping_deletes_old_finished_rows_and_keeps_the_rest(any_db: Database) -> None:
    _seed(any_db)
    report = housekeep(any_db, NOW)
    assert (report.events, report.messages, report.checkins) == (1, 1, 3)
    with any_db.engine.connect() as conn:
        checkins = sorted(
            (r.status, r.due_at.date().isoformat())
            for r in conn.execute(select(t.checkins.c.status, t.checkins.c.due_at))
        )
        keys = sorted(conn.execute(select(t.outbox.c.key)).scalars())
        events = sorted(conn.execute(select(t.inbound_events.c.event_id)).scalars())
    assert checkins == [
        ("claimed", "2026-04-22"),
        ("pending", "2026-04-22"),
        ("sent", "2026-05-22"),
    ]
    assert keys == ["old-failed", "pending", "recent-sent"]
    assert events == ["recent"]
    again = housekeep(any_db, NOW)
    assert (again.events, again.messages, again.checkins) == (0, 0, 0)


def test_scheduler_runs_housekeeping_hourly(sqlite_db: Database) -> None:
    from askcoach.scheduler import build_scheduler

    clock = SimulatedClock(NOW)
    dispatcher = Dispatcher(sqlite_db, Coach(sqlite_db, clock), clock, {})
    scheduler = build_scheduler(dispatcher, 30, sqlite_db, clock)
    job = scheduler.get_job("housekeeping")
    assert job is not None and job.trigger.interval == timedelta(hours=1)
    _seed(sqlite_db)
    job.func()
    with sqlite_db.engine.connect() as conn:
        assert sorted(conn.execute(select(t.inbound_events.c.event_id)).scalars()) == ["recent"]
