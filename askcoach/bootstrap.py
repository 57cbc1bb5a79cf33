"""Wiring the core, once: storage, the coach with its settings and charts, the dispatcher.

The runtime (`askcoach run`), the console, the tests' chat helper and the benchmarks all build
their core here, so they run the same coach the same way; only the clock, the coach's settings
and the gateways differ.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TextIO

from adapters.charts import MatplotlibCharts
from adapters.console.session import ConsoleSession
from bot.clock import SimulatedClock, SystemClock
from bot.conversation import Coach, CoachSettings
from bot.delivery.sender import SEND_LEASE
from bot.dispatcher import CLAIM_LEASE, Dispatcher
from bot.inbox import Inbox, InboxMetrics
from bot.ports import ChatGateway, Clock
from storage import Database, retryable


@dataclass(frozen=True)
class Core:
    """The platform-neutral core over one database, and the clock it reads."""

    db: Database
    clock: Clock
    coach: Coach
    dispatcher: Dispatcher

    def inbox(self, metrics: InboxMetrics | None = None) -> Inbox:
        """The adapters' door into this core; storage says which failures may pass."""
        return Inbox(self.coach, self.dispatcher, metrics, retryable=retryable)


def wire(
    db: Database,
    clock: Clock | None = None,
    *,
    settings: CoachSettings | None = None,
    charts: bool = True,
    gateways: Mapping[str, ChatGateway] | None = None,
    dispatch: bool = True,
    lease: timedelta = CLAIM_LEASE,
    send_lease: timedelta = SEND_LEASE,
) -> Core:
    """The core on `db`: the coach (charts drawn with matplotlib unless `charts=False`) and
    a dispatcher delivering through `gateways` (more can be added to `dispatcher.gateways`)."""
    clock = clock or SystemClock()
    coach = Coach(db, clock, settings, charts=MatplotlibCharts() if charts else None)
    dispatcher = Dispatcher(
        db,
        coach,
        clock,
        dict(gateways or {}),
        dispatch=dispatch,
        lease=lease,
        send_lease=send_lease,
    )
    return Core(db, clock, coach, dispatcher)


def console(
    db: Database,
    *,
    user: str,
    timezone: str,
    start: datetime | None,
    out: TextIO = sys.stdout,
    echo: bool = False,
) -> ConsoleSession:
    """`askcoach console` on `db`: the simulated clock from `start`, or the real one."""
    clock = SimulatedClock(start) if start is not None else SystemClock()
    core = wire(db, clock, settings=CoachSettings(default_timezone=timezone))
    return ConsoleSession(
        core.coach, core.dispatcher, db, clock, user=user, timezone=timezone, out=out, echo=echo
    )
