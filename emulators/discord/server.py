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

import asyncio
import contextlib
import json
import re
import time
from functools import cached_property
from typing import Any

from aiohttp import BodyPartReader, web

from emulators.discord.protocol import (
    _matches,
)
from emulators.discord.rate_limits import RateLimited
from emulators.discord.records import (
    Call,
    UploadedFile,
    _ApiError,
    _Req,
    _Route,
    _RouteHandler,
)
from emulators.discord.rest_api import RestApi
from emulators.serving import Served


class DiscordEmulator(RestApi, Served):
    """A local Discord REST API + gateway. Use as a context manager or ``start()``/``stop()``."""

    # ---- lifecycle ---------------------------------------------------------------------------

    def _app(self) -> web.Application:
        self._gate = asyncio.Event()
        self._gate.set()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_get("/attachments/{message_id}/{index}/{filename}", self._attachment)
        app.router.add_route("*", "/api/{tail:.*}", self._rest)
        return app

    async def _before_stop(self) -> None:
        for conn in list(self._conns.values()):
            conn.closed_by_server = True
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001, message=b"emulator stopping")

    @cached_property
    def _routes(self) -> list[_Route]:
        return self._build_routes()

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
                    forced = RateLimited.forced(queued.retry_after, queued.is_global)
                    status, resp, extra = forced.answer()
                else:
                    status = queued.status
                    resp = queued.body or {"message": f"{queued.status}: Emulated error", "code": 0}
            else:
                resource = params.get(route.major, "") if route.major else ""
                with self._lock:
                    extra, limited = self.rate_limits.take(
                        method, route.template, resource, global_limited=route.global_limited
                    )
                if limited is not None:
                    status, resp, extra = limited.answer()
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
