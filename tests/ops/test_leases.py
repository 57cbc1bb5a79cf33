"""Leases are settings, checked at start-up, and a live worker renews the ones it holds: a
short lease bounds how long a dead worker's work waits, not how long a batch may take."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from askcoach.runtime import App
from askcoach.settings import SettingsError, load_settings
from benchmarks.support.seeding import seed_members
from bot.clock import SimulatedClock, SystemClock
from bot.conversation import Coach
from bot.dispatcher import Dispatcher
from bot.messages import OutboundMessage
from storage import Database
from storage import tables as t
from tests.ops.support import MONDAY_0800_UTC, app_settings


@pytest.mark.parametrize("name", ["ASKCOACH_CLAIM_LEASE_SECONDS", "ASKCOACH_SEND_LEASE_SECONDS"])
@pytest.mark.parametrize("value", ["4", "0", "3601", "2.5", "-10", "thirty", "1e3"])
def test_a_lease_out_of_bounds_is_refused_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, value: str
) -> None:
    app_settings(monkeypatch, tmp_path)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        load_settings(env_file=None)
    assert str(refused.value).startswith(f"{name} must be a whole number from 5 to 3600")
    assert repr(value) in str(refused.value)


def test_leases_default_to_thirty_seconds_and_can_be_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = app_settings(monkeypatch, tmp_path)
    assert (settings.claim_lease_seconds, settings.send_lease_seconds) == (30, 30)
    monkeypatch.setenv("ASKCOACH_CLAIM_LEASE_SECONDS", "9")
    monkeypatch.setenv("ASKCOACH_SEND_LEASE_SECONDS", "3600")
    settings = load_settings(env_file=None)
    assert (settings.claim_lease_seconds, settings.send_lease_seconds) == (9, 3600)


def test_the_worker_takes_and_renews_leases_of_the_configured_length(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app_settings(monkeypatch, tmp_path)
    monkeypatch.setenv("ASKCOACH_CLAIM_LEASE_SECONDS", "9")
    monkeypatch.setenv("ASKCOACH_SEND_LEASE_SECONDS", "7")
    clock = SimulatedClock(MONDAY_0800_UTC)
    app = App(load_settings(env_file=None), port=0, host="127.0.0.1", clock=clock)
    try:
        app.db.upgrade()
        owner, now = app.dispatcher.owner, clock.now()
        seed_members(app.db, 1, now)
        with app.db() as uow:
            uow.outbox.add(OutboundMessage(text="Hi", community_id=1, key="k1"), now)
            uow.outbox.claim_ready(now, owner, now, 10)
            uow.checkins.claim_due(now, owner, now, 10)
            uow.commit()
        clock.advance(timedelta(seconds=2))
        assert app.dispatcher.renew_leases() == (1, 1)
        with app.db.engine.connect() as conn:
            claim = conn.execute(select(t.checkins.c.lease_expires)).scalar_one()
            send = conn.execute(select(t.outbox.c.lease_expires)).scalar_one()
        assert claim.replace(tzinfo=UTC) == clock.now() + timedelta(seconds=9)
        assert send.replace(tzinfo=UTC) == clock.now() + timedelta(seconds=7)
    finally:
        app.db.dispose()


@dataclass
class SlowPlatform:
    """Takes `seconds` to accept each message (a slow platform, a long rate-limit wait)."""

    seconds: float
    accepted: list[str] = field(default_factory=list)

    async def send(self, message: OutboundMessage) -> None:
        await asyncio.sleep(self.seconds)
        self.accepted.append(message.key)


def test_a_live_worker_keeps_a_batch_that_takes_longer_than_its_lease(
    sqlite_db: Database,
) -> None:
    """Worker A needs 4.5 s for a message under a 3-second lease; it renews the lease every
    second, so worker B, trying all along, never takes the message over."""
    lease = timedelta(seconds=3)
    clock = SystemClock()
    with sqlite_db() as uow:
        uow.outbox.add(OutboundMessage(text="Hi", community_id=1, key="k1"), clock.now())
        uow.commit()
    platform = SlowPlatform(4.5)
    coach = Coach(sqlite_db, clock)

    def worker(owner: str, gateway: SlowPlatform) -> Dispatcher:
        gateways = {"console": gateway}
        return Dispatcher(
            sqlite_db, coach, clock, gateways, owner=owner, lease=lease, send_lease=lease
        )

    a, b = worker("A", platform), worker("B", platform)

    async def race() -> int:
        sending = asyncio.create_task(a.deliver())
        taken = 0
        while not sending.done():
            await asyncio.sleep(0.5)
            taken += (await b.deliver())["console"].attempted
        return taken

    assert asyncio.run(race()) == 0
    assert platform.accepted == ["k1"]


def test_renewal_leaves_what_another_worker_took_over(sqlite_db: Database) -> None:
    now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    seed_members(sqlite_db, 1, now)
    clock = SimulatedClock(now)
    lease = timedelta(seconds=30)
    a = Dispatcher(sqlite_db, Coach(sqlite_db, clock), clock, {}, owner="A", lease=lease)
    with sqlite_db() as uow:
        uow.checkins.claim_due(now, "A", now + lease, 10)
        uow.commit()
    clock.advance(lease + timedelta(seconds=1))  # A stalled past its lease; B took it over
    with sqlite_db() as uow:
        assert len(uow.checkins.claim_due(clock.now(), "B", clock.now() + lease, 10)) == 1
        uow.commit()
    assert a.renew_leases() == (0, 0)
