"""The tick: dispatch due check-ins into the outbox, then deliver the outbox per platform.

The APScheduler job, the console's `:advance` and the tests all run this same tick. Its
database work runs in worker threads (dispatch whole, delivery between platform calls), so the
event loop keeps acknowledging platform events and answering /healthz while a tick waits on the
database. While this worker works, it renews the leases it holds, so leases can be short: a
worker that dies is taken over a lease later, one that is merely slow keeps its work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.checkins.dispatch import (
    DEFAULT_MISSED_WINDOW,
    CheckInWriter,
    DispatchReport,
    dispatch_due_checkins,
)
from bot.clock import SimulatedClock
from bot.delivery import DeliveryReport, deliver_messages, deliver_outbox
from bot.delivery.sender import SEND_LEASE, UNCONFIRMED_WAIT
from bot.messages import OutboundMessage
from bot.ports import ChatGateway, Clock, UnitOfWorkFactory

log = logging.getLogger("askcoach.dispatcher")

CLAIM_LEASE = timedelta(seconds=30)  # a claimed check-in's lease (ASKCOACH_CLAIM_LEASE_SECONDS)
RENEWALS_PER_LEASE = 3  # a live worker renews its leases this often per lease


def worker_name() -> str:
    """This process in leases: host and pid (so an operator can tell who holds what), plus a
    random part (a pid is reused after a restart)."""
    host = socket.gethostname().split(".")[0][:30] or "host"
    return f"{host}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


@dataclass
class TickReport:
    dispatch: DispatchReport = field(default_factory=DispatchReport)
    delivery: dict[str, DeliveryReport] = field(default_factory=dict)
    finished_at: datetime | None = None


class Dispatcher:
    """Runs ticks for one process; `owner` names this worker in leases.

    `lease` is how long a claimed check-in stays this worker's before another worker may take
    it over; `send_lease` the same for an outbox message being sent. While this worker works it
    renews both every third of the shorter one, so they bound how long a *dead* worker's work
    waits, not how long a batch may take. A worker that stops renewing without dying (frozen
    longer than a lease) is taken over: the outbox key still keeps a check-in from being queued
    twice, and only the message it was sending can be sent twice (docs/checkins.md).
    `unconfirmed_wait`: how long a message whose earlier send is unconfirmed waits for a
    look-up on the platform before it is sent without one.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        writer: CheckInWriter,
        clock: Clock,
        gateways: Mapping[str, ChatGateway],
        *,
        owner: str | None = None,
        batch: int = 500,
        missed_window: timedelta = DEFAULT_MISSED_WINDOW,
        dispatch: bool = True,
        lease: timedelta = CLAIM_LEASE,
        send_lease: timedelta = SEND_LEASE,
        send_batch: int = 200,
        unconfirmed_wait: timedelta = UNCONFIRMED_WAIT,
    ) -> None:
        self._uow = uow_factory
        self._writer = writer
        self._clock = clock
        self.gateways = dict(gateways)
        self.owner = owner or worker_name()
        self._batch = batch
        self._missed_window = missed_window
        self._dispatch = dispatch
        self._lease = lease
        self._send_lease = send_lease
        self._send_batch = send_batch
        self._unconfirmed_wait = unconfirmed_wait
        self.last_tick: datetime | None = None
        self._working = 0  # dispatches and deliveries in progress in this process
        self._renewal: asyncio.Task[None] | None = None

    @property
    def busy(self) -> bool:
        """Whether a tick, dispatch or delivery is running in this process right now."""
        return self._working > 0

    @contextlib.asynccontextmanager
    async def working(self) -> AsyncIterator[None]:
        """While any work runs, renew this worker's leases in the background."""
        self._working += 1
        if self._renewal is None:
            self._renewal = asyncio.get_running_loop().create_task(self._renew_forever())
        try:
            yield
        finally:
            self._working -= 1
            if self._working == 0 and self._renewal is not None:
                self._renewal.cancel()
                self._renewal = None

    async def _renew_forever(self) -> None:
        period = min(self._lease, self._send_lease).total_seconds() / RENEWALS_PER_LEASE
        while True:
            await asyncio.sleep(period)
            try:
                await asyncio.to_thread(self.renew_leases)
            except Exception:  # the database hiccuped: the next renewal may get through
                log.warning("renewing %s's leases failed; trying again", self.owner, exc_info=True)

    def renew_leases(self) -> tuple[int, int]:
        """Extend every lease this worker still holds: (check-ins, messages)."""
        now = self._clock.now()
        with self._uow() as uow:
            checkins = uow.checkins.renew_leases(self.owner, now + self._lease)
            messages = uow.outbox.renew_leases(self.owner, now + self._send_lease)
            uow.commit()
        return checkins, messages

    def dispatch_due(self) -> DispatchReport:
        """Claim and word every due check-in, batch by batch."""
        total = DispatchReport()
        if not self._dispatch:
            return total
        while True:
            report = dispatch_due_checkins(
                self._uow,
                self._writer,
                self._clock.now(),
                self.owner,
                limit=self._batch,
                lease=self._lease,
                missed_window=self._missed_window,
            )
            total.add(report)
            if report.claimed < self._batch:
                break
        weekly = self._writer.weekly_posts(self._clock.now())
        total.queued += len(weekly)
        total.messages.extend(weekly)
        return total

    async def deliver(self) -> dict[str, DeliveryReport]:
        """Send what is ready in the outbox through each platform's gateway."""
        reports: dict[str, DeliveryReport] = {}
        async with self.working():
            for platform, gateway in self.gateways.items():
                total = DeliveryReport()
                while True:
                    report = await deliver_outbox(
                        self._uow,
                        gateway,
                        self._clock,
                        self.owner,
                        platform=platform,
                        limit=self._send_batch,
                        lease=self._send_lease,
                        unconfirmed_wait=self._unconfirmed_wait,
                    )
                    total.add(report)
                    if report.attempted == 0 or report.sent == 0:
                        break
                reports[platform] = total
        return reports

    async def deliver_replies(
        self, replies: list[OutboundMessage], gateway: ChatGateway
    ) -> DeliveryReport:
        """Send an event's replies through `gateway` now, for a process that answers its own
        events but is not its platform's sender (which the gateway hands the rest over to)."""
        ids = [m.id for m in replies if m.id is not None]
        async with self.working():
            return await deliver_messages(
                self._uow,
                gateway,
                self._clock,
                self.owner,
                ids,
                lease=self._send_lease,
                unconfirmed_wait=self._unconfirmed_wait,
            )

    async def advance(self, clock: SimulatedClock, target: datetime) -> None:
        """Move a simulated clock to `target`, ticking at every check-in due on the way, so
        each is delivered at the instant it fell due (console `:advance`, transcript tests)."""
        while True:
            due = await asyncio.to_thread(self._next_due)
            if due is None or due > target:
                break
            clock.set(due)
            await self.tick()
        clock.set(target)
        await self.tick()

    def _next_due(self) -> datetime | None:
        with self._uow() as uow:
            return uow.checkins.next_due_at()

    async def tick(self) -> TickReport:
        """One tick: dispatch (in a worker thread), then deliver."""
        async with self.working():
            report = TickReport(dispatch=await asyncio.to_thread(self.dispatch_due))
            report.delivery = await self.deliver()
        report.finished_at = self.last_tick = self._clock.now()
        return report
