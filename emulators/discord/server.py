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
    from emulators.discord import DiscordEmulator

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

import contextlib
from collections.abc import Iterator, Mapping

from aiohttp import web

from emulators.discord.gateway import Gateway
from emulators.discord.http_api import HttpApi
from emulators.discord.payloads import PayloadBuilders
from emulators.discord.protocol import API_VERSION, JSON
from emulators.discord.rate_limits import RestRateLimits
from emulators.discord.records import GatewayRules, RouteLimit
from emulators.discord.rest_api import RestApi
from emulators.discord.state import DiscordState
from emulators.forwarding import Forwarded, Shared
from emulators.serving import LocalServer, Served


class DiscordEmulator(Served):
    """A local Discord REST API + gateway. Use as a context manager or ``start()``/``stop()``.

    Builds one ``DiscordState`` and the protocol components that share it: ``gateway``
    (``Gateway``), ``payloads`` (``PayloadBuilders``), ``rest_api`` (``RestApi``, which asks the
    gateway for its address), ``rate_limits`` (``RestRateLimits``) and ``http`` (``HttpApi``:
    routing, auth, queued errors, rate limits, then the REST handler), and serves their routes.
    What a test configures or inspects is offered here under the names below, each the
    component's own method."""

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
        self._server = LocalServer("discord-emulator")
        self.state = DiscordState(
            token=token, bot_id=bot_id, bot_name=bot_name, application_id=application_id
        )
        rules = GatewayRules(
            heartbeat_interval_ms=heartbeat_interval_ms,
            enforce_intents=enforce_intents,
            allow_privileged_intents=allow_privileged_intents,
            max_guilds_per_shard=max_guilds_per_shard,
            recommended_shards=recommended_shards,
        )
        self.gateway = Gateway(self.state, self._server, rules)
        self.state.on_guild_added = self.gateway.announce_guild
        self.payloads = PayloadBuilders(self.state)
        self.rest_api = RestApi(self.state, self._server, self.gateway, interaction_timeout)
        self.rate_limits = RestRateLimits(global_limit, global_window, route_limits)
        self.http = HttpApi(self.state, self.rate_limits, self.rest_api)

    def _routes(self, app: web.Application) -> None:
        self.gateway.start()
        app.router.add_get("/gateway", self.gateway.handle)
        app.router.add_get("/gateway/", self.gateway.handle)
        self.http.add_routes(app)

    async def _before_stop(self) -> None:
        await self.gateway.close_all()

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
        return self.gateway.url

    def env(self) -> dict[str, str]:
        """Environment for the askcoach composition root."""
        return {
            "DISCORD_TOKEN": self.state.token,
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

    # ---- the bot, the guilds and people around it, what it did (DiscordState)
    token: Shared[str] = Shared("state")
    bot_id: Shared[int] = Shared("state")
    application_id: Shared[int] = Shared("state")
    snowflake = Forwarded("state", DiscordState.snowflake)
    add_user = Forwarded("state", DiscordState.add_user)
    user = Forwarded("state", DiscordState.user)
    add_guild = Forwarded("state", DiscordState.add_guild)
    dm_channel_id = Forwarded("state", DiscordState.dm_channel_id)
    close_dms = Forwarded("state", DiscordState.close_dms)
    open_dms = Forwarded("state", DiscordState.open_dms)
    calls = Forwarded("state", DiscordState.calls)
    rate_limited = Forwarded("state", DiscordState.rate_limited)
    clear_calls = Forwarded("state", DiscordState.clear_calls)
    delivered = Forwarded("state", DiscordState.delivered)
    messages_to = Forwarded("state", DiscordState.messages_to)
    dms_to = Forwarded("state", DiscordState.dms_to)
    message = Forwarded("state", DiscordState.message)
    dm_opens = Forwarded("state", DiscordState.dm_opens)
    interaction_responses = Forwarded("state", DiscordState.interaction_responses)
    commands = Forwarded("state", DiscordState.commands)
    wait_until = Forwarded("state", DiscordState.wait_until)
    wait_until_async = Forwarded("state", DiscordState.wait_until_async)
    wait_for_calls = Forwarded("state", DiscordState.wait_for_calls)
    wait_for_calls_async = Forwarded("state", DiscordState.wait_for_calls_async)
    wait_for_messages = Forwarded("state", DiscordState.wait_for_messages)
    wait_for_messages_async = Forwarded("state", DiscordState.wait_for_messages_async)
    wait_for_interaction_response = Forwarded("state", DiscordState.wait_for_interaction_response)
    wait_for_interaction_response_async = Forwarded(
        "state", DiscordState.wait_for_interaction_response_async
    )

    # ---- the gateway (Gateway)
    identifies: Shared[list[JSON]] = Shared("gateway")
    resumes: Shared[list[JSON]] = Shared("gateway")
    gateway_queries: Shared[list[dict[str, str]]] = Shared("gateway")
    connections_opened: Shared[int] = Shared("gateway")
    ops_received = Forwarded("gateway", Gateway.ops_received)
    sent = Forwarded("gateway", Gateway.sent)
    filtered = Forwarded("gateway", Gateway.filtered)
    wait_for_identify = Forwarded("gateway", Gateway.wait_for_identify)
    wait_for_identify_async = Forwarded("gateway", Gateway.wait_for_identify_async)
    wait_for_resume = Forwarded("gateway", Gateway.wait_for_resume)
    wait_for_resume_async = Forwarded("gateway", Gateway.wait_for_resume_async)
    dispatch = Forwarded("gateway", Gateway.dispatch)
    replay_last = Forwarded("gateway", Gateway.replay_last)
    drop_connection = Forwarded("gateway", Gateway.drop_connection)
    release_reconnect = Forwarded("gateway", Gateway.release_reconnect)
    invalidate_session = Forwarded("gateway", Gateway.invalidate_session)
    request_reconnect = Forwarded("gateway", Gateway.request_reconnect)
    fail_next_resume = Forwarded("gateway", Gateway.fail_next_resume)

    # ---- what Discord sends a bot (PayloadBuilders)
    dm_message = Forwarded("payloads", PayloadBuilders.dm_message)
    guild_message = Forwarded("payloads", PayloadBuilders.guild_message)
    slash_command = Forwarded("payloads", PayloadBuilders.slash_command)
    button_press = Forwarded("payloads", PayloadBuilders.button_press)
    modal_submit = Forwarded("payloads", PayloadBuilders.modal_submit)

    # ---- REST: interaction rules, errors, rate limits (RestApi, HttpApi, RestRateLimits)
    queue_error = Forwarded("http", HttpApi.queue_error)
    internal_errors = Forwarded("http", HttpApi.internal_errors)
    global_limit: Shared[int | None] = Shared("rate_limits")
