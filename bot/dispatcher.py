"""The tick: dispatch due check-ins into the outbox, then deliver the outbox per platform.

The APScheduler job, the console's `:advance` and the tests all run this same tick.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.checkins import DispatchReport, dispatch_due_checkins
from bot.checkins.dispatch import DEFAULT_LEASE, DEFAULT_MISSED_WINDOW, CheckInWriter
from bot.clock import SimulatedClock
from bot.delivery import DeliveryReport, deliver_messages, deliver_outbox
from bot.delivery.sender import SEND_LEASE
from bot.messages import OutboundMessage
from bot.ports import ChatGateway, Clock, UnitOfWorkFactory


@dataclass
class TickReport:
    dispatch: DispatchReport = field(default_factory=DispatchReport)
    delivery: dict[str, DeliveryReport] = field(default_factory=dict)
    finished_at: datetime | None = None


class Dispatcher:
    """Runs ticks for one process; `owner` names this worker in leases.

    `lease` is how long a claimed check-in stays this worker's before another worker may take
    it over; `send_lease` the same for an outbox message being sent. Both must be longer than
    handling one batch takes, or another worker repeats the work (the outbox key still keeps a
    check-in from being queued twice, but a message could be sent twice).
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
        lease: timedelta = DEFAULT_LEASE,
        send_lease: timedelta = SEND_LEASE,
        send_batch: int = 200,
    ) -> None:
        self._uow = uow_factory
        self._writer = writer
        self._clock = clock
        self.gateways = dict(gateways)
        self.owner = owner or f"worker-{uuid.uuid4().hex[:12]}"
        self._batch = batch
        self._missed_window = missed_window
        self._dispatch = dispatch
        self._lease = lease
        self._send_lease = send_lease
        self._send_batch = send_batch
        self.last_tick: datetime | None = None

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
        return await deliver_messages(
            self._uow, gateway, self._clock, self.owner, ids, lease=self._send_lease
        )

    async def advance(self, clock: SimulatedClock, target: datetime) -> None:
        """Move a simulated clock to `target`, ticking at every check-in due on the way, so
        each is delivered at the instant it fell due (console `:advance`, transcript tests)."""
        while True:
            with self._uow() as uow:
                due = uow.checkins.next_due_at()
            if due is None or due > target:
                break
            clock.set(due)
            await self.tick()
        clock.set(target)
        await self.tick()

    async def tick(self) -> TickReport:
        """One tick: dispatch, then deliver."""
        report = TickReport(dispatch=self.dispatch_due())
        report.delivery = await self.deliver()
        report.finished_at = self.last_tick = self._clock.now()
        return report
