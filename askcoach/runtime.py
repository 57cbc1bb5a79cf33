"""`askcoach run` with platforms: wire storage, the core, the adapters, the tick and HTTP.

Everything runs on one asyncio loop: the Slack app (HTTP or Socket Mode), the Discord client,
the APScheduler tick, and an aiohttp server for /slack/*, /healthz and /metrics. The core is
synchronous (short database transactions); adapters call it through `bot.inbox.Inbox`, which
runs it in a worker thread so the loop stays free to acknowledge platform events in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable
from dataclasses import replace
from datetime import timedelta

from aiohttp import web

from adapters.base import HasPeriodicJobs, PlatformAdapter, health_label, sends_outbox
from adapters.web import DashboardWeb
from askcoach import bootstrap
from askcoach.observability import Metrics, configure_logging, health
from askcoach.scheduler import HOUSEKEEPING_SECONDS, add_periodic, build_scheduler
from askcoach.settings import Settings
from askcoach.stores import SqlDmChannelStore
from bot.conversation import CoachSettings
from bot.inbox import Inbox
from bot.ports import Clock
from storage import Database

log = logging.getLogger("askcoach")


def _adapters(settings: Settings, inbox: Inbox, db: Database) -> list[PlatformAdapter]:
    """Every configured platform's adapter (imported only when configured)."""
    adapters: list[PlatformAdapter] = []
    if settings.slack.configured:
        from adapters.slack import build_slack_adapter

        adapters.append(build_slack_adapter(settings.slack, inbox, db))
    if settings.discord.configured:
        from adapters.discord import build_discord_adapter

        # Stored DM channels of people no longer members go with the rest of the housekeeping.
        config = replace(settings.discord, dm_channels_seconds=HOUSEKEEPING_SECONDS)
        store = SqlDmChannelStore(db)
        adapters.append(build_discord_adapter(config, inbox, db, store))
    return adapters


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
        self.host = host or settings.host
        self.bound_port: int | None = None
        self.dispatch = dispatch
        self.db = Database(settings.database_url)
        core = bootstrap.wire(
            self.db,
            clock,
            settings=CoachSettings(public_url=settings.public_url),
            dispatch=dispatch,
            lease=timedelta(seconds=settings.claim_lease_seconds),
            send_lease=timedelta(seconds=settings.send_lease_seconds),
        )
        self.clock: Clock = core.clock
        self.coach = core.coach
        self.dispatcher = core.dispatcher
        self.metrics = Metrics(self.db, self.clock.now)
        self.inbox = core.inbox(self.metrics)
        self.adapters = _adapters(settings, self.inbox, self.db)
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
    app = App(settings, port=port, dispatch=settings.dispatch)
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
    configure_logging(json_logs=settings.json_logs)
    asyncio.run(serve(settings, port))
    return 0
