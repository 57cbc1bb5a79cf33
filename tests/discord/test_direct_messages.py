"""A member talks to the coach in DMs: onboarding to a recorded ask, safety, bad input."""

from __future__ import annotations

import pytest

from adapters.discord import DM_COMMUNITY
from bot.domain import AskStatus
from emulators.discord import DiscordEmulator
from tests.discord.conftest import GUILD, MEMBER, OTHER, World, run

pytestmark = pytest.mark.timeout(60)


def test_dm_from_first_hello_to_a_recorded_specific_ask(world: World, emu: DiscordEmulator) -> None:
    async def body() -> None:
        async with world.running():
            [hello] = await world.dm(MEMBER, "hi")
            assert hello.startswith("Hi Ada! I'm your ask coach.")
            [set_up] = await world.dm(MEMBER, "ok")
            assert set_up.startswith("You're set:")
            [question] = await world.dm(MEMBER, "go to the tech tuesday mixer tonight")
            assert "Who will you ask, and for what?" in question
            [noted] = await world.dm(
                MEMBER,
                "I will ask Jen Park to introduce me to her manager at Medtronic",
            )
            assert noted.startswith("That's a real ask:")

    run(body)
    [ask] = world.asks(MEMBER)
    assert ask.verdict == "specific" and ask.status == AskStatus.OPEN
    assert ask.text == "I will ask Jen Park to introduce me to her manager at Medtronic"
    community = world.community(str(GUILD))
    assert community is not None, "the bot's only server is the DM's community"
    sends = emu.calls("POST", "/channels/{id}/messages")
    assert len(sends) == 4 and all(c.status == 200 for c in sends)
    assert all(c.json["allowed_mentions"] == {"parse": []} for c in sends)
    nonces = [c.json["nonce"] for c in sends]
    assert all(c.json["enforce_nonce"] is True for c in sends)
    assert len(set(nonces)) == 4 and all(len(n) <= 25 for n in nonces)
    assert emu.dm_opens(MEMBER) == 0, "the DM channel came with the member's message"


async def _onboard(world: World, user: int = MEMBER) -> None:
    await world.dm(user, "hi")
    await world.dm(user, "ok")


def test_member_text_never_pings_anyone(world: World, emu: DiscordEmulator) -> None:
    text = "gave @everyone @here <@&3001> <@4343> a review of their resume"

    async def body() -> None:
        async with world.running():
            await _onboard(world)
            [echo] = await world.dm(MEMBER, text)
            assert "@everyone" in echo and "<@&3001>" in echo and "<@4343>" in echo

    run(body)
    for message in emu.dms_to(MEMBER):
        assert message.allowed_mentions == {"parse": []}
        assert not message.pings.any, message.content
        assert message.message["mention_everyone"] is False


def test_a_4000_character_message_gets_a_friendly_error_and_changes_nothing(
    world: World, emu: DiscordEmulator
) -> None:
    async def body() -> None:
        async with world.running():
            await _onboard(world)
            [error] = await world.dm(MEMBER, "Ask Priya for a referral. " + "x" * 3974)
            assert error.startswith("That's a long one (4,000 characters).")

    run(body)
    assert world.asks(MEMBER) == []


def test_a_dm_sent_while_disconnected_is_handled_once_after_resume(
    world: World, emu: DiscordEmulator
) -> None:
    async def body() -> None:
        async with world.running():
            await world.dm(MEMBER, "hi")
            emu.drop_connection(4000, hold_reconnect=True)
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "ok"))
            emu.release_reconnect()
            await emu.wait_for_resume_async(timeout=10)
            await world.wait(lambda: len(emu.dms_to(MEMBER)) == 2)
            await world.settle()

    run(body)
    assert len(emu.identifies) == 1, "resumed, not re-identified"
    assert [m.content.split(":")[0] for m in emu.dms_to(MEMBER)][1] == "You're set"
    member = world.member(MEMBER)
    assert member is not None and member.onboarded


def test_a_replayed_dm_is_handled_once(world: World, emu: DiscordEmulator) -> None:
    async def body() -> None:
        async with world.running():
            await _onboard(world)
            await world.dm(MEMBER, "Ask Priya Shah for a referral at Target", message_id=777)
            emu.replay_last()
            await world.wait(lambda: len(emu.sent("MESSAGE_CREATE")) >= 4)
            await world.settle(quiet=0.2)

    run(body)
    assert len(world.asks(MEMBER)) == 1
    assert len(emu.dms_to(MEMBER)) == 3, "one reply to the ask, none to its replay"


def test_which_community_a_dm_belongs_to(world: World, emu: DiscordEmulator) -> None:
    """The server the member shares with the bot; among several, the one the coach already
    has them in. The answer sticks: a member's DMs always meet the same member."""
    emu.add_guild(1002, "Second Club", owner_id=OTHER, members=[OTHER, 4545])
    world.enrol(OTHER, "Bo", community="1002")

    async def body() -> None:
        async with world.running():
            await world.dm(4545, "hi")  # new, and only in the second server
            await world.dm(OTHER, "stats")  # in both servers, known in the second
            await world.dm(4545, "ok")

    run(body)
    stranger = world.member(4545, "1002")
    assert stranger is not None and stranger.onboarded
    assert world.member(4545, str(GUILD)) is None and world.community(DM_COMMUNITY) is None
    bo = world.member(OTHER, "1002")
    assert bo is not None and bo.onboarded
    assert world.member(OTHER, str(GUILD)) is None and world.member(OTHER, DM_COMMUNITY) is None
    stats = emu.dms_to(OTHER)[-1].content
    assert stats.startswith("Asks: 0 specific")


def test_organizer_words_in_a_dm_follow_server_permissions(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Ada")  # the server's owner
    world.enrol(OTHER, "Bo")

    async def body() -> None:
        async with world.running():
            *_, refused = await world.dm(OTHER, "admin time 07:00")  # after the welcome
            assert refused == "Only the group's admins or coaches can change its settings."
            *_, done = await world.dm(MEMBER, "admin time 07:00")
            assert done.startswith("New members will be asked at 07:00.")

    run(body)
    community = world.community(str(GUILD))
    assert community is not None and community.checkin_time.hour == 7
