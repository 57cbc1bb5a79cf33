"""Discord sharding as an operator runs it: `askcoach run` twice on one database, as
DISCORD_SHARD_ID 0 and 1 of DISCORD_SHARD_COUNT 2 (the StatefulSet's two pods), against the
emulator, which routes like Discord: DMs to shard 0, each server's events to shard
`(server id >> 22) % 2`.

Shard 0 receives every DM and is the bot's only Discord sender; shard 1 answers its servers'
slash commands through the interaction and leaves everything else in the outbox."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

import adapters.discord
from adapters.discord import DM_COMMUNITY, DiscordAdapter, DiscordConfig, DmChannelStore
from askcoach.cli import main
from askcoach.runtime import App
from askcoach.settings import SettingsError, load_settings
from bot.inbox import Inbox
from emulators.discord import DiscordEmulator, StoredMessage, shard_for
from storage import Database
from tests.discord.conftest import GUILD, MEMBER, OTHER, World, run
from tests.ops.support import healthz

pytestmark = pytest.mark.timeout(60)

SHARD_1_GUILD = (1 << 22) | 1002  # (id >> 22) % 2 == 1; the Job Club (GUILD) is on shard 0
SHARD_1_CHANNEL = 2002
ORGANIZER = 4545  # owns the shard-1 server


class Shards:
    """One deployment with two Discord shards: each `running(k)` is a new `askcoach run`
    process (its own App: core, dispatcher, Inbox, adapter, scheduler) on the shared database
    and the shared (simulated) clock."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.emu = world.emu

    @contextlib.asynccontextmanager
    async def running(self, shard_id: int) -> AsyncIterator[App]:
        settings = replace(
            self.world.settings(),
            database_url=self.world.db.url,
            discord=replace(self.world.config(), shard_count=2, shard_id=shard_id),
        )
        app = App(settings, port=0, host="127.0.0.1", clock=self.world.clock)
        await app.start()
        try:
            await self.adapter(app).wait_until_ready()
            await self.emu.wait_until_async(self.adapter(app).connected)
            yield app
        finally:
            await app.stop()

    @staticmethod
    def adapter(app: App) -> DiscordAdapter:
        [adapter] = app.adapters
        assert isinstance(adapter, DiscordAdapter)
        return adapter

    def channel_posts(self) -> int:
        """Messages posted through the bot token (DMs and channel posts; not interaction
        answers, which go through the interaction's webhook)."""
        return len(self.emu.calls("POST", "/channels/{id}/messages"))

    async def slash(self, name: str, options: dict[str, Any] | None, user: int) -> list[str]:
        """A slash command in the shard-1 server; the texts of its answer in the interaction."""
        payload = self.emu.slash_command(name, options, user, guild_id=SHARD_1_GUILD)
        assert self.emu.dispatch("INTERACTION_CREATE", payload) == 1, "one shard gets it"
        response = await self.emu.wait_for_interaction_response_async(int(payload["id"]))
        assert response.type == 5 and response.data.get("flags") == 64  # deferred, ephemeral
        iid = int(payload["id"])

        def answered() -> list[StoredMessage] | None:
            messages = [m for m in self.emu.messages_to(SHARD_1_CHANNEL) if m.interaction_id == iid]
            settled = messages and all(m.deleted or not m.flags & 128 for m in messages)
            return messages if settled else None

        messages = await self.emu.wait_until_async(answered)
        return [m.content for m in messages if not m.deleted]


@pytest.fixture
def shards(world: World, emu: DiscordEmulator, monkeypatch: pytest.MonkeyPatch) -> Shards:
    assert shard_for(GUILD, 2) == 0 and shard_for(SHARD_1_GUILD, 2) == 1
    emu.add_user(ORGANIZER, "di", global_name="Di")
    emu.add_guild(
        SHARD_1_GUILD,
        "Second Club",
        owner_id=ORGANIZER,
        members=[ORGANIZER, OTHER],
        channels=[{"id": SHARD_1_CHANNEL, "name": "asks"}],
    )

    def quick_adapter(
        config: DiscordConfig, inbox: Inbox, db: Database, store: DmChannelStore | None
    ) -> DiscordAdapter:
        # discord.py waits guild_ready_timeout (2 s) after the last GUILD_CREATE before READY
        return DiscordAdapter(config, inbox, db, store, guild_ready_timeout=0.05)

    monkeypatch.setattr(adapters.discord, "build_discord_adapter", quick_adapter)
    return Shards(world)


