"""The platform's data: users, guilds, channels, DMs, the messages and interactions the bot
created, the application commands it synced and every REST call it made. One ``DiscordState``
is shared by the protocol components (HTTP, REST routes, gateway, payload builders), which read
and change it under ``lock``; configuring, inspecting and waiting from a test is here too."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from emulators.discord.protocol import (
    DISCORD_EPOCH_MS,
    JSON,
    UserRef,
    _clone,
    _matches,
    _now_iso,
)
from emulators.discord.records import (
    Call,
    InteractionResponse,
    StoredMessage,
    _Interaction,
)
from emulators.state import GuardedState, at_least, nth


class DiscordState(GuardedState):
    """The bot's identity, the guilds and people around it and what it did, with one lock
    (and its condition, notified on every change a test may wait for)."""

    def __init__(
        self,
        *,
        token: str,
        bot_id: int,
        bot_name: str,
        application_id: int | None,
    ) -> None:
        super().__init__("Discord")
        self.token = token
        self.tokens: set[str] = {token}
        self.bot_id = bot_id
        self.application_id = application_id if application_id is not None else bot_id

        self._snowflake_seq = itertools.count()
        self.bot_user: JSON = {
            "id": str(bot_id),
            "username": bot_name,
            "discriminator": "0",
            "global_name": None,
            "avatar": None,
            "bot": True,
            "public_flags": 0,
            "flags": 0,
            "verified": True,
            "mfa_enabled": False,
        }
        self.users: dict[int, JSON] = {bot_id: self.bot_user}
        self.guilds: dict[int, JSON] = {}
        self.channels: dict[int, JSON] = {}
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self.closed_dms: set[int] = set()
        self.dm_open_calls: list[int] = []
        self.stored: dict[int, StoredMessage] = {}  # messages the bot created, by id
        self.incoming: dict[int, JSON] = {}  # messages people sent (dispatched), by id
        self.global_commands: list[JSON] = []
        self.guild_commands: dict[int, list[JSON]] = {}
        self.interactions: dict[int, _Interaction] = {}
        self.interaction_log: list[InteractionResponse] = []
        self.call_log: list[Call] = []  # every REST request, in arrival order
        #: Told a guild was added with ``announce`` (the emulator wires the gateway's GUILD_CREATE).
        self.on_guild_added: Callable[[int], None] | None = None

    # ---- ids, users, guilds, channels --------------------------------------------------------

    def snowflake(self) -> int:
        """A fresh, increasing Discord-style id."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._snowflake_seq) & 0x3FFFFF)

    def add_user(
        self,
        user_id: int,
        username: str | None = None,
        *,
        global_name: str | None = None,
        bot: bool = False,
    ) -> JSON:
        with self.lock:
            user: JSON = {
                "id": str(user_id),
                "username": username or f"user{user_id}",
                "discriminator": "0",
                "global_name": global_name,
                "avatar": None,
                "public_flags": 0,
            }
            if bot:
                user["bot"] = True
            self.users[int(user_id)] = user
            return dict(user)

    def user(self, ref: UserRef) -> JSON:
        """The user object for an id (created on first use) or a user dict (registered)."""
        with self.lock:
            if isinstance(ref, Mapping):
                uid = int(ref["id"])
                if uid not in self.users:
                    self.users[uid] = {"discriminator": "0", "avatar": None, **dict(ref)}
                return dict(self.users[uid])
            uid = int(ref)
            if uid not in self.users:
                self.add_user(uid)
            return dict(self.users[uid])

    @staticmethod
    def role(guild_id: int, raw: Mapping[str, Any]) -> JSON:
        return {
            "id": str(raw["id"]),
            "name": str(raw.get("name", f"role-{raw['id']}")),
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": int(raw.get("position", 0)),
            "permissions": str(raw.get("permissions", "0")),
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }

    @staticmethod
    def member(user: JSON, roles: Sequence[int]) -> JSON:
        return {
            "user": user,
            "nick": None,
            "avatar": None,
            "roles": [str(r) for r in roles],
            "joined_at": _now_iso(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }

    def guild_create_payload(self, guild_id: int) -> JSON:
        with self.lock:
            return _clone(self.guilds[guild_id])

    def add_guild(
        self,
        guild_id: int,
        name: str = "Test Guild",
        owner_id: int | None = None,
        *,
        members: Sequence[UserRef] = (),
        roles: Sequence[Mapping[str, Any]] = (),
        channels: Sequence[int | Mapping[str, Any]] = (),
        member_roles: Mapping[int, Sequence[int]] | None = None,
        announce: bool = True,
    ) -> JSON:
        """Add a guild. ``members`` are user ids or user dicts (the bot is added itself);
        ``roles`` are dicts with at least ``id`` (``name``/``permissions`` optional; the
        ``@everyone`` role, id == guild id, is added); ``channels`` are ids (text channels) or
        channel dicts; ``member_roles`` maps user id -> role ids. When a client is connected the
        new guild is announced with GUILD_CREATE (the bot "joins"), unless ``announce`` is off."""
        owner = int(owner_id) if owner_id is not None else self.bot_id
        member_roles = member_roles or {}
        role_list: list[JSON] = [self.role(guild_id, {"id": guild_id, "name": "@everyone"})]
        role_list += [self.role(guild_id, r) for r in roles if int(r["id"]) != guild_id]
        channel_list: list[JSON] = []
        for position, ch in enumerate(channels):
            raw: Mapping[str, Any] = {"id": ch} if isinstance(ch, int) else ch
            channel_list.append(
                {
                    "id": str(raw["id"]),
                    "type": int(raw.get("type", 0)),
                    "name": str(raw.get("name", f"channel-{raw['id']}")),
                    "position": int(raw.get("position", position)),
                    "permission_overwrites": list(raw.get("permission_overwrites", [])),
                    "parent_id": raw.get("parent_id"),
                    "topic": raw.get("topic"),
                    "nsfw": False,
                    "rate_limit_per_user": 0,
                    "last_message_id": None,
                    "flags": 0,
                }
            )
        member_list: list[JSON] = []
        seen: set[int] = set()
        for ref in [*members, self.bot_id]:
            user = self.user(ref)
            uid = int(user["id"])
            if uid in seen:
                continue
            seen.add(uid)
            member_list.append(self.member(user, [int(r) for r in member_roles.get(uid, [])]))
        guild: JSON = {
            "id": str(guild_id),
            "name": name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(owner),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "features": [],
            "roles": role_list,
            "emojis": [],
            "stickers": [],
            "channels": channel_list,
            "threads": [],
            "members": member_list,
            "member_count": len(member_list),
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "large": False,
            "unavailable": False,
            "joined_at": _now_iso(),
            "application_id": None,
        }
        with self.lock:
            self.guilds[int(guild_id)] = guild
            for ch in channel_list:
                self.channels[int(ch["id"])] = {**ch, "guild_id": str(guild_id)}
        if announce and self.on_guild_added is not None:
            self.on_guild_added(int(guild_id))
        return guild

    def dm_channel_id(self, user_id: int) -> int:
        """The (stable) DM channel id between the bot and a user. Does not count as an open."""
        with self.lock:
            uid = int(user_id)
            if uid not in self.dm_channels:
                cid = self.snowflake()
                self.dm_channels[uid] = cid
                self.channels[cid] = {
                    "id": str(cid),
                    "type": 1,
                    "last_message_id": None,
                    "flags": 0,
                    "recipients": [self.user(uid)],
                }
            return self.dm_channels[uid]

    def close_dms(self, user_id: int) -> None:
        """From now on, messages to this user's DM channel get 403 / code 50007."""
        with self.lock:
            self.closed_dms.add(int(user_id))

    def open_dms(self, user_id: int) -> None:
        with self.lock:
            self.closed_dms.discard(int(user_id))

    def member_permissions(self, guild_id: int, user_id: int) -> int:
        guild = self.guilds.get(guild_id)
        if guild is None:
            return 0
        if int(guild["owner_id"]) == user_id:
            return (1 << 53) - 1
        member = next((m for m in guild["members"] if int(m["user"]["id"]) == user_id), None)
        role_ids = {str(guild_id), *(member["roles"] if member else [])}
        perms = 0
        for role in guild["roles"]:
            if role["id"] in role_ids:
                perms |= int(role["permissions"])
        return (1 << 53) - 1 if perms & 0x8 else perms

    # ---- recorded state ----------------------------------------------------------------------

    def calls(self, method: str | None = None, pattern: str | None = None) -> list[Call]:
        """Recorded REST calls; ``pattern`` is a template (``/channels/{id}/messages``, ``*`` or
        ``{anything}`` match one path segment) or an exact path."""
        with self.lock:
            return [
                c
                for c in self.call_log
                if (method is None or c.method == method.upper())
                and _matches(pattern, c.path, c.route)
            ]

    def rate_limited(self, method: str | None = None, pattern: str | None = None) -> list[Call]:
        """The calls that were answered 429."""
        return [c for c in self.calls(method, pattern) if c.status == 429]

    def clear_calls(self) -> None:
        with self.lock:
            self.call_log.clear()

    def delivered(self, channel_id: int | None = None) -> list[StoredMessage]:
        """Successful ``POST /channels/{id}/messages`` only (no interaction responses)."""
        with self.lock:
            return [
                m
                for m in self.stored.values()
                if m.source == "rest" and (channel_id is None or m.channel_id == int(channel_id))
            ]

    def messages_to(self, channel_id: int) -> list[StoredMessage]:
        """Every message the bot created in a channel (REST, interaction, followup), in order."""
        with self.lock:
            return [m for m in self.stored.values() if m.channel_id == int(channel_id)]

    def dms_to(self, user_id: int) -> list[StoredMessage]:
        """Messages the bot created in its DM channel with a user."""
        with self.lock:
            cid = self.dm_channels.get(int(user_id))
        return [] if cid is None else self.messages_to(cid)

    def message(self, message_id: int) -> StoredMessage:
        with self.lock:
            return self.stored[int(message_id)]

    def dm_opens(self, user_id: int | None = None) -> int:
        """How many times ``POST /users/@me/channels`` was called (for a recipient)."""
        with self.lock:
            return sum(1 for u in self.dm_open_calls if user_id is None or u == int(user_id))

    def interaction_responses(self, interaction_id: int | None = None) -> list[InteractionResponse]:
        with self.lock:
            return [
                r
                for r in self.interaction_log
                if interaction_id is None or r.interaction_id == int(interaction_id)
            ]

    def commands(self, guild_id: int | None = None) -> list[JSON]:
        """The registered application commands (global, or for a guild)."""
        with self.lock:
            source = (
                self.global_commands
                if guild_id is None
                else self.guild_commands.get(int(guild_id), [])
            )
            return [dict(c) for c in source]

    # ---- waiting -----------------------------------------------------------------------------

    def wait_for_calls(
        self, method: str, pattern: str, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        return self.wait_until(at_least(lambda: self.calls(method, pattern), count), timeout)

    async def wait_for_calls_async(
        self, method: str, pattern: str, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        return await self.wait_until_async(
            at_least(lambda: self.calls(method, pattern), count), timeout
        )

    def wait_for_messages(
        self, channel_id: int | None = None, count: int = 1, timeout: float = 5.0
    ) -> list[StoredMessage]:
        """Wait for ``count`` delivered channel messages (see :meth:`delivered`)."""
        return self.wait_until(at_least(lambda: self.delivered(channel_id), count), timeout)

    async def wait_for_messages_async(
        self, channel_id: int | None = None, count: int = 1, timeout: float = 5.0
    ) -> list[StoredMessage]:
        return await self.wait_until_async(
            at_least(lambda: self.delivered(channel_id), count), timeout
        )

    def wait_for_interaction_response(
        self, interaction_id: int, timeout: float = 5.0
    ) -> InteractionResponse:
        return self.wait_until(nth(lambda: self.interaction_responses(interaction_id), 1), timeout)

    async def wait_for_interaction_response_async(
        self, interaction_id: int, timeout: float = 5.0
    ) -> InteractionResponse:
        return await self.wait_until_async(
            nth(lambda: self.interaction_responses(interaction_id), 1), timeout
        )
