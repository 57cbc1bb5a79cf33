"""What members really type, in Discord DMs through discord.py against the emulator."""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from tests.discord.conftest import MEMBER, World, run

pytestmark = pytest.mark.timeout(60)


def test_a_natural_conversation_in_a_discord_dm(world: World) -> None:
    async def body() -> None:
        async with world.running():
            [hello] = await world.dm(MEMBER, "hi")
            assert hello.startswith("Hi Ada!")
            [set_up] = await world.dm(MEMBER, "9am is fine i guess")
            assert set_up.startswith("You're set: mon-fri at 09:00")
            [plan] = await world.dm(MEMBER, "coffee with my old coworker mike")
            assert "What will you ask Mike for" in plan
            [recorded] = await world.dm(
                MEMBER, "ok i'll ask him to refer me for the PM role at Stripe"
            )
            assert recorded.startswith("That's a real ask")
            [made] = await world.dm(MEMBER, "yes i did")
            assert "Nice — you asked. What happened?" in made
            [waiting] = await world.dm(MEMBER, "no reply yet")
            assert waiting.startswith("Asking was the hard part.")
            [paused] = await world.dm(MEMBER, "pause till monday")
            assert paused.startswith("Paused until Mon")

    run(body)
    [ask] = world.asks(MEMBER)
    assert ask.status == AskStatus.MADE and ask.outcome == Outcome.WAITING
