"""The Discord emulator, proven with the real discord.py (no internet, fake token)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands

from adapters.discord.adapter import guilds_arrived
from emulators.discord import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILDS,
    PNG_SIGNATURE,
    DiscordEmulator,
    RouteLimit,
    resolve_pings,
)

pytestmark = pytest.mark.timeout(60)

MEMBER = 4242
OTHER = 4343
GUILD = 1001
CHANNEL = 2001
TINY_PNG = PNG_SIGNATURE + b"\x00\x00\x00\rIHDR" + b"\x00" * 17


@pytest.fixture
def emu() -> Iterator[DiscordEmulator]:
    with DiscordEmulator() as emulator, emulator.patch_discord():
        emulator.add_user(MEMBER, "ada")
        emulator.add_guild(
            GUILD,
            "Job Club",
            owner_id=MEMBER,
            members=[MEMBER, OTHER],
            roles=[{"id": 3001, "name": "coach", "permissions": "32"}],
            channels=[{"id": CHANNEL, "name": "asks"}],
        )
        yield emulator
        assert emulator.internal_errors() == []


def make_intents(**flags: bool) -> discord.Intents:
    intents = discord.Intents.none()
    for name, value in flags.items():
        setattr(intents, name, value)
    return intents


def default_client(**kwargs: Any) -> discord.Client:
    intents = make_intents(guilds=True, dm_messages=True)
    return discord.Client(intents=intents, guild_ready_timeout=0.05, **kwargs)


@contextlib.asynccontextmanager
async def running(client: discord.Client, emu: DiscordEmulator) -> AsyncIterator[None]:
    """Start the client against the emulator, yield once it is ready, close cleanly."""
    task = asyncio.create_task(client.start(emu.token))
    try:
        await asyncio.wait_for(guilds_arrived(client), 10)
        yield
    finally:
        await client.close()
        await asyncio.wait_for(task, 10)


def run(coro_fn: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(asyncio.wait_for(coro_fn(), 30))


# --------------------------------------------------------------------------------------------
# Login, READY, GUILD_CREATE
# --------------------------------------------------------------------------------------------


def test_login_ready_and_guild_create(emu: DiscordEmulator) -> None:
    client = default_client()

    async def body() -> None:
        async with running(client, emu):
            guild = client.get_guild(GUILD)
            assert guild is not None and guild.name == "Job Club"
            assert guild.owner_id == MEMBER
            assert guild.get_channel(CHANNEL) is not None
            assert guild.me is not None
            assert client.user is not None and client.user.id == emu.bot_id
            assert client.application_id == emu.application_id

    run(body)
    identify = emu.identifies[0]
    assert identify["token"] == emu.token
    assert identify["intents"] == INTENT_GUILDS | INTENT_DIRECT_MESSAGES
    me = emu.calls("GET", "/users/@me")[0]
    assert me.authorization == f"Bot {emu.token}"
    assert [s.event for s in emu.sent()][:2] == ["READY", "GUILD_CREATE"]
    assert emu.gateway_queries[0]["compress"] == "zlib-stream"  # discord.py's default
    assert emu.ops_received(1), "discord.py heartbeats right after HELLO"


def test_unknown_token_is_401_and_login_failure(emu: DiscordEmulator) -> None:
    client = default_client()

    async def body() -> None:
        with pytest.raises(discord.LoginFailure):
            await client.login("not-the-token")
        await client.close()

    run(body)
    call = emu.calls("GET", "/users/@me")[0]
    assert call.status == 401
    assert call.response == {"message": "401: Unauthorized", "code": 0}


def test_privileged_intents_are_refused(emu: DiscordEmulator) -> None:
    client = discord.Client(intents=make_intents(guilds=True, members=True))

    async def body() -> None:
        with pytest.raises(discord.PrivilegedIntentsRequired):
            await client.start(emu.token)
        await client.close()

    run(body)


# --------------------------------------------------------------------------------------------
# DMs, allowed_mentions, intents
# --------------------------------------------------------------------------------------------


def test_dm_message_create_and_reply_without_pings(emu: DiscordEmulator) -> None:
    client = default_client()
    seen: list[discord.Message] = []

    @client.event
    async def on_message(message: discord.Message) -> None:
        if message.author.bot:
            return
        seen.append(message)
        await message.channel.send(
            f"You said: {message.content}", allowed_mentions=discord.AllowedMentions.none()
        )

    async def body() -> None:
        async with running(client, emu):
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "ping @everyone <@4343>"))
            await emu.wait_for_messages_async(count=1)

    run(body)
    assert seen[0].guild is None and isinstance(seen[0].channel, discord.DMChannel)
    assert seen[0].author.id == MEMBER
    [reply] = emu.dms_to(MEMBER)
    assert reply.content == "You said: ping @everyone <@4343>"
    assert reply.allowed_mentions == {"parse": []}
    assert not reply.pings.any
    assert reply.message["mention_everyone"] is False


def test_dm_without_dm_intent_is_filtered(emu: DiscordEmulator) -> None:
    client = discord.Client(intents=make_intents(guilds=True), guild_ready_timeout=0.05)
    seen: list[discord.Message] = []

    @client.event
    async def on_message(message: discord.Message) -> None:
        seen.append(message)

    async def body() -> None:
        async with running(client, emu):
            assert emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "hello")) == 0
            await asyncio.sleep(0.1)

    run(body)
    assert seen == []
    assert [event for _, event, _ in emu.filtered()] == ["MESSAGE_CREATE"]


def test_resolve_pings_follows_discord_rules() -> None:
    text = "@everyone hi <@1> <@!2> <@&3>"
    everything = resolve_pings(text, None)
    assert everything.everyone and everything.users == {1, 2} and everything.roles == {3}
    only_user = resolve_pings(text, {"parse": [], "users": ["2"]})
    assert not only_user.everyone and only_user.users == {2} and not only_user.roles


# --------------------------------------------------------------------------------------------
# Application commands, components, modals
# --------------------------------------------------------------------------------------------


class AskModal(discord.ui.Modal, title="Today's ask"):
    who: discord.ui.TextInput[AskModal] = discord.ui.TextInput(
        label="Who will you ask?", custom_id="who"
    )
    what: discord.ui.TextInput[AskModal] = discord.ui.TextInput(label="For what?", custom_id="what")

    def __init__(self, results: list[tuple[str, str]]) -> None:
        super().__init__(custom_id="askcoach:ask-modal", timeout=None)
        self.results = results

    async def on_submit(self, interaction: discord.Interaction) -> None:
        self.results.append((self.who.value, self.what.value))
        await interaction.response.send_message("Recorded.", ephemeral=True)


def command_client(
    emu: DiscordEmulator, results: list[Any], guild: bool = False
) -> tuple[discord.Client, app_commands.CommandTree[discord.Client]]:
    client = default_client()
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)

    @tree.command(name="ask", description="Record today's ask")
    async def ask(interaction: discord.Interaction, text: str, days: int = 1) -> None:
        results.append((text, days, interaction.user.id))
        await interaction.response.send_message(
            f"Noted: {text}", ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    @tree.command(name="plan", description="Plan an ask in a form")
    async def plan(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(AskModal(results))

    async def setup_hook() -> None:
        if guild:
            tree.copy_global_to(guild=discord.Object(GUILD))
            await tree.sync(guild=discord.Object(GUILD))
        else:
            await tree.sync()

    client.setup_hook = setup_hook  # type: ignore[method-assign]
    return client, tree


def test_slash_command_sync_and_invoke(emu: DiscordEmulator) -> None:
    results: list[Any] = []
    client, _ = command_client(emu, results)

    async def body() -> None:
        async with running(client, emu):
            interaction = emu.slash_command("ask", {"text": "Ask Sam for an intro"}, MEMBER)
            emu.dispatch("INTERACTION_CREATE", interaction)
            response = await emu.wait_for_interaction_response_async(int(interaction["id"]))
            assert response.type == 4
            assert response.data["content"] == "Noted: Ask Sam for an intro"
            assert response.data["flags"] == 64
            assert response.data["allowed_mentions"] == {"parse": []}

    run(body)
    [sync] = emu.calls("PUT", "/applications/{app}/commands")
    assert {c["name"] for c in sync.json} == {"ask", "plan"}
    commands = {c["name"]: c for c in emu.commands()}
    assert commands["ask"]["options"][0]["name"] == "text"
    assert results == [("Ask Sam for an intro", 1, MEMBER)]
    assert emu.messages_to(emu.dm_channel_id(MEMBER))[0].ephemeral


def test_guild_slash_command_with_member_permissions(emu: DiscordEmulator) -> None:
    results: list[Any] = []
    client, _ = command_client(emu, results, guild=True)
    perms: list[discord.Permissions] = []

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        perms.append(interaction.permissions)

    async def body() -> None:
        async with running(client, emu):
            payload = emu.slash_command("ask", {"text": "x", "days": 3}, OTHER, guild_id=GUILD)
            emu.dispatch("INTERACTION_CREATE", payload)
            await emu.wait_for_interaction_response_async(int(payload["id"]))

    run(body)
    assert emu.commands(GUILD) and emu.calls("PUT", "/applications/*/guilds/1001/commands")
    assert results == [("x", 3, OTHER)]
    assert perms and not perms[0].manage_guild


def test_options_naming_users_channels_and_roles_are_resolved(emu: DiscordEmulator) -> None:
    options = [
        {"name": "who", "type": 6, "value": str(MEMBER)},
        {"name": "channel", "type": 7, "value": str(CHANNEL)},
        {"name": "role", "type": 8, "value": "3001"},
    ]
    payload = emu.slash_command("settings", options, OTHER, guild_id=GUILD)
    resolved = payload["data"]["resolved"]
    assert resolved["users"][str(MEMBER)]["username"] == "ada"
    assert resolved["channels"] == {
        str(CHANNEL): {"id": str(CHANNEL), "name": "asks", "type": 0, "permissions": "0"}
    }
    assert resolved["roles"]["3001"]["name"] == "coach"
    assert resolved["roles"]["3001"]["permissions"] == "32"
    assert (
        emu.slash_command("settings", None, OTHER, guild_id=GUILD)["data"].get("resolved") is None
    )


class DoneView(discord.ui.View):
    def __init__(self, presses: list[int]) -> None:
        super().__init__(timeout=None)
        self.presses = presses

    @discord.ui.button(label="Done", custom_id="askcoach:done", style=discord.ButtonStyle.success)
    async def done(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        self.presses.append(interaction.user.id)
        await interaction.response.edit_message(content="Marked done.", view=None)


def test_persistent_view_button_press(emu: DiscordEmulator) -> None:
    presses: list[int] = []
    client = default_client()

    async def setup_hook() -> None:
        client.add_view(DoneView(presses))

    client.setup_hook = setup_hook  # type: ignore[method-assign]

    async def body() -> None:
        async with running(client, emu):
            user = await client.fetch_user(MEMBER)
            sent = await user.send("Did you make your ask?", view=DoneView(presses))
            stored = emu.message(sent.id)
            assert stored.custom_ids() == ["askcoach:done"]
            press = emu.button_press("askcoach:done", MEMBER, sent.id)
            emu.dispatch("INTERACTION_CREATE", press)
            response = await emu.wait_for_interaction_response_async(int(press["id"]))
            assert response.type == 7
            assert emu.message(sent.id).content == "Marked done."
            assert emu.message(sent.id).components == []

    run(body)
    assert presses == [MEMBER]
    assert emu.dm_opens(MEMBER) == 1


def test_modal_submit(emu: DiscordEmulator) -> None:
    results: list[Any] = []
    client, _ = command_client(emu, results)

    async def body() -> None:
        async with running(client, emu):
            opened = emu.slash_command("plan", None, MEMBER)
            emu.dispatch("INTERACTION_CREATE", opened)
            modal = await emu.wait_for_interaction_response_async(int(opened["id"]))
            assert modal.type == 9 and modal.data["custom_id"] == "askcoach:ask-modal"
            submit = emu.modal_submit(
                "askcoach:ask-modal", {"who": "Sam", "what": "an intro to Acme"}, MEMBER
            )
            emu.dispatch("INTERACTION_CREATE", submit)
            answer = await emu.wait_for_interaction_response_async(int(submit["id"]))
            assert answer.data["content"] == "Recorded."

    run(body)
    assert results == [("Sam", "an intro to Acme")]


def test_deferred_interaction_then_followup(emu: DiscordEmulator) -> None:
    client = default_client()
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)

    @tree.command(name="stats", description="slow answer")
    async def stats(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("3 asks this week.")
        await interaction.edit_original_response(content="3 asks this week (edited).")

    async def body() -> None:
        async with running(client, emu):
            payload = emu.slash_command("stats", None, MEMBER)
            emu.dispatch("INTERACTION_CREATE", payload)
            await emu.wait_for_calls_async("PATCH", "/webhooks/{app}/{token}/messages/@original")

    run(body)
    assert [r.type for r in emu.interaction_responses()] == [5]
    [original] = emu.messages_to(emu.dm_channel_id(MEMBER))
    assert original.content == "3 asks this week (edited)."  # the followup replaced "thinking"
    assert [e["content"] for e in original.edits] == [
        "3 asks this week.",
        "3 asks this week (edited).",
    ]


def test_interaction_answered_twice_or_late_is_refused() -> None:
    with DiscordEmulator(interaction_timeout=0.2) as emu:
        payload = emu.slash_command("ask", {"text": "x"}, MEMBER)
        path = f"/interactions/{payload['id']}/{payload['token']}/callback"
        answer = {"type": 4, "data": {"content": "ok"}}
        assert http(emu, "POST", path + "?with_response=1", answer)[0] == 200
        status, _, body = http(emu, "POST", path, answer)
        assert status == 400 and body["code"] == 40060
        late = emu.slash_command("ask", {"text": "y"}, MEMBER)
        time.sleep(0.3)
        status, _, body = http(
            emu, "POST", f"/interactions/{late['id']}/{late['token']}/callback", answer
        )
        assert status == 404 and body["code"] == 10062
        assert (
            emu.calls("POST", "/interactions/*/*/callback")[0].authorization == f"Bot {emu.token}"
        )


# --------------------------------------------------------------------------------------------
# Gateway resilience: RESUME, replays, INVALID_SESSION
# --------------------------------------------------------------------------------------------


def test_dropped_connection_resumes_and_replays_missed_dispatch(emu: DiscordEmulator) -> None:
    client = default_client()
    seen: list[str] = []
    resumed = asyncio.Event()

    @client.event
    async def on_message(message: discord.Message) -> None:
        seen.append(message.content)

    @client.event
    async def on_resumed() -> None:
        resumed.set()

    async def body() -> None:
        async with running(client, emu):
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "before"))
            await emu.wait_until_async(lambda: seen == ["before"])
            emu.drop_connection(4000, hold_reconnect=True)
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "while away"))
            emu.release_reconnect()
            resume = await emu.wait_for_resume_async(timeout=10)
            await asyncio.wait_for(resumed.wait(), 5)
            await emu.wait_until_async(lambda: len(seen) == 2)
            assert resume["session_id"] == emu.sent("READY")[0].data["session_id"]

    run(body)
    assert seen == ["before", "while away"]
    assert len(emu.identifies) == 1, "resumed, did not re-identify"
    missed = [s for s in emu.sent("MESSAGE_CREATE") if s.data["content"] == "while away"]
    assert [(m.live, m.replayed) for m in missed] == [(False, False), (True, True)]
    assert emu.resumes[0]["seq"] == missed[0].seq - 1


def test_abrupt_disconnect_also_resumes(emu: DiscordEmulator) -> None:
    client = default_client()

    async def body() -> None:
        async with running(client, emu):
            emu.drop_connection(None)
            await emu.wait_for_resume_async(timeout=10)

    run(body)
    assert len(emu.identifies) == 1 and emu.connections_opened == 2


def test_replay_last_delivers_a_duplicate(emu: DiscordEmulator) -> None:
    client = default_client()
    ids: list[int] = []

    @client.event
    async def on_message(message: discord.Message) -> None:
        ids.append(message.id)

    async def body() -> None:
        async with running(client, emu):
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "once", message_id=777))
            emu.replay_last()
            await emu.wait_until_async(lambda: len(ids) == 2)

    run(body)
    assert ids == [777, 777]


def test_invalid_session_forces_new_identify(emu: DiscordEmulator) -> None:
    client = default_client()

    async def no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
        return None  # discord.py sleeps 5 s before every non-initial IDENTIFY

    client.before_identify_hook = no_identify_delay  # type: ignore[method-assign]

    async def body() -> None:
        async with running(client, emu):
            emu.invalidate_session(resumable=False)
            await emu.wait_for_identify_async(count=2, timeout=10)

    run(body)
    assert len(emu.identifies) == 2


# --------------------------------------------------------------------------------------------
# Errors and rate limits
# --------------------------------------------------------------------------------------------


def test_closed_dms_surface_as_forbidden_50007(emu: DiscordEmulator) -> None:
    client = default_client()
    emu.close_dms(MEMBER)
    raised: list[discord.Forbidden] = []

    async def body() -> None:
        async with running(client, emu):
            user = await client.fetch_user(MEMBER)
            with pytest.raises(discord.Forbidden) as info:
                await user.send("Your daily ask?")
            raised.append(info.value)

    run(body)
    assert raised[0].code == 50007 and raised[0].status == 403
    assert emu.delivered() == []
    assert emu.calls("POST", "/channels/{id}/messages")[0].status == 403


def test_429_on_message_create_is_waited_out(emu: DiscordEmulator) -> None:
    client = default_client()
    emu.queue_error("POST", "/channels/{id}/messages", status=429, retry_after=0.3)

    async def body() -> None:
        async with running(client, emu):
            channel = client.get_channel(CHANNEL)
            assert isinstance(channel, discord.TextChannel)
            start = time.monotonic()
            await channel.send("weekly digest")
            assert time.monotonic() - start >= 0.3

    run(body)
    [limited] = emu.rate_limited("POST", "/channels/*/messages")
    assert limited.response == {
        "message": "You are being rate limited.",
        "retry_after": 0.3,
        "global": False,
    }
    assert [m.content for m in emu.delivered(CHANNEL)] == ["weekly digest"]


def test_route_bucket_headers_make_discord_py_pace_itself() -> None:
    limits = {("POST", "/channels/{channel_id}/messages"): RouteLimit(2, 0.4)}
    with DiscordEmulator(route_limits=limits) as emu, emu.patch_discord():
        emu.add_guild(GUILD, "Job Club", owner_id=MEMBER, channels=[CHANNEL])
        client = default_client()

        async def body() -> None:
            async with running(client, emu):
                channel = client.get_channel(CHANNEL)
                assert isinstance(channel, discord.TextChannel)
                start = time.monotonic()
                for i in range(5):
                    await channel.send(f"m{i}")
                assert time.monotonic() - start >= 0.8  # 3 windows of 2

        run(body)
        assert len(emu.delivered(CHANNEL)) == 5
        assert emu.rate_limited() == [], "discord.py waited on the headers instead of a 429"


def test_file_upload_is_stored(emu: DiscordEmulator) -> None:
    client = default_client()

    async def body() -> None:
        async with running(client, emu):
            channel = client.get_channel(CHANNEL)
            assert isinstance(channel, discord.TextChannel)
            import io

            msg = await channel.send(
                "your chart", file=discord.File(io.BytesIO(TINY_PNG), filename="stats.png")
            )
            assert msg.attachments[0].filename == "stats.png"
            assert await msg.attachments[0].read() == TINY_PNG

    run(body)
    [stored] = emu.delivered(CHANNEL)
    assert stored.files[0].is_png and stored.files[0].filename == "stats.png"


# --------------------------------------------------------------------------------------------
# Raw REST (sync callers)
# --------------------------------------------------------------------------------------------


def http(
    emu: DiscordEmulator, method: str, path: str, body: Any = None, token: str | None = None
) -> tuple[int, dict[str, str], Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(emu.api_base + path, data=data, method=method)
    request.add_header("Authorization", f"Bot {token or emu.token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request) as resp:
            raw = resp.read()
            return resp.status, dict(resp.headers), json.loads(raw) if raw else None
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read())


def test_rest_bucket_429_headers_and_body(emu: DiscordEmulator) -> None:
    cid = emu.dm_channel_id(MEMBER)
    answers = [http(emu, "POST", f"/channels/{cid}/messages", {"content": "x"}) for _ in range(6)]
    assert [a[0] for a in answers] == [200] * 5 + [429]
    _, headers, _ = answers[0]
    assert headers["X-RateLimit-Limit"] == "5" and headers["X-RateLimit-Remaining"] == "4"
    assert float(headers["X-RateLimit-Reset-After"]) <= 5.0
    assert float(headers["X-RateLimit-Reset"]) > time.time()
    assert headers["X-RateLimit-Bucket"] and headers["Via"]
    _, headers, body = answers[5]
    assert body["message"] == "You are being rate limited." and body["global"] is False
    assert 0 < body["retry_after"] <= 5.0
    assert headers["Retry-After"] and headers["X-RateLimit-Scope"] == "user"
    assert len(emu.rate_limited()) == 1 and len(emu.delivered(cid)) == 5
    # another channel has its own bucket
    other = emu.dm_channel_id(OTHER)
    assert http(emu, "POST", f"/channels/{other}/messages", {"content": "y"})[0] == 200


def test_rest_global_limit() -> None:
    with DiscordEmulator(global_limit=3, route_limits={}) as emu:
        statuses = [http(emu, "GET", "/users/@me")[0] for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        status, headers, body = http(emu, "GET", "/users/@me")
        assert status == 429 and body["global"] is True
        assert headers["X-RateLimit-Global"] == "true"


def test_rest_misc_endpoints(emu: DiscordEmulator) -> None:
    status, _, gw = http(emu, "GET", "/gateway/bot")
    assert status == 200 and gw["url"] == emu.gateway_url and gw["shards"] == 1
    assert gw["session_start_limit"]["max_concurrency"] == 1
    assert http(emu, "GET", "/users/@me", token="wrong")[0] == 401
    status, _, dm = http(emu, "POST", "/users/@me/channels", {"recipient_id": str(MEMBER)})
    assert dm["id"] == str(emu.dm_channel_id(MEMBER)) and dm["type"] == 1
    http(emu, "POST", "/users/@me/channels", {"recipient_id": str(MEMBER)})
    assert emu.dm_opens(MEMBER) == 2
    assert http(emu, "GET", f"/guilds/{GUILD}/members/{OTHER}")[2]["user"]["id"] == str(OTHER)
    assert http(emu, "GET", f"/guilds/{GUILD}/members/999")[2]["code"] == 10007
    assert http(emu, "GET", f"/users/{MEMBER}")[2]["username"] == "ada"
    emu.queue_error("POST", "/channels/*/messages", status=500)
    cid = emu.dm_channel_id(MEMBER)
    assert http(emu, "POST", f"/channels/{cid}/messages", {"content": "x"})[0] == 500
    status, _, msg = http(emu, "POST", f"/channels/{cid}/messages", {"content": "x"})
    assert status == 200
    status, _, edited = http(
        emu, "PATCH", f"/channels/{cid}/messages/{msg['id']}", {"content": "y"}
    )
    assert edited["content"] == "y" and emu.message(int(msg["id"])).edits == [{"content": "y"}]
    empty = http(emu, "POST", f"/channels/{cid}/messages", {"content": ""})
    assert empty[0] == 400 and empty[2]["code"] == 50006


# --------------------------------------------------------------------------------------------
# Sharding
# --------------------------------------------------------------------------------------------

SHARD_1_GUILD = (1 << 22) | GUILD  # (id >> 22) % 2 == 1, while GUILD is on shard 0 of 2


def _shard_client(shard_id: int, seen: list[str]) -> discord.Client:
    client = default_client(shard_id=shard_id, shard_count=2)

    @client.event
    async def on_message(message: discord.Message) -> None:
        seen.append(f"dm:{message.content}")

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        seen.append(f"interaction:{interaction.guild_id}")

    return client


def test_each_shard_gets_its_own_guilds_and_only_shard_0_gets_dms(emu: DiscordEmulator) -> None:
    emu.add_guild(SHARD_1_GUILD, "Second Club", owner_id=OTHER, members=[OTHER])
    seen: dict[int, list[str]] = {0: [], 1: []}
    shard0, shard1 = _shard_client(0, seen[0]), _shard_client(1, seen[1])
    later = (3 << 22) | 7  # joined after both connected: shard 1

    async def body() -> None:
        async with running(shard0, emu), running(shard1, emu):
            assert [g.id for g in shard0.guilds] == [GUILD]
            assert [g.id for g in shard1.guilds] == [SHARD_1_GUILD]
            assert emu.dispatch("MESSAGE_CREATE", emu.dm_message(MEMBER, "hello")) == 1
            in_dm = emu.slash_command("x", None, MEMBER)
            assert emu.dispatch("INTERACTION_CREATE", in_dm) == 1
            on_1 = emu.slash_command("x", None, OTHER, guild_id=SHARD_1_GUILD)
            assert emu.dispatch("INTERACTION_CREATE", on_1) == 1
            on_0 = emu.slash_command("x", None, MEMBER, guild_id=GUILD)
            assert emu.dispatch("INTERACTION_CREATE", on_0) == 1
            emu.add_guild(later, "Third Club", owner_id=OTHER)
            await emu.wait_until_async(lambda: shard1.get_guild(later))
            await emu.wait_until_async(lambda: len(seen[0]) == 3 and len(seen[1]) == 1)
            assert shard0.get_guild(later) is None

    run(body)
    assert seen[0] == ["dm:hello", "interaction:None", f"interaction:{GUILD}"]
    assert seen[1] == [f"interaction:{SHARD_1_GUILD}"]
    assert sorted(i["shard"] for i in emu.identifies) == [[0, 2], [1, 2]]
    ready = {s.shard: [g["id"] for g in s.data["guilds"]] for s in emu.sent("READY")}
    assert ready == {(0, 2): [str(GUILD)], (1, 2): [str(SHARD_1_GUILD)]}
    assert {s.shard for s in emu.sent("MESSAGE_CREATE")} == {(0, 2)}


@pytest.mark.parametrize("shard", [[2, 2], [-1, 2], [0, 0], [1], [True, 2], "0,2"])
def test_an_invalid_shard_is_closed_with_4010(emu: DiscordEmulator, shard: Any) -> None:
    async def identify() -> int | None:
        url = f"{emu.gateway_url}?v=10&encoding=json"
        async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
            hello = await ws.receive_json()
            assert hello["op"] == 10
            d = {"token": emu.token, "intents": INTENT_GUILDS, "properties": {}}
            await ws.send_json({"op": 2, "d": {**d, "shard": shard}})
            message = await ws.receive()
            assert message.type == aiohttp.WSMsgType.CLOSE
            return ws.close_code

    assert asyncio.run(asyncio.wait_for(identify(), 10)) == 4010
    assert not emu.sent("READY")


def test_discord_py_gives_up_on_4010_and_on_4011_sharding_required() -> None:
    with DiscordEmulator(max_guilds_per_shard=1) as emu, emu.patch_discord():
        emu.add_guild(GUILD, "Job Club")
        emu.add_guild(SHARD_1_GUILD, "Second Club")
        codes: list[int] = []

        async def start(client: discord.Client) -> None:
            with pytest.raises(discord.ConnectionClosed) as closed:
                await client.start(emu.token)
            codes.append(closed.value.code)
            await client.close()

        async def body() -> None:
            await start(default_client(shard_id=2, shard_count=2))  # no shard 2 of 2
            await start(default_client())  # two guilds on one session, one allowed
            async with running(default_client(shard_id=1, shard_count=2), emu):
                pass  # sharded, each session holds one guild: accepted

        run(body)
        assert codes == [4010, 4011]
        status, _, gateway = http(emu, "GET", "/gateway/bot")
        assert status == 200 and gateway["shards"] == 1  # one per 1,000 guilds
    with DiscordEmulator(recommended_shards=4) as emu:
        assert http(emu, "GET", "/gateway/bot")[2]["shards"] == 4
