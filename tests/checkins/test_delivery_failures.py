"""Slow down on 429, retry 5xx, stop on closed DMs, and skip check-ins that come too late.
Time moves on the fake clock; nothing sleeps."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.delivery import PermanentFailure, RateLimited, TransientFailure
from bot.delivery.sender import MAX_ATTEMPTS
from bot.domain import CheckInKind, CheckInStatus
from storage import Database
from storage import tables as t
from tests.core.test_first_day import onboarded
from tests.support.chat import Chat

CHICAGO = ZoneInfo("America/Chicago")


def _at(chat: Chat, local: str) -> None:
    """Move the fake clock to a local wall time and run one tick (no stops on the way)."""
    chat.clock.set(datetime.fromisoformat(local).replace(tzinfo=CHICAGO))
    asyncio.run(chat.dispatcher.tick())


def _outbox(db: Database) -> list[dict[str, object]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(t.outbox).where(t.outbox.c.key.like("checkin:%")).order_by(t.outbox.c.id)
        ).mappings()
        return [dict(r) for r in rows]


def test_429_then_500s_deliver_once_later_with_attempts_counted(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)  # Monday 08:00 Chicago; the morning question is due at 09:00
    sent, requests = len(chat.gateway.sent), chat.gateway.requests
    chat.gateway.failures = [
        RateLimited(retry_after=30),
        TransientFailure("500"),
        TransientFailure("502"),
        TransientFailure("503"),
    ]
    _at(chat, "2026-03-02T09:00")
    assert chat.gateway.sent[sent:] == []
    [row] = _outbox(sqlite_db)
    assert row["status"] == "pending" and row["attempts"] == 0  # a 429 is not an attempt
    _at(chat, "2026-03-02T09:00:20")  # before Retry-After: the platform is left alone
    assert chat.gateway.requests == requests + 1
    minute = 0
    while len(chat.gateway.sent) == sent and minute < 59:
        minute += 1
        _at(chat, f"2026-03-02T09:{minute:02d}")
    [delivered] = chat.gateway.sent[sent:]
    assert delivered.text.startswith("Morning, Ana!")
    assert chat.gateway.requests == requests + 5
    [row] = _outbox(sqlite_db)
    assert row["status"] == "sent" and row["attempts"] == 3
    # Later ticks send nothing again.
    _at(chat, "2026-03-02T10:30")
    assert len(chat.gateway.sent) == sent + 1 and chat.gateway.requests == requests + 5


def test_a_429_holds_back_the_rest_of_the_batch_until_retry_after(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    for name in ("Bo", "Cy"):
        chat.greet(name)
        chat.say("ok", name)
    sent_before, requests_before = len(chat.gateway.sent), chat.gateway.requests
    chat.gateway.failures = [RateLimited(retry_after=45)]
    _at(chat, "2026-03-02T09:00")
    # One 429, then no more requests until Retry-After has passed.
    assert chat.gateway.requests == requests_before + 1
    assert len(chat.gateway.sent) == sent_before
    _at(chat, "2026-03-02T09:00:40")
    assert chat.gateway.requests == requests_before + 1
    _at(chat, "2026-03-02T09:00:46")
    mornings = [m for m in chat.gateway.sent[sent_before:] if m.text.startswith("Morning")]
    assert sorted(m.recipient or "" for m in mornings) == ["Ana", "Bo", "Cy"]
    assert all(r["attempts"] == 0 and r["status"] == "sent" for r in _outbox(sqlite_db))


def test_transient_failures_give_up_after_max_attempts_and_say_so(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    sent = len(chat.gateway.sent)
    chat.gateway.failures = [TransientFailure("503")] * MAX_ATTEMPTS
    for minute in range(0, 60, 2):
        _at(chat, f"2026-03-02T09:{minute:02d}")
    for hour in (10, 11):
        _at(chat, f"2026-03-02T{hour}:00")
    assert chat.gateway.sent[sent:] == []
    [row] = _outbox(sqlite_db)
    assert row["status"] == "failed" and row["attempts"] == MAX_ATTEMPTS
    assert "gave up" in str(row["error"])


def test_closed_dms_mark_the_member_undeliverable_and_stop_their_checkins(
    sqlite_db: Database,
) -> None:
    chat = onboarded(sqlite_db)
    requests = chat.gateway.requests
    chat.gateway.failures = [PermanentFailure("50007: DMs closed", member_unreachable=True)]
    _at(chat, "2026-03-02T09:00")
    [row] = _outbox(sqlite_db)
    assert row["status"] == "failed" and row["attempts"] == 1
    with sqlite_db() as uow:
        member = uow.members.get(1)
        assert member is not None and member.undeliverable
        assert uow.checkins.pending_for_member(1) == []
    assert chat.advance("7d") == []
    assert chat.gateway.requests == requests + 1


def test_checkins_missed_while_the_bot_was_down_are_not_sent(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)  # due Monday 09:00 Chicago
    delivered_before = len(chat.gateway.sent)
    _at(chat, "2026-03-02T13:00")  # the bot comes back at 13:00: four hours late
    assert len(chat.gateway.sent) == delivered_before
    statuses = [
        (r.kind, r.status, r.due_at.astimezone(CHICAGO).isoformat()) for r in _checkins(sqlite_db)
    ]
    with sqlite_db() as uow:
        pending = uow.checkins.pending_for_member(1)
        [next_morning] = [c for c in pending if c.kind == CheckInKind.MORNING]
    assert (CheckInKind.MORNING, CheckInStatus.MISSED, "2026-03-02T09:00:00-06:00") in statuses
    assert next_morning.kind == CheckInKind.MORNING
    assert next_morning.due_at.astimezone(CHICAGO).isoformat() == "2026-03-03T09:00:00-06:00"
    assert _outbox(sqlite_db) == []
    arrived = chat.advance("21h")  # to Tuesday 10:00
    assert len(arrived) == 1 and arrived[0].startswith("[2026-03-03 09:00] Morning, Ana!")


def test_a_checkin_just_inside_the_window_is_still_sent(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    _at(chat, "2026-03-02T11:59")
    assert chat.gateway.sent[-1].text.startswith("Morning, Ana!")
    assert chat.gateway.sent[-1].due_at == datetime(2026, 3, 2, 15, 0, tzinfo=ZoneInfo("UTC"))
    assert timedelta(hours=3) > chat.clock.now() - datetime(2026, 3, 2, 15, tzinfo=ZoneInfo("UTC"))


def _checkins(db: Database) -> list[_Row]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(t.checkins).order_by(t.checkins.c.id)).mappings()
        return [_Row(CheckInKind(r["kind"]), CheckInStatus(r["status"]), r["due_at"]) for r in rows]


class _Row:
    def __init__(self, kind: CheckInKind, status: CheckInStatus, due_at: datetime) -> None:
        self.kind, self.status, self.due_at = kind, status, due_at
