"""The dispatch tick: claim due check-ins, word them into the outbox, plan the next ones.

Claiming and handling are two transactions. The claim sets a lease (owner, expiry); if this
worker dies before handling, the lease runs out and another worker claims the rows again.
Handling re-checks the lease, so a row is worded by exactly one worker, and the outbox's
idempotency key (`checkin:<id>:<n>`) keeps a message from being queued twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.domain import CheckIn, CheckInStatus
from bot.messages import OutboundMessage
from bot.ports import UnitOfWork, UnitOfWorkFactory
from bot.tally import Tally

DEFAULT_MISSED_WINDOW = timedelta(hours=3)
DEFAULT_LEASE = timedelta(minutes=2)


class CheckInWriter(Protocol):
    def run_checkin(
        self, uow: UnitOfWork, checkin: CheckIn, now: datetime
    ) -> list[OutboundMessage]: ...

    def plan_after_miss(self, uow: UnitOfWork, checkin: CheckIn, now: datetime) -> None: ...

    def weekly_posts(self, now: datetime) -> list[OutboundMessage]: ...


@dataclass
class DispatchReport(Tally):
    claimed: int = 0
    queued: int = 0
    missed: int = 0
    silent: int = 0
    lost_lease: int = 0
    messages: list[OutboundMessage] = field(default_factory=list)


def dispatch_due_checkins(
    uow_factory: UnitOfWorkFactory,
    writer: CheckInWriter,
    now: datetime,
    owner: str,
    *,
    limit: int = 500,
    lease: timedelta = DEFAULT_LEASE,
    missed_window: timedelta = DEFAULT_MISSED_WINDOW,
) -> DispatchReport:
    """Handle up to `limit` due check-ins; return what happened (for logs and metrics)."""
    report = DispatchReport()
    with uow_factory() as uow:
        claimed = uow.checkins.claim_due(now, owner, now + lease, limit)
        uow.commit()
    report.claimed = len(claimed)
    if not claimed:
        return report
    with uow_factory() as uow:
        for checkin in claimed:
            assert checkin.id is not None
            if now - checkin.due_at > missed_window:
                if uow.checkins.finish(checkin.id, owner, CheckInStatus.MISSED):
                    writer.plan_after_miss(uow, checkin, now)
                    report.missed += 1
                else:
                    report.lost_lease += 1
                continue
            if not uow.checkins.finish(checkin.id, owner, CheckInStatus.SENT):
                report.lost_lease += 1
                continue
            messages = writer.run_checkin(uow, checkin, now)
            if not messages:
                report.silent += 1
            for message in messages:
                if uow.outbox.add(message, now):
                    report.queued += 1
                    report.messages.append(message)
        uow.commit()
    return report
