"""The emulator's guilds, channels, members, recorded calls and messages, waits and queued
errors: the state every protocol part reads and changes."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from emulators.discord.protocol import (
    API_VERSION,
    DISCORD_EPOCH_MS,
    JSON,
    T,
    UserRef,
    _clone,
    _matches,
    _now_iso,
)
from emulators.discord.rate_limits import RestRateLimits
from emulators.discord.records import (
    Call,
    GatewayOp,
    InteractionResponse,
    RouteLimit,
    SentDispatch,
    StoredMessage,
    _Conn,
    _Interaction,
    _QueuedError,
    _Session,
)
from emulators.serving import LocalServer


class DiscordState:
    """Users, guilds, channels and what the bot did: configured and inspected by tests."""

    def __init__(
        self,
        *,
        token: str = "emulator-bot-token",
        bot_id: int = 900_000_000_000_000_001,
        bot_name: str = "askcoach",
        application_id: int | None = None,
        heartbeat_interval_ms: int = 41_250,
        global_limit: int | None = 50,
        global_window: float = 1.0,
        route_limits: Mapping[tuple[str, str], RouteLimit] | None = None,
        interaction_timeout: float = 3.0,
        enforce_intents: bool = True,
        allow_privileged_intents: bool = False,
        max_guilds_per_shard: int = 2500,
        recommended_shards: int | None = None,
    ) -> None:
        self.token = token
        self.tokens: set[str] = {token}
        self.bot_id = bot_id
        self.application_id = application_id if application_id is not None else bot_id
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.rate_limits = RestRateLimits(global_limit, global_window, route_limits)
        self.interaction_timeout = interaction_timeout
        self.enforce_intents = enforce_intents
        self.allow_privileged_intents = allow_privileged_intents
        self.max_guilds_per_shard = max_guilds_per_shard
        self.recommended_shards = recommended_shards

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
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
        self._users: dict[int, JSON] = {bot_id: self.bot_user}
        self._guilds: dict[int, JSON] = {}
        self._channels: dict[int, JSON] = {}
        self._dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self._closed_dms: set[int] = set()
        self._dm_open_calls: list[int] = []
        self._messages: dict[int, StoredMessage] = {}
        self._global_commands: list[JSON] = []
        self._guild_commands: dict[int, list[JSON]] = {}
        self._interactions: dict[int, _Interaction] = {}
        self._interaction_responses: list[InteractionResponse] = []
        self._calls: list[Call] = []
        self._queued_errors: list[_QueuedError] = []
        self._ops: list[GatewayOp] = []
        self._identifies: list[JSON] = []
        self._resumes: list[JSON] = []
        self._sent: list[SentDispatch] = []
        self._filtered: list[tuple[str, str, JSON]] = []
        self._dispatched: list[tuple[str, JSON]] = []
        self._incoming: dict[int, JSON] = {}  # messages people sent (dispatched), by id
        self._sessions: dict[str, _Session] = {}
        self._conns: dict[int, _Conn] = {}
        self._connections_opened = 0
        self._gateway_queries: list[dict[str, str]] = []
        self._internal_errors: list[BaseException] = []
        self._fail_next_resume = False

        self._gate: asyncio.Event | None = None
        self._server = LocalServer("discord-emulator")

    @property
    def global_limit(self) -> int | None:
        """Requests per second (``global_window``) the bot may make; None: no global limit."""
        return self.rate_limits.global_limit

    @global_limit.setter
    def global_limit(self, limit: int | None) -> None:
        with self._lock:
            self.rate_limits.global_limit = limit

    # ---- addresses ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._server.url("")

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE`` (``DISCORD_API_URL``)."""
        return f"{self.base_url}/api/v{API_VERSION}"

    @property
    def gateway_url(self) -> str:
        """The websocket URL (``DISCORD_GATEWAY_URL``; discord.py appends ``?v=10&...``)."""
        return self._server.url("/gateway", "ws")

    def env(self) -> dict[str, str]:
        """Environment for the askcoach composition root."""
        return {
            "DISCORD_TOKEN": self.token,
            "DISCORD_API_URL": self.api_base,
            "DISCORD_GATEWAY_URL": self.gateway_url,
        }

    @contextlib.contextmanager
    def patch_discord(self) -> Iterator[None]:
        """Point discord.py (process-wide class attributes) at this emulator, then restore."""
        import discord.gateway
        import discord.http
        import yarl

        old_base = discord.http.Route.BASE
        old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            discord.http.Route.BASE = old_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

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
        with self._lock:
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
            self._users[int(user_id)] = user
            return dict(user)

    def user(self, ref: UserRef) -> JSON:
        """The user object for an id (created on first use) or a user dict (registered)."""
        with self._lock:
            if isinstance(ref, Mapping):
                uid = int(ref["id"])
                if uid not in self._users:
                    self._users[uid] = {"discriminator": "0", "avatar": None, **dict(ref)}
                return dict(self._users[uid])
            uid = int(ref)
            if uid not in self._users:
                self.add_user(uid)
            return dict(self._users[uid])

    @staticmethod
    def _role(guild_id: int, raw: Mapping[str, Any]) -> JSON:
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
    def _member(user: JSON, roles: Sequence[int]) -> JSON:
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

    def _guild_create_payload(self, guild_id: int) -> JSON:
        with self._lock:
            return _clone(self._guilds[guild_id])

    def dm_channel_id(self, user_id: int) -> int:
        """The (stable) DM channel id between the bot and a user. Does not count as an open."""
        with self._lock:
            uid = int(user_id)
            if uid not in self._dm_channels:
                cid = self.snowflake()
                self._dm_channels[uid] = cid
                self._channels[cid] = {
                    "id": str(cid),
                    "type": 1,
                    "last_message_id": None,
                    "flags": 0,
                    "recipients": [self.user(uid)],
                }
            return self._dm_channels[uid]

    def close_dms(self, user_id: int) -> None:
        """From now on, messages to this user's DM channel get 403 / code 50007."""
        with self._lock:
            self._closed_dms.add(int(user_id))

    def open_dms(self, user_id: int) -> None:
        with self._lock:
            self._closed_dms.discard(int(user_id))

    def _member_permissions(self, guild_id: int, user_id: int) -> int:
        guild = self._guilds.get(guild_id)
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
        with self._lock:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method.upper())
                and _matches(pattern, c.path, c.route)
            ]

    def rate_limited(self, method: str | None = None, pattern: str | None = None) -> list[Call]:
        """The calls that were answered 429."""
        return [c for c in self.calls(method, pattern) if c.status == 429]

    def clear_calls(self) -> None:
        with self._lock:
            self._calls.clear()

    def delivered(self, channel_id: int | None = None) -> list[StoredMessage]:
        """Successful ``POST /channels/{id}/messages`` only (no interaction responses)."""
        with self._lock:
            return [
                m
                for m in self._messages.values()
                if m.source == "rest" and (channel_id is None or m.channel_id == int(channel_id))
            ]

    def messages_to(self, channel_id: int) -> list[StoredMessage]:
        """Every message the bot created in a channel (REST, interaction, followup), in order."""
        with self._lock:
            return [m for m in self._messages.values() if m.channel_id == int(channel_id)]

    def dms_to(self, user_id: int) -> list[StoredMessage]:
        """Messages the bot created in its DM channel with a user."""
        with self._lock:
            cid = self._dm_channels.get(int(user_id))
        return [] if cid is None else self.messages_to(cid)

    def message(self, message_id: int) -> StoredMessage:
        with self._lock:
            return self._messages[int(message_id)]

    def dm_opens(self, user_id: int | None = None) -> int:
        """How many times ``POST /users/@me/channels`` was called (for a recipient)."""
        with self._lock:
            return sum(1 for u in self._dm_open_calls if user_id is None or u == int(user_id))

    def interaction_responses(self, interaction_id: int | None = None) -> list[InteractionResponse]:
        with self._lock:
            return [
                r
                for r in self._interaction_responses
                if interaction_id is None or r.interaction_id == int(interaction_id)
            ]

    def commands(self, guild_id: int | None = None) -> list[JSON]:
        """The registered application commands (global, or for a guild)."""
        with self._lock:
            source = (
                self._global_commands
                if guild_id is None
                else self._guild_commands.get(int(guild_id), [])
            )
            return [dict(c) for c in source]

    def ops_received(self, op: int | None = None) -> list[GatewayOp]:
        with self._lock:
            return [o for o in self._ops if op is None or o.op == op]

    @property
    def identifies(self) -> list[JSON]:
        """Every IDENTIFY payload received (accepted or not)."""
        with self._lock:
            return [self._public(i) for i in self._identifies]

    @property
    def resumes(self) -> list[JSON]:
        """Every RESUME payload received (accepted or not)."""
        with self._lock:
            return [self._public(r) for r in self._resumes]

    @property
    def gateway_queries(self) -> list[dict[str, str]]:
        """The query string of every gateway connection (``v``, ``encoding``, ``compress``)."""
        with self._lock:
            return [dict(q) for q in self._gateway_queries]

    def sent(self, event: str | None = None) -> list[SentDispatch]:
        """Dispatches sent or queued to sessions (READY, GUILD_CREATE, test dispatches...)."""
        with self._lock:
            return [s for s in self._sent if event is None or s.event == event]

    def filtered(self) -> list[tuple[str, str, JSON]]:
        """(session id, event, data) for dispatches withheld because of missing intents."""
        with self._lock:
            return list(self._filtered)

    def internal_errors(self) -> list[BaseException]:
        """Exceptions raised inside the emulator's handlers (answered as 500): emulator bugs."""
        with self._lock:
            return list(self._internal_errors)

    @property
    def connections_opened(self) -> int:
        with self._lock:
            return self._connections_opened

    @property
    def connected(self) -> bool:
        with self._lock:
            return any(s.conn is not None for s in self._sessions.values())

    # ---- waiting -----------------------------------------------------------------------------

    def wait_until(self, check: Callable[[], T | None], timeout: float = 5.0) -> T:
        """Block until ``check()`` returns something other than None/False; return it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = check()
                if value is not None and value is not False:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"condition not met within {timeout}s")
                self._cond.wait(min(remaining, 0.05))

    async def wait_until_async(self, check: Callable[[], T | None], timeout: float = 5.0) -> T:
        """Like :meth:`wait_until` without blocking the running event loop."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                value = check()
            if value is not None and value is not False:
                return value
            if time.monotonic() >= deadline:
                raise TimeoutError(f"condition not met within {timeout}s")
            await asyncio.sleep(0.01)

    def _nth(self, items: Callable[[], Sequence[T]], count: int) -> Callable[[], T | None]:
        def check() -> T | None:
            found = items()
            return found[count - 1] if len(found) >= count else None

        return check

    def _at_least(self, items: Callable[[], list[T]], count: int) -> Callable[[], list[T] | None]:
        def check() -> list[T] | None:
            found = items()
            return found if len(found) >= count else None

        return check

    def wait_for_identify(self, timeout: float = 5.0, count: int = 1) -> JSON:
        """The ``count``-th IDENTIFY payload (``d``), once READY has been sent for it."""
        return self.wait_until(self._nth(self._identified, count), timeout)

    async def wait_for_identify_async(self, timeout: float = 5.0, count: int = 1) -> JSON:
        return await self.wait_until_async(self._nth(self._identified, count), timeout)

    def wait_for_resume(self, timeout: float = 5.0, count: int = 1) -> JSON:
        """The ``count``-th accepted RESUME payload, once RESUMED has been sent."""
        return self.wait_until(self._nth(self._resumed, count), timeout)

    async def wait_for_resume_async(self, timeout: float = 5.0, count: int = 1) -> JSON:
        return await self.wait_until_async(self._nth(self._resumed, count), timeout)

    def wait_for_calls(
        self, method: str, pattern: str, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        return self.wait_until(self._at_least(lambda: self.calls(method, pattern), count), timeout)

    async def wait_for_calls_async(
        self, method: str, pattern: str, count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        return await self.wait_until_async(
            self._at_least(lambda: self.calls(method, pattern), count), timeout
        )

    def wait_for_messages(
        self, channel_id: int | None = None, count: int = 1, timeout: float = 5.0
    ) -> list[StoredMessage]:
        """Wait for ``count`` delivered channel messages (see :meth:`delivered`)."""
        return self.wait_until(self._at_least(lambda: self.delivered(channel_id), count), timeout)

    async def wait_for_messages_async(
        self, channel_id: int | None = None, count: int = 1, timeout: float = 5.0
    ) -> list[StoredMessage]:
        return await self.wait_until_async(
            self._at_least(lambda: self.delivered(channel_id), count), timeout
        )

    def wait_for_interaction_response(
        self, interaction_id: int, timeout: float = 5.0
    ) -> InteractionResponse:
        return self.wait_until(
            self._nth(lambda: self.interaction_responses(interaction_id), 1), timeout
        )

    async def wait_for_interaction_response_async(
        self, interaction_id: int, timeout: float = 5.0
    ) -> InteractionResponse:
        return await self.wait_until_async(
            self._nth(lambda: self.interaction_responses(interaction_id), 1), timeout
        )

    def _identified(self) -> list[JSON]:
        return [self._public(i) for i in self._identifies if i.get("_ready_sent")]

    def _resumed(self) -> list[JSON]:
        return [self._public(r) for r in self._resumes if r.get("_resumed_sent")]

    @staticmethod
    def _public(record: JSON) -> JSON:
        return {k: v for k, v in record.items() if not k.startswith("_")}

    def _notify(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # ---- error injection ---------------------------------------------------------------------

    def queue_error(
        self,
        method: str,
        path_pattern: str,
        status: int = 500,
        *,
        json_body: JSON | None = None,
        retry_after: float = 0.5,
        is_global: bool = False,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` matching requests with ``status``. For 429 the body and
        headers are a proper rate-limit answer with ``retry_after``; otherwise ``json_body``
        (default ``{"message": "<status>: ...", "code": 0}``)."""
        with self._lock:
            self._queued_errors.append(
                _QueuedError(
                    method.upper(), path_pattern, status, json_body, retry_after, is_global, times
                )
            )
