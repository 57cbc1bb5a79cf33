"""The adapters' door into the core: handle an event in a worker thread, then deliver.

The core is synchronous (short database transactions); an adapter runs on an asyncio loop and
must acknowledge its platform's events in time, so `Inbox` hops to a worker thread for each
call into the core and starts delivering what it queued without making the adapter wait.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from bot.conversation import Coach
from bot.delivery import DeliveryReport
from bot.dispatcher import Dispatcher
from bot.messages import InboundMessage, OutboundMessage, Sender
from bot.ports import ChatGateway
from bot.uninstall import CommunityStopped

log = logging.getLogger("askcoach")


class InboxMetrics(Protocol):
    """What the inbox counts (the runtime's /metrics)."""

    def observe_inbound(self, platform: str, started: float) -> None:
        """One event handled, `started` at this `time.perf_counter()`."""
        ...

    def inbound_lost(self, platform: str) -> None:
        """One event whose handling failed for good."""
        ...

    def record_delivery(self, reports: dict[str, DeliveryReport]) -> None: ...


# An event's handling is one transaction: when it fails in a way that may pass (a lost
# connection, a deadlock, a key another worker took first), it is rolled back and run again
# after each of these delays. The platform was answered already, so nobody else will retry it.
INBOUND_RETRY_DELAYS = (0.05, 0.25, 1.0, 4.0, 10.0)

T = TypeVar("T")


class Inbox:
    """The adapters' way into the core: handle an event, then deliver what it queued."""

    def __init__(
        self,
        coach: Coach,
        dispatcher: Dispatcher,
        metrics: InboxMetrics | None,
        *,
        retryable: Callable[[BaseException], bool],
        retry_delays: Sequence[float] = INBOUND_RETRY_DELAYS,
    ) -> None:
        self.coach = coach
        self.dispatcher = dispatcher
        self.metrics = metrics
        self.retryable = retryable
        self.retry_delays = tuple(retry_delays)
        self._deliveries: set[asyncio.Task[None]] = set()
        self._enrolment_watchers: dict[str, Callable[[str], None]] = {}

    def on_enrolment_changed(self, platform: str, watcher: Callable[[str], None]) -> None:
        """Call `watcher(community id)` (on the loop) after an event of `platform` changed
        that community's enrolment (the Slack adapter then lists its members at once)."""
        self._enrolment_watchers[platform] = watcher

    async def receive(self, event: InboundMessage) -> list[OutboundMessage]:
        """Handle one inbound event (off the event loop) and start delivering the replies."""
        started = time.perf_counter()
        what = f"{event.sender.platform} event {event.event_id or '(no id)'}"
        handled = await self._handled(what, event.sender.platform, self.coach.receive, event)
        if handled is None:
            return []
        if self.metrics is not None:
            self.metrics.observe_inbound(event.sender.platform, started)
        if handled.replies:
            self.deliver_soon()
        watcher = self._enrolment_watchers.get(event.sender.platform)
        if handled.enrolment_changed and watcher is not None:
            watcher(event.sender.community_id)
        return handled.replies

    async def greet(self, sender: Sender) -> list[OutboundMessage]:
        what = f"{sender.platform} first contact of {sender.user_id}"
        replies = await self._handled(what, sender.platform, self.coach.greet, sender) or []
        if replies:
            self.deliver_soon()
        return replies

    async def enroll(self, senders: list[Sender]) -> int:
        """Greet everyone listed the coach hasn't met (off the loop), then deliver."""
        platform = senders[0].platform if senders else "-"
        what = f"{platform} enrolment of {len(senders)} people"
        greeted = await self._handled(what, platform, self.coach.enroll, senders) or 0
        if greeted:
            self.deliver_soon()
        return greeted

    async def _handled(
        self, what: str, platform: str, handle: Callable[[Any], T], argument: Any
    ) -> T | None:
        """`handle(argument)` in a worker thread, run again while it fails in a way that may
        pass (`retryable`: storage says which); None when it failed for good: logged with `what` (the
        event id) and counted in /metrics (`askcoach_inbound_failed_total`)."""
        for attempt, delay in enumerate((*self.retry_delays, None), start=1):
            try:
                return await asyncio.to_thread(handle, argument)
            except Exception as error:
                if delay is not None and self.retryable(error):
                    log.warning(
                        "handling %s failed (%s); trying again in %gs",
                        what,
                        type(error).__name__,
                        delay,
                    )
                    await asyncio.sleep(delay)
                    continue
                log.error(
                    "handling %s failed after %d attempt%s; it is lost",
                    what,
                    attempt,
                    "" if attempt == 1 else "s",
                    exc_info=True,
                )
                if self.metrics is not None:
                    self.metrics.inbound_lost(platform)
                return None
        return None  # pragma: no cover - the loop returns on its last attempt

    async def deliver_replies(self, replies: list[OutboundMessage], gateway: ChatGateway) -> None:
        """Send an event's replies through `gateway` now, in a process that does not deliver
        its platform's outbox (a Discord shard other than 0): what the gateway cannot send
        itself it hands back to the outbox, for the sending process."""
        if not replies:
            return
        try:
            report = await self.dispatcher.deliver_replies(replies, gateway)
        except Exception:
            log.exception("answering an event failed; its replies wait in the outbox")
            return
        if self.metrics is not None:
            self.metrics.record_delivery({replies[0].platform: report})

    async def community_removed(
        self, platform: str, community_id: str, reason: str
    ) -> CommunityStopped | None:
        """The community removed the bot: stop its check-ins and waiting messages (off the
        loop)."""
        return await asyncio.to_thread(self.coach.community_removed, platform, community_id, reason)

    async def community_restored(self, platform: str, community_id: str) -> int:
        """The community added the bot back: resume its members' check-ins (off the loop)."""
        return await asyncio.to_thread(self.coach.community_restored, platform, community_id)

    def deliver_soon(self) -> None:
        task = asyncio.get_running_loop().create_task(self._deliver())
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)

    async def _deliver(self) -> None:
        try:
            reports = await self.dispatcher.deliver()
            if self.metrics is not None:
                self.metrics.record_delivery(reports)
        except Exception:
            log.exception("delivery after an inbound event failed; the tick will retry")
