"""Fixtures: the Slack emulator, and the real App serving Slack over HTTP on a fresh database."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.support.databases import sqlite_url
from bot.clock import SimulatedClock
from emulators.slack import DEFAULT_TEAM_ID, SlackEmulator
from tests.slack.harness import Harness, slack_settings

StartApp = Callable[..., Harness]

ANA = "U0ANA"
BEN = "U0BEN"
BOSS = "U0BOSS"


@pytest.fixture
def emu(slack_emulator: SlackEmulator) -> SlackEmulator:
    slack_emulator.add_user(DEFAULT_TEAM_ID, ANA, name="ana", tz="America/Chicago")
    slack_emulator.add_user(DEFAULT_TEAM_ID, BEN, name="ben", tz="Europe/Berlin")
    slack_emulator.add_user(DEFAULT_TEAM_ID, BOSS, name="boss", tz="UTC", is_owner=True)
    return slack_emulator


@pytest.fixture
def start_app(emu: SlackEmulator, tmp_path: Path) -> Iterator[StartApp]:
    """Starts the App on a fresh SQLite database in single-workspace HTTP mode
    (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET), with settings overrides; stopped after the test."""
    with contextlib.ExitStack() as started:

        def start(clock: SimulatedClock | None = None, **overrides: Any) -> Harness:
            settings = slack_settings(emu, sqlite_url(tmp_path), **overrides)
            return started.enter_context(Harness(emu, settings, tmp_path, clock))

        yield start


@pytest.fixture
def slack(start_app: StartApp) -> Harness:
    return start_app()
