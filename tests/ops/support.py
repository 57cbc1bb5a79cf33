"""A real askcoach `App` on an ephemeral port, in the test's own event loop."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from askcoach.runtime import App
from askcoach.settings import Settings, load_settings
from bot.clock import SimulatedClock

PLATFORM_VARIABLES = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "DISCORD_TOKEN",
)
MONDAY_0800_UTC = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def app_settings(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Settings:
    """No platform, an SQLite file in `data_dir`, a 0.1 s tick."""
    for name in PLATFORM_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    data_dir.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("ASKCOACH_DATABASE_URL", f"sqlite:///{data_dir / 'askcoach.db'}")
    monkeypatch.setenv("ASKCOACH_TICK_SECONDS", "0.1")
    return load_settings(env_file=None)


@asynccontextmanager
async def running_app(settings: Settings, clock: SimulatedClock) -> AsyncIterator[App]:
    app = App(settings, port=0, host="127.0.0.1", clock=clock)
    await app.start()
    try:
        yield app
    finally:
        await app.stop()


async def get(http: aiohttp.ClientSession, app: App, path: str) -> tuple[int, str]:
    async with http.get(f"http://127.0.0.1:{app.bound_port}{path}") as response:
        return response.status, await response.text()


async def healthz(http: aiohttp.ClientSession, app: App) -> tuple[int, dict[str, Any]]:
    status, body = await get(http, app, "/healthz")
    return status, json.loads(body)


async def scrape(http: aiohttp.ClientSession, app: App) -> dict[tuple[str, frozenset[Any]], float]:
    """/metrics parsed by prometheus_client: (sample name, labels) -> value."""
    status, body = await get(http, app, "/metrics")
    assert status == 200
    samples: dict[tuple[str, frozenset[Any]], float] = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


async def eventually(check: Callable[[], Any], what: str, attempts: int = 200) -> None:
    """Wait (bounded) for the background tick to have done something; no timing asserted."""
    for _ in range(attempts):
        if await check() if asyncio.iscoroutinefunction(check) else check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


async def hold_ticks(app: App) -> None:
    """Stop the scheduled tick and wait out one already running: pausing the scheduler does not
    stop a tick in flight, and a tick that is still delivering when the test moves the clock
    would act on the new time."""
    app.scheduler.pause()
    await eventually(lambda: not app.dispatcher.busy, "the tick in flight finished")
