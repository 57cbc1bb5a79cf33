"""`/settings dashboard`: a server manager gets a one-time sign-in link, privately in the
interaction; anyone else gets the organizers-only answer and no link."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from emulators.discord import DiscordEmulator
from tests.discord.conftest import GUILD, MEMBER, OTHER, World, run

pytestmark = pytest.mark.timeout(60)
URL = "https://coach.example.org"


def test_settings_dashboard_answers_an_organizer_with_a_private_link(
    world: World, emu: DiscordEmulator
) -> None:
    world.coach.settings = replace(world.coach.settings, public_url=URL)
    for user, name in ((MEMBER, "Ada"), (OTHER, "Bo")):
        world.enrol(user, name)
    answers: dict[int, tuple[str, bool]] = {}

    async def body() -> None:
        async with world.running():
            for user in (MEMBER, OTHER):
                payload = emu.slash_command("settings dashboard", None, user, guild_id=GUILD)
                await world.interact(payload)
                await world.settle()
                [answer] = [
                    m
                    for m in emu.messages_to(int(payload["channel_id"]))
                    if m.interaction_id == int(payload["id"])
                ]
                answers[user] = (answer.content, answer.ephemeral)

    run(body)
    link, private = answers[MEMBER]
    assert private
    assert re.search(rf"{re.escape(URL)}/dashboard/sign-in/[A-Za-z0-9_-]{{43}}", link)
    refused, private = answers[OTHER]
    assert private and "dashboard/sign-in" not in refused
    assert refused == "Only the group's admins or coaches can change its settings."
