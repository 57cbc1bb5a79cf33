"""A worker whose send lease ran out must not undo what the worker that took over did."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import SimulatedClock
from bot.delivery import RateLimited, TransientFailure, deliver_outbox
from bot.delivery.errors import DeliveryError
from bot.messages import OutboundMessage
from storage import Database
from storage import tables as t

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


@dataclass
class Platform:
    accepted: list[str] = field(default_factory=list)


@dataclass
class FastGateway:
    platform: Platform

    async def send(self, message: OutboundMessage) -> None:
        self.platform.accepted.append(message.key)


@dataclass
class StalledGateway:
    """Hangs past its lease; meanwhile worker B takes the message over and sends it; then
    the platform answers A with an error."""

    platform: Platform
    clock: SimulatedClock
    db: Database
    error: DeliveryError

    async def send(self, message: OutboundMessage) -> None:
        self.clock.advance(LEASE + timedelta(seconds=1))
        await deliver_outbox(self.db, FastGateway(self.platform), self.clock, "B", lease=LEASE)
        raise self.error


def _queue(db: Database) -> None:
    with db() as uow:
        uow.outbox.add(
            OutboundMessage(text="Morning!", community_id=1, recipient="U1", key="checkin:1:0"),
            T0,
        )
        uow.commit()


def _status(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(select(t.outbox.c.status)).scalar_one())


def _late_answer_to_stale_worker(db: Database, error: DeliveryError) -> Platform:
    _queue(db)
    clock = SimulatedClock(T0)
    platform = Platform()
    stalled = StalledGateway(platform, clock, db, error)
    asyncio.run(deliver_outbox(db, stalled, clock, "A", lease=LEASE))
    for _ in range(3):  # B keeps ticking long after
        clock.advance(timedelta(hours=1))
        asyncio.run(deliver_outbox(db, FastGateway(platform), clock, "B", lease=LEASE))
    return platform


def test_stale_rate_limit_does_not_requeue_a_sent_message(any_db: Database) -> None:
    platform = _late_answer_to_stale_worker(any_db, RateLimited(retry_after=5))
    assert platform.accepted == ["checkin:1:0"]
    assert _status(any_db) == "sent"


def test_stale_transient_failure_does_not_requeue_a_sent_message(any_db: Database) -> None:
    platform = _late_answer_to_stale_worker(any_db, TransientFailure("timeout"))
    assert platform.accepted == ["checkin:1:0"]
    assert _status(any_db) == "sent"


@dataclass
class CheckingGateway:
    """Records, per send, whether the message came marked unconfirmed; can answer 429."""

    seen: list[bool] = field(default_factory=list)
    limited: bool = False

    async def send(self, message: OutboundMessage) -> None:
        self.seen.append(message.unconfirmed_send is not None)
        if self.limited:
            raise RateLimited(retry_after=5)


def test_a_message_taken_over_stays_unconfirmed_until_a_send_settles_it(any_db: Database) -> None:
    _queue(any_db)
    clock = SimulatedClock(T0)
    with any_db() as uow:  # worker A claims the message, sends it and dies before any answer
        [message] = uow.outbox.claim_ready(clock.now(), "A", clock.now() + LEASE, 10)
        assert uow.outbox.record_attempt(message.id or 0, "A", clock.now())
        uow.commit()
    clock.advance(LEASE + timedelta(seconds=1))
    gateway = CheckingGateway(limited=True)
    asyncio.run(deliver_outbox(any_db, gateway, clock, "B", lease=LEASE))
    clock.advance(timedelta(seconds=5))
    gateway.limited = False
    asyncio.run(deliver_outbox(any_db, gateway, clock, "C", lease=LEASE))
    clock.advance(timedelta(hours=1))
    asyncio.run(deliver_outbox(any_db, gateway, clock, "D", lease=LEASE))
    # B was told, and so was C after B's 429: either may find the message already sent.
    assert gateway.seen == [True, True]
    assert _status(any_db) == "sent"


@dataclass
class DiesWhileSending:
    """The platform call of the `nth` message never returns: the worker was killed there."""

    nth: int
    calls: int = 0

    async def send(self, message: OutboundMessage) -> None:
        self.calls += 1
        if self.calls == self.nth:
            raise Killed


class Killed(BaseException):
    """Nothing after this point of the worker runs."""


def test_only_the_message_in_flight_is_unconfirmed_after_a_take_over(any_db: Database) -> None:
    """A dead worker's batch: what it had sent is settled, the message it was sending may be
    on the platform (look it up), and the rest were never attempted (send them as usual)."""
    with any_db() as uow:
        for n in range(5):
            uow.outbox.add(
                OutboundMessage(text="Morning!", community_id=1, recipient="U1", key=f"m{n}"),
                T0,
            )
        uow.commit()
    clock = SimulatedClock(T0)
    with pytest.raises(Killed):
        asyncio.run(deliver_outbox(any_db, DiesWhileSending(nth=3), clock, "A", lease=LEASE))
    clock.advance(LEASE + timedelta(seconds=1))
    gateway = CheckingGateway()
    report = asyncio.run(deliver_outbox(any_db, gateway, clock, "B", lease=LEASE))
    assert report.sent == 3
    assert gateway.seen == [True, False, False]  # m2 (in flight), then m3 and m4
    with any_db.engine.connect() as conn:
        assert set(conn.execute(select(t.outbox.c.status)).scalars()) == {"sent"}
