"""`askcoach run` with platforms: wire storage, the core, the adapters, the tick and HTTP.

Everything runs on one asyncio loop: the Slack app (HTTP or Socket Mode), the Discord client,
the APScheduler tick, and an aiohttp server for /slack/*, /healthz and /metrics. The core is
synchronous (short database transactions); adapters call it through `Inbox`, which runs it in
a worker thread so the loop stays free to acknowledge platform events in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any, Protocol, TypeVar, runtime_checkable

from aiohttp import web

from adapters.charts import MatplotlibCharts
from adapters.web import DashboardWeb
from askcoach.observability import Metrics, configure_logging_from_environment, health
from askcoach.scheduler import PeriodicJob, add_periodic, build_scheduler
from askcoach.settings import Settings
from bot.clock import SystemClock
from bot.conversation import Coach, CoachSettings
from bot.dispatcher import Dispatcher
from bot.messages import InboundMessage, OutboundMessage, Sender
from bot.ports import ChatGateway, Clock
from bot.uninstall import CommunityStopped
from storage import Database, retryable

log = logging.getLogger("askcoach")


class PlatformAdapter(Protocol):
    """What an adapter gives the runtime: a door for outgoing messages and a lifecycle."""

    name: str
    gateway: ChatGateway

    def routes(self) -> list[web.RouteDef]:
        """HTTP routes to mount on the shared server (none for gateway-only platforms)."""
        ...

    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    def connected(self) -> bool: ...


@runtime_checkable
class HasPeriodicJobs(Protocol):
    """An adapter with periodic work of its own (Slack: the enrolment sync)."""

    def periodic_jobs(self) -> list[PeriodicJob]: ...


@runtime_checkable
class Sharded(Protocol):
    """An adapter that runs one shard of its platform's gateway (Discord): only the shard
    that `sends_outbox` (shard 0) delivers the platform's outbox; /healthz names the shard."""

    shard_count: int
    sends_outbox: bool

    @property
    def shard(self) -> str:
        """E.g. `shard 1/4`."""
        ...


def sends_outbox(adapter: PlatformAdapter) -> bool:
    """Whether this process delivers the adapter's platform outbox (every unsharded one does)."""
    return adapter.sends_outbox if isinstance(adapter, Sharded) else True


