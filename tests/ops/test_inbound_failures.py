"""An inbound event is acknowledged before it is handled (Slack gets its 200 at once), so a
failure while handling it must not make it vanish: a failure that may pass (a lost connection,
a deadlock, a key another worker took first) is rolled back and handled again; one that
survives the retries, or cannot pass, is logged with the event id and counted in /metrics."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy.exc import OperationalError

from bot.clock import SimulatedClock
from bot.conversation import Coach
from bot.inbox import Inbox
from bot.messages import Handled, InboundMessage, OutboundMessage, Sender
from storage import retryable
from tests.ops.support import MONDAY_0800_UTC, app_settings, running_app, scrape

ANA = Sender("console", "club", "U-ana", "Ana", timezone="UTC")


class FlakyCoach(Coach):
    """The real coach, behind a database connection that fails the first `failures` times."""

    failures = 0
    error: Exception = OperationalError("SELECT 1", {}, Exception("server closed the connection"))
    calls = 0

    def receive(self, event: InboundMessage) -> Handled:
        self.calls += 1
        if self.failures:
            self.failures -= 1
            raise self.error
        return super().receive(event)


def _run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, failures: int, error: Exception | None = None
) -> tuple[list[OutboundMessage], int, float, int]:
    """Handle one DM with a coach that fails `failures` times: (replies, calls, failures
    counted in /metrics, members stored)."""
    settings = app_settings(monkeypatch, tmp_path / "data")
    clock = SimulatedClock(MONDAY_0800_UTC)

    async def scenario() -> tuple[list[OutboundMessage], int, float, int]:
        async with running_app(settings, clock) as app, aiohttp.ClientSession() as http:
            coach = FlakyCoach(app.db, clock)
            coach.failures = failures
            if error is not None:
                coach.error = error
            inbox = Inbox(
                coach,
                app.dispatcher,
                app.metrics,
                retryable=retryable,
                retry_delays=(0.0, 0.01, 0.01),
            )
            replies = await inbox.receive(InboundMessage(ANA, "hello", event_id="Ev0042"))
            metrics = await scrape(http, app)
            failed = metrics.get(
                ("askcoach_inbound_failed_total", frozenset({("platform", "console")})), 0.0
            )
            with app.db() as uow:
                community = uow.communities.find("console", "club")
                members = (
                    0 if community is None else len(uow.members.in_community(community.id or 0))
                )
            return replies, coach.calls, failed, members

    return asyncio.run(scenario())


def test_a_failure_that_passes_is_handled_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="askcoach")
    replies, calls, failed, members = _run(monkeypatch, tmp_path, failures=2)
    assert replies and calls == 3
    assert failed == 0 and members == 1
    assert "handling console event Ev0042 failed (OperationalError); trying again" in caplog.text


def test_a_failure_that_survives_the_retries_is_logged_and_counted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="askcoach")
    replies, calls, failed, members = _run(monkeypatch, tmp_path, failures=10)
    assert replies == [] and calls == 4  # the first try and three retries
    assert failed == 1 and members == 0
    # Only the inbound path's own errors (a scheduler tick that meets the same injected
    # failure logs under apscheduler's name).
    errors = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == "askcoach"]
    assert [r.getMessage() for r in errors] == [
        "handling console event Ev0042 failed after 4 attempts; it is lost"
    ]


def test_a_failure_that_cannot_pass_is_not_retried(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    replies, calls, failed, _ = _run(monkeypatch, tmp_path, failures=1, error=ValueError("bug"))
    assert replies == [] and calls == 1 and failed == 1
    assert "handling console event Ev0042 failed after 1 attempt; it is lost" in caplog.text
