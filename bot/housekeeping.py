"""Housekeeping: forget what is no longer needed, so tables stay the size of the live work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.ports import UnitOfWorkFactory

EVENT_RETENTION = timedelta(days=2)  # Slack retries for minutes, Discord replays for hours
OUTBOX_RETENTION = timedelta(days=30)
CHECKIN_RETENTION = timedelta(days=30)


@dataclass(frozen=True)
class HousekeepingReport:
    events: int
    messages: int
    checkins: int


def housekeep(uow_factory: UnitOfWorkFactory, now: datetime) -> HousekeepingReport:
    """Delete inbound event ids older than 2 days, messages sent more than 30 days ago and
    check-ins finished (sent, missed, cancelled) that were due more than 30 days ago.
    Pending and failed rows are kept: they are live work or evidence of a problem."""
    with uow_factory() as uow:
        report = HousekeepingReport(
            events=uow.events.purge(now - EVENT_RETENTION),
            messages=uow.outbox.purge_sent(now - OUTBOX_RETENTION),
            checkins=uow.checkins.purge_finished(now - CHECKIN_RETENTION),
        )
        uow.commit()
    return report
