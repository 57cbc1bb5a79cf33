"""A local Discord emulator (REST + gateway) for testing with the real ``discord.py``.

No internet, no real token: one aiohttp server on ``127.0.0.1:<ephemeral port>`` runs in a
background thread with its own event loop and serves both the REST API (under ``/api/v10``)
and the gateway websocket (``/gateway``). Every REST call is recorded; test hooks push gateway
dispatches (``MESSAGE_CREATE``, ``INTERACTION_CREATE`` ...), drop the connection, replay events,
close a member's DMs, queue errors and enforce Discord-like rate limits.

The module is deliberately *not* called ``discord.py``: it must never shadow the real package.

Pointing discord.py at the emulator
-----------------------------------
discord.py 2.x takes its REST base from the class attribute ``discord.http.Route.BASE``. A plain
``discord.Client`` does **not** ask ``GET /gateway/bot`` for the websocket URL: it connects to the
class attribute ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` (a ``yarl.URL``), then follows
``resume_gateway_url`` from READY for RESUMEs and falls back to ``DEFAULT_GATEWAY`` again after a
non-resumable INVALID_SESSION. (``AutoShardedClient`` does use the ``url`` from ``/gateway/bot``,
which the emulator also serves.) So both class attributes must be set, which
:meth:`DiscordEmulator.patch_discord` does and undoes::

    import asyncio, discord
    from tests.emulators.discord_emulator import DiscordEmulator

    with DiscordEmulator() as emu, emu.patch_discord():
        # equivalent to:
        #   discord.http.Route.BASE = emu.api_base            # http://127.0.0.1:PORT/api/v10
        #   discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(emu.gateway_url)
        emu.add_guild(1001, "Job Club", owner_id=42, members=[42, 43], channels=[2001])

        async def main() -> None:
            intents = discord.Intents.none()
            intents.guilds = True
            intents.dm_messages = True
            client = discord.Client(intents=intents, guild_ready_timeout=0.1)
            runner = asyncio.create_task(client.start(emu.token))
            await emu.wait_for_identify_async()
            emu.dispatch("MESSAGE_CREATE", emu.dm_message(42, "help"))
            await emu.wait_for_messages_async(count=1)
            await client.close()
            await runner

        asyncio.run(main())

For the askcoach composition root use :meth:`DiscordEmulator.env` (``DISCORD_TOKEN``,
``DISCORD_API_URL``, ``DISCORD_GATEWAY_URL``). ``guild_ready_timeout`` is worth lowering in tests:
discord.py waits that long (default 2 s) after the last GUILD_CREATE before firing ``on_ready``.

Waiting
-------
Every ``wait_for_*`` helper has a blocking form (for sync tests / other threads) and an
``*_async`` form. Inside the event loop that runs the discord.py client, always use the
``*_async`` form: the blocking one would freeze the client it is waiting for.

Realism notes
-------------
* Auth: every bot route needs ``Authorization: Bot <token>``; a wrong token gets
  ``401 {"message": "401: Unauthorized", "code": 0}`` (discord.py raises ``LoginFailure``), and a
  wrong token in IDENTIFY/RESUME closes the gateway with 4004. Interaction callbacks and
  interaction webhooks need no Authorization, like on Discord.
* Intents: IDENTIFY with privileged intents (members, presences, message content) closes with
  4014 unless ``allow_privileged_intents=True``. Dispatches are filtered by intent (guild events
  need GUILDS, DMs need DIRECT_MESSAGES, guild messages need GUILD_MESSAGES) and guild message
  content is blanked without MESSAGE_CONTENT unless the bot is mentioned; filtered events are
  listed by :meth:`DiscordEmulator.filtered`.
* Every response carries ``Via: 1.1 google``: discord.py treats a 429 *without* ``Via`` as a
  Cloudflare ban and raises instead of waiting.
* Rate limits: a global limit (default 50 requests per second, interaction routes exempt) and
  per-route buckets keyed by route and top-level resource (default: message create, 5 per 5 s per
  channel) with ``X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket`` headers; a 429 has
  ``Retry-After``, ``X-RateLimit-Scope`` (and ``X-RateLimit-Global``) and the body
  ``{"message": "You are being rate limited.", "retry_after": ..., "global": ...}``. discord.py
  reads the headers and waits pre-emptively, so it rarely sees a natural 429; use
  ``queue_error(..., status=429)`` to force one.
* Interactions must be answered within ``interaction_timeout`` (3 s, like Discord) and only once
  (``400`` code 40060 otherwise); followups need an acknowledged interaction. Assumption (the
  Discord docs are vague): the first followup after a type-5 deferral replaces the "thinking"
  message instead of creating a new one; robust code edits ``@original`` instead.
* Gateway: HELLO -> IDENTIFY -> READY (+ GUILD_CREATE per guild) or RESUME -> missed dispatches
  -> RESUMED; heartbeats are ACKed; ``zlib-stream`` transport compression is honoured when asked
  for (discord.py asks by default). A client close with 1000/1001 ends the session (as on
  Discord); any other close keeps it resumable.
* ``replay_last`` re-sends the same payloads with *new* sequence numbers (a duplicate delivery);
  events missed while disconnected are replayed on RESUME with their original sequence numbers.
* Sharding: IDENTIFY's ``shard: [id, count]`` is honoured. A session gets READY and GUILD_CREATE
  only for its guilds (``(guild_id >> 22) % count == id``, :func:`shard_for`), every guild event
  only on that guild's shard, and DMs (messages and interactions without a guild) only on shard
  0, like Discord. An invalid shard closes the gateway with 4010; a session that would hold
  more than ``max_guilds_per_shard`` guilds (Discord: 2,500) closes with 4011 (sharding
  required). Several sessions may identify as the same shard (Discord allows it); each gets the
  shard's events. ``GET /gateway/bot`` recommends ``shards`` (one per 1,000 guilds unless
  ``recommended_shards`` says otherwise). Identify concurrency (``max_concurrency``) is not
  enforced.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import itertools
import json
import math
import re
import secrets
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from aiohttp import BodyPartReader, WSMsgType, web

JSON = dict[str, Any]
UserRef = int | str | Mapping[str, Any]
T = TypeVar("T")

DISCORD_EPOCH_MS = 1_420_070_400_000
API_VERSION = 10

# Gateway opcodes
OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_RESUME = 6
OP_RECONNECT = 7
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

# Gateway intents (bit values from the Discord docs)
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_GUILD_MESSAGE_TYPING = 1 << 11
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13
INTENT_DIRECT_MESSAGE_TYPING = 1 << 14
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# Interaction types and callback types
INTERACTION_APPLICATION_COMMAND = 2
INTERACTION_MESSAGE_COMPONENT = 3
INTERACTION_MODAL_SUBMIT = 5
CALLBACK_CHANNEL_MESSAGE = 4
CALLBACK_DEFERRED_CHANNEL_MESSAGE = 5
CALLBACK_DEFERRED_UPDATE_MESSAGE = 6
CALLBACK_UPDATE_MESSAGE = 7
CALLBACK_AUTOCOMPLETE_RESULT = 8
CALLBACK_MODAL = 9

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Gateway close codes for sharding
CLOSE_INVALID_SHARD = 4010
CLOSE_SHARDING_REQUIRED = 4011
GUILDS_PER_RECOMMENDED_SHARD = 1000

_GUILD_EVENTS = {
    "GUILD_CREATE",
    "GUILD_UPDATE",
    "GUILD_DELETE",
    "GUILD_ROLE_CREATE",
    "GUILD_ROLE_UPDATE",
    "GUILD_ROLE_DELETE",
    "CHANNEL_CREATE",
    "CHANNEL_UPDATE",
    "CHANNEL_DELETE",
    "THREAD_CREATE",
    "THREAD_UPDATE",
    "THREAD_DELETE",
}
_MEMBER_EVENTS = {"GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE"}
_MESSAGE_EVENTS = {"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK"}
_REACTION_EVENTS = {
    "MESSAGE_REACTION_ADD",
    "MESSAGE_REACTION_REMOVE",
    "MESSAGE_REACTION_REMOVE_ALL",
    "MESSAGE_REACTION_REMOVE_EMOJI",
}


def shard_for(guild_id: int, shard_count: int) -> int:
    """The shard that gets a guild's events (Discord's formula)."""
    return (int(guild_id) >> 22) % shard_count


def _routing_guild(event: str, data: Mapping[str, Any]) -> int | None:
    """The guild whose shard gets this dispatch; None for DMs and other guild-less events."""
    if event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"):
        return int(data["id"])
    guild_id = data.get("guild_id")
    return int(guild_id) if guild_id is not None else None


def _valid_shard(shard: Any) -> tuple[int, int] | None:
    """IDENTIFY's ``shard`` as (id, count), or None when it is not ``[id, count]`` with
    ``0 <= id < count``."""
    if not isinstance(shard, list) or len(shard) != 2:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in shard):
        return None
    shard_id, count = shard
    return (shard_id, count) if count >= 1 and 0 <= shard_id < count else None


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _clone(obj: Mapping[str, Any]) -> JSON:
    """A deep, JSON-safe copy (what a client would get over the wire)."""
    return cast(JSON, json.loads(json.dumps(obj)))


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """`/channels/{id}/messages` or `/channels/*/messages` -> regex (one path segment each)."""
    parts = re.split(r"(\{[^}/]*\}|\*)", pattern)
    body = "".join("[^/]+" if p == "*" or p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{body}$")


def _matches(pattern: str | None, path: str, route: str) -> bool:
    if pattern is None:
        return True
    return pattern == route or bool(_pattern_regex(pattern).match(path))


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadedFile:
    """A file sent in a multipart request (``files[n]`` field)."""

    field: str
    filename: str
    content_type: str
    data: bytes

    @property
    def is_png(self) -> bool:
        return self.data.startswith(PNG_SIGNATURE)


@dataclass(frozen=True)
class Call:
    """One REST request and the emulator's answer."""

    method: str
    path: str  # path after the API prefix, e.g. /channels/123/messages
    route: str  # the route template, e.g. /channels/{channel_id}/messages ('' if unknown)
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: tuple[UploadedFile, ...]
    status: int
    response: Any
    at: float

    @property
    def authorization(self) -> str | None:
        return self.headers.get("Authorization")


