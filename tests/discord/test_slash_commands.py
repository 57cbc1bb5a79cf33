"""Every slash command reaches the core as its chat word and is answered in the interaction."""

from __future__ import annotations

import json

import pytest

from emulators.discord import DiscordEmulator, StoredMessage
from tests.discord.conftest import (
    CHANNEL,
    COACH,
    COACH_ROLE,
    GUILD,
    MEMBER,
    OTHER,
    World,
    run,
)

pytestmark = pytest.mark.timeout(60)


def _text(messages: list[StoredMessage]) -> str:
    return "\n".join(m.content for m in messages)


def test_each_member_command_answers_privately_in_the_server(
    world: World, emu: DiscordEmulator
) -> None:
    answers: dict[str, str] = {}
    export: list[StoredMessage] = []

    async def body() -> None:
        async with world.running():
            first = await world.slash("help", None, MEMBER)
            assert _text(first).startswith("Hi Ada! I'm your ask coach.")
            await world.dm(MEMBER, "ok")  # the DM meets the member the server created
            commands: list[tuple[str, str, dict[str, object] | None]] = [
                ("help", "help", None),
                ("ask", "ask", {"text": "Priya Shah for a referral at Target"}),
                ("gave", "gave", {"text": "Sam an intro to my old manager"}),
                ("stats", "stats", None),
                ("targets add", "targets", {"add": "Medtronic"}),
                ("targets", "targets", None),
                ("targets remove", "targets", {"remove": "Medtronic"}),
                ("know", "know", {"company": "Target"}),
                ("checkin time", "checkin time", {"at": "08:30"}),
                ("checkin timezone", "checkin timezone", {"zone": "Europe/Berlin"}),
                ("checkin days", "checkin days", {"days": "mon,wed,fri"}),
                ("checkin pause", "checkin pause", {"days": 3}),
                ("checkin resume", "checkin resume", None),
                ("export", "export", None),
                ("forget", "forget", None),
            ]
            for label, name, options in commands:
                messages = await world.slash(name, options, MEMBER)
                assert all(m.ephemeral for m in messages), label
                answers[label] = _text(messages)
                if label == "export":
                    export.extend(messages)
            [gone] = await world.dm(MEMBER, "yes, delete")
            assert gone.startswith("Done — I've deleted everything about you.")

    run(body)
    assert answers["help"].startswith("I'm your ask coach.")
    assert answers["ask"].startswith("That's a real ask: Priya Shah, a referral at Target")
    assert answers["gave"].startswith("Logged your give: Sam an intro to my old manager.")
    assert answers["stats"].startswith("Asks: 1 specific of 1 planned")
    assert answers["targets add"].startswith("Added Medtronic.")
    assert answers["targets"] == "Your targets: Medtronic. Who do you know at one of them?"
    assert answers["targets remove"] == "Removed Medtronic from your targets."
    assert answers["know"].startswith("Noted: you know people at Target.")
    assert answers["checkin time"] == "Done: check-ins mon-fri at 08:30 (UTC)."
    assert answers["checkin timezone"] == "Done: check-ins mon-fri at 08:30 (Europe/Berlin)."
    assert answers["checkin days"].startswith("Done: check-ins")
    assert answers["checkin pause"].startswith("Paused until")
    assert answers["checkin resume"].startswith("Welcome back!")
    assert answers["forget"].startswith("This deletes everything I hold about you (1 ask,")
    [original] = export
    assert original.content.startswith("Here's everything I hold about you:")
    record = json.loads(original.content.split("\n", 1)[1])
    assert "Priya Shah" in json.dumps(record)
    assert world.member(MEMBER) is None, "forgotten"
    deferrals = [r for r in emu.interaction_responses() if r.type == 5]
    assert deferrals and all(r.data.get("flags") == 64 for r in deferrals)
    for call in emu.calls("PATCH", "/webhooks/{app}/{token}/messages/@original"):
        assert call.json["allowed_mentions"] == {"parse": []}
    assert not emu.messages_to(CHANNEL) or all(m.ephemeral for m in emu.messages_to(CHANNEL))


def test_a_slash_command_in_the_dm_answers_there(world: World, emu: DiscordEmulator) -> None:
    world.enrol(MEMBER, "Ada")

    async def body() -> None:
        async with world.running():
            [answer] = await world.slash("stats", None, MEMBER, guild=None)
            assert answer.content.startswith("Asks: 0 specific") and not answer.ephemeral
            assert answer.channel_id == emu.dm_channel_id(MEMBER)

    run(body)


def test_server_settings_are_for_managers_and_the_coach_role_only(
    world: World, emu: DiscordEmulator
) -> None:
    for user, name in ((MEMBER, "Ada"), (OTHER, "Bo"), (COACH, "Cy")):
        world.enrol(user, name)

    async def settings(user: int, sub: str, options: dict[str, object] | None = None) -> str:
        payload = emu.slash_command(f"settings {sub}", options, user, guild_id=GUILD)
        return await world.ephemeral_answer(payload)

    async def body() -> None:
        async with world.running():
            refused = await settings(OTHER, "channel", {"channel": str(CHANNEL)})
            assert refused == "Only the group's admins or coaches can change its settings."
            assert await settings(COACH, "time", {"at": "08:00"}) == refused
            done = await settings(MEMBER, "channel", {"channel": str(CHANNEL)})
            assert done == f"Group digests and reports will go to <#{CHANNEL}>."
            role = await settings(MEMBER, "coach-role", {"role": str(COACH_ROLE)})
            assert role == f"Members with the role <@&{COACH_ROLE}> can now change settings."
            # Cy has the coach role now, so Cy may change settings; Bo still may not.
            assert (await settings(COACH, "time", {"at": "08:00"})).startswith(
                "New members will be asked at 08:00."
            )
            assert await settings(OTHER, "timezone", {"zone": "Europe/Paris"}) == refused
            shown = await settings(MEMBER, "show")
            assert shown.endswith(f"coach role: <@&{COACH_ROLE}>")

    run(body)
    community = world.community(str(GUILD))
    assert community is not None
    assert community.report_channel == str(CHANNEL)
    assert community.coach_role == str(COACH_ROLE)
    assert community.timezone == "UTC" and community.checkin_time.hour == 8
    for message in emu.messages_to(emu.dm_channel_id(MEMBER)) + emu.messages_to(CHANNEL):
        assert not message.pings.any
