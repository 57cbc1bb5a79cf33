"""GET /healthz over real HTTP: 200 with the database and the tick ok; 503 when the tick has
stalled (scheduler stopped, time moved on) or the database cannot be opened; 200 again after."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.clock import SimulatedClock
from tests.ops.support import MONDAY_0800_UTC, app_settings, healthz, hold_ticks, running_app


def test_healthz_ok_then_stalled_tick_is_503(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = app_settings(monkeypatch, tmp_path / "data")
    clock = SimulatedClock(MONDAY_0800_UTC)

    async def scenario() -> None:
        async with running_app(settings, clock) as app, aiohttp.ClientSession() as http:
            assert app.bound_port and app.bound_port > 0
            status, body = await healthz(http, app)
            assert status == 200, body
            assert body["database"] == "ok"
            assert body["tick"]["status"] == "ok"
            assert body["status"] == "ok"
            assert body["platforms"] == {}

            await hold_ticks(app)  # the tick stops running...
            clock.advance(timedelta(minutes=5))  # ...and time moves past 3 ticks / 60 s
            status, body = await healthz(http, app)
            assert status == 503, body
            assert body["tick"]["status"] == "stalled"
            assert body["database"] == "ok"

            app.scheduler.resume()
            for _ in range(200):
                status, body = await healthz(http, app)
                if status == 200:
                    break
                await asyncio.sleep(0.05)
            assert status == 200 and body["tick"]["status"] == "ok", body

    asyncio.run(scenario())


def test_healthz_is_503_when_the_database_cannot_be_opened(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    settings = app_settings(monkeypatch, data)
    clock = SimulatedClock(MONDAY_0800_UTC)

    async def scenario() -> None:
        async with running_app(settings, clock) as app, aiohttp.ClientSession() as http:
            assert (await healthz(http, app))[0] == 200
            await hold_ticks(app)
            app.db.engine.dispose()  # close pooled connections: the next one must open the file
            data.rename(tmp_path / "moved-away")
            status, body = await healthz(http, app)
            assert status == 503, body
            assert body["database"] == "unreachable"
            assert body["status"] == "unhealthy"

            (tmp_path / "moved-away").rename(data)
            app.scheduler.resume()
            status, body = await healthz(http, app)
            assert status == 200 and body["database"] == "ok", body

    asyncio.run(scenario())
