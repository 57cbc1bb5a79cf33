"""APScheduler drives a few periodic jobs only: the dispatch tick and housekeeping."""

from __future__ import annotations

import logging
from collections.abc import Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from adapters.base import PeriodicJob
from bot.clock import SystemClock
from bot.dispatcher import Dispatcher, TickReport
from bot.housekeeping import housekeep
from bot.ports import Clock, UnitOfWorkFactory

log = logging.getLogger("askcoach.scheduler")


HOUSEKEEPING_SECONDS = 3600


def add_periodic(scheduler: AsyncIOScheduler, job: PeriodicJob) -> None:
    """Schedule an adapter's job; one run at a time, a failure never stops the next one."""

    async def run() -> None:
        try:
            await job.run()
        except Exception:
            log.exception("%s failed", job.name)

    scheduler.add_job(
        run,
        "interval",
        seconds=job.seconds,
        id=job.name,
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )


def build_scheduler(
    dispatcher: Dispatcher,
    tick_seconds: float,
    uow_factory: UnitOfWorkFactory | None = None,
    clock: Clock | None = None,
    *,
    on_tick: Callable[[TickReport], None] | None = None,
) -> AsyncIOScheduler:
    """An AsyncIOScheduler with the dispatch tick and, given storage, hourly housekeeping;
    start it inside a running event loop."""
    scheduler = AsyncIOScheduler(timezone="UTC")

    async def tick() -> None:
        try:
            report = await dispatcher.tick()
        except Exception:  # a failed tick must not stop the next one
            log.exception("dispatch tick failed")
            return
        if on_tick is not None:
            on_tick(report)
        if report.dispatch.claimed:
            log.info(
                "tick: claimed=%d queued=%d missed=%d",
                report.dispatch.claimed,
                report.dispatch.queued,
                report.dispatch.missed,
            )

    scheduler.add_job(
        tick,
        "interval",
        seconds=tick_seconds,
        id="dispatch-tick",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=None,
    )
    if uow_factory is not None:
        add_housekeeping(scheduler, uow_factory, clock or SystemClock())
    return scheduler


def add_housekeeping(
    scheduler: AsyncIOScheduler, uow_factory: UnitOfWorkFactory, clock: Clock
) -> None:
    """Hourly: delete old inbound event ids, old sent messages and old finished check-ins."""

    def job() -> None:
        try:
            report = housekeep(uow_factory, clock.now())
        except Exception:
            log.exception("housekeeping failed")
            return
        log.info(
            "housekeeping: events=%d messages=%d checkins=%d",
            report.events,
            report.messages,
            report.checkins,
        )

    scheduler.add_job(
        job,
        "interval",
        seconds=HOUSEKEEPING_SECONDS,
        id="housekeeping",
        max_instances=1,
        coalesce=True,
    )
