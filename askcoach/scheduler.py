"""APScheduler drives a few periodic jobs only: the dispatch tick and housekeeping."""

from __future__ import annotations

import logging
from collections.abc import Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.dispatcher import Dispatcher, TickReport

log = logging.getLogger("askcoach.scheduler")


def build_scheduler(
    dispatcher: Dispatcher,
    tick_seconds: float,
    *,
    on_tick: Callable[[TickReport], None] | None = None,
    db: object | None = None,
) -> AsyncIOScheduler:
    """An AsyncIOScheduler with the dispatch tick; start it inside a running event loop."""
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
    return scheduler