@dataclass(frozen=True)
class Pings:
    """Who a message would actually notify, given its content and ``allowed_mentions``."""

    everyone: bool
    users: frozenset[int]
    roles: frozenset[int]

    @property
    def any(self) -> bool:
        return self.everyone or bool(self.users) or bool(self.roles)


def resolve_pings(content: str, allowed_mentions: Mapping[str, Any] | None) -> Pings:
    """Discord's mention rules: no ``allowed_mentions`` means everything in the text pings."""
    users = {int(m) for m in re.findall(r"<@!?(\d+)>", content)}
    roles = {int(m) for m in re.findall(r"<@&(\d+)>", content)}
    everyone = "@everyone" in content or "@here" in content
    if allowed_mentions is None:
        return Pings(everyone, frozenset(users), frozenset(roles))
    parse = set(allowed_mentions.get("parse") or [])
    allowed_users = {int(u) for u in allowed_mentions.get("users") or []}
    allowed_roles = {int(r) for r in allowed_mentions.get("roles") or []}
    return Pings(
        everyone=everyone and "everyone" in parse,
        users=frozenset(u for u in users if "users" in parse or u in allowed_users),
        roles=frozenset(r for r in roles if "roles" in parse or r in allowed_roles),
    )


@dataclass
class StoredMessage:
    """A message the bot created (REST, interaction response or webhook followup)."""

    id: int
    channel_id: int
    source: str  # "rest" | "interaction" | "webhook"
    payload: JSON  # the request body (payload_json for multipart)
    message: JSON  # the message object returned to the client (kept up to date by edits)
    files: list[UploadedFile] = field(default_factory=list)
    edits: list[JSON] = field(default_factory=list)
    interaction_id: int | None = None
    deleted: bool = False

    @property
    def content(self) -> str:
        return str(self.message.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        return list(self.message.get("embeds") or [])

    @property
    def components(self) -> list[JSON]:
        return list(self.message.get("components") or [])

    @property
    def allowed_mentions(self) -> JSON | None:
        value = self.payload.get("allowed_mentions")
        return dict(value) if isinstance(value, Mapping) else None

    @property
    def flags(self) -> int:
        return int(self.message.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & MESSAGE_FLAG_EPHEMERAL)

    @property
    def pings(self) -> Pings:
        return resolve_pings(self.content, self.allowed_mentions)

    def custom_ids(self) -> list[str]:
        """Every ``custom_id`` in the message's components, depth first."""
        found: list[str] = []

        def walk(items: Sequence[Any]) -> None:
            for item in items:
                if not isinstance(item, Mapping):
                    continue
                if "custom_id" in item:
                    found.append(str(item["custom_id"]))
                walk(item.get("components") or [])
                if isinstance(item.get("component"), Mapping):
                    walk([item["component"]])
                if isinstance(item.get("accessory"), Mapping):
                    walk([item["accessory"]])

        walk(self.components)
        return found


@dataclass(frozen=True)
class InteractionResponse:
    """One ``POST /interactions/{id}/{token}/callback`` that was accepted."""

    interaction_id: int
    token: str
    type: int
    data: JSON
    message_id: int | None


@dataclass(frozen=True)
class GatewayOp:
    """A gateway payload received from a client."""

    connection: int
    op: int
    d: Any
    at: float


@dataclass(frozen=True)
class SentDispatch:
    """A dispatch the emulator sent (``live``) or queued for a disconnected session."""

    session_id: str
    seq: int
    event: str
    data: JSON
    live: bool
    replayed: bool
    shard: tuple[int, int] = (0, 1)  # the receiving session's [id, count]


@dataclass(frozen=True)
class RouteLimit:
    limit: int
    per: float


class _ApiError(Exception):
    def __init__(self, status: int, message: str, code: int = 0, extra: JSON | None = None):
        super().__init__(message)
        self.status = status
        self.body: JSON = {"message": message, "code": code, **(extra or {})}


@dataclass
class _QueuedError:
    method: str
    pattern: str
    status: int
    body: JSON | None
    retry_after: float
    is_global: bool
    remaining: int


@dataclass
class _Bucket:
    reset_at: float = 0.0  # monotonic
    count: int = 0


@dataclass
class _Interaction:
    id: int
    token: str
    type: int
    channel_id: int
    created: float
    message_id: int | None = None  # the message a component interaction is attached to
    acked: bool = False
    original_message_id: int | None = None


class _Conn:
    """One websocket connection (server side)."""

    _ids = itertools.count(1)

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, compress: str | None):
        self.id = next(self._ids)
        self.ws = ws
        self.request = request
        self.session: _Session | None = None
        self.closed_by_server = False
        self._zlib = zlib.compressobj() if compress == "zlib-stream" else None

    async def send(self, payload: JSON) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        if self._zlib is not None:
            data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
            await self.ws.send_bytes(data)
        else:
            await self.ws.send_str(text)


@dataclass
class _Session:
    session_id: str
    token: str
    intents: int
    identify: JSON
    shard: tuple[int, int] = (0, 1)  # [id, count] from IDENTIFY; unsharded is shard 0 of 1
    seq: int = 0
    history: list[tuple[int, str, JSON]] = field(default_factory=list)
    conn: _Conn | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


_RouteHandler = Callable[["_Req"], Awaitable[tuple[int, Any]]]


@dataclass
class _Req:
    method: str
    path: str
    route: str
    params: dict[str, str]
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[UploadedFile]


@dataclass(frozen=True)
class _Route:
    method: str
    template: str
    handler: _RouteHandler
    major: str | None  # top-level resource parameter for rate-limit buckets
    bot_auth: bool
    global_limited: bool
    regex: re.Pattern[str]


# --------------------------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------------------------


