"""Send what is in the outbox; mark each message sent, retried later, or failed for good.

Nothing is dropped silently: a rate-limited message waits for the platform's Retry-After, a
transient failure is retried with exponential backoff and jitter up to MAX_ATTEMPTS, and a
permanent failure is recorded (and, for closed DMs, the member is marked undeliverable; when the
whole community is gone, its work stops and the rest of its messages are not tried).

A message taken over from a worker that died mid-send arrives with `unconfirmed_send` set; the
gateway may check the platform for it before sending again. If it goes back to the outbox
unsent, it stays unconfirmed, so that check is not skipped on the next attempt.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.checkins import mark_unreachable
from bot.delivery.errors import Handover, PermanentFailure, RateLimited, TransientFailure
from bot.messages import OutboundMessage
from bot.ports import ChatGateway, Clock, UnitOfWorkFactory
from bot.uninstall import stop_community

MAX_ATTEMPTS = 8
BASE_BACKOFF = 2.0
MAX_BACKOFF = 15 * 60.0
SEND_LEASE = timedelta(minutes=5)


@dataclass
class DeliveryReport:
    sent: int = 0
    rate_limited: int = 0
    retried: int = 0
    failed: int = 0
    handed_over: int = 0  # left in the outbox for the platform's sender (see Handover)

    @property
    def attempted(self) -> int:
        return self.sent + self.rate_limited + self.retried + self.failed

    def add(self, other: DeliveryReport) -> None:
        """Fold another batch's report into this one."""
        self.sent += other.sent
        self.rate_limited += other.rate_limited
        self.retried += other.retried
        self.failed += other.failed
        self.handed_over += other.handed_over


def backoff_seconds(attempt: int, rng: Callable[[], float] = random.random) -> float:
    """Full-jitter exponential backoff: uniform in [0, min(cap, base * 2**attempt)]."""
    return float(rng()) * min(MAX_BACKOFF, BASE_BACKOFF * 2.0**attempt)


async def deliver_outbox(
    uow_factory: UnitOfWorkFactory,
    gateway: ChatGateway,
    clock: Clock,
    owner: str,
    *,
    platform: str | None = None,
    limit: int = 200,
    lease: timedelta = SEND_LEASE,
) -> DeliveryReport:
    """Deliver up to `limit` ready messages (of one platform, if given) through `gateway`."""
    now = clock.now()
    with uow_factory() as uow:
        batch = uow.outbox.claim_ready(now, owner, now + lease, limit, platform=platform)
        uow.commit()
    return await _send(uow_factory, gateway, clock, owner, batch)


async def deliver_messages(
    uow_factory: UnitOfWorkFactory,
    gateway: ChatGateway,
    clock: Clock,
    owner: str,
    ids: list[int],
    *,
    lease: timedelta = SEND_LEASE,
) -> DeliveryReport:
    """Deliver these messages (an event's replies) through `gateway` now, except those another
    worker has already taken: they are that worker's to send."""
    now = clock.now()
    with uow_factory() as uow:
        batch = uow.outbox.claim(ids, now, owner, now + lease)
        uow.commit()
    return await _send(uow_factory, gateway, clock, owner, batch)


async def _send(
    uow_factory: UnitOfWorkFactory,
    gateway: ChatGateway,
    clock: Clock,
    owner: str,
    batch: list[OutboundMessage],
) -> DeliveryReport:
    """Send a claimed batch; mark each message sent, retried later or failed."""
    report = DeliveryReport()
    gone: set[int] = set()  # communities found gone in this batch: their messages were given up
    for position, message in enumerate(batch):
        assert message.id is not None
        if message.community_id in gone:
            report.failed += 1
            continue
        try:
            await gateway.send(message)
        except RateLimited as limited:
            # Retry-After applies to the platform, not just this message: put this one and
            # the rest of the batch back until then, without counting an attempt.
            report.rate_limited += 1
            resume = clock.now() + timedelta(seconds=limited.retry_after)
            with uow_factory() as uow:
                for waiting in batch[position:]:
                    assert waiting.id is not None
                    uow.outbox.retry_later(
                        waiting.id,
                        resume,
                        str(limited),
                        count_attempt=False,
                        owner=owner,
                        keep_unconfirmed=waiting.unconfirmed_send is not None,
                    )
                uow.commit()
            break
        except Handover as handover:
            report.handed_over += 1
            with uow_factory() as uow:
                uow.outbox.retry_later(
                    message.id,
                    clock.now(),
                    str(handover),
                    count_attempt=False,
                    owner=owner,
                    keep_unconfirmed=message.unconfirmed_send is not None,
                )
                uow.commit()
        except TransientFailure as failure:
            attempts = int(message.meta.get("attempts", "0")) + 1
            if attempts >= MAX_ATTEMPTS:
                report.failed += 1
                with uow_factory() as uow:
                    uow.outbox.mark_failed(
                        message.id, f"gave up after {attempts}: {failure}", owner=owner
                    )
                    uow.commit()
            else:
                report.retried += 1
                delay = timedelta(seconds=backoff_seconds(attempts))
                _later(uow_factory, owner, message, clock.now() + delay, str(failure))
        except PermanentFailure as failure:
            report.failed += 1
            with uow_factory() as uow:
                held = uow.outbox.mark_failed(message.id, str(failure), owner=owner)
                if held and failure.community_unreachable:
                    stop_community(uow, message.community_id, str(failure))
                    gone.add(message.community_id)
                elif held and failure.member_unreachable and message.member_id is not None:
                    member = uow.members.get(message.member_id)
                    if member is not None:
                        mark_unreachable(uow, member)
                uow.commit()
        else:
            report.sent += 1
            with uow_factory() as uow:
                uow.outbox.mark_sent(message.id, clock.now())
                uow.commit()
    return report


def _later(
    uow_factory: UnitOfWorkFactory, owner: str, message: OutboundMessage, at: datetime, error: str
) -> None:
    assert message.id is not None
    with uow_factory() as uow:
        uow.outbox.retry_later(
            message.id,
            at,
            error,
            owner=owner,
            keep_unconfirmed=message.unconfirmed_send is not None,
        )
        uow.commit()
