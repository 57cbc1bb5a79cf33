"""Send what is in the outbox; mark each message sent, retried later, or failed for good.

Nothing is dropped silently: a rate-limited message waits for the platform's Retry-After, a
transient failure is retried with exponential backoff and jitter up to MAX_ATTEMPTS, and a
permanent failure is recorded (and, for closed DMs, the member is marked undeliverable; when the
whole community is gone, its work stops and the rest of its messages are not tried).

Just before a message is handed to the platform, the attempt is recorded (its own commit), so
after a worker dies only the message it was sending is unconfirmed: it arrives with
`unconfirmed_send` set, and the gateway may check the platform for it before sending again.
The rest of a dead worker's batch was never attempted and goes out without a check. If the
check cannot be made yet (`LookupDeferred`: the look-up is rate limited), the message waits
for it, up to `UNCONFIRMED_WAIT` after the earlier send; then it is sent unchecked (and
counted). A message that goes back to the outbox unsent stays unconfirmed, so that check is
not skipped on the next attempt.

The database work runs in worker threads, never on the event loop: acknowledging platform
events and answering /healthz do not wait for it.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, TypeVar

from bot.checkins.planning import mark_unreachable
from bot.delivery.errors import (
    Delivered,
    Handover,
    LookupDeferred,
    PermanentFailure,
    RateLimited,
    TransientFailure,
)
from bot.messages import OutboundMessage, UnconfirmedSend
from bot.ports import ChatGateway, Clock, UnitOfWork, UnitOfWorkFactory
from bot.tally import Tally
from bot.uninstall import stop_community

MAX_ATTEMPTS = 8
BASE_BACKOFF = 2.0
MAX_BACKOFF = 15 * 60.0
SEND_LEASE = timedelta(seconds=30)  # renewed while its worker lives (bot/dispatcher.py)
# How long a message whose earlier send is unconfirmed waits for the platform to let the
# gateway look it up, before it is sent without the look-up (a possible duplicate, counted).
UNCONFIRMED_WAIT = timedelta(minutes=10)


@dataclass
class DeliveryReport(Tally):
    sent: int = 0
    rate_limited: int = 0
    retried: int = 0
    failed: int = 0
    handed_over: int = 0  # left in the outbox for the platform's sender (see Handover)
    deferred: int = 0  # unconfirmed, waiting for the platform to allow a look-up
    found: int = 0  # sent (counted in `sent`) by an earlier, unconfirmed send: not repeated
    unchecked: int = 0  # sent (counted in `sent`) unchecked after waiting UNCONFIRMED_WAIT
    lost_lease: int = 0  # taken over by another worker before this one sent it: not sent

    @property
    def attempted(self) -> int:
        return self.sent + self.rate_limited + self.retried + self.failed


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
    unconfirmed_wait: timedelta = UNCONFIRMED_WAIT,
) -> DeliveryReport:
    """Deliver up to `limit` ready messages (of one platform, if given) through `gateway`."""
    now = clock.now()

    def claim() -> list[OutboundMessage]:
        with uow_factory() as uow:
            only = () if platform is None else (platform,)
            batch = uow.outbox.claim_ready(now, owner, now + lease, limit, *only)
            uow.commit()
        return batch

    batch = await asyncio.to_thread(claim)
    return await _send(uow_factory, gateway, clock, owner, batch, unconfirmed_wait)


async def deliver_messages(
    uow_factory: UnitOfWorkFactory,
    gateway: ChatGateway,
    clock: Clock,
    owner: str,
    ids: list[int],
    *,
    lease: timedelta = SEND_LEASE,
    unconfirmed_wait: timedelta = UNCONFIRMED_WAIT,
) -> DeliveryReport:
    """Deliver these messages (an event's replies) through `gateway` now, except those another
    worker has already taken: they are that worker's to send."""
    now = clock.now()

    def claim() -> list[OutboundMessage]:
        with uow_factory() as uow:
            batch = uow.outbox.claim(ids, now, owner, now + lease)
            uow.commit()
        return batch

    batch = await asyncio.to_thread(claim)
    return await _send(uow_factory, gateway, clock, owner, batch, unconfirmed_wait)


def _overdue(message: OutboundMessage, now: datetime, wait: timedelta) -> OutboundMessage:
    """The message, marked overdue when its unconfirmed earlier send is older than `wait`."""
    earlier = message.unconfirmed_send
    if earlier is None or earlier.overdue or now - earlier.since < wait:
        return message
    overdue = UnconfirmedSend(earlier.since, earlier.until, overdue=True)
    return replace(message, meta=message.meta | overdue.as_meta())


async def _send(
    uow_factory: UnitOfWorkFactory,
    gateway: ChatGateway,
    clock: Clock,
    owner: str,
    batch: list[OutboundMessage],
    unconfirmed_wait: timedelta = UNCONFIRMED_WAIT,
) -> DeliveryReport:
    """Send a claimed batch; mark each message sent, retried later or failed."""
    report = DeliveryReport()
    gone: set[int] = set()  # communities found gone in this batch: their messages were given up
    # The last message the platform accepted, recorded sent in the same transaction as the
    # next attempt: one commit per message.
    accepted: tuple[int, datetime] | None = None
    try:
        for position, message in enumerate(batch):
            assert message.id is not None
            if message.community_id in gone:
                report.failed += 1
                continue
            now = clock.now()
            held = await _write(uow_factory, _attempt, accepted, message.id, owner, now)
            accepted = None
            if not held:
                report.lost_lease += 1  # its lease ran out and another worker took it over
                continue
            try:
                outcome = await gateway.send(_overdue(message, now, unconfirmed_wait))
            except LookupDeferred as deferred:
                # Only the look-up has to wait: the rest of the batch goes on.
                report.deferred += 1
                resume = clock.now() + timedelta(seconds=deferred.retry_after)
                await _write(uow_factory, _put_back, [message], resume, str(deferred), owner, True)
            except RateLimited as limited:
                # Retry-After applies to the platform, not just this message: put this one and
                # the rest of the batch back until then, without counting an attempt.
                report.rate_limited += 1
                resume = clock.now() + timedelta(seconds=limited.retry_after)
                await _write(uow_factory, _put_back, batch[position:], resume, str(limited), owner)
                break
            except Handover as handover:
                report.handed_over += 1
                await _write(uow_factory, _put_back, [message], clock.now(), str(handover), owner)
            except TransientFailure as failure:
                attempts = int(message.meta.get("attempts", "0")) + 1
                if attempts >= MAX_ATTEMPTS:
                    report.failed += 1
                    error = PermanentFailure(f"gave up after {attempts}: {failure}")
                    await _write(uow_factory, _give_up, message, error, owner)
                else:
                    report.retried += 1
                    at = clock.now() + timedelta(seconds=backoff_seconds(attempts))
                    await _write(uow_factory, _retry, message, at, str(failure), owner)
            except PermanentFailure as failure:
                report.failed += 1
                if await _write(uow_factory, _give_up, message, failure, owner):
                    gone.add(message.community_id)
            else:
                report.sent += 1
                if outcome is Delivered.FOUND:
                    report.found += 1
                elif outcome is Delivered.UNCHECKED:
                    report.unchecked += 1
                accepted = (message.id, clock.now())
    except Exception:  # a bug, not a platform answer: still record what was accepted
        if accepted is not None:
            await _write(uow_factory, _mark_sent, *accepted)
        raise
    if accepted is not None:
        await _write(uow_factory, _mark_sent, *accepted)
    return report


T = TypeVar("T")


async def _write(uow_factory: UnitOfWorkFactory, work: Callable[..., T], *args: Any) -> T:
    """`work(uow, *args)` in one committed transaction, in a worker thread (off the loop)."""

    def run() -> T:
        with uow_factory() as uow:
            result = work(uow, *args)
            uow.commit()
            return result

    return await asyncio.to_thread(run)


def _attempt(
    uow: UnitOfWork,
    accepted: tuple[int, datetime] | None,
    message_id: int,
    owner: str,
    now: datetime,
) -> bool:
    """Record the previous message sent (if the platform accepted it), and this one's attempt:
    False when this worker no longer holds it."""
    if accepted is not None:
        uow.outbox.mark_sent(*accepted)
    return uow.outbox.record_attempt(message_id, owner, now)


def _mark_sent(uow: UnitOfWork, message_id: int, now: datetime) -> None:
    uow.outbox.mark_sent(message_id, now)


def _put_back(
    uow: UnitOfWork,
    messages: list[OutboundMessage],
    at: datetime,
    error: str,
    owner: str,
    unconfirmed: bool = False,
) -> None:
    """Back to the outbox until `at`, no attempt counted; still unconfirmed if they were
    (or, with `unconfirmed`, in any case: nobody knows yet whether the platform has them)."""
    for message in messages:
        assert message.id is not None
        uow.outbox.retry_later(
            message.id,
            at,
            error,
            count_attempt=False,
            owner=owner,
            keep_unconfirmed=unconfirmed or message.unconfirmed_send is not None,
        )


def _retry(uow: UnitOfWork, message: OutboundMessage, at: datetime, error: str, owner: str) -> None:
    assert message.id is not None
    keep = message.unconfirmed_send is not None
    uow.outbox.retry_later(message.id, at, error, owner=owner, keep_unconfirmed=keep)


def _give_up(
    uow: UnitOfWork, message: OutboundMessage, failure: PermanentFailure, owner: str
) -> bool:
    """Mark the message failed; True when its whole community is gone (its work stopped)."""
    assert message.id is not None
    held = uow.outbox.mark_failed(message.id, str(failure), owner=owner)
    if held and failure.community_unreachable:
        stop_community(uow, message.community_id, str(failure))
        return True
    if held and failure.member_unreachable and message.member_id is not None:
        member = uow.members.get(message.member_id)
        if member is not None:
            mark_unreachable(uow, member)
    return False
