"""Real worker processes for the exactly-once tests: each runs the real Dispatcher (real Coach,
real storage, the system clock) in its own OS process, with a gateway that appends every
message the "platform" accepted to a per-process file (one write + fsync per message).

A duplicate delivery shows up as the same outbox key twice across the files; a lost one as a
key missing. The files are the durable delivery record: they survive the worker's SIGKILL.

A worker can be told to stop dead at a chosen point (`pause`), so the test kills it exactly
there: "dispatch" (inside the wording transaction, after its claim committed) or "send"
(after claiming outbox rows, before the platform accepted the message).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.conversation import Coach
from bot.dispatcher import Dispatcher
from bot.domain import CheckIn, CheckInStatus
from bot.messages import OutboundMessage
from bot.ports import UnitOfWork
from storage import Database
from storage import tables as t

PLATFORM = "console"


@dataclass
class WorkerConfig:
    url: str
    name: str
    records: str  # directory of the durable delivery record
    horizon: str  # ISO instant: check-ins due up to here are "the work"
    lease_seconds: float = 120.0
    send_lease_seconds: float = 300.0
    batch: int = 100
    send_batch: int = 100
    pause: str | None = None  # "dispatch" or "send"
    pause_after: int = 0  # check-ins worded (or messages sent) before stopping dead
    deadline_seconds: float = 50.0


@dataclass
class WorkerResult:
    name: str
    pid: int
    claimed: int = 0
    queued: int = 0
    missed: int = 0
    lost_lease: int = 0
    sent: int = 0
    seconds: float = 0.0
    finished: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _stop_dead(config: WorkerConfig) -> None:
    """Tell the test where we are, then wait to be killed."""
    Path(config.records, f"{config.name}.paused").write_text(str(os.getpid()))
    while True:
        time.sleep(60)


class PausingWriter:
    """The real Coach, except that it stops dead after wording `pause_after` check-ins."""

    def __init__(self, coach: Coach, config: WorkerConfig) -> None:
        self._coach = coach
        self._config = config
        self._worded = 0

    def run_checkin(
        self, uow: UnitOfWork, checkin: CheckIn, now: datetime
    ) -> list[OutboundMessage]:
        if self._config.pause == "dispatch" and self._worded >= self._config.pause_after:
            _stop_dead(self._config)
        self._worded += 1
        return self._coach.run_checkin(uow, checkin, now)

    def plan_after_miss(self, uow: UnitOfWork, checkin: CheckIn, now: datetime) -> None:
        self._coach.plan_after_miss(uow, checkin, now)

    def weekly_posts(self, now: datetime) -> list[OutboundMessage]:
        return self._coach.weekly_posts(now)


class FileRecordingGateway:
    """The platform: a message counts as delivered once its key is on disk."""

    def __init__(self, config: WorkerConfig) -> None:
        self._config = config
        path = Path(config.records, f"{config.name}-{os.getpid()}.log")
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.sent = 0

    async def send(self, message: OutboundMessage) -> None:
        if self._config.pause == "send" and self.sent >= self._config.pause_after:
            _stop_dead(self._config)
        os.write(self._fd, f"{message.key}\n".encode())
        os.fsync(self._fd)
        self.sent += 1


def remaining_work(db: Database, horizon: datetime) -> int:
    """Check-ins due by `horizon` not yet finished, plus messages not yet sent."""
    c, o = t.checkins.c, t.outbox.c
    with db.engine.connect() as conn:
        due = conn.execute(
            select(func.count())
            .select_from(t.checkins)
            .where(
                c.status.in_([CheckInStatus.PENDING.value, CheckInStatus.CLAIMED.value]),
                c.due_at <= horizon,
            )
        ).scalar_one()
        unsent = conn.execute(
            select(func.count()).select_from(t.outbox).where(o.status.in_(["pending", "sending"]))
        ).scalar_one()
    return int(due) + int(unsent)


async def _work(config: WorkerConfig, start: Any) -> WorkerResult:
    db = Database(config.url)
    clock = SystemClock()
    coach = Coach(db, clock)
    gateway = FileRecordingGateway(config)
    dispatcher = Dispatcher(
        db,
        PausingWriter(coach, config),
        clock,
        {PLATFORM: gateway},
        owner=f"{config.name}-{os.getpid()}",
        batch=config.batch,
        send_batch=config.send_batch,
        lease=timedelta(seconds=config.lease_seconds),
        send_lease=timedelta(seconds=config.send_lease_seconds),
    )
    horizon = datetime.fromisoformat(config.horizon)
    result = WorkerResult(name=config.name, pid=os.getpid())
    remaining_work(db, horizon)  # connect before the start line
    if start is not None:
        start.wait()
    began = time.monotonic()
    while time.monotonic() - began < config.deadline_seconds:
        report = await dispatcher.tick()
        result.claimed += report.dispatch.claimed
        result.queued += report.dispatch.queued
        result.missed += report.dispatch.missed
        result.lost_lease += report.dispatch.lost_lease
        sent = sum(r.sent for r in report.delivery.values())
        result.sent += sent
        if report.dispatch.claimed == 0 and sent == 0:
            if remaining_work(db, horizon) == 0:
                result.finished = True
                break
            await asyncio.sleep(0.1)  # someone else's lease has to run out first
    result.seconds = time.monotonic() - began
    db.dispose()
    return result


def worker_main(config: WorkerConfig, start: Any = None) -> None:
    """Process entry point (importable, for the spawn start method)."""
    result = asyncio.run(_work(config, start))
    path = Path(config.records, f"{config.name}-{os.getpid()}.json")
    path.write_text(json.dumps(asdict(result)))


@dataclass
class Run:
    results: list[WorkerResult]
    deliveries: Counter[str]
    sent_by: dict[str, int]  # record file stem (name-pid) -> messages it accepted
    seconds: float
    killed: list[str]


def run_workers(
    configs: list[WorkerConfig],
    *,
    kill: str | None = None,
    kill_timeout: float = 30.0,
    timeout: float = 60.0,
) -> Run:
    """Start one spawned process per config at the same instant; SIGKILL the one named `kill`
    once it has stopped at its pause point; wait for the others; collect the record."""
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    processes = {
        config.name: context.Process(target=worker_main, args=(config, start), name=config.name)
        for config in configs
    }
    began = time.monotonic()
    for process in processes.values():
        process.start()
    start.set()
    killed = []
    try:
        if kill is not None:
            records = next(c.records for c in configs if c.name == kill)
            paused = Path(records, f"{kill}.paused")
            deadline = time.monotonic() + kill_timeout
            while not paused.exists():
                assert time.monotonic() < deadline, f"{kill} never reached its pause point"
                assert processes[kill].is_alive(), f"{kill} ended before its pause point"
                time.sleep(0.01)
            pid = processes[kill].pid
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            killed.append(kill)
        for process in processes.values():
            process.join(timeout=max(1.0, timeout - (time.monotonic() - began)))
    finally:
        for process in processes.values():
            if process.is_alive():
                process.kill()
                process.join()
    seconds = time.monotonic() - began
    for name in killed:
        assert processes[name].exitcode == -signal.SIGKILL
    return Run(
        results=collect_results(configs),
        deliveries=collect_deliveries(Path(configs[0].records)),
        sent_by=sent_by_process(Path(configs[0].records)),
        seconds=seconds,
        killed=killed,
    )


def collect_results(configs: list[WorkerConfig]) -> list[WorkerResult]:
    results = []
    for directory in {c.records for c in configs}:
        for path in sorted(Path(directory).glob("*.json")):
            results.append(WorkerResult(**json.loads(path.read_text())))
    return results


def collect_deliveries(records: Path) -> Counter[str]:
    """Every key the platform accepted, with how many times it accepted it."""
    keys: Counter[str] = Counter()
    for path in records.glob("*.log"):
        keys.update(line for line in path.read_text().splitlines() if line)
    return keys


def sent_by_process(records: Path) -> dict[str, int]:
    return {
        path.stem: len([line for line in path.read_text().splitlines() if line])
        for path in records.glob("*.log")
    }


def due_checkin_keys(db: Database, horizon: datetime) -> set[str]:
    """The outbox keys the due check-ins must be delivered under (one message each)."""
    c = t.checkins.c
    with db.engine.connect() as conn:
        ids = conn.execute(select(c.id).where(c.due_at <= horizon)).scalars()
        return {f"checkin:{checkin_id}:0" for checkin_id in ids}
