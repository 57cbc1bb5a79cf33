"""Fixtures for emulator tests (other test packages can import ``slack_emulator`` likewise)."""

from tests.emulators.slack import slack_emulator

__all__ = ["slack_emulator"]