def test_a_dm_reaches_only_shard_0_which_answers_it(
    shards: Shards, world: World, emu: DiscordEmulator
) -> None:
    health: dict[int, dict[str, Any]] = {}

    async def body() -> None:
        async with shards.running(0) as zero, shards.running(1) as one:
            assert [g.id for g in shards.adapter(zero).client.guilds] == [GUILD]
            assert [g.id for g in shards.adapter(one).client.guilds] == [SHARD_1_GUILD]
            assert emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "hi")) == 1
            [hello] = await emu.wait_for_messages_async(emu.dm_channel_id(MEMBER))
            assert hello.content.startswith("Hi Ada! I'm your ask coach.")
            async with aiohttp.ClientSession() as http:
                for shard, app in ((0, zero), (1, one)):
                    status, health[shard] = await healthz(http, app)
                    assert status == 200, health[shard]

    run(body)
    assert [s.shard for s in emu.sent("MESSAGE_CREATE")] == [(0, 2)]
    assert sorted(i["shard"] for i in emu.identifies) == [[0, 2], [1, 2]]
    assert health[0]["platforms"] == {"discord": "connected (shard 0/2)"}
    assert health[1]["platforms"] == {"discord": "connected (shard 1/2)"}
    # Shard 0 sees its own server, where the newcomer is a member: their DM belongs there
    # (never to a community shared by strangers).
    assert world.member(MEMBER, str(GUILD)) is not None
    assert world.member(MEMBER, DM_COMMUNITY) is None
    [sync] = emu.calls("PUT", "/applications/{app}/commands")  # global commands: shard 0 only
    assert {c["name"] for c in sync.json} >= {"ask", "settings"}


def test_a_slash_command_in_a_shard_1_server_is_answered_by_shard_1_in_the_interaction(
    shards: Shards, world: World, emu: DiscordEmulator
) -> None:
    world.enrol(OTHER, "Bo", community=str(SHARD_1_GUILD))

    async def body() -> None:
        async with shards.running(0), shards.running(1):
            await emu.wait_until_async(lambda: world.pending() == 0)  # shard 0 sent the welcome
            posts = shards.channel_posts()
            answer = await shards.slash(
                "ask", {"text": "Priya Shah for a referral at Target"}, OTHER
            )
            assert answer[0].startswith("That's a real ask: Priya Shah, a referral at Target")
            await emu.wait_until_async(lambda: world.pending() == 0)  # marked sent
            assert shards.channel_posts() == posts, "answered in the interaction, not posted"

    run(body)
    [interaction] = emu.sent("INTERACTION_CREATE")
    assert interaction.shard == (1, 2)
    [ask] = world.asks(OTHER, str(SHARD_1_GUILD))
    assert ask.verdict == "specific"
    assert emu.calls("PATCH", "/webhooks/{app}/{token}/messages/@original")


def test_what_shard_1_cannot_answer_in_an_interaction_waits_for_shard_0(
    shards: Shards, world: World, emu: DiscordEmulator
) -> None:
    """Shard 1 alone: a new member's welcome, a check-in that falls due and an answer whose
    interaction has expired all wait in the outbox; shard 1 posts nothing with the bot token.
    When shard 0 starts, it delivers them all by DM."""
    world.enrol(OTHER, "Bo", community=str(SHARD_1_GUILD))  # welcome + "You're set"

    async def body() -> None:
        async with shards.running(1) as one:
            world.clock.advance(timedelta(hours=1))  # 09:00, Bo's check-in time
            report = await one.dispatcher.tick()
            assert report.dispatch.queued == 1 and report.delivery == {}
            emu.queue_error(  # what Discord answers once the 15-minute token has run out
                "PATCH",
                "/webhooks/{app}/{token}/messages/@original",
                status=401,
                json_body={"message": "Invalid Webhook Token", "code": 50027},
            )
            assert await shards.slash("stats", None, OTHER) == [], "placeholder removed"
            assert world.pending() == 4
            handed_over = one.metrics.registry.get_sample_value(
                "askcoach_messages_total", {"platform": "discord", "result": "handed_over"}
            )
            assert handed_over == 1
            assert shards.channel_posts() == 0
            assert emu.dm_opens() == 0
            async with shards.running(0):  # its first tick delivers the outbox
                await emu.wait_until_async(lambda: world.pending() == 0)

    run(body)
    texts = [m.content for m in emu.dms_to(OTHER)]
    assert len(texts) == 4 and shards.channel_posts() == 4
    assert texts[0].startswith("Hi Bo! I'm your ask coach.")
    assert texts[1].startswith("You're set:")
    assert sum(t.startswith("Morning, Bo!") for t in texts) == 1
    assert sum(t.startswith("Asks: 0 specific") for t in texts) == 1


