"""`askcoach run` with DISCORD_* set: the runtime builds the adapter and a DM gets an answer."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from askcoach.runtime import App
from askcoach.settings import load_settings
from emulators.discord import DiscordEmulator
from tests.discord.conftest import MEMBER

pytestmark = pytest.mark.timeout(60)


def test_the_runtime_runs_the_discord_adapter(
    emu: DiscordEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in emu.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ASKCOACH_DATABASE_URL", f"sqlite:///{tmp_path / 'run.db'}")
    monkeypatch.setenv("ASKCOACH_HOST", "127.0.0.1")
    settings = load_settings(env_file=None)

    async def body() -> None:
        app = App(settings, port=0)
        await app.start()
        try:
            [adapter] = app.adapters
            assert adapter.name == "discord"
            await emu.wait_for_identify_async()
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "hello"))
            [hello] = await emu.wait_for_messages_async(count=1, timeout=10)
            assert hello.content.startswith("Hi Ada! I'm your ask coach.")
            await emu.wait_until_async(adapter.connected, timeout=10)
        finally:
            await app.stop()
        assert not adapter.connected()

    asyncio.run(asyncio.wait_for(body(), 30))
    [sync] = emu.calls("PUT", "/applications/{app}/commands")
    assert {c["name"] for c in sync.json} >= {"ask", "checkin", "settings", "help", "forget"}
