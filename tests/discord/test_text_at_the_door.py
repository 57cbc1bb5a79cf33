"""Discord's door: emoji sequences are words, a lone surrogate never reaches storage, and a
Unicode digit is not a number."""

from __future__ import annotations

import pytest

from tests.discord.conftest import GUILD, MEMBER, World, run

pytestmark = pytest.mark.timeout(60)


def test_zwj_emoji_asks_and_emoji_only_messages_are_words(world: World) -> None:
    async def body() -> None:
        async with world.running():
            await world.dm(MEMBER, "hi")
            await world.dm(MEMBER, "ok")
            [noted] = await world.dm(
                MEMBER, "Ask Jen Park for an intro to her manager at Medtronic 🏳️‍🌈"
            )
            assert noted.startswith("That's a real ask:")
            [answer] = await world.dm(MEMBER, "👩‍💻")
            assert "control characters" not in answer
            [pause] = await world.dm(MEMBER, "pause ²")
            assert pause.startswith("Pause for how many days?")

    run(body)
    [ask] = world.asks(MEMBER, str(GUILD))
    assert ask.text.endswith("🏳️‍🌈")


def test_a_lone_surrogate_in_an_ask_being_clarified_is_stored_safely(world: World) -> None:
    async def body() -> None:
        async with world.running():
            await world.dm(MEMBER, "hi")
            await world.dm(MEMBER, "ok")
            [question] = await world.dm(MEMBER, "reach out to Sarah \ud83d")
            assert "Sarah" in question
            [noted] = await world.dm(MEMBER, "a referral for the analyst job at Target")
            assert noted.startswith("That's a real ask: Sarah, a referral"), noted

    run(body)
    [ask] = world.asks(MEMBER, str(GUILD))
    ask.text.encode("utf-8")
