"""The Discord door: a discord.py client that turns DMs, slash commands, button presses and
forms into core events, and a gateway that delivers the outbox.

Discord events become core events in `adapters/discord/translate.py`; this module only
acknowledges and calls. Which community an event belongs to:
1. in a server (slash command, button in a server): that server;
2. in a DM (DMs have no server): the core decides (`bot.community.membership`) from the
   servers the member actually shares with the bot (looked up with GET /guilds/{id}/members,
   remembered for five minutes) and the servers the coach already has them in. A member of
   several servers is asked which one (buttons; the DM is answered after the choice), and can
   say `server` to switch; someone in none of the bot's servers is told so. Members of
   different servers never meet in one community. (The shared `dm` community of earlier
   versions is no longer used for anyone.)

Who is an organizer (`Sender.is_admin`): members with Manage Server in that server, or with
the server's coach role (`/settings coach-role`). In a DM the server member is looked up (cache,
then REST, remembered for five minutes).

Sharding (DISCORD_SHARD_COUNT > 1, docs/scaling.md): this process runs shard
DISCORD_SHARD_ID. Discord sends DMs only to shard 0 and each server's events to shard
`(server id >> 22) % count`. Shard 0 is the bot's one sender: it delivers the whole Discord
outbox. Other shards answer their servers' slash commands and forms through the interaction
(Discord does not count interaction responses toward the global rate limit) and leave every
other message in the outbox for shard 0. Only shard 0 loads the stored DM channel ids (and
forgets those of people no longer members); the others never open a DM.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import discord
import discord.gateway
import discord.http
import yarl

import bot.community
from adapters.base import PeriodicJob
from adapters.config import DiscordConfig
from adapters.discord.commands import build_tree
from adapters.discord.components import (
    CHOICE_PREFIX,
    FORM_ID,
    AskForm,
    ChoiceButton,
    LogAskButton,
    form_values,
    homes_view,
)
from adapters.discord.dm_channels import DmChannels, DmChannelStore
from adapters.discord.gateway import NO_MENTIONS, PLATFORM, DiscordGateway, RateCap
from adapters.discord.translate import (
    direct_message,
    home_choice,
    interaction_event,
    is_ours,
)
from bot.community import Home
from bot.inbox import Inbox
from bot.messages import STALE_BUTTON, InboundMessage, Sender
from bot.ports import UnitOfWorkFactory

log = logging.getLogger("askcoach.discord")

DM_COMMUNITY = "dm"  # earlier versions' shared community for DMs: no longer used
ADMIN_CACHE_SECONDS = 300.0
HOME_CACHE_SECONDS = 300.0  # how long which servers a member shares with the bot is trusted
MAX_PROBED_SERVERS = 50  # beyond that, only the servers the coach already has them in
COACH_ROLE_CACHE_SECONDS = 30.0
ALREADY_ACKNOWLEDGED = 40060
INVALID_SHARD = 4010  # gateway close codes: the shard in IDENTIFY is not valid...
SHARDING_REQUIRED = 4011  # ...or the session would have too many servers


class CoachClient(discord.Client):
    """A discord.Client that knows its adapter (`coach`), for the persistent components."""

    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        intents.dm_messages = True  # DM content needs no privileged intent
        super().__init__(
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            max_ratelimit_timeout=30.0,  # a longer wait surfaces as RateLimited to the outbox
            **options,
        )
        self.coach = adapter

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ChoiceButton, LogAskButton)
        if self.coach.sends_outbox:  # the commands are global: one shard registers them
            await self.coach.tree.sync()


def point_discord_at(api_url: str | None, gateway_url: str | None) -> None:
    """Use another REST base and gateway (DISCORD_API_URL / DISCORD_GATEWAY_URL). These are
    discord.py class attributes, so they apply process-wide; tests restore them afterwards."""
    if api_url:
        discord.http.Route.BASE = api_url.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


async def guilds_arrived(client: discord.Client, poll: float = 0.01) -> None:
    """Wait until `client` is ready and none of its servers is still unavailable."""
    await client.wait_until_ready()
    while any(guild.unavailable for guild in client.guilds):
        await asyncio.sleep(poll)


class DiscordAdapter:
    """Implements adapters.base.PlatformAdapter for Discord."""

    name = PLATFORM

    def __init__(
        self,
        config: DiscordConfig,
        inbox: Inbox,
        db: UnitOfWorkFactory,
        dm_channel_store: DmChannelStore | None,
        *,
        guild_ready_timeout: float = 2.0,
    ) -> None:
        if not config.token:
            raise ValueError("DISCORD_TOKEN is not set")
        self._token = config.token
        self._api_url = config.api_url
        self._gateway_url = config.gateway_url
        self._dm_channels_seconds = config.dm_channels_seconds
        self.inbox = inbox
        self.db = db
        self.shard_id = config.shard_id
        self.shard_count = config.shard_count
        self.sends_outbox = self.shard_id == 0  # shard 0 gets the DMs and sends everything
        sharding: dict[str, Any] = (
            {"shard_id": self.shard_id, "shard_count": self.shard_count}
            if self.shard_count > 1
            else {}
        )
        self.client = CoachClient(self, guild_ready_timeout=guild_ready_timeout, **sharding)
        self.tree = build_tree(self.client, self)
        self.gateway = DiscordGateway(
            self.client,
            RateCap(config.sends_per_second),
            interactions_only=not self.sends_outbox,
            dm_channels=DmChannels(dm_channel_store),
        )
        self._task: asyncio.Task[None] | None = None
        self._connected = False
        self._homes: dict[int, tuple[float, Home]] = {}  # user id -> where their DMs go
        self._chosen: dict[int, str] = {}  # user id -> the server they chose or last used
        self._admins: dict[tuple[int, int], tuple[float, bool]] = {}
        self._coach_roles: dict[int, tuple[float, int | None]] = {}
        self._register_events()

    # ---- PlatformAdapter ------------------------------------------------------------------

    def routes(self) -> list[Any]:
        return []  # the gateway websocket needs no HTTP routes

    def periodic_jobs(self) -> list[PeriodicJob]:
        """For the runtime's scheduler, on the sending shard: forget the stored DM channels of
        people who are no longer members (e.g. after `forget`)."""
        if not self.sends_outbox:
            return []
        forget = self.gateway.dm_channels.forget_strangers
        return [PeriodicJob("discord-dm-channels", self._dm_channels_seconds, forget)]

    @property
    def shard(self) -> str:
        """`shard 1/4` (`shard 0/1` unsharded), for logs and /healthz."""
        return f"shard {self.shard_id}/{self.shard_count}"

    async def start(self) -> None:
        point_discord_at(self._api_url, self._gateway_url)
        await self.client.login(self._token)  # a bad token fails here, at start-up
        if self.sends_outbox:  # before the first tick: its check-ins need no DM opens
            await self.gateway.dm_channels.load()
        if self.shard_count > 1:
            log.info(
                "discord: connecting as %s: %s",
                self.shard,
                "DMs, its servers' events, and every Discord send"
                if self.sends_outbox
                else "its servers' slash commands and forms; shard 0 sends everything else",
            )
        self._task = asyncio.get_running_loop().create_task(self._connect())

    async def _connect(self) -> None:
        try:
            await self.client.connect(reconnect=True)
        except discord.ConnectionClosed as closed:
            if closed.code in (INVALID_SHARD, SHARDING_REQUIRED):
                log.error(
                    "Discord refused %s (close code %d, %s): set DISCORD_SHARD_COUNT to the "
                    "same number on every shard, at least servers / 2,500",
                    self.shard,
                    closed.code,
                    "invalid shard" if closed.code == INVALID_SHARD else "sharding required",
                )
            else:
                log.exception("discord gateway connection ended with an error")
        except Exception:
            log.exception("discord gateway connection ended with an error")
        finally:
            self._connected = False

    async def stop(self) -> None:
        await self.client.close()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._task, 10)
        self._connected = False
        await self.gateway.dm_channels.flush()  # the ids learned last, for the next start

    def connected(self) -> bool:
        return self._connected and not self.client.is_closed()

    async def wait_until_ready(self, timeout: float = 10.0) -> None:
        """Until the client is ready and every server it is in has arrived: discord.py calls
        itself ready `guild_ready_timeout` after the last GUILD_CREATE, and one that comes
        later (a busy machine, a short timeout) is still on its way."""
        await asyncio.wait_for(guilds_arrived(self.client), timeout)

    # ---- gateway events -------------------------------------------------------------------

    def _register_events(self) -> None:
        client = self.client

        async def on_ready() -> None:
            self._connected = True
            log.info("discord ready (%s): %d server(s)", self.shard, len(client.guilds))

        async def on_resumed() -> None:
            self._connected = True

        async def on_disconnect() -> None:
            self._connected = False

        async def on_message(message: discord.Message) -> None:
            await self.on_dm(message)

        async def on_interaction(interaction: discord.Interaction) -> None:
            data: dict[str, Any] = dict(interaction.data or {})
            kind = interaction.type
            if kind == discord.InteractionType.modal_submit and data.get("custom_id") == FORM_ID:
                await self.on_form(interaction, form_values(data))
            elif kind == discord.InteractionType.component and (home := home_choice(data)):
                await self.on_home_chosen(interaction, *home)
            elif kind in (
                discord.InteractionType.component,
                discord.InteractionType.modal_submit,
            ) and not is_ours(data):
                await answer_stale(interaction)

        for handler in (on_ready, on_resumed, on_disconnect, on_message, on_interaction):
            client.event(handler)

    async def on_dm(self, message: discord.Message) -> None:
        """A DM to the bot: the same chat words as everywhere, in the member's community."""
        bot_id = self.client.user.id if self.client.user is not None else None
        event = direct_message(message, bot_id)
        if event is None:
            return
        self.gateway.remember_dm(message.author.id, message.channel.id)
        switch = bot.community.asks_to_switch(event.text)
        placed = await self._placed(event, message.author, None, choose=switch)
        if isinstance(placed, Home):
            await self._ask_home(message.channel, placed, 0 if switch else message.id)
            return
        await self.inbox.receive(placed)

    async def _ask_home(self, channel: discord.abc.Messageable, home: Home, about: int) -> None:
        """Ask which of their servers a member means, or say they share none with the bot."""
        with contextlib.suppress(discord.HTTPException):
            if not home.choices:
                await channel.send(
                    bot.community.no_community_reply("servers"), allowed_mentions=NO_MENTIONS
                )
                return
            servers = [(int(c), self._server_name(c)) for c in home.choices]
            await channel.send(
                bot.community.which_community_question([name for _, name in servers]),
                view=homes_view(servers, about),
                allowed_mentions=NO_MENTIONS,
            )

    def _server_name(self, community: str) -> str:
        guild = self.client.get_guild(int(community)) if community.isdecimal() else None
        return guild.name if guild is not None else f"server {community}"

    async def on_home_chosen(
        self, interaction: discord.Interaction, guild_id: int, message_id: int
    ) -> None:
        """The member picked a server for their DMs: remember it, mark the question answered,
        and answer the DM that raised it."""
        user = interaction.user
        shared = await self._shared_servers(user.id, [str(guild_id)])
        if str(guild_id) not in shared:  # a forged or outdated choice
            await answer_stale(interaction)
            return
        self._chosen[user.id] = str(guild_id)
        self._homes.pop(user.id, None)
        fresh = await _defer(interaction, ephemeral=False, thinking=False)
        if fresh and interaction.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await interaction.edit_original_response(
                    content=f"{interaction.message.content}\n→ {self._server_name(str(guild_id))}",
                    view=None,
                    allowed_mentions=NO_MENTIONS,
                )
        event: InboundMessage | None = None
        if message_id and interaction.channel is not None:
            with contextlib.suppress(discord.HTTPException):
                original = await interaction.channel.fetch_message(message_id)  # type: ignore[union-attr]
                bot_id = self.client.user.id if self.client.user is not None else None
                event = direct_message(original, bot_id)
        if event is None:
            event = InboundMessage(interaction_event(interaction, "stats").sender, "stats")
        placed = await self._placed(event, user, None)
        if not isinstance(placed, Home):
            await self.inbox.receive(placed)

    async def run_words(self, interaction: discord.Interaction, words: str) -> None:
        """A slash command: acknowledge at once, run the core off the loop, answer in the
        interaction (ephemeral in a server, so nobody else sees a member's data)."""
        await self._handle(interaction, words, None)

    async def on_form(self, interaction: discord.Interaction, form: dict[str, str]) -> None:
        text = f"Ask {form['who']} {form['what']}".strip()
        await self._handle(interaction, text, form)

    async def _handle(
        self, interaction: discord.Interaction, text: str, form: dict[str, str] | None
    ) -> None:
        in_server = interaction.guild_id is not None
        event_id = str(interaction.id)
        fresh = await _defer(interaction, ephemeral=in_server, thinking=True)
        if fresh:
            self.gateway.answer_in(event_id, interaction)
        if in_server:
            self._coach_roles.pop(interaction.guild_id or 0, None)  # settings may change it
        placed = await self._placed(
            interaction_event(interaction, text, form), interaction.user, interaction
        )
        if isinstance(placed, Home):
            self.gateway.forget_answer(event_id)
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
            if interaction.channel is not None:
                await self._ask_home(interaction.channel, placed, 0)  # type: ignore[arg-type]
            return
        replies = await self.inbox.receive(placed)
        if self.sends_outbox:
            unanswered = not replies and self.gateway.forget_answer(event_id) is not None
        else:  # answer now: nobody else will put these replies into the interaction
            await self.inbox.deliver_replies(replies, self.gateway)
            answering = self.gateway.forget_answer(event_id)
            unanswered = answering is not None and not answering.used_original
        if unanswered:  # nothing to say here (a replay), or shard 0 sends it by DM
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()

    async def on_choice(self, interaction: discord.Interaction, value: str) -> None:
        """A persistent button: acknowledge, send the choice value to the core, and mark the
        message with what was chosen (buttons removed, so nobody presses twice)."""
        fresh = await _defer(interaction, ephemeral=False, thinking=False)
        placed = await self._placed(
            interaction_event(interaction, value), interaction.user, interaction
        )
        if isinstance(placed, Home):
            return  # a member no longer in any server of the coach: the buttons stay
        await self.inbox.receive(placed)
        if fresh and interaction.message is not None:
            label = _pressed_label(interaction.message, CHOICE_PREFIX + value)
            content = interaction.message.content
            with contextlib.suppress(discord.HTTPException):
                await interaction.edit_original_response(
                    content=f"{content}\n→ {label}" if label else content,
                    view=None,
                    allowed_mentions=NO_MENTIONS,
                )

    async def open_form(self, interaction: discord.Interaction) -> None:
        """The ask form. It is not kept in discord.py's modal store: submissions (also of a
        form opened before a restart) are handled from the raw interaction."""
        form = AskForm()
        try:
            await interaction.response.send_modal(form)
        except discord.HTTPException as exc:
            log.info("could not open the ask form: %s", exc.status)
        form.stop()

    # ---- who is speaking ------------------------------------------------------------------

    async def _placed(
        self,
        event: InboundMessage,
        user: discord.User | discord.Member,
        interaction: discord.Interaction | None,
        *,
        choose: bool = False,
    ) -> InboundMessage | Home:
        """The translated event with its community and organizer flag filled in; or, for a
        DM whose community is not decided (`choose`: the member asked to pick), the Home to
        ask about."""
        guild_id = interaction.guild_id if interaction is not None else None
        if guild_id is not None:
            community = str(guild_id)
            self._chosen[user.id] = community  # the server they last used
            self._homes.pop(user.id, None)
            is_admin = await self._is_admin_in_interaction(user, interaction, guild_id)
        else:
            home = await self._home_of(user.id)
            if choose and not home.choices:
                home = bot.community.switching(home, await self._shared_servers(user.id, []))
            if home.community is None:
                return home
            community = home.community
            self._chosen.setdefault(user.id, community)
            is_admin = await self._is_admin_by_lookup(int(community), user.id)
        guild = self.client.get_guild(int(community))
        sender = Sender(
            platform=PLATFORM,
            community_id=community,
            user_id=event.sender.user_id,
            name=event.sender.name,
            is_admin=is_admin,
            community_name=guild.name if guild is not None else None,
        )
        return InboundMessage(sender, event.text, event.event_id, form=event.form)

    async def _home_of(self, user_id: int) -> Home:
        """Where the member's DMs go (the core's rule), remembered for a few minutes."""
        cached = self._homes.get(user_id)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        enrolled = await asyncio.to_thread(self._known_servers, str(user_id))
        shared = await self._shared_servers(user_id, enrolled)
        home = bot.community.community_for_direct_message(
            shared, enrolled, self._chosen.get(user_id)
        )
        if home.community is not None:
            self._homes[user_id] = (time.monotonic() + HOME_CACHE_SECONDS, home)
        return home

    async def _shared_servers(self, user_id: int, enrolled: list[str]) -> list[str]:
        """The servers (ids) the member shares with the bot, among those this process sees
        (its shard's, up to MAX_PROBED_SERVERS) and those the coach already has them in. A server that cannot be asked (an error other than "Unknown Member") counts
        as shared when the coach already has them there."""
        probed = list(dict.fromkeys(enrolled))
        if len(self.client.guilds) <= MAX_PROBED_SERVERS:  # (a shard sees only its own)
            probed += [str(g.id) for g in self.client.guilds if str(g.id) not in probed]
        shared: list[str] = []
        for community in probed:
            if not community.isdecimal():
                continue
            try:
                member = await self._fetch_member(int(community), user_id)
            except discord.NotFound:
                continue
            except discord.HTTPException:
                member = community in enrolled
            if member:
                shared.append(community)
        return shared

    async def _fetch_member(self, guild_id: int, user_id: int) -> bool:
        """Whether the user is a member of the server (raises discord.NotFound if not); an
        organizer flag learned on the way is remembered."""
        guild = self.client.get_guild(guild_id)
        if guild is None:
            await self.client.http.get_member(guild_id, user_id)
            return True
        member = guild.get_member(user_id) or await guild.fetch_member(user_id)
        await self._is_admin_in_interaction(member, None, guild_id)
        return True

    def _known_servers(self, user_id: str) -> list[str]:
        """The servers where the coach already has this member, in order of enrolment."""
        with self.db() as uow:
            communities = [
                c
                for c in uow.communities.all()
                if c.platform == PLATFORM and c.external_id.isdecimal()
            ]
            found = [
                (member.id, c.external_id)
                for c in communities
                if c.id is not None
                and (member := uow.members.find(c.id, user_id)) is not None
                and member.id is not None
            ]
        return [community for _, community in sorted(found)]

    async def _coach_role(self, guild_id: int) -> int | None:
        cached = self._coach_roles.get(guild_id)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        role = await asyncio.to_thread(self._read_coach_role, guild_id)
        self._coach_roles[guild_id] = (time.monotonic() + COACH_ROLE_CACHE_SECONDS, role)
        return role

    def _read_coach_role(self, guild_id: int) -> int | None:
        with self.db() as uow:
            community = uow.communities.find(PLATFORM, str(guild_id))
        role = community.coach_role if community is not None else None
        return int(role) if role and role.isdigit() else None

    async def _is_admin_in_interaction(
        self,
        user: discord.User | discord.Member,
        interaction: discord.Interaction | None,
        guild_id: int,
    ) -> bool:
        if not isinstance(user, discord.Member):
            return False
        admin = user.guild_permissions.manage_guild
        if not admin:
            role = await self._coach_role(guild_id)
            admin = role is not None and any(r.id == role for r in user.roles)
        self._admins[(guild_id, user.id)] = (time.monotonic() + ADMIN_CACHE_SECONDS, admin)
        return admin

    async def _is_admin_by_lookup(self, guild_id: int, user_id: int) -> bool:
        cached = self._admins.get((guild_id, user_id))
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        guild = self.client.get_guild(guild_id)
        if guild is None and self.shard_count > 1:  # a server on another shard
            with contextlib.suppress(discord.HTTPException):
                guild = await self.client.fetch_guild(guild_id)
        admin = False
        if guild is not None:
            member = guild.get_member(user_id)
            if member is None:
                with contextlib.suppress(discord.HTTPException):
                    member = await guild.fetch_member(user_id)
            if member is not None:
                return await self._is_admin_in_interaction(member, None, guild_id)
        self._admins[(guild_id, user_id)] = (time.monotonic() + ADMIN_CACHE_SECONDS, admin)
        return admin


