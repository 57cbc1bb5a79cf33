"""Fixtures: the Slack emulator, and the real App serving Slack over HTTP on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.support.databases import sqlite_url
from emulators.slack import DEFAULT_TEAM_ID, SlackEmulator
from tests.slack.harness import Harness, slack_settings

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
def slack(emu: SlackEmulator, tmp_path: Path) -> Iterator[Harness]:
    """Single-workspace HTTP mode (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET)."""
    harness = Harness(emu, slack_settings(emu, sqlite_url(tmp_path)), tmp_path)
    try:
        yield harness
    finally:
        harness.close()