def test_an_organizer_of_a_shard_1_server_is_an_organizer_in_dms_to_shard_0(
    shards: Shards, world: World, emu: DiscordEmulator
) -> None:
    world.enrol(ORGANIZER, "Di", community=str(SHARD_1_GUILD))
    world.enrol(OTHER, "Bo", community=str(SHARD_1_GUILD))

    async def body() -> None:
        async with shards.running(0):
            await emu.wait_until_async(lambda: world.pending() == 0)
            for user, words in ((OTHER, "admin time 07:00"), (ORGANIZER, "admin time 07:30")):
                before = len(emu.dms_to(user))
                assert emu.dispatch("MESSAGE_CREATE", emu.dm_message(user, words)) == 1
                await emu.wait_until_async(lambda u=user, n=before: len(emu.dms_to(u)) > n)

    run(body)
    assert emu.dms_to(OTHER)[-1].content == (
        "Only the group's admins or coaches can change its settings."
    )
    assert emu.dms_to(ORGANIZER)[-1].content.startswith("New members will be asked at 07:30.")
    community = world.community(str(SHARD_1_GUILD))
    assert community is not None and community.checkin_time.hour == 7
    assert community.checkin_time.minute == 30
    assert emu.calls("GET", f"/guilds/{SHARD_1_GUILD}"), "shard 0 looked the server up"


@pytest.mark.parametrize(
    ("count", "shard", "problem"),
    [
        ("0", None, "DISCORD_SHARD_COUNT must be a whole number from 1 to 1000, not '0'"),
        ("two", None, "DISCORD_SHARD_COUNT must be a whole number from 1 to 1000, not 'two'"),
        ("1.5", None, "DISCORD_SHARD_COUNT must be a whole number from 1 to 1000, not '1.5'"),
        ("1001", None, "DISCORD_SHARD_COUNT must be a whole number from 1 to 1000, not '1001'"),
        ("2", "2", "DISCORD_SHARD_ID must be a whole number from 0 to 1 (shards are numbered"),
        ("2", "-1", "DISCORD_SHARD_ID must be a whole number from 0 to 1"),
        (None, "1", "DISCORD_SHARD_ID must be a whole number from 0 to 0"),
        ("4", "²", "DISCORD_SHARD_ID must be a whole number from 0 to 3"),
    ],
)
def test_a_bad_shard_setting_stops_start_up_with_a_clear_message(
    count: str | None,
    shard: str | None,
    problem: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the working directory
    monkeypatch.setenv("DISCORD_TOKEN", "a-token")
    for name, value in (("DISCORD_SHARD_COUNT", count), ("DISCORD_SHARD_ID", shard)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=problem.replace("(", r"\(")):
        load_settings(env_file=None)
    assert main(["run"]) == 2
    assert capsys.readouterr().err.startswith(f"askcoach: {problem}")


def test_shard_settings_default_to_one_unsharded_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISCORD_SHARD_COUNT", raising=False)
    monkeypatch.delenv("DISCORD_SHARD_ID", raising=False)
    settings = load_settings(env_file=None)
    assert (settings.discord.shard_count, settings.discord.shard_id) == (1, 0)
    monkeypatch.setenv("DISCORD_SHARD_COUNT", "4")
    monkeypatch.setenv("DISCORD_SHARD_ID", "3")
    settings = load_settings(env_file=None)
    assert (settings.discord.shard_count, settings.discord.shard_id) == (4, 3)
