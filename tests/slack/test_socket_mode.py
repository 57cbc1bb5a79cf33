"""Socket Mode (SLACK_APP_TOKEN): the same conversation over the emulator's websocket."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.support.databases import sqlite_url
from emulators.slack import (
    DEFAULT_APP_TOKEN,
    DEFAULT_TEAM_ID,
    SlackEmulator,
    block_actions_payload,
    slash_command,
)
from tests.slack.conftest import ANA
from tests.slack.harness import Harness, slack_config, slack_settings


@pytest.fixture
def socket(emu: SlackEmulator, tmp_path: Path) -> Iterator[Harness]:
    socket_mode = slack_config(emu, app_token=DEFAULT_APP_TOKEN, signing_secret=None)
    settings = slack_settings(emu, sqlite_url(tmp_path), socket_mode)
    with Harness(emu, settings, tmp_path) as harness:
        yield harness


def say(socket: Harness, emu: SlackEmulator, text: str, count: int = 1) -> list[str]:
    before = len(emu.delivered())
    envelope = emu.socket_send_event(emu.dm_message_event(ANA, text))
    assert emu.wait_for_ack(envelope) == {"envelope_id": envelope}
    return [str(c.params["text"]) for c in socket.replies(before, count)]


def test_dm_conversation_and_slash_command_over_socket_mode(
    socket: Harness, emu: SlackEmulator
) -> None:
    emu.wait_for_socket()
    assert socket.adapter.connected()
    assert socket.request("POST", "/slack/events", "{}").status == 404  # no HTTP door
    (hello,) = say(socket, emu, "hi")
    assert hello.startswith("Hi ana!")
    say(socket, emu, "ok")
    (recorded,) = say(
        socket, emu, "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
    )
    assert recorded.startswith("That's a real ask")
    (ask,) = socket.asks(ANA)

    before = len(emu.delivered())
    envelope = emu.socket_send_slash_command(slash_command(user_id=ANA, text="stats"))
    assert emu.wait_for_ack(envelope)["payload"]["text"] == "Replied in our DM."
    (stats,) = socket.replies(before, 1)
    assert stats.params["text"].startswith("Asks: 1 specific of 1 planned")

    payload = block_actions_payload(
        user_id=ANA,
        action_id="choice_0",
        value=f"!ask:{ask.id}:made",
        channel_id=emu.dm_channel(DEFAULT_TEAM_ID, ANA),
    )
    before = len(emu.delivered())
    emu.wait_for_ack(emu.socket_send_interactive(payload))
    (answer,) = socket.replies(before, 1)
    assert answer.params["text"] == "Nice — you asked. What happened?"


def test_stop_closes_the_socket(emu: SlackEmulator, tmp_path: Path) -> None:
    socket_mode = slack_config(emu, app_token=DEFAULT_APP_TOKEN, signing_secret=None)
    settings = slack_settings(emu, sqlite_url(tmp_path), socket_mode)
    harness = Harness(emu, settings, tmp_path)
    emu.wait_for_socket()
    adapter = harness.adapter
    harness.close()
    assert not adapter.connected()
    emu.state.wait(lambda: emu.socket_connection_count == 0, 5, "socket closed")