async def answer_stale(interaction: discord.Interaction) -> None:
    """A button or form no version of the coach still knows: acknowledged with a short note
    only the member sees (unanswered, Discord would show "This interaction failed")."""
    try:
        await interaction.response.send_message(STALE_BUTTON, ephemeral=True)
    except (discord.InteractionResponded, discord.HTTPException) as exc:
        log.info("stale interaction %s not answered: %s", interaction.id, exc)


async def _defer(interaction: discord.Interaction, *, ephemeral: bool, thinking: bool) -> bool:
    """Acknowledge within Discord's 3 seconds. False when the interaction was already answered
    (a replayed event) or has expired; the core still sees it, and dedupes by its id."""
    try:
        await interaction.response.defer(ephemeral=ephemeral, thinking=thinking)
    except discord.InteractionResponded:
        return False
    except discord.HTTPException as exc:
        log.info("interaction %s not acknowledged: %s %s", interaction.id, exc.status, exc.code)
        return False
    return True


def _pressed_label(message: discord.Message, custom_id: str) -> str | None:
    for row in message.components:
        for child in getattr(row, "children", []):
            if getattr(child, "custom_id", None) == custom_id:
                label = getattr(child, "label", None)
                return str(label) if label else None
    return None


def build_discord_adapter(
    config: DiscordConfig,
    inbox: Inbox,
    db: UnitOfWorkFactory,
    dm_channel_store: DmChannelStore | None,
) -> DiscordAdapter:
    """The runtime's factory (askcoach.runtime); without a store, DM channels live in memory."""
    return DiscordAdapter(config, inbox, db, dm_channel_store)