class DiscordEmulator:
    """A local Discord REST API + gateway. Use as a context manager or ``start()``/``stop()``."""

    DEFAULT_ROUTE_LIMITS: Mapping[tuple[str, str], RouteLimit] = {
        ("POST", "/channels/{channel_id}/messages"): RouteLimit(5, 5.0),
    }

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
        self.global_limit = global_limit
        self.global_window = global_window
        self.route_limits: dict[tuple[str, str], RouteLimit] = dict(
            self.DEFAULT_ROUTE_LIMITS if route_limits is None else route_limits
        )
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
        self._global_window_start = 0.0
        self._global_count = 0
        self._buckets: dict[str, _Bucket] = {}
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
        self._routes: list[_Route] = self._build_routes()

        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._started = threading.Event()
        self._start_error: BaseException | None = None
        self._gate: asyncio.Event | None = None
        self._port = 0

    # ---- lifecycle ---------------------------------------------------------------------------

    def start(self) -> DiscordEmulator:
        if self._thread is not None:
            return self
        self._thread = threading.Thread(target=self._run, name="discord-emulator", daemon=True)
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("Discord emulator did not start")
        if self._start_error is not None:
            raise RuntimeError("Discord emulator failed to start") from self._start_error
        return self

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._thread = None
        self._loop = None

    def __enter__(self) -> DiscordEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as exc:  # pragma: no cover - startup failure
            self._start_error = exc
            self._started.set()
            loop.close()
            return
        self._started.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> None:
        self._gate = asyncio.Event()
        self._gate.set()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_get("/attachments/{message_id}/{index}/{filename}", self._attachment)
        app.router.add_route("*", "/api/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def _shutdown(self) -> None:
        for conn in list(self._conns.values()):
            conn.closed_by_server = True
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001, message=b"emulator stopping")
        if self._runner is not None:
            await self._runner.cleanup()

    # ---- addresses ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE`` (``DISCORD_API_URL``)."""
        return f"{self.base_url}/api/v{API_VERSION}"

    @property
    def gateway_url(self) -> str:
        """The websocket URL (``DISCORD_GATEWAY_URL``; discord.py appends ``?v=10&...``)."""
        return f"ws://127.0.0.1:{self._port}/gateway"

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
        new guild is announced with GUILD_CREATE (the bot "joins")."""
        owner = int(owner_id) if owner_id is not None else self.bot_id
        member_roles = member_roles or {}
        role_list: list[JSON] = [self._role(guild_id, {"id": guild_id, "name": "@everyone"})]
        role_list += [self._role(guild_id, r) for r in roles if int(r["id"]) != guild_id]
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
            member_list.append(self._member(user, [int(r) for r in member_roles.get(uid, [])]))
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
        with self._lock:
            self._guilds[int(guild_id)] = guild
            for ch in channel_list:
                self._channels[int(ch["id"])] = {**ch, "guild_id": str(guild_id)}
            connected = any(s.conn is not None for s in self._sessions.values())
        if announce and connected:
            self.dispatch("GUILD_CREATE", self._guild_create_payload(int(guild_id)))
        return guild

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

    # ---- gateway test hooks ------------------------------------------------------------------

    def _run_in_loop(self, coro: Awaitable[T], timeout: float = 10.0) -> T:
        if self._loop is None:
            raise RuntimeError("emulator not started")

        async def wrap() -> T:
            return await coro

        return asyncio.run_coroutine_threadsafe(wrap(), self._loop).result(timeout)

    def dispatch(self, event: str, data: Mapping[str, Any]) -> int:
        """Send a dispatch (op 0) to every identified session, with the next sequence number.
        A disconnected (resumable) session keeps it for replay on RESUME. Returns how many
        sessions got it (sent or queued)."""
        payload = _clone(data)
        with self._lock:
            self._dispatched.append((event, payload))
            if event == "MESSAGE_CREATE" and "id" in payload and "channel_id" in payload:
                self._incoming[int(payload["id"])] = payload  # the bot may fetch it later
        return self._run_in_loop(self._dispatch_all(event, payload))

    def replay_last(self, n: int = 1) -> int:
        """Dispatch again the last ``n`` test dispatches, same payloads (duplicate delivery)."""
        with self._lock:
            again = self._dispatched[-n:]
        total = 0
        for event, data in again:
            total += self._run_in_loop(self._dispatch_all(event, data))
        return total

    def drop_connection(self, code: int | None = 4000, *, hold_reconnect: bool = False) -> None:
        """Close every gateway websocket. ``code`` is the close code (4000 = unknown error,
        resumable); ``None`` aborts the TCP connection without a close frame. With
        ``hold_reconnect`` new connections wait for HELLO until :meth:`release_reconnect`, so
        dispatches sent meanwhile are guaranteed to be missed and replayed on RESUME."""
        self._run_in_loop(self._drop(code, hold_reconnect))

    def release_reconnect(self) -> None:
        self._run_in_loop(self._release())

    def invalidate_session(self, resumable: bool = False) -> None:
        """Send INVALID_SESSION (op 9) to every connected session. Non-resumable sessions are
        forgotten, so the client must IDENTIFY again."""
        self._run_in_loop(self._invalidate(resumable))

    def request_reconnect(self) -> None:
        """Send RECONNECT (op 7); discord.py closes and RESUMEs."""
        self._run_in_loop(self._send_op_all(OP_RECONNECT, None))

    def fail_next_resume(self) -> None:
        """Answer the next RESUME with INVALID_SESSION(false) (as for an expired session)."""
        with self._lock:
            self._fail_next_resume = True

    async def _drop(self, code: int | None, hold: bool) -> None:
        assert self._gate is not None
        if hold:
            self._gate.clear()
        for conn in list(self._conns.values()):
            conn.closed_by_server = True
            session = conn.session
            if session is not None:
                async with session.lock:
                    if session.conn is conn:
                        session.conn = None
            if code is None:
                transport = conn.request.transport
                if transport is not None:
                    transport.abort()
            else:
                with contextlib.suppress(Exception):
                    await conn.ws.close(code=code, message=b"emulator dropped the connection")
        self._notify()

    async def _release(self) -> None:
        assert self._gate is not None
        self._gate.set()

    async def _invalidate(self, resumable: bool) -> None:
        for session in list(self._sessions.values()):
            conn = session.conn
            if conn is None:
                continue
            if not resumable:
                with self._lock:
                    self._sessions.pop(session.session_id, None)
                session.conn = None
            await conn.send({"op": OP_INVALID_SESSION, "d": resumable, "s": None, "t": None})

    async def _send_op_all(self, op: int, d: Any) -> None:
        for session in list(self._sessions.values()):
            if session.conn is not None:
                await session.conn.send({"op": op, "d": d, "s": None, "t": None})

    # ---- gateway dispatch --------------------------------------------------------------------

    def _allowed(self, session: _Session, event: str, data: JSON) -> JSON | None:
        """Apply intents: None if the session must not get the event, else the (maybe blanked)
        payload."""
        if not self.enforce_intents:
            return data
        intents = session.intents
        in_guild = data.get("guild_id") is not None
        needed = 0
        if event in _GUILD_EVENTS:
            needed = INTENT_GUILDS
        elif event in _MEMBER_EVENTS:
            needed = INTENT_GUILD_MEMBERS
        elif event in _MESSAGE_EVENTS:
            needed = INTENT_GUILD_MESSAGES if in_guild else INTENT_DIRECT_MESSAGES
        elif event in _REACTION_EVENTS:
            needed = INTENT_GUILD_MESSAGE_REACTIONS if in_guild else INTENT_DIRECT_MESSAGE_REACTIONS
        elif event == "TYPING_START":
            needed = INTENT_GUILD_MESSAGE_TYPING if in_guild else INTENT_DIRECT_MESSAGE_TYPING
        elif event == "PRESENCE_UPDATE":
            needed = INTENT_GUILD_PRESENCES
        if needed and not intents & needed:
            return None
        if (
            event in ("MESSAGE_CREATE", "MESSAGE_UPDATE")
            and in_guild
            and not intents & INTENT_MESSAGE_CONTENT
        ):
            author = str((data.get("author") or {}).get("id"))
            mentioned = any(str(u.get("id")) == str(self.bot_id) for u in data.get("mentions", []))
            if author != str(self.bot_id) and not mentioned:
                data = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
        return data

    async def _dispatch_all(self, event: str, data: JSON) -> int:
        count = 0
        guild_id = _routing_guild(event, data)
        for session in list(self._sessions.values()):
            shard_id, shard_count = session.shard
            if guild_id is None and shard_id != 0:
                continue  # DMs (and other guild-less events) go to shard 0 only
            if guild_id is not None and shard_for(guild_id, shard_count) != shard_id:
                continue
            if await self._dispatch_to(session, event, data):
                count += 1
        return count

    async def _dispatch_to(self, session: _Session, event: str, data: JSON) -> bool:
        allowed = self._allowed(session, event, data)
        if allowed is None:
            with self._lock:
                self._filtered.append((session.session_id, event, data))
            return False
        async with session.lock:
            session.seq += 1
            seq = session.seq
            session.history.append((seq, event, allowed))
            conn = session.conn
            live = conn is not None
            if conn is not None:
                try:
                    await conn.send({"op": OP_DISPATCH, "t": event, "s": seq, "d": allowed})
                except Exception:
                    live = False
            with self._lock:
                self._sent.append(
                    SentDispatch(
                        session.session_id, seq, event, allowed, live, False, session.shard
                    )
                )
        self._notify()
        return True

    # ---- gateway websocket -------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        compress = request.query.get("compress")
        if compress == "zstd-stream":
            compress = None  # not supported here: plain text frames (discord.py accepts them)
        conn = _Conn(ws, request, compress)
        with self._lock:
            self._conns[conn.id] = conn
            self._connections_opened += 1
            self._gateway_queries.append(dict(request.query))
        try:
            if request.query.get("encoding", "json") != "json":
                await ws.close(code=4002, message=b"only encoding=json is emulated")
                return ws
            if request.query.get("v") not in (None, str(API_VERSION), "9"):
                await ws.close(code=4012, message=b"Invalid API version")
                return ws
            assert self._gate is not None
            await self._gate.wait()
            await conn.send(
                {
                    "op": OP_HELLO,
                    "d": {"heartbeat_interval": self.heartbeat_interval_ms},
                    "s": None,
                    "t": None,
                }
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                try:
                    payload = json.loads(msg.data)
                    op = int(payload["op"])
                except (ValueError, KeyError, TypeError):
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                with self._lock:
                    self._ops.append(GatewayOp(conn.id, op, payload.get("d"), time.time()))
                self._notify()
                await self._on_op(conn, op, payload.get("d"))
        finally:
            with self._lock:
                self._conns.pop(conn.id, None)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if not conn.closed_by_server and ws.close_code in (1000, 1001):
                    with self._lock:  # a clean client close ends the session, as on Discord
                        self._sessions.pop(session.session_id, None)
            self._notify()
        return ws

    async def _on_op(self, conn: _Conn, op: int, d: Any) -> None:
        if op == OP_HEARTBEAT:
            await conn.send({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == OP_IDENTIFY:
            await self._identify(conn, d if isinstance(d, dict) else {})
        elif op == OP_RESUME:
            await self._resume(conn, d if isinstance(d, dict) else {})
        elif op in (3, 4, 8, 31):  # presence, voice state, request members, soundboard
            if conn.session is None:
                await conn.ws.close(code=4003, message=b"Not authenticated.")
        else:
            await conn.ws.close(code=4001, message=b"Unknown opcode.")

    async def _identify(self, conn: _Conn, d: JSON) -> None:
        if conn.session is not None:
            await conn.ws.close(code=4005, message=b"Already authenticated.")
            return
        record = dict(d)
        with self._lock:
            self._identifies.append(record)
        if d.get("token") not in self.tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        shard = _valid_shard(d["shard"]) if "shard" in d else (0, 1)
        if shard is None:
            await conn.ws.close(code=CLOSE_INVALID_SHARD, message=b"Invalid shard.")
            return
        with self._lock:
            guild_ids = [g for g in self._guilds if shard_for(g, shard[1]) == shard[0]]
        if len(guild_ids) > self.max_guilds_per_shard:
            await conn.ws.close(code=CLOSE_SHARDING_REQUIRED, message=b"Sharding required.")
            return
        intents = int(d.get("intents", 0))
        if intents & PRIVILEGED_INTENTS and not self.allow_privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session = _Session(secrets.token_hex(16), str(d["token"]), intents, record, shard)
        with self._lock:
            self._sessions[session.session_id] = session
        conn.session = session
        session.conn = conn
        ready: JSON = {
            "v": API_VERSION,
            "user": dict(self.bot_user),
            "guilds": [{"id": str(g), "unavailable": True} for g in guild_ids],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.gateway_url,
            "private_channels": [],
            "presences": [],
            "relationships": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
            "auth_session_id_hash": "",
            "application": {"id": str(self.application_id), "flags": 0},
            "_trace": ["askcoach-discord-emulator"],
        }
        if "shard" in d:
            ready["shard"] = d["shard"]
        await self._dispatch_to(session, "READY", ready)
        for gid in guild_ids:
            await self._dispatch_to(session, "GUILD_CREATE", self._guild_create_payload(gid))
        with self._lock:
            record["_ready_sent"] = True
        self._notify()

    async def _resume(self, conn: _Conn, d: JSON) -> None:
        record = dict(d)
        with self._lock:
            self._resumes.append(record)
            session = self._sessions.get(str(d.get("session_id")))
            fail = self._fail_next_resume
            self._fail_next_resume = False
        if d.get("token") not in self.tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        if session is None or fail or session.token != d.get("token"):
            if session is not None:
                with self._lock:
                    self._sessions.pop(session.session_id, None)
            await conn.send({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        client_seq = int(d.get("seq") or 0)
        async with session.lock:
            old = session.conn
            if old is not None and old is not conn:
                old.closed_by_server = True
                with contextlib.suppress(Exception):
                    await old.ws.close(code=4000)
            conn.session = session
            for seq, event, data in list(session.history):
                if seq > client_seq:
                    await conn.send({"op": OP_DISPATCH, "t": event, "s": seq, "d": data})
                    with self._lock:
                        self._sent.append(
                            SentDispatch(
                                session.session_id, seq, event, data, True, True, session.shard
                            )
                        )
            session.seq += 1
            await conn.send(
                {
                    "op": OP_DISPATCH,
                    "t": "RESUMED",
                    "s": session.seq,
                    "d": {"_trace": ["askcoach-discord-emulator"]},
                }
            )
            session.conn = conn
            with self._lock:
                record["_resumed_sent"] = True
        self._notify()

    # ---- payload builders --------------------------------------------------------------------

    def dm_message(
        self,
        user_id: int | Mapping[str, Any],
        content: str,
        message_id: int | None = None,
        *,
        attachments: Sequence[JSON] = (),
    ) -> JSON:
        """A ``MESSAGE_CREATE`` payload for a DM from a member to the bot (no ``guild_id``)."""
        author = self.user(user_id)
        channel_id = self.dm_channel_id(int(author["id"]))
        return self._incoming_message(author, channel_id, content, message_id, None, attachments)

    def guild_message(
        self,
        user_id: int | Mapping[str, Any],
        guild_id: int,
        channel_id: int,
        content: str,
        message_id: int | None = None,
        *,
        mentions: Sequence[UserRef] = (),
    ) -> JSON:
        """A ``MESSAGE_CREATE`` payload for a guild channel message (with ``member``)."""
        author = self.user(user_id)
        msg = self._incoming_message(author, channel_id, content, message_id, guild_id, ())
        msg["member"] = {
            k: v for k, v in self._find_member(guild_id, author).items() if k != "user"
        }
        msg["mentions"] = [self.user(m) for m in mentions]
        return msg

    def _incoming_message(
        self,
        author: JSON,
        channel_id: int,
        content: str,
        message_id: int | None,
        guild_id: int | None,
        attachments: Sequence[JSON],
    ) -> JSON:
        msg: JSON = {
            "id": str(message_id if message_id is not None else self.snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "channel_type": 1 if guild_id is None else 0,
            "author": author,
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": list(attachments),
            "embeds": [],
            "components": [],
            "pinned": False,
            "flags": 0,
            "nonce": str(self.snowflake()),
        }
        if guild_id is not None:
            msg["guild_id"] = str(guild_id)
        return msg

    def _find_member(self, guild_id: int, user: JSON) -> JSON:
        with self._lock:
            guild = self._guilds.get(int(guild_id))
            if guild is not None:
                for m in guild["members"]:
                    if m["user"]["id"] == user["id"]:
                        return _clone(m)
        return self._member(user, [])

    def _interaction(
        self,
        itype: int,
        data: JSON,
        user: UserRef,
        guild_id: int | None,
        channel_id: int | None,
        message: JSON | None = None,
    ) -> JSON:
        u = self.user(user)
        uid = int(u["id"])
        if channel_id is None:
            if guild_id is not None:
                with self._lock:
                    chans = self._guilds.get(int(guild_id), {}).get("channels", [])
                channel_id = int(chans[0]["id"]) if chans else self.snowflake()
            else:
                channel_id = self.dm_channel_id(uid)
        iid = self.snowflake()
        token = "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(32)
        payload: JSON = {
            "id": str(iid),
            "application_id": str(self.application_id),
            "type": itype,
            "data": data,
            "channel_id": str(channel_id),
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "app_permissions": str((1 << 53) - 1),
        }
        if guild_id is not None:
            member = self._find_member(int(guild_id), u)
            member["permissions"] = str(self._member_permissions(int(guild_id), uid))
            payload["guild_id"] = str(guild_id)
            payload["guild"] = {"id": str(guild_id), "locale": "en-US", "features": []}
            payload["guild_locale"] = "en-US"
            payload["member"] = member
            payload["context"] = 0
            payload["authorizing_integration_owners"] = {"0": str(guild_id)}
            with self._lock:
                ch = dict(self._channels.get(int(channel_id), {}))
            payload["channel"] = {
                "id": str(channel_id),
                "type": int(ch.get("type", 0)),
                "name": ch.get("name", f"channel-{channel_id}"),
                "guild_id": str(guild_id),
                "position": int(ch.get("position", 0)),
                "permission_overwrites": [],
                "nsfw": False,
                "parent_id": None,
                "rate_limit_per_user": 0,
                "flags": 0,
                "permissions": str((1 << 53) - 1),
            }
        else:
            payload["user"] = u
            payload["context"] = 1
            payload["authorizing_integration_owners"] = {"0": "0"}
            payload["channel"] = {
                "id": str(channel_id),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [u],
            }
        if message is not None:
            payload["message"] = message
        with self._lock:
            self._interactions[iid] = _Interaction(
                id=iid,
                token=token,
                type=itype,
                channel_id=int(channel_id),
                created=time.monotonic(),
                message_id=int(message["id"]) if message is not None else None,
            )
        return payload

    def _find_command(self, name: str, guild_id: int | None) -> JSON | None:
        with self._lock:
            pools = []
            if guild_id is not None:
                pools.append(self._guild_commands.get(int(guild_id), []))
            pools.append(self._global_commands)
            for pool in pools:
                for cmd in pool:
                    if cmd["name"] == name and int(cmd.get("type", 1)) == 1:
                        return dict(cmd)
        return None

    @staticmethod
    def _option_type(value: Any, declared: Mapping[str, Any] | None) -> int:
        if declared is not None and "type" in declared:
            return int(declared["type"])
        if isinstance(value, bool):
            return 5
        if isinstance(value, int):
            return 4
        if isinstance(value, float):
            return 10
        return 3

    def slash_command(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[JSON] | None,
        user: UserRef,
        guild_id: int | None = None,
        channel_id: int | None = None,
    ) -> JSON:
        """An ``INTERACTION_CREATE`` payload (type 2) for ``/name``. ``name`` may contain a
        subcommand (``"coach ask"``). ``options`` is ``{option: value}`` (types come from the
        synced command when known, else from the Python type) or raw option dicts. Without
        ``guild_id`` the command is used in the bot's DM with the user."""
        parts = name.split()
        cmd = self._find_command(parts[0], guild_id)
        declared: list[JSON] = list(cmd.get("options", [])) if cmd else []
        for sub in parts[1:]:
            match = next((o for o in declared if o.get("name") == sub), None)
            declared = list(match.get("options", [])) if match else []
        if options is None:
            leaf: list[JSON] = []
        elif isinstance(options, Mapping):
            leaf = []
            for key, value in options.items():
                decl = next((o for o in declared if o.get("name") == key), None)
                otype = self._option_type(value, decl)
                leaf.append(
                    {"name": key, "type": otype, "value": str(value) if otype == 6 else value}
                )
        else:
            leaf = [dict(o) for o in options]
        resolved_users = {
            str(o["value"]): self.user(int(o["value"])) for o in leaf if o.get("type") == 6
        }
        nested = leaf
        for sub in reversed(parts[1:]):
            nested = [{"name": sub, "type": 1, "options": nested}]
        data: JSON = {
            "id": str(cmd["id"]) if cmd else str(self.snowflake()),
            "name": parts[0],
            "type": 1,
            "options": nested,
        }
        if cmd and cmd.get("guild_id"):
            data["guild_id"] = str(cmd["guild_id"])
        if resolved_users:
            data["resolved"] = {"users": resolved_users}
        return self._interaction(INTERACTION_APPLICATION_COMMAND, data, user, guild_id, channel_id)

    def button_press(
        self,
        custom_id: str,
        user: UserRef,
        message_id: int,
        channel_id: int | None = None,
        guild_id: int | None = None,
        *,
        component_type: int = 2,
        values: Sequence[str] | None = None,
    ) -> JSON:
        """An ``INTERACTION_CREATE`` payload (type 3) for a press on a component of a message.
        If the bot sent ``message_id`` (through the emulator) that message object is used."""
        with self._lock:
            stored = self._messages.get(int(message_id))
            message = _clone(stored.message) if stored else None
        if message is None:
            cid = (
                channel_id
                if channel_id is not None
                else self.dm_channel_id(int(self.user(user)["id"]))
            )
            message = {
                "id": str(message_id),
                "type": 0,
                "channel_id": str(cid),
                "author": dict(self.bot_user),
                "content": "",
                "timestamp": _now_iso(),
                "edited_timestamp": None,
                "tts": False,
                "mention_everyone": False,
                "mentions": [],
                "mention_roles": [],
                "attachments": [],
                "embeds": [],
                "pinned": False,
                "flags": 0,
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {"type": component_type, "custom_id": custom_id, "style": 1}
                        ],
                    }
                ],
            }
        if channel_id is None:
            channel_id = int(message["channel_id"])
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = list(values)
        return self._interaction(
            INTERACTION_MESSAGE_COMPONENT, data, user, guild_id, channel_id, message
        )

    def modal_submit(
        self,
        custom_id: str,
        fields: Mapping[str, str],
        user: UserRef,
        channel_id: int | None = None,
        guild_id: int | None = None,
    ) -> JSON:
        """An ``INTERACTION_CREATE`` payload (type 5) submitting ``fields`` (text input
        custom_id -> value). The component layout mirrors the modal the bot last opened with
        that ``custom_id`` (action rows or labels); otherwise one action row per field."""
        with self._lock:
            modal = next(
                (
                    r.data
                    for r in reversed(self._interaction_responses)
                    if r.type == CALLBACK_MODAL and r.data.get("custom_id") == custom_id
                ),
                None,
            )

        def text_input(cid: str) -> JSON:
            return {"type": 4, "custom_id": cid, "value": fields.get(cid, "")}

        components: list[JSON] = []
        if modal is not None:
            for row in modal.get("components", []):
                if row.get("type") == 1:
                    inner = [
                        text_input(c["custom_id"])
                        for c in row.get("components", [])
                        if c.get("type") == 4
                    ]
                    components.append({"type": 1, "components": inner})
                elif row.get("type") == 18 and row.get("component", {}).get("type") == 4:
                    components.append(
                        {"type": 18, "component": text_input(row["component"]["custom_id"])}
                    )
        else:
            components = [{"type": 1, "components": [text_input(k)]} for k in fields]
        data: JSON = {"custom_id": custom_id, "components": components}
        return self._interaction(INTERACTION_MODAL_SUBMIT, data, user, guild_id, channel_id)

    # ---- REST plumbing -----------------------------------------------------------------------

    def _build_routes(self) -> list[_Route]:
        table: list[tuple[str, str, _RouteHandler, str | None, bool, bool]] = [
            ("GET", "/gateway", self._h_gateway, None, False, True),
            ("GET", "/gateway/bot", self._h_gateway_bot, None, True, True),
            ("GET", "/users/@me", self._h_me, None, True, True),
            ("GET", "/oauth2/applications/@me", self._h_application, None, True, True),
            ("GET", "/applications/@me", self._h_application, None, True, True),
            ("POST", "/users/@me/channels", self._h_open_dm, None, True, True),
            ("GET", "/users/{user_id}", self._h_get_user, None, True, True),
            ("GET", "/channels/{channel_id}", self._h_get_channel, "channel_id", True, True),
            (
                "POST",
                "/channels/{channel_id}/messages",
                self._h_create_message,
                "channel_id",
                True,
                True,
            ),
            (
                "GET",
                "/channels/{channel_id}/messages/{message_id}",
                self._h_get_message,
                "channel_id",
                True,
                True,
            ),
            (
                "PATCH",
                "/channels/{channel_id}/messages/{message_id}",
                self._h_edit_message,
                "channel_id",
                True,
                True,
            ),
            (
                "DELETE",
                "/channels/{channel_id}/messages/{message_id}",
                self._h_delete_message,
                "channel_id",
                True,
                True,
            ),
            ("POST", "/channels/{channel_id}/typing", self._h_typing, "channel_id", True, True),
            (
                "GET",
                "/guilds/{guild_id}/members/{user_id}",
                self._h_get_member,
                "guild_id",
                True,
                True,
            ),
            ("GET", "/guilds/{guild_id}", self._h_get_guild, "guild_id", True, True),
            (
                "GET",
                "/applications/{application_id}/commands",
                self._h_get_commands,
                None,
                True,
                True,
            ),
            (
                "PUT",
                "/applications/{application_id}/commands",
                self._h_put_commands,
                None,
                True,
                True,
            ),
            (
                "POST",
                "/applications/{application_id}/commands",
                self._h_post_command,
                None,
                True,
                True,
            ),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_get_commands,
                "guild_id",
                True,
                True,
            ),
            (
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_put_commands,
                "guild_id",
                True,
                True,
            ),
            (
                "POST",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._h_post_command,
                "guild_id",
                True,
                True,
            ),
            (
                "POST",
                "/interactions/{interaction_id}/{token}/callback",
                self._h_callback,
                "interaction_id",
                False,
                False,
            ),
            (
                "POST",
                "/webhooks/{application_id}/{token}",
                self._h_followup,
                "token",
                False,
                False,
            ),
            (
                "GET",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_webhook_get,
                "token",
                False,
                False,
            ),
            (
                "PATCH",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_webhook_edit,
                "token",
                False,
                False,
            ),
            (
                "DELETE",
                "/webhooks/{application_id}/{token}/messages/{message_id}",
                self._h_webhook_delete,
                "token",
                False,
                False,
            ),
        ]
        routes = []
        for method, template, handler, major, auth, glob in table:
            regex = re.compile(
                "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template)) + "$"
            )
            routes.append(_Route(method, template, handler, major, auth, glob, regex))
        return routes

    def _match_route(self, method: str, path: str) -> tuple[_Route, dict[str, str]] | None:
        # literal routes (e.g. /users/@me) first, then templated ones, in table order
        for route in sorted(self._routes, key=lambda r: "{" in r.template):
            if route.method != method:
                continue
            m = route.regex.match(path)
            if m:
                return route, m.groupdict()
        return None

    async def _read_body(self, request: web.Request) -> tuple[Any, list[UploadedFile]]:
        ctype = request.content_type
        files: list[UploadedFile] = []
        if ctype.startswith("multipart/"):
            body: Any = None
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, BodyPartReader):  # nested multipart: ignore
                    continue
                data = await part.read(decode=False)
                name = part.name or ""
                if name == "payload_json":
                    body = json.loads(bytes(data).decode())
                elif part.filename is not None or name.startswith("file"):
                    files.append(
                        UploadedFile(
                            name,
                            part.filename or name,
                            part.headers.get("Content-Type", "application/octet-stream"),
                            bytes(data),
                        )
                    )
            return body, files
        raw = await request.read()
        if not raw:
            return None, files
        try:
            return json.loads(raw), files
        except ValueError:
            return raw.decode(errors="replace"), files

    def _check_rate_limits(
        self, route: _Route, params: Mapping[str, str]
    ) -> tuple[dict[str, str], tuple[float, bool, dict[str, str]] | None]:
        """Returns (headers for a normal answer, or a 429 as (retry_after, global, headers))."""
        now = time.monotonic()
        headers: dict[str, str] = {}
        if route.global_limited and self.global_limit is not None:
            if now - self._global_window_start >= self.global_window:
                self._global_window_start = now
                self._global_count = 0
            if self._global_count >= self.global_limit:
                retry = max(0.001, self._global_window_start + self.global_window - now)
                return headers, (
                    retry,
                    True,
                    {"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"},
                )
            self._global_count += 1
        limit = self.route_limits.get((route.method, route.template))
        if limit is None:
            return headers, None
        bucket_hash = hashlib.sha1(f"{route.method} {route.template}".encode()).hexdigest()[:32]
        key = f"{bucket_hash}:{params.get(route.major, '') if route.major else ''}"
        bucket = self._buckets.setdefault(key, _Bucket())
        if now >= bucket.reset_at:
            bucket.reset_at = now + limit.per
            bucket.count = 0
        reset_after = max(0.0, bucket.reset_at - now)
        base = {
            "X-RateLimit-Limit": str(limit.limit),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket_hash,
        }
        if bucket.count >= limit.limit:
            return headers, (
                max(0.001, reset_after),
                False,
                {**base, "X-RateLimit-Remaining": "0", "X-RateLimit-Scope": "user"},
            )
        bucket.count += 1
        headers.update(base)
        headers["X-RateLimit-Remaining"] = str(limit.limit - bucket.count)
        return headers, None

    @staticmethod
    def _rate_limit_answer(
        retry_after: float, is_global: bool, headers: dict[str, str]
    ) -> tuple[int, JSON, dict[str, str]]:
        body: JSON = {
            "message": "You are being rate limited.",
            "retry_after": round(retry_after, 3),
            "global": is_global,
        }
        return 429, body, {**headers, "Retry-After": str(max(1, math.ceil(retry_after)))}

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        m = re.match(r"^/api(?:/v\d+)?(/.*)$", request.path)
        path = m.group(1) if m else request.path
        method = request.method.upper()
        body, files = await self._read_body(request)
        headers = dict(request.headers)
        match = self._match_route(method, path)
        route_template = match[0].template if match else ""
        params = match[1] if match else {}
        extra: dict[str, str] = {}
        status: int
        resp: Any
        with self._lock:
            queued = next(
                (
                    q
                    for q in self._queued_errors
                    if q.method == method and _matches(q.pattern, path, route_template)
                ),
                None,
            )
            if queued is not None:
                queued.remaining -= 1
                if queued.remaining <= 0:
                    self._queued_errors.remove(queued)
        try:
            if match is None:
                raise _ApiError(404, "404: Not Found", 0)
            route = match[0]
            if route.bot_auth:
                auth = headers.get("Authorization", "")
                if not auth.startswith("Bot ") or auth[4:] not in self.tokens:
                    raise _ApiError(401, "401: Unauthorized", 0)
            if queued is not None:
                if queued.status == 429:
                    status, resp, extra = self._rate_limit_answer(
                        queued.retry_after,
                        queued.is_global,
                        {"X-RateLimit-Scope": "global" if queued.is_global else "user"}
                        | ({"X-RateLimit-Global": "true"} if queued.is_global else {}),
                    )
                else:
                    status = queued.status
                    resp = queued.body or {"message": f"{queued.status}: Emulated error", "code": 0}
            else:
                with self._lock:
                    extra, limited = self._check_rate_limits(route, params)
                if limited is not None:
                    status, resp, extra = self._rate_limit_answer(*limited)
                else:
                    req = _Req(
                        method,
                        path,
                        route.template,
                        params,
                        dict(request.query),
                        headers,
                        body,
                        files,
                    )
                    status, resp = await route.handler(req)
        except _ApiError as err:
            status, resp = err.status, err.body
        except Exception as exc:  # an emulator bug: answer like Discord, keep it visible
            with self._lock:
                self._internal_errors.append(exc)
            status, resp = 500, {"message": f"500: Internal Server Error ({exc!r})", "code": 0}
        call = Call(
            method=method,
            path=path,
            route=route_template,
            params=params,
            query=dict(request.query),
            headers=headers,
            json=body,
            files=tuple(files),
            status=status,
            response=resp,
            at=time.time(),
        )
        with self._lock:
            self._calls.append(call)
        self._notify()
        out_headers = {"Via": "1.1 google", **extra}
        if status == 204 or resp is None:
            return web.Response(status=status if resp is not None else 204, headers=out_headers)
        # exactly "application/json" (no charset): discord.py's json_or_text compares verbatim
        return web.Response(
            body=json.dumps(resp).encode(),
            status=status,
            headers={**out_headers, "Content-Type": "application/json"},
        )

    async def _attachment(self, request: web.Request) -> web.StreamResponse:
        with self._lock:
            stored = self._messages.get(int(request.match_info["message_id"]))
        index = int(request.match_info["index"])
        if stored is None or index >= len(stored.files):
            return web.Response(status=404)
        f = stored.files[index]
        return web.Response(body=f.data, content_type=f.content_type)

    # ---- REST handlers -----------------------------------------------------------------------

    async def _h_gateway(self, req: _Req) -> tuple[int, Any]:
        return 200, {"url": self.gateway_url}

    async def _h_gateway_bot(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            guilds = len(self._guilds)
        shards = self.recommended_shards or max(1, math.ceil(guilds / GUILDS_PER_RECOMMENDED_SHARD))
        return 200, {
            "url": self.gateway_url,
            "shards": shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14_400_000,
                "max_concurrency": 1,
            },
        }

    async def _h_me(self, req: _Req) -> tuple[int, Any]:
        return 200, dict(self.bot_user)

    async def _h_application(self, req: _Req) -> tuple[int, Any]:
        return 200, {
            "id": str(self.application_id),
            "name": self.bot_user["username"],
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": False,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "owner": self.user(1),
            "team": None,
            "bot": dict(self.bot_user),
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
            "approximate_guild_count": len(self._guilds),
        }

    async def _h_open_dm(self, req: _Req) -> tuple[int, Any]:
        body = req.json if isinstance(req.json, dict) else {}
        if "recipient_id" not in body:
            raise _ApiError(400, "Invalid Form Body", 50035)
        uid = int(body["recipient_id"])
        cid = self.dm_channel_id(uid)
        with self._lock:
            self._dm_open_calls.append(uid)
            return 200, dict(self._channels[cid])

    async def _h_get_user(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            user = self._users.get(int(req.params["user_id"]))
        if user is None:
            raise _ApiError(404, "Unknown User", 10013)
        return 200, dict(user)

    async def _h_get_channel(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            ch = self._channels.get(int(req.params["channel_id"]))
        if ch is None:
            raise _ApiError(404, "Unknown Channel", 10003)
        return 200, dict(ch)

    async def _h_get_guild(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            guild = self._guilds.get(int(req.params["guild_id"]))
        if guild is None:
            raise _ApiError(404, "Unknown Guild", 10004)
        return 200, {k: v for k, v in guild.items() if k not in ("members", "channels")}

    async def _h_get_member(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            guild = self._guilds.get(int(req.params["guild_id"]))
        if guild is None:
            raise _ApiError(404, "Unknown Guild", 10004)
        for member in guild["members"]:
            if member["user"]["id"] == str(req.params["user_id"]):
                return 200, dict(member)
        raise _ApiError(404, "Unknown Member", 10007)

    def _new_message(
        self,
        channel_id: int,
        payload: JSON,
        files: list[UploadedFile],
        source: str,
        *,
        interaction: _Interaction | None = None,
        flags: int = 0,
    ) -> StoredMessage:
        mid = self.snowflake()
        attachments = []
        for index, f in enumerate(files):
            attachments.append(
                {
                    "id": str(self.snowflake()),
                    "filename": f.filename,
                    "size": len(f.data),
                    "url": f"{self.base_url}/attachments/{mid}/{index}/{f.filename}",
                    "proxy_url": f"{self.base_url}/attachments/{mid}/{index}/{f.filename}",
                    "content_type": f.content_type,
                }
            )
        with self._lock:
            ch = self._channels.get(channel_id, {})
        message: JSON = {
            "id": str(mid),
            "type": 20 if interaction and interaction.type == 2 else 0,
            "channel_id": str(channel_id),
            "author": dict(self.bot_user),
            "content": str(payload.get("content") or ""),
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": bool(payload.get("tts", False)),
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": attachments,
            "embeds": [{"type": "rich", **e} for e in payload.get("embeds") or []],
            "components": list(payload.get("components") or []),
            "pinned": False,
            "flags": int(payload.get("flags") or 0) | flags,
        }
        if "nonce" in payload:
            message["nonce"] = payload["nonce"]
        if payload.get("message_reference"):
            message["message_reference"] = payload["message_reference"]
            message["type"] = 19
        if ch.get("guild_id"):
            message["guild_id"] = ch["guild_id"]
        pings = resolve_pings(message["content"], payload.get("allowed_mentions"))
        message["mention_everyone"] = pings.everyone
        message["mentions"] = [self.user(u) for u in sorted(pings.users)]
        message["mention_roles"] = [str(r) for r in sorted(pings.roles)]
        stored = StoredMessage(
            id=mid,
            channel_id=channel_id,
            source=source,
            payload=dict(payload),
            message=message,
            files=list(files),
            interaction_id=interaction.id if interaction else None,
        )
        with self._lock:
            self._messages[mid] = stored
            if channel_id in self._channels:
                self._channels[channel_id]["last_message_id"] = str(mid)
        return stored

    def _edit(self, stored: StoredMessage, payload: JSON, files: list[UploadedFile]) -> JSON:
        with self._lock:
            stored.edits.append(dict(payload))
            msg = stored.message
            if "content" in payload:
                msg["content"] = str(payload["content"] or "")
            if "embeds" in payload:
                msg["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
            if "components" in payload:
                msg["components"] = list(payload["components"] or [])
            if "flags" in payload and payload["flags"] is not None:
                msg["flags"] = int(payload["flags"])
            msg["flags"] = int(msg.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
            if "allowed_mentions" in payload:
                stored.payload["allowed_mentions"] = payload["allowed_mentions"]
            if files:
                stored.files.extend(files)
            msg["edited_timestamp"] = _now_iso()
            return _clone(msg)

    async def _h_create_message(self, req: _Req) -> tuple[int, Any]:
        cid = int(req.params["channel_id"])
        payload = req.json if isinstance(req.json, dict) else {}
        with self._lock:
            ch = self._channels.get(cid)
            closed = False
            if ch is not None and ch.get("type") == 1:
                recipient = int(ch["recipients"][0]["id"])
                closed = recipient in self._closed_dms
        if ch is None:
            raise _ApiError(404, "Unknown Channel", 10003)
        if closed:
            raise _ApiError(403, "Cannot send messages to this user", 50007)
        if not (
            payload.get("content")
            or payload.get("embeds")
            or payload.get("components")
            or req.files
            or payload.get("sticker_ids")
            or payload.get("poll")
        ):
            raise _ApiError(400, "Cannot send an empty message", 50006)
        if len(str(payload.get("content") or "")) > 2000:
            raise _ApiError(
                400,
                "Invalid Form Body",
                50035,
                {
                    "errors": {
                        "content": {
                            "_errors": [
                                {
                                    "code": "BASE_TYPE_MAX_LENGTH",
                                    "message": "Must be 2000 or fewer in length.",
                                }
                            ]
                        }
                    }
                },
            )
        stored = self._new_message(cid, payload, req.files, "rest")
        return 200, _clone(stored.message)

    def _stored_in(self, req: _Req) -> StoredMessage:
        with self._lock:
            stored = self._messages.get(int(req.params["message_id"]))
        if stored is None or stored.deleted or stored.channel_id != int(req.params["channel_id"]):
            raise _ApiError(404, "Unknown Message", 10008)
        return stored

    async def _h_get_message(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            incoming = self._incoming.get(int(req.params["message_id"]))
        if incoming is not None and incoming["channel_id"] == str(req.params["channel_id"]):
            return 200, _clone(incoming)  # a message someone sent (dispatched earlier)
        return 200, _clone(self._stored_in(req).message)

    async def _h_edit_message(self, req: _Req) -> tuple[int, Any]:
        stored = self._stored_in(req)
        payload = req.json if isinstance(req.json, dict) else {}
        return 200, self._edit(stored, payload, req.files)

    async def _h_delete_message(self, req: _Req) -> tuple[int, Any]:
        stored = self._stored_in(req)
        with self._lock:
            stored.deleted = True
        return 204, None

    async def _h_typing(self, req: _Req) -> tuple[int, Any]:
        return 204, None

    def _commands_pool(self, req: _Req) -> list[JSON]:
        if int(req.params["application_id"]) != self.application_id:
            raise _ApiError(403, "Missing Access", 50001)
        gid = req.params.get("guild_id")
        if gid is None:
            return self._global_commands
        return self._guild_commands.setdefault(int(gid), [])

    def _command(self, raw: JSON, gid: str | None, existing: list[JSON]) -> JSON:
        ctype = int(raw.get("type", 1))
        old = next(
            (c for c in existing if c["name"] == raw.get("name") and c["type"] == ctype), None
        )
        cmd: JSON = {
            "id": old["id"] if old else str(self.snowflake()),
            "application_id": str(self.application_id),
            "version": str(self.snowflake()),
            "type": ctype,
            "name": raw["name"],
            "description": raw.get("description", ""),
            "options": raw.get("options", []),
            "default_member_permissions": raw.get("default_member_permissions"),
            "dm_permission": raw.get("dm_permission", True),
            "nsfw": raw.get("nsfw", False),
            "integration_types": raw.get("integration_types", [0]),
            "contexts": raw.get("contexts"),
            "name_localizations": raw.get("name_localizations"),
            "description_localizations": raw.get("description_localizations"),
        }
        if gid is not None:
            cmd["guild_id"] = gid
        return cmd

    async def _h_get_commands(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            return 200, [dict(c) for c in self._commands_pool(req)]

    async def _h_put_commands(self, req: _Req) -> tuple[int, Any]:
        if not isinstance(req.json, list):
            raise _ApiError(400, "Invalid Form Body", 50035)
        with self._lock:
            pool = self._commands_pool(req)
            new = [self._command(c, req.params.get("guild_id"), pool) for c in req.json]
            pool[:] = new
            return 200, [dict(c) for c in new]

    async def _h_post_command(self, req: _Req) -> tuple[int, Any]:
        if not isinstance(req.json, dict) or "name" not in req.json:
            raise _ApiError(400, "Invalid Form Body", 50035)
        with self._lock:
            pool = self._commands_pool(req)
            cmd = self._command(req.json, req.params.get("guild_id"), pool)
            pool[:] = [c for c in pool if c["id"] != cmd["id"]] + [cmd]
            return 201, dict(cmd)

    def _interaction_by_token(self, token: str) -> _Interaction:
        with self._lock:
            found = next((i for i in self._interactions.values() if i.token == token), None)
        if found is None or not found.acked:
            raise _ApiError(404, "Unknown Webhook", 10015)
        return found

    async def _h_callback(self, req: _Req) -> tuple[int, Any]:
        with self._lock:
            inter = self._interactions.get(int(req.params["interaction_id"]))
        if inter is None or time.monotonic() - inter.created > self.interaction_timeout:
            raise _ApiError(404, "Unknown interaction", 10062)
        if inter.token != req.params["token"]:
            raise _ApiError(401, "Invalid Webhook Token", 50027)
        body = req.json if isinstance(req.json, dict) else {}
        ctype = int(body.get("type", 0))
        data: JSON = dict(body.get("data") or {})
        with self._lock:
            if inter.acked:
                raise _ApiError(400, "Interaction has already been acknowledged.", 40060)
            valid = {
                CALLBACK_CHANNEL_MESSAGE,
                CALLBACK_DEFERRED_CHANNEL_MESSAGE,
            }
            if inter.type in (INTERACTION_MESSAGE_COMPONENT, INTERACTION_MODAL_SUBMIT):
                valid |= {CALLBACK_DEFERRED_UPDATE_MESSAGE, CALLBACK_UPDATE_MESSAGE}
            if inter.type in (INTERACTION_APPLICATION_COMMAND, INTERACTION_MESSAGE_COMPONENT):
                valid.add(CALLBACK_MODAL)
            if inter.type == 4:
                valid = {CALLBACK_AUTOCOMPLETE_RESULT}
            if ctype not in valid:
                raise _ApiError(400, "Interaction response type is not valid", 50035)
            inter.acked = True
        message: JSON | None = None
        if ctype == CALLBACK_CHANNEL_MESSAGE:
            stored = self._new_message(
                inter.channel_id, data, req.files, "interaction", interaction=inter
            )
            inter.original_message_id = stored.id
            message = stored.message
        elif ctype == CALLBACK_DEFERRED_CHANNEL_MESSAGE:
            stored = self._new_message(
                inter.channel_id,
                {"flags": data.get("flags", 0)},
                [],
                "interaction",
                interaction=inter,
                flags=MESSAGE_FLAG_LOADING,
            )
            inter.original_message_id = stored.id
            message = stored.message
        elif ctype == CALLBACK_UPDATE_MESSAGE and inter.message_id is not None:
            with self._lock:
                target = self._messages.get(inter.message_id)
            if target is not None:
                message = self._edit(target, data, req.files)
            inter.original_message_id = inter.message_id
        elif ctype == CALLBACK_DEFERRED_UPDATE_MESSAGE:
            inter.original_message_id = inter.message_id
        response = InteractionResponse(
            inter.id, inter.token, ctype, data, inter.original_message_id
        )
        with self._lock:
            self._interaction_responses.append(response)
        if req.query.get("with_response") not in ("1", "true", "True"):
            return 204, None
        flags = int((message or {}).get("flags") or data.get("flags") or 0)
        answer: JSON = {
            "interaction": {
                "id": str(inter.id),
                "type": inter.type,
                "response_message_loading": ctype == CALLBACK_DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(flags & MESSAGE_FLAG_EPHEMERAL),
            },
            "resource": {"type": ctype},
        }
        if inter.original_message_id is not None and ctype in (4, 5, 7):
            answer["interaction"]["response_message_id"] = str(inter.original_message_id)
        if message is not None:
            answer["resource"]["message"] = _clone(message)
        return 200, answer

    async def _h_followup(self, req: _Req) -> tuple[int, Any]:
        inter = self._interaction_by_token(req.params["token"])
        payload = req.json if isinstance(req.json, dict) else {}
        if inter.original_message_id is not None:
            with self._lock:
                original = self._messages.get(inter.original_message_id)
            if original is not None and original.flags & MESSAGE_FLAG_LOADING:
                # the first followup after a deferral replaces the "thinking" message
                return 200, self._edit(original, payload, req.files)
        stored = self._new_message(
            inter.channel_id, payload, req.files, "webhook", interaction=inter
        )
        return 200, _clone(stored.message)

    def _webhook_target(self, req: _Req) -> StoredMessage:
        inter = self._interaction_by_token(req.params["token"])
        mid_raw = req.params.get("message_id", "@original")
        mid = inter.original_message_id if mid_raw == "@original" else int(mid_raw)
        with self._lock:
            stored = self._messages.get(mid) if mid is not None else None
        if stored is None or stored.deleted:
            raise _ApiError(404, "Unknown Message", 10008)
        return stored

    async def _h_webhook_get(self, req: _Req) -> tuple[int, Any]:
        return 200, _clone(self._webhook_target(req).message)

    async def _h_webhook_edit(self, req: _Req) -> tuple[int, Any]:
        stored = self._webhook_target(req)
        payload = req.json if isinstance(req.json, dict) else {}
        return 200, self._edit(stored, payload, req.files)

    async def _h_webhook_delete(self, req: _Req) -> tuple[int, Any]:
        stored = self._webhook_target(req)
        with self._lock:
            stored.deleted = True
        return 204, None
