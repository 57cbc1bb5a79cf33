"""Every recorded real Discord payload shape (tests/payloads/discord, from the API docs and a
captured gateway log) through the real discord.py against the emulator: the reply the member
expects, nothing for what is not the coach's, every interaction acknowledged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest

from emulators.discord import DiscordEmulator, RouteLimit
from tests.discord.conftest import World, run
from tests.payloads import load, names

pytestmark = pytest.mark.timeout(60)

MEMBER, GUILD, CHANNEL = 666, 500, 600  # the ids the recorded payloads were mapped to
QUIET_WAIT = 0.3


@pytest.fixture
def emu() -> Iterator[DiscordEmulator]:
    limits = {("POST", "/channels/{channel_id}/messages"): RouteLimit(20, 5.0)}
    with (
        DiscordEmulator(bot_id=1000, application_id=2000, route_limits=limits) as emulator,
        emulator.patch_discord(),
    ):
        emulator.add_user(MEMBER, "member666", global_name="Member 666")
        emulator.add_guild(GUILD, "Job Club", owner_id=MEMBER, members=[MEMBER], channels=[CHANNEL])
        yield emulator
        assert emulator.internal_errors() == []


def _dispatch_body(emu: DiscordEmulator, name: str) -> dict[str, Any]:
    """The recorded body, in the member's real DM channel, with a fresh message id."""
    text = json.dumps(load("discord", name)["body"])
    text = text.replace('"3666"', f'"{emu.dm_channel_id(MEMBER)}"')
    body: dict[str, Any] = json.loads(text)
    if "id" in body and name.startswith("discord_message_"):
        body["id"] = str(emu.snowflake())
    return body


def _event_of(name: str) -> str:
    if name.startswith("discord_message_create"):
        return "MESSAGE_CREATE"
    if name.startswith("discord_message_update"):
        return "MESSAGE_UPDATE"
    if name.startswith("discord_message_delete"):
        return "MESSAGE_DELETE"
    return {
        "discord_guild_create_new_server": "GUILD_CREATE",
        "discord_guild_delete_unavailable": "GUILD_DELETE",
        "discord_guild_member_add": "GUILD_MEMBER_ADD",
        "discord_thread_create": "THREAD_CREATE",
    }[name]


DISPATCHES = [n for n in names("discord") if load("discord", n)["kind"] == "dispatch"]


@pytest.mark.parametrize("name", DISPATCHES)
def test_each_recorded_gateway_event_gets_what_the_member_expects(
    world: World, emu: DiscordEmulator, name: str
) -> None:
    expect = load("discord", name)["expect"]
    world.enrol(MEMBER, "Member 666", community=str(GUILD))

    async def body() -> None:
        async with world.running():
            await world.dispatcher.deliver()  # the welcome of the enrolment
            before = len(emu.dms_to(MEMBER))
            emu.dispatch(_event_of(name), _dispatch_body(emu, name))
            if expect.get("reply"):
                await world.wait(lambda: len(emu.dms_to(MEMBER)) > before)
            await world.settle(quiet=QUIET_WAIT)
            if expect.get("quiet"):
                assert len(emu.dms_to(MEMBER)) == before
                assert emu.calls("POST", "/channels/{id}/messages")[before:] == []

    run(body)


def test_a_dm_with_an_attachment_is_read_by_its_words_and_the_file_not_fetched(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Member 666", community=str(GUILD))

    async def body() -> None:
        async with world.running():
            await world.dispatcher.deliver()  # the welcome of the enrolment
            before = len(emu.dms_to(MEMBER))
            emu.dispatch(
                "MESSAGE_CREATE", _dispatch_body(emu, "discord_message_create_dm_with_attachment")
            )
            await world.wait(lambda: len(emu.dms_to(MEMBER)) > before)
            await world.settle()
            assert emu.dms_to(MEMBER)[-1].content.startswith("That's a real ask:")

    run(body)
    [ask] = world.asks(MEMBER, str(GUILD))
    assert ask.text.lower() == "ask jen park for an intro to her manager at medtronic"
    assert not [c for c in emu.calls() if "attachments" in c.path]


@pytest.mark.parametrize(
    "name", ["discord_interaction_button_unknown", "discord_interaction_modal_unknown"]
)
def test_a_stale_button_or_form_is_acknowledged_with_a_short_ephemeral_note(
    world: World, emu: DiscordEmulator, name: str
) -> None:
    data = load("discord", name)["body"]["data"]

    async def body() -> None:
        async with world.running():
            bot_message = await emu_post(emu)
            if data.get("component_type") is not None:
                payload = emu.button_press(data["custom_id"], MEMBER, bot_message)
            else:
                payload = emu.modal_submit(data["custom_id"], {}, MEMBER)
            payload["data"] = data
            response = await world.interact(payload)
            assert response.type == 4, response
            assert response.data["flags"] & 64, "only the member sees it"
            assert response.data["content"].startswith("That button is from an older message")

    run(body)
    with world.db() as uow:
        assert uow.communities.all() == [], "nothing stored"


async def emu_post(emu: DiscordEmulator) -> int:
    """A message the bot posted in the member's DM (as an older version would have)."""
    channel = emu.dm_channel_id(MEMBER)
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{emu.api_base}/channels/{channel}/messages",
            json={"content": "Did you make your ask?"},
            headers={"Authorization": f"Bot {emu.token}"},
        ) as response,
    ):
        return int((await response.json())["id"])
