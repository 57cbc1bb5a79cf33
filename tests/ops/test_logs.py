"""Logs while the real App handles messages and ticks: at INFO no token (Slack `xoxb-…`,
a Discord-shaped token) and no member message text appears, even when a library logs a token;
ASKCOACH_LOG_FORMAT=json gives one JSON object per line, tracebacks included."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from askcoach.observability import configure_logging
from askcoach.settings import load_settings
from bot.clock import SimulatedClock
from bot.messages import InboundMessage, Sender
from tests.ops.support import MONDAY_0800_UTC, app_settings, eventually, running_app
from tests.support.chat import RecordingGateway

SLACK_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB"
PRIVATE = "Zanzibar-7 plan: ask Priya Venkataraman to refer me to Quokka Dynamics"


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _drive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Start the App, handle messages (one with private text), run a check-in, log as a
    library would with a token in it, and log an exception with a traceback."""
    settings = app_settings(monkeypatch, tmp_path / "data")
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)  # in the environment, as in production
    monkeypatch.setenv("DISCORD_TOKEN", DISCORD_TOKEN)
    clock = SimulatedClock(MONDAY_0800_UTC)
    gateway = RecordingGateway()
    ana = Sender("console", "club", "U-ana", "Ana", timezone="UTC")

    async def scenario() -> None:
        async with running_app(settings, clock) as app:
            app.dispatcher.gateways["console"] = gateway
            for n, text in enumerate(["hello", "ok", PRIVATE]):
                await app.inbox.receive(InboundMessage(ana, text, event_id=f"m{n}"))
            await eventually(lambda: len(gateway.sent) >= 3, "replies delivered")
            clock.advance(timedelta(hours=9, seconds=30))  # 17:00: how did it go?
            await eventually(lambda: len(gateway.sent) >= 4, "a check-in delivered")
            logging.getLogger("slack_sdk.web").info("sending with token=%s", SLACK_TOKEN)
            logging.getLogger("discord.http").info("Authorization: Bot %s", DISCORD_TOKEN)
            try:
                raise RuntimeError("gateway said no\nsecond line")
            except RuntimeError:
                logging.getLogger("askcoach").exception("delivery failed")

    asyncio.run(scenario())
    assert any("Priya Venkataraman" in m.text for m in gateway.sent)  # the core echoed it


def test_no_tokens_and_no_member_text_in_info_logs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASKCOACH_LOG_FORMAT", "text")
    configure_logging(json_logs=load_settings(env_file=None).json_logs)
    assert logging.getLogger().level == logging.INFO
    _drive(monkeypatch, tmp_path)
    logs = capsys.readouterr().err
    assert "askcoach running" in logs  # the capture works: INFO lines are there
    assert "[redacted]" in logs  # the library lines were logged, masked
    for secret in (SLACK_TOKEN, DISCORD_TOKEN, "xoxb-"):
        assert secret not in logs
    for fragment in ("Zanzibar", "Priya Venkataraman", "Quokka", "hello"):
        assert fragment not in logs, fragment


def test_json_log_format_is_one_object_per_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ASKCOACH_LOG_FORMAT", "json")
    configure_logging(json_logs=load_settings(env_file=None).json_logs)
    _drive(monkeypatch, tmp_path)
    lines = capsys.readouterr().err.splitlines()
    assert lines
    entries = [json.loads(line) for line in lines]  # every line parses on its own
    for entry in entries:
        assert isinstance(entry, dict)
        assert {"time", "level", "logger", "message"} <= entry.keys()
    failure = next(e for e in entries if e["message"] == "delivery failed")
    assert failure["level"] == "error" and "second line" in failure["error"]
    assert any(e["message"].startswith("askcoach running") for e in entries)
    assert not any(SLACK_TOKEN in line or DISCORD_TOKEN in line for line in lines)
