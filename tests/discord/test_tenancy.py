"""A Discord DM belongs to a server the member actually shares with the bot: members of
different servers never meet in one community (issue 15's leak, reproduced with two servers)."""

from __future__ import annotations

import pytest

from adapters.discord import DM_COMMUNITY
from emulators.discord import DiscordEmulator
from tests.discord.conftest import World, run

pytestmark = pytest.mark.timeout(60)

CROSSCORP, NORTHWIND = 500, 501  # two servers the bot is in
ANA, BEA, CAL = 901, 902, 903  # Ana: Crosscorp only; Bea: Northwind only; Cal: both


@pytest.fixture
def servers(emu: DiscordEmulator) -> DiscordEmulator:
    emu.add_user(ANA, "ana", global_name="Ana")
    emu.add_user(BEA, "bea", global_name="Bea")
    emu.add_user(CAL, "cal", global_name="Cal")
    emu.add_guild(CROSSCORP, "Crosscorp Alumni", owner_id=ANA, members=[ANA, CAL])
    emu.add_guild(NORTHWIND, "Northwind Jobs", owner_id=BEA, members=[BEA, CAL])
    return emu


def test_members_of_different_servers_never_meet_through_dms(
    world: World, servers: DiscordEmulator
) -> None:
    """The issue's leak: both first wrote by DM; Bea said she knows people at Crosscorp, Ana
    targeted Crosscorp, and Ana was offered Bea's help (and Bea told about Ana)."""

    async def body() -> None:
        async with world.running():
            for user in (ANA, BEA):
                await world.dm(user, "hi")
                await world.dm(user, "ok")
            await world.dm(BEA, "know Crosscorp")
            await world.dm(ANA, "target add Crosscorp")

    run(body)
    for message in servers.dms_to(ANA):
        assert "Bea" not in message.content and "Yes, ask" not in str(message.components)
    for message in servers.dms_to(BEA):
        assert "Ana" not in message.content and "introduction" not in message.content
    ana, bea = world.member(ANA, str(CROSSCORP)), world.member(BEA, str(NORTHWIND))
    assert ana is not None and ana.onboarded and bea is not None and bea.onboarded
    assert world.community(DM_COMMUNITY) is None
    assert world.member(ANA, str(NORTHWIND)) is None and world.member(BEA, str(CROSSCORP)) is None


def test_a_member_of_two_servers_is_asked_which_and_their_dm_is_answered_there(
    world: World, servers: DiscordEmulator
) -> None:
    async def body() -> None:
        async with world.running():
            servers.dispatch("MESSAGE_CREATE", servers.dm_message(CAL, "hi"))
            [question] = await servers.wait_for_messages_async(servers.dm_channel_id(CAL))
            assert question.content.startswith(
                "You're in Crosscorp Alumni and Northwind Jobs, and I coach each group separately."
            )
            ids = question.custom_ids()
            assert len(ids) == 2 and all(i.startswith("askcoach:home:") for i in ids)
            [northwind] = [i for i in ids if f":{NORTHWIND}:" in i]
            press = servers.button_press(northwind, CAL, question.id)
            await world.interact(press)
            await world.wait(lambda: len(servers.dms_to(CAL)) >= 2)
            await world.settle()
            assert servers.message(question.id).custom_ids() == [], "the question is answered"
            [hello] = [m.content for m in servers.dms_to(CAL)[1:]]
            assert hello.startswith("Hi Cal! I'm your ask coach.")
            [set_up] = await world.dm(CAL, "ok")  # no second question: the choice sticks
            assert set_up.startswith("You're set:")

    run(body)
    cal = world.member(CAL, str(NORTHWIND))
    assert cal is not None and cal.onboarded
    assert world.member(CAL, str(CROSSCORP)) is None and world.community(DM_COMMUNITY) is None


def test_someone_in_none_of_the_servers_is_told_so_and_nothing_is_stored(
    world: World, servers: DiscordEmulator
) -> None:
    servers.add_user(904, "dee", global_name="Dee")

    async def body() -> None:
        async with world.running():
            [reply] = await world.dm(904, "hi")
            assert reply.startswith("Hi! I coach the members of the servers I'm in")

    run(body)
    assert world.community(DM_COMMUNITY) is None
    with world.db() as uow:
        assert all(uow.members.in_community(c.id or 0) == [] for c in uow.communities.all())


def test_a_forged_server_choice_changes_nothing(world: World, servers: DiscordEmulator) -> None:
    async def body() -> None:
        async with world.running():
            await world.dm(ANA, "hi")
            forged = servers.button_press(f"askcoach:home:{NORTHWIND}:0", ANA, 424242)
            response = await world.interact(forged)
            assert response.data["flags"] & 64, "an ephemeral note"
            assert response.data["content"].startswith("That button is from an older message")

    run(body)
    assert world.member(ANA, str(NORTHWIND)) is None
    assert world.member(ANA, str(CROSSCORP)) is not None
