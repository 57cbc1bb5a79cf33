"""GET /metrics over real HTTP, parsed with prometheus_client's own parser, after driving a
member's onboarding and a morning check-in through the core with a recording gateway: the
inbound counters and histogram, the check-in and message counters, and the database gauges
(check-ins due, outbox depth and the age of its oldest message) all show what happened."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.clock import SimulatedClock
from bot.delivery.errors import TransientFailure
from bot.messages import InboundMessage, Sender
from tests.ops.support import (
    MONDAY_0800_UTC,
    app_settings,
    eventually,
    hold_ticks,
    running_app,
    scrape,
)
from tests.support.chat import RecordingGateway


def _labels(**labels: str) -> frozenset[tuple[str, str]]:
    return frozenset(labels.items())


NO_LABELS: frozenset[tuple[str, str]] = frozenset()


def test_metrics_follow_a_check_in_through_the_core(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = app_settings(monkeypatch, tmp_path / "data")
    clock = SimulatedClock(MONDAY_0800_UTC)
    gateway = RecordingGateway()
    ana = Sender("console", "club", "U-ana", "Ana", timezone="UTC")

    async def scenario() -> None:
        async with running_app(settings, clock) as app, aiohttp.ClientSession() as http:
            app.dispatcher.gateways["console"] = gateway
            metrics = await scrape(http, app)
            for gauge in (
                "askcoach_checkins_due",
                "askcoach_outbox_depth",
                "askcoach_outbox_oldest_age_seconds",
            ):
                assert metrics[(gauge, NO_LABELS)] == 0, gauge

            # Two inbound events: the greeting, then `ok` to the proposed schedule.
            await app.inbox.receive(InboundMessage(ana, "hello", event_id="m1"))
            await app.inbox.receive(InboundMessage(ana, "ok", event_id="m2"))
            await eventually(lambda: len(gateway.sent) == 2, "both replies delivered")

            metrics = await scrape(http, app)
            console = _labels(platform="console")
            assert metrics[("askcoach_inbound_events_total", console)] == 2
            assert metrics[("askcoach_inbound_handling_seconds_count", console)] == 2
            assert metrics[("askcoach_inbound_handling_seconds_sum", console)] > 0
            sent = _labels(platform="console", result="sent")
            assert metrics[("askcoach_messages_total", sent)] == 2

            # 09:00 UTC: the morning check-in falls due while the tick is held.
            await hold_ticks(app)
            clock.set(MONDAY_0800_UTC + timedelta(hours=1, seconds=30))
            metrics = await scrape(http, app)
            assert metrics[("askcoach_checkins_due", NO_LABELS)] == 1
            assert metrics[("askcoach_outbox_depth", NO_LABELS)] == 0

            # The tick queues it; the platform fails once, so it waits in the outbox.
            gateway.failures.append(TransientFailure("platform hiccup"))
            app.scheduler.resume()

            async def retried() -> bool:
                m = await scrape(http, app)
                key = ("askcoach_messages_total", _labels(platform="console", result="retried"))
                return m.get(key) == 1

            await eventually(retried, "the failed send counted as retried")
            await hold_ticks(app)
            clock.advance(timedelta(minutes=10))
            metrics = await scrape(http, app)
            assert metrics[("askcoach_checkins_total", _labels(outcome="queued"))] == 1
            assert metrics[("askcoach_checkins_due", NO_LABELS)] == 0
            assert metrics[("askcoach_outbox_depth", NO_LABELS)] == 1
            assert metrics[("askcoach_outbox_oldest_age_seconds", NO_LABELS)] == 600
            errors = _labels(platform="console", kind="transient")
            assert metrics[("askcoach_platform_errors_total", errors)] == 1

            # Next tick after the backoff: delivered, the outbox is empty again.
            app.scheduler.resume()

            async def delivered() -> bool:
                m = await scrape(http, app)
                return m[("askcoach_outbox_depth", NO_LABELS)] == 0

            await eventually(delivered, "the check-in delivered on retry")
            metrics = await scrape(http, app)
            assert metrics[("askcoach_messages_total", sent)] == 3
            assert metrics[("askcoach_outbox_oldest_age_seconds", NO_LABELS)] == 0
            assert "specific ask today" in gateway.sent[-1].text

    asyncio.run(scenario())