def health_label(adapter: PlatformAdapter) -> str | None:
    """What /healthz adds after `connected`: the shard, when the gateway is sharded."""
    if isinstance(adapter, Sharded) and adapter.shard_count > 1:
        return adapter.shard
    return None


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
        metrics: Metrics | None,
        retry_delays: Sequence[float] = INBOUND_RETRY_DELAYS,
    ) -> None:
        self.coach = coach
        self.dispatcher = dispatcher
        self.metrics = metrics
        self.retry_delays = tuple(retry_delays)
        self._deliveries: set[asyncio.Task[None]] = set()

    async def receive(self, event: InboundMessage) -> list[OutboundMessage]:
        """Handle one inbound event (off the event loop) and start delivering the replies."""
        started = time.perf_counter()
        what = f"{event.sender.platform} event {event.event_id or '(no id)'}"
        replies = await self._handled(what, event.sender.platform, self.coach.handle, event)
        if replies is None:
            return []
        if self.metrics is not None:
            self.metrics.observe_inbound(event.sender.platform, started)
        if replies:
            self.deliver_soon()
        return replies

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
        pass (`storage.retryable`); None when it failed for good: logged with `what` (the
        event id) and counted in /metrics (`askcoach_inbound_failed_total`)."""
        for attempt, delay in enumerate((*self.retry_delays, None), start=1):
            try:
                return await asyncio.to_thread(handle, argument)
            except Exception as error:
                if delay is not None and retryable(error):
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
                    self.metrics.inbound_failed.labels(platform).inc()
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


AdapterFactory = Callable[[Settings, Inbox, Database], PlatformAdapter]


def _adapter_factories(settings: Settings) -> list[AdapterFactory]:
    factories: list[AdapterFactory] = []
    if settings.slack_configured:
        from adapters.slack import build_slack_adapter

        factories.append(build_slack_adapter)
    if settings.discord_configured:
        from adapters.discord import build_discord_adapter

        factories.append(build_discord_adapter)
    return factories


class App:
    """One running askcoach process."""

    def __init__(
        self,
        settings: Settings,
        *,
        port: int,
        dispatch: bool = True,
        host: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        """`port=0` binds an ephemeral port (see `bound_port` after `start`); `clock` lets
        tests move time (the system clock otherwise)."""
        self.settings = settings
        self.port = port
        self.host = host or os.environ.get("ASKCOACH_HOST", "0.0.0.0")
        self.bound_port: int | None = None
        self.dispatch = dispatch
        self.db = Database(settings.database_url)
        self.clock: Clock = clock or SystemClock()
        self.coach = Coach(
            self.db,
            self.clock,
            CoachSettings(public_url=settings.public_url),
            charts=MatplotlibCharts(),
        )
        self.metrics = Metrics(self.db, self.clock.now)
        self.dispatcher = Dispatcher(
            self.db,
            self.coach,
            self.clock,
            {},
            dispatch=dispatch,
            lease=timedelta(seconds=settings.claim_lease_seconds),
            send_lease=timedelta(seconds=settings.send_lease_seconds),
        )
        self.inbox = Inbox(self.coach, self.dispatcher, self.metrics)
        self.adapters: list[PlatformAdapter] = [
            factory(settings, self.inbox, self.db) for factory in _adapter_factories(settings)
        ]
        for adapter in self.adapters:
            if sends_outbox(adapter):
                self.dispatcher.gateways[adapter.name] = adapter.gateway
        self.web = web.Application(client_max_size=1024 * 1024)
        self.web.router.add_get("/healthz", self._healthz)
        self.web.router.add_get("/metrics", self._metrics)
        for adapter in self.adapters:
            self.web.add_routes(adapter.routes())
        dashboard = DashboardWeb(
            self.db, self.clock, public_url=settings.public_url, session_key=settings.session_key
        )
        self.web.add_subapp("/dashboard", dashboard.app())
        self._runner: web.AppRunner | None = None
        self.scheduler = build_scheduler(
            self.dispatcher,
            settings.tick_seconds,
            self.db,
            self.clock,
            on_tick=self.metrics.record_tick,
        )
        for adapter in self.adapters:
            if isinstance(adapter, HasPeriodicJobs):
                for job in adapter.periodic_jobs():
                    add_periodic(self.scheduler, job)

    async def _healthz(self, request: web.Request) -> web.Response:
        ok, body = await asyncio.to_thread(
            health,
            self.db,
            {a.name: a.connected() for a in self.adapters},
            self.dispatcher.last_tick,
            self.clock.now(),
            self.settings.tick_seconds,
            {a.name: label for a in self.adapters if (label := health_label(a))},
        )
        return web.json_response(body, status=200 if ok else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        body = await asyncio.to_thread(self.metrics.render)
        return web.Response(body=body, headers={"Content-Type": "text/plain; version=0.0.4"})

    async def start(self) -> None:
        await asyncio.to_thread(self.db.upgrade)
        self._runner = web.AppRunner(self.web, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host=self.host, port=self.port)
        await site.start()
        addresses = self._runner.addresses  # what the OS bound (port 0 means "any free port")
        self.bound_port = int(addresses[0][1]) if addresses else self.port
        for adapter in self.adapters:
            await adapter.start()
        self.scheduler.start()
        self.metrics.record_tick(await self.dispatcher.tick())
        log.info(
            "askcoach running: port=%s platforms=%s dispatch=%s",
            self.bound_port,
            [a.name for a in self.adapters],
            self.dispatch,
        )

    async def stop(self) -> None:
        self.scheduler.shutdown(wait=False)
        for adapter in self.adapters:
            with contextlib.suppress(Exception):
                await adapter.stop()
        if self._runner is not None:
            await self._runner.cleanup()
        self.db.dispose()


async def serve(settings: Settings, port: int, until: Awaitable[None] | None = None) -> None:
    """Run until SIGINT/SIGTERM (or until `until` completes, for tests)."""
    app = App(settings, port=port, dispatch=os.environ.get("ASKCOACH_DISPATCH", "1") != "0")
    await app.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        if until is not None:
            await until
        else:
            await stop.wait()
    finally:
        await app.stop()


def run_platforms(settings: Settings, port: int) -> int:
    """Start every configured platform adapter with the shared dispatch tick."""
    configure_logging_from_environment()
    asyncio.run(serve(settings, port))
    return 0
