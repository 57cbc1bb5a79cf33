"""Check-ins by DM from the dispatch tick, persistent buttons (also after a restart), the form."""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from emulators.discord import DiscordEmulator, StoredMessage
from tests.discord.conftest import MEMBER, World, at, run

pytestmark = pytest.mark.timeout(60)


async def _asked_in_the_morning_then_the_evening_question(
    world: World, emu: DiscordEmulator
) -> StoredMessage:
    """The member answers the 09:00 check-in with a specific ask; the 17:00 one asks about it."""
    await world.dispatcher.advance(world.clock, at("09:05"))
    await world.dm(MEMBER, "Ask Priya Shah for a referral at Target")
    await world.dispatcher.advance(world.clock, at("17:05"))
    return emu.dms_to(MEMBER)[-1]


def test_scheduled_checkins_open_the_dm_once_and_offer_the_ask_form(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Ada")  # enrolled in the server; never wrote to the bot

    async def body() -> None:
        async with world.running():
            await world.dispatcher.advance(world.clock, at("09:05"))
            morning = emu.dms_to(MEMBER)[-1]
            assert morning.content.startswith("Morning, Ada! What's your specific ask today")
            assert morning.custom_ids() == ["askcoach:log-ask"]
            press = emu.button_press("askcoach:log-ask", MEMBER, morning.id)
            form = await world.interact(press)
            assert form.type == 9 and form.data["custom_id"] == "askcoach:ask-form"
            names = [c["components"][0]["custom_id"] for c in form.data["components"]]
            assert names == ["who", "what", "company", "by"]
            submit = emu.modal_submit(
                "askcoach:ask-form",
                {"who": "Priya Shah", "what": "for a referral", "company": "Target", "by": ""},
                MEMBER,
            )
            await world.interact(submit)
            await world.settle()
            await world.dispatcher.advance(world.clock, at("09:05", days=1))

    run(body)
    [ask] = world.asks(MEMBER)
    assert ask.text == "Ask Priya Shah for a referral at Target" and ask.verdict == "specific"
    texts = [m.content for m in emu.dms_to(MEMBER)]
    assert sum(t.startswith("Morning, Ada!") for t in texts) == 2
    assert any(t.startswith("That's a real ask: Priya Shah") for t in texts)
    assert emu.dm_opens(MEMBER) == 1, "the DM channel is opened once, then remembered"


def test_ask_without_text_opens_the_form(world: World, emu: DiscordEmulator) -> None:
    world.enrol(MEMBER, "Ada")

    async def body() -> None:
        async with world.running():
            opened = emu.slash_command("ask", None, MEMBER, guild_id=1001)
            form = await world.interact(opened)
            assert form.type == 9
            submit = emu.modal_submit(
                "askcoach:ask-form",
                {"who": "Sam Lee", "what": "to introduce me to the hiring manager"},
                MEMBER,
                guild_id=1001,
            )
            await world.interact(submit)
            await world.settle()
            [answer] = emu.messages_to(int(submit["channel_id"]))
            assert answer.ephemeral
            assert answer.content.startswith("That's a real ask: Sam Lee")

    run(body)
    [ask] = world.asks(MEMBER)
    assert ask.status == AskStatus.OPEN


def test_a_button_pressed_after_a_restart_still_records_the_outcome(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Ada")
    asked: list[int] = []

    async def before_restart() -> None:
        async with world.running():
            question = await _asked_in_the_morning_then_the_evening_question(world, emu)
            assert question.content == "Did you make your ask of Priya Shah?"
            asked.append(question.id)

    async def after_restart() -> None:
        async with world.running():  # a new client, a new adapter, the same database
            [ask] = world.asks(MEMBER)
            custom_id = f"askcoach:c:!ask:{ask.id}:made"
            assert custom_id in emu.message(asked[0]).custom_ids()
            press = emu.button_press(custom_id, MEMBER, asked[0])
            ack = await world.interact(press)
            assert ack.type == 6  # deferred update: answered within Discord's 3 seconds
            await world.wait(lambda: emu.message(asked[0]).components == [])
            await world.settle()
            follow = emu.dms_to(MEMBER)[-1]
            assert follow.content == "Nice — you asked. What happened?"
            yes = next(c for c in follow.custom_ids() if c.endswith(":yes"))
            await world.interact(emu.button_press(yes, MEMBER, follow.id))
            await world.settle()

    run(before_restart)
    run(after_restart)
    assert emu.message(asked[0]).content == "Did you make your ask of Priya Shah?\n→ Made it"
    [ask] = world.asks(MEMBER)
    assert ask.status == AskStatus.MADE and ask.outcome == Outcome.YES
    assert emu.dms_to(MEMBER)[-1].content.startswith("Great outcome.")
    assert len(emu.identifies) == 2


def test_a_replayed_button_press_counts_once(world: World, emu: DiscordEmulator) -> None:
    world.enrol(MEMBER, "Ada")

    async def body() -> None:
        async with world.running():
            question = await _asked_in_the_morning_then_the_evening_question(world, emu)
            made = next(c for c in question.custom_ids() if c.endswith(":made"))
            await world.interact(emu.button_press(made, MEMBER, question.id))
            await world.settle()
            emu.replay_last()
            await world.settle(quiet=0.3)

    run(body)
    texts = [m.content for m in emu.dms_to(MEMBER)]
    assert texts.count("Nice — you asked. What happened?") == 1
    assert [r.type for r in emu.interaction_responses()] == [6], "the replay got no answer"
