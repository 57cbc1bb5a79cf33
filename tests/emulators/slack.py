"""A local Slack emulator for tests: Web API, file uploads, Socket Mode and signed requests.

The real ``slack_sdk`` / ``slack_bolt`` talk to it over HTTP and websockets on 127.0.0.1 with an
ephemeral port; nothing reaches the internet and no real token is used.

Starting it
-----------
The server (an aiohttp application) runs in its own thread with its own event loop, so the same
emulator serves synchronous tests and asyncio tests (``AsyncWebClient``, aiohttp Socket Mode)::

    with SlackEmulator() as emu:                      # or emu.start() ... emu.stop()
        client = WebClient(token=DEFAULT_BOT_TOKEN, base_url=emu.base_url)
        client.chat_postMessage(channel="C1", text="hi")
        assert [c.params["text"] for c in emu.delivered("chat.postMessage")] == ["hi"]

    def test_x(slack_emulator: SlackEmulator) -> None:  # pytest fixture
        ...

The ``slack_emulator`` fixture lives in this module; ``tests/emulators/conftest.py`` re-exports it.
Another test package gets it with ``from tests.emulators.slack import slack_emulator`` in its
``conftest.py``.  For an async test use ``async with SlackEmulator() as emu:``; the blocking
``wait_*`` helpers can be called with ``asyncio.to_thread`` (``wait_for_ack_async`` exists).

A default workspace exists: ``DEFAULT_TEAM_ID`` with bot token ``DEFAULT_BOT_TOKEN`` (its bot
user is ``emu.team(DEFAULT_TEAM_ID).bot_user_id``), and the app-level token ``DEFAULT_APP_TOKEN``
(for ``apps.connections.open``).  Pass ``default_team=False`` to start empty.

Configuring
-----------
- ``emu.add_team(team_id, bot_token=..., name=...)``, ``emu.add_user(team_id, user_id, name=...,
  tz="Europe/Paris", is_admin=True)``, ``emu.add_channel(team_id, channel_id, members=[...])``,
  ``emu.add_app_token(token)``, ``emu.issue_oauth_code(team_id, ...)`` (for ``oauth.v2.access``).
- ``emu.queue(method, status=500)`` / ``emu.queue(method, json={"ok": False, "error": "x"})``:
  canned answers consumed in order before any other processing.
- ``emu.set_scopes(team_id, "chat:write,...")``: the bot scopes the workspace granted (default
  ``DEFAULT_SCOPES``; ``oauth.v2.access`` grants the code's ``scope``). Only
  ``conversations.history`` checks them: it needs ``im:history`` for a ``D...`` channel,
  ``channels:history`` for ``C...``, ``groups:history`` for ``G...``, else it answers
  ``missing_scope`` with ``needed`` and ``provided``, as Slack does.
- ``emu.revoke_team(team_id, error="account_inactive")``: from then on every call with the
  workspace's bot token answers ``{"ok": false, "error": error}`` (what Slack answers once a
  workspace uninstalled the app: ``account_inactive`` or ``token_revoked``).
  ``emu.uninstall(team_id)`` does that and returns the ``event_callback`` bodies Slack then
  sends, ``tokens_revoked`` (the bot user) and ``app_uninstalled``, to be delivered signed
  (``json_request``) or over Socket Mode. Installing again through ``oauth.v2.access`` issues
  the workspace a new bot token, as Slack does.
- ``emu.rate_limit(method, per_second=50.0, burst=10)`` (per workspace, token bucket) and
  ``emu.channel_rate_limit(per_second=1.0)`` (per channel, off by default).  Beyond the limit the
  answer is HTTP 429 with ``{"ok": false, "error": "ratelimited"}`` and an integer ``Retry-After``
  (>= 1, as Slack sends); ``emu.retry_after = 0`` overrides it for fast tests (slack_sdk's
  ``RateLimitErrorRetryHandler`` then sleeps ``0 + random()`` seconds instead of ``1 + random()``).
  Rate-limited calls are recorded (``rate_limited()``) but never delivered.

Inspecting
----------
- ``emu.calls(method)``: every request (``Call``: method, params, headers, token, team_id, time,
  status, response); ``emu.delivered(method)``: only the successful ones;
  ``emu.rate_limited(method)``: only the 429s; ``emu.messages(channel)``: current messages (after
  ``chat.update``; a ``metadata`` argument is kept on the message and returned by
  ``conversations.history`` with ``include_all_metadata``, which also honours ``oldest``,
  ``latest``, ``inclusive``, ``limit`` and ``cursor``, newest first); ``emu.completed_files()``: uploads (``UploadedFile``: data, filename, title,
  channels...); ``emu.views`` / ``emu.home_views``: views by id / by (team, user).
- ``emu.wait_for_delivered(method, count, timeout)`` for calls made by background threads.

Socket Mode
-----------
``apps.connections.open`` returns ``ws://127.0.0.1:PORT/socket?ticket=...``; on connect the
emulator sends ``hello``.  ``emu.socket_send_event(body)``, ``socket_send_slash_command(fields)``,
``socket_send_interactive(payload)`` push envelopes and return the ``envelope_id``;
``emu.wait_for_ack(envelope_id)`` returns the client's ack.  ``emu.socket_disconnect()`` sends a
``disconnect`` message (the client reconnects, then the emulator closes the old connection);
``emu.socket_close()`` drops the connections (slack_sdk's builtin client notices it in its monitor,
every ``ping_interval`` seconds).  ``emu.dm_message_event(user, text)`` builds a DM event in the
same ``D...`` channel that ``conversations.open`` returns.

Closing slack_sdk's builtin client blocks up to 3 s in ``recv()``; for fast teardown turn its
reconnection off and drop the connection first::

    handler.client.auto_reconnect_enabled = False
    handler.client.default_auto_reconnect_enabled = False
    emu.socket_close()
    handler.close()

Signed HTTP requests (Events API, slash commands, interactivity)
---------------------------------------------------------------
``sign_request(body, secret)`` gives the ``X-Slack-*`` headers; ``json_request`` / ``form_request``
return ``(body, headers)`` ready for ``BoltRequest(body=..., headers=...)`` (use
``DEFAULT_SIGNING_SECRET`` or your own).  Payload builders (shapes as documented by Slack):
``message_event``, ``app_home_opened_event``, ``app_uninstalled_event``,
``tokens_revoked_event``, ``event_callback``, ``slash_command``, ``block_actions_payload``,
``view_submission_payload``, ``interactive_form_body``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import copy
import hashlib
import hmac
import itertools
import json
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from aiohttp import WSMsgType, web

DEFAULT_TEAM_ID = "T0000EMU1"
DEFAULT_TEAM_NAME = "Emulated Workspace"
DEFAULT_BOT_TOKEN = "xoxb-0000-emulator-bot-token"
DEFAULT_APP_TOKEN = "xapp-1-A0000EMU1-emulator-app-token"
DEFAULT_APP_ID = "A0000EMU1"
DEFAULT_CLIENT_ID = "1111.2222"
DEFAULT_CLIENT_SECRET = "emulator-client-secret"
DEFAULT_SIGNING_SECRET = "emulator-signing-secret"
DEFAULT_SCOPES = "chat:write,im:history,im:read,im:write,users:read,commands,files:write"

JsonDict = dict[str, Any]
_Handler = Callable[["_Request"], JsonDict]


# --------------------------------------------------------------------------------------------
# Records and state
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One request received on ``/api/<method>``."""

    method: str
    params: JsonDict
    headers: dict[str, str]
    token: str | None
    team_id: str | None
    time: float
    status: int
    response: JsonDict | None

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response and self.response.get("ok"))

    @property
    def is_rate_limited(self) -> bool:
        return self.status == 429


@dataclass
class Team:
    id: str
    name: str
    domain: str
    bot_token: str
    bot_user_id: str
    bot_id: str


@dataclass
class UploadedFile:
    id: str
    team_id: str
    filename: str
    length: int
    alt_txt: str | None = None
    data: bytes | None = None
    title: str | None = None
    channels: list[str] = field(default_factory=list)
    initial_comment: str | None = None
    thread_ts: str | None = None
    completed: bool = False


@dataclass(frozen=True)
class Envelope:
    """A Socket Mode envelope sent by the emulator."""

    envelope_id: str
    type: str
    payload: JsonDict
    accepts_response_payload: bool


@dataclass
class _TokenInfo:
    kind: str  # "bot", "app" or "user"
    team_id: str | None
    revoked: str | None = None  # the error every call answers once revoked
    scopes: frozenset[str] = frozenset()  # a bot token's granted scopes


@dataclass
class _Queued:
    status: int
    body: JsonDict
    headers: dict[str, str]


@dataclass
class _Bucket:
    rate: float
    burst: float
    tokens: float
    updated: float

    def wait_time(self, now: float) -> float:
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate


@dataclass
class _Request:
    method: str
    params: JsonDict
    token: str | None
    team_id: str | None


class SlackApiFailure(Exception):
    """Raised by a method handler to answer ``{"ok": false, "error": error}``."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra


# --------------------------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------------------------


class SlackEmulator:
    """Slack Web API + Socket Mode emulator on ``127.0.0.1:<ephemeral port>``."""

    def __init__(
        self,
        *,
        default_team: bool = True,
        app_id: str = DEFAULT_APP_ID,
        retry_after: int | None = None,
    ) -> None:
        self.app_id = app_id
        #: Overrides the computed ``Retry-After`` of 429 answers (Slack sends integers >= 1).
        self.retry_after: int | None = retry_after
        self.client_id = DEFAULT_CLIENT_ID
        self.client_secret = DEFAULT_CLIENT_SECRET

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._ids = itertools.count(1)
        self._last_ts_us = 0

        self._teams: dict[str, Team] = {}
        self._tokens: dict[str, _TokenInfo] = {}
        self._users: dict[str, dict[str, JsonDict]] = {}  # team -> user id -> user object
        self._channels: dict[str, dict[str, list[str]]] = {}  # team -> channel -> members
        self._dms: dict[tuple[str, str], str] = {}  # (team, user) -> D...
        self._oauth_codes: dict[str, JsonDict] = {}

        self._calls: list[Call] = []
        self._queued: dict[str, deque[_Queued]] = {}
        self._always: dict[str, _Queued] = {}
        self._hold: dict[str, int] = {}  # method -> successful calls still let through
        self.held: list[Call] = []  # accepted calls whose answer is never sent
        self._release: asyncio.Event | None = None  # set at shutdown: held calls end
        self._method_limits: dict[str, tuple[float, float]] = {}
        self._channel_limit: tuple[float, float, frozenset[str]] | None = None
        self._buckets: dict[tuple[str, ...], _Bucket] = {}

        self._messages: dict[tuple[str, str], JsonDict] = {}  # (channel, ts) -> message
        self.files: dict[str, UploadedFile] = {}
        self.views: dict[str, JsonDict] = {}
        self.home_views: dict[tuple[str, str], JsonDict] = {}  # (team, user) -> view
        self._responses: list[JsonDict] = []  # what apps POSTed to a response_url

        self._tickets: set[str] = set()
        self._sockets: list[web.WebSocketResponse] = []
        self._draining: list[web.WebSocketResponse] = []  # sent "disconnect", closed on reconnect
        self._socket_connections_total = 0
        self._envelopes: list[Envelope] = []
        self._acks: dict[str, JsonDict] = {}
        self._socket_received: list[JsonDict] = []

        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

        self._handlers: dict[str, _Handler] = {
            "api.test": self._api_test,
            "auth.test": self._auth_test,
            "auth.revoke": self._auth_revoke,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "conversations.open": self._conversations_open,
            "conversations.members": self._conversations_members,
            "conversations.history": self._conversations_history,
            "users.info": self._users_info,
            "users.list": self._users_list,
            "team.info": self._team_info,
            "views.publish": self._views_publish,
            "views.open": self._views_open,
            "views.update": self._views_update,
            "files.getUploadURLExternal": self._files_get_upload_url_external,
            "files.completeUploadExternal": self._files_complete_upload_external,
            "apps.connections.open": self._apps_connections_open,
            "oauth.v2.access": self._oauth_v2_access,
        }

        if default_team:
            self.add_team(DEFAULT_TEAM_ID, bot_token=DEFAULT_BOT_TOKEN, name=DEFAULT_TEAM_NAME)
            self.add_app_token(DEFAULT_APP_TOKEN)

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> SlackEmulator:
        """Start the server thread; returns once the port is bound."""
        if self._thread is not None:
            return self
        loop = asyncio.new_event_loop()
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._astart())
            except BaseException as exc:  # pragma: no cover - startup failure
                errors.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=run, name="slack-emulator", daemon=True)
        self._thread.start()
        if not ready.wait(timeout=10) or errors:
            self._thread = None
            raise RuntimeError(f"Slack emulator failed to start: {errors}")
        return self

    def stop(self) -> None:
        """Close websockets, stop the server and join its thread."""
        if self._thread is None or self._loop is None:
            return
        loop = self._loop
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._astop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        self._thread.join(timeout=10)
        self._thread = None
        self._loop = None

    def __enter__(self) -> SlackEmulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def __aenter__(self) -> SlackEmulator:
        return await asyncio.to_thread(self.start)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await asyncio.to_thread(self.stop)

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("Slack emulator is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/api/`` for ``WebClient(base_url=...)``."""
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def socket_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/socket"

    async def _astart(self) -> None:
        self._release = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/api/{method}", self._handle_api)
        app.router.add_get("/api/{method}", self._handle_api)
        app.router.add_post("/upload/{file_id}", self._handle_upload)
        app.router.add_post("/response/{path:.*}", self._handle_response_url)
        app.router.add_get("/socket", self._handle_socket)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def _astop(self) -> None:
        if self._release is not None:
            self._release.set()
        await self._close_sockets(code=1001, message=b"server shutdown")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ---------------------------------------------------------------- configuration

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):08X}"

    def add_team(
        self,
        team_id: str,
        *,
        bot_token: str | None = None,
        name: str | None = None,
        domain: str | None = None,
        bot_user_id: str | None = None,
        bot_id: str | None = None,
    ) -> Team:
        """Register a workspace and its valid bot token (and its bot user)."""
        with self._lock:
            team = Team(
                id=team_id,
                name=name or f"Workspace {team_id}",
                domain=domain or f"ws-{team_id.lower()}",
                bot_token=bot_token or f"xoxb-{team_id}-emulator",
                bot_user_id=bot_user_id or self._new_id("U"),
                bot_id=bot_id or self._new_id("B"),
            )
            self._teams[team_id] = team
            self._tokens[team.bot_token] = _TokenInfo(
                "bot", team_id, scopes=_scopes(DEFAULT_SCOPES)
            )
            self._users.setdefault(team_id, {})
            self._channels.setdefault(team_id, {})
            self.add_user(team_id, team.bot_user_id, name="askcoach", is_bot=True)
            return team

    def team(self, team_id: str = DEFAULT_TEAM_ID) -> Team:
        with self._lock:
            return self._teams[team_id]

    def set_scopes(self, team_id: str, scopes: str) -> None:
        """The bot scopes the workspace granted (comma-separated), e.g. an older install."""
        with self._lock:
            self._tokens[self._teams[team_id].bot_token].scopes = _scopes(scopes)

    def revoke_team(self, team_id: str, *, error: str = "account_inactive") -> None:
        """The workspace's bot token stops working: every call with it answers
        ``{"ok": false, "error": error}`` until the app is installed again (new token)."""
        with self._lock:
            self._tokens[self._teams[team_id].bot_token].revoked = error

    def uninstall(self, team_id: str, *, error: str = "account_inactive") -> list[JsonDict]:
        """The workspace uninstalls the app: its bot token is revoked (``revoke_team``) and
        the ``event_callback`` bodies Slack sends are returned, ``tokens_revoked`` for the bot
        user, then ``app_uninstalled`` (Slack does not guarantee their order)."""
        self.revoke_team(team_id, error=error)
        team = self.team(team_id)
        return [
            tokens_revoked_event(team_id=team_id, bot=[team.bot_user_id]),
            app_uninstalled_event(team_id=team_id),
        ]

    def add_app_token(self, token: str) -> None:
        """Register an app-level token (``xapp-...``) valid for ``apps.connections.open``."""
        with self._lock:
            self._tokens[token] = _TokenInfo("app", None)

    def add_user(
        self,
        team_id: str,
        user_id: str,
        *,
        name: str | None = None,
        real_name: str | None = None,
        tz: str = "America/Los_Angeles",
        is_admin: bool = False,
        is_owner: bool = False,
        is_bot: bool = False,
        deleted: bool = False,
        email: str | None = None,
    ) -> JsonDict:
        """Register (or replace) a user; ``tz_offset`` is derived from ``tz`` at request time."""
        name = name or user_id.lower()
        real_name = real_name or name.replace(".", " ").title()
        user: JsonDict = {
            "id": user_id,
            "team_id": team_id,
            "name": name,
            "deleted": deleted,
            "color": "9f69e7",
            "real_name": real_name,
            "tz": tz,
            "is_admin": is_admin,
            "is_owner": is_owner,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": is_bot,
            "is_app_user": False,
            "updated": int(time.time()),
            "profile": {
                "real_name": real_name,
                "real_name_normalized": real_name,
                "display_name": name,
                "display_name_normalized": name,
                "email": email if email is not None else f"{name}@example.test",
                "team": team_id,
            },
        }
        with self._lock:
            self._users.setdefault(team_id, {})[user_id] = user
        return user

    def add_channel(self, team_id: str, channel_id: str, *, members: list[str]) -> None:
        """Register a channel and its members (for ``conversations.members``)."""
        with self._lock:
            self._channels.setdefault(team_id, {})[channel_id] = list(members)

    def dm_channel(self, team_id: str, user_id: str) -> str:
        """The stable ``D...`` channel of the bot's DM with ``user_id``."""
        with self._lock:
            key = (team_id, user_id)
            if key not in self._dms:
                self._dms[key] = self._new_id("D")
            return self._dms[key]

    def issue_oauth_code(
        self,
        team_id: str,
        *,
        user_id: str = "U0000INST",
        scope: str = DEFAULT_SCOPES,
        team_name: str | None = None,
    ) -> str:
        """A single-use code that ``oauth.v2.access`` exchanges for the team's bot token."""
        with self._lock:
            if team_id not in self._teams:
                self.add_team(team_id, name=team_name)
            code = f"code-{uuid.uuid4().hex}"
            self._oauth_codes[code] = {"team_id": team_id, "user_id": user_id, "scope": scope}
            return code

    def queue(
        self,
        method: str,
        *,
        status: int = 200,
        json: JsonDict | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Queue a canned answer for ``method``; answers are consumed in order."""
        if json is None:
            json = {"ok": True} if status == 200 else {"ok": False, "error": f"http_{status}"}
        hdrs = dict(headers or {})
        if status == 429 and "Retry-After" not in hdrs:
            hdrs["Retry-After"] = str(self.retry_after if self.retry_after is not None else 1)
        with self._lock:
            self._queued.setdefault(method, deque()).append(_Queued(status, dict(json), hdrs))

    def always(
        self,
        method: str,
        *,
        status: int,
        json: JsonDict,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """Answer every call of ``method`` this way from now on (after any queued answers),
        e.g. every ``conversations.history`` with 429."""
        with self._lock:
            self._always[method] = _Queued(status, dict(json), dict(headers or {}))

    def hold_after_accepting(self, method: str, *, after: int = 0) -> None:
        """Let ``after`` successful calls of ``method`` through, then accept the next one (its
        effect is recorded, e.g. the message is posted) and never answer it: the caller is
        stuck inside the call, as a worker killed right after Slack accepted its post. Once."""
        with self._lock:
            self._hold[method] = after

    def wait_for_held(self, count: int = 1, timeout: float = 30.0) -> list[Call]:
        """Block until ``count`` calls are being held; returns them."""
        self._wait(lambda: len(self.held) >= count, timeout, f"{count} held call(s)")
        with self._lock:
            return list(self.held)

    def rate_limit(
        self, method: str, *, per_second: float | None, burst: float | None = None
    ) -> None:
        """Allow ``per_second`` calls of ``method`` per workspace (token bucket of size ``burst``,
        default ``max(1, per_second)``); ``per_second=None`` removes the limit."""
        with self._lock:
            self._method_limits.pop(method, None)
            for key in [k for k in self._buckets if k[0] == "method" and k[2] == method]:
                del self._buckets[key]
            if per_second is not None:
                self._method_limits[method] = (per_second, burst or max(1.0, per_second))

    def channel_rate_limit(
        self,
        per_second: float | None = 1.0,
        *,
        burst: float = 1.0,
        methods: tuple[str, ...] = ("chat.postMessage",),
    ) -> None:
        """Allow ``per_second`` messages per channel (Slack: about 1/s); ``None`` disables."""
        with self._lock:
            for key in [k for k in self._buckets if k[0] == "channel"]:
                del self._buckets[key]
            self._channel_limit = (
                None if per_second is None else (per_second, burst, frozenset(methods))
            )

    def reset(self) -> None:
        """Forget recorded calls, queued answers, messages, files, views and acks."""
        with self._lock:
            self._calls.clear()
            self._queued.clear()
            self._always.clear()
            self._hold.clear()
            self.held.clear()
            self._buckets.clear()
            self._messages.clear()
            self.files.clear()
            self.views.clear()
            self.home_views.clear()
            self._responses.clear()
            self._envelopes.clear()
            self._acks.clear()
            self._socket_received.clear()
            self._draining.clear()

    # ---------------------------------------------------------------- inspection

    def calls(self, method: str | None = None) -> list[Call]:
        """Every request received (optionally only for ``method``), in arrival order."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def delivered(self, method: str = "chat.postMessage") -> list[Call]:
        """Successful calls only (HTTP 200 and ``ok: true``)."""
        return [c for c in self.calls(method) if c.ok]

    def rate_limited(self, method: str | None = None) -> list[Call]:
        """Calls answered with HTTP 429."""
        return [c for c in self.calls(method) if c.is_rate_limited]

    def response_url(self, name: str = "") -> str:
        """A `response_url` for a slash command or interaction payload that points here:
        what the app POSTs to it is kept (``responses()``), as Slack would show it."""
        return f"http://127.0.0.1:{self.port}/response/{name or self._new_id('R')}"

    def responses(self) -> list[JsonDict]:
        """The JSON bodies apps POSTed to response_urls (``path`` added), in arrival order."""
        with self._lock:
            return [dict(r) for r in self._responses]

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return web.Response(status=400, text="invalid_payload")
        if not isinstance(body, dict):
            return web.Response(status=400, text="invalid_payload")
        with self._cond:
            self._responses.append({**body, "path": request.match_info["path"]})
            self._cond.notify_all()
        return web.Response(status=200, text="ok")

    def messages(self, channel: str | None = None) -> list[JsonDict]:
        """Posted messages as they are now (``chat.update`` applied), in ``ts`` order."""
        with self._lock:
            items = sorted(self._messages.items(), key=lambda kv: kv[0][1])
            return [dict(m) for (ch, _), m in items if channel is None or ch == channel]

    def dm_message_event(
        self, user_id: str, text: str, *, team_id: str = DEFAULT_TEAM_ID, **kwargs: Any
    ) -> JsonDict:
        """``message_event`` in the emulator's DM channel with ``user_id`` (the one
        ``conversations.open`` returns), authorized for the team's bot user."""
        kwargs.setdefault("channel", self.dm_channel(team_id, user_id))
        kwargs.setdefault("bot_user_id", self.team(team_id).bot_user_id)
        return message_event(user_id=user_id, text=text, team_id=team_id, **kwargs)

    def completed_files(self) -> list[UploadedFile]:
        with self._lock:
            return [f for f in self.files.values() if f.completed]

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until ``count`` calls of ``method`` arrived; returns them."""
        self._wait(lambda: len(self.calls(method)) >= count, timeout, f"{count} x {method}")
        return self.calls(method)

    def wait_for_delivered(
        self, method: str = "chat.postMessage", count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        """Block until ``count`` successful calls of ``method`` arrived; returns them."""
        self._wait(
            lambda: len(self.delivered(method)) >= count, timeout, f"{count} x {method} delivered"
        )
        return self.delivered(method)

    def _wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        with self._cond:
            if not self._cond.wait_for(predicate, timeout=timeout):
                raise TimeoutError(f"Slack emulator: timed out waiting for {what}")

    # ---------------------------------------------------------------- HTTP plumbing

    @staticmethod
    def _json_response(status: int, body: JsonDict, headers: Mapping[str, str]) -> web.Response:
        return web.Response(
            status=status,
            text=json.dumps(body),
            content_type="application/json",
            charset="utf-8",
            headers=dict(headers),
        )

    async def _read_params(self, request: web.Request) -> JsonDict:
        params: JsonDict = dict(request.query)
        if request.method != "POST" or not request.body_exists:
            return params
        ctype = request.content_type
        if ctype == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                params.update(body)
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = value.file.read()
                else:
                    params[key] = value
        return params

    @staticmethod
    def _token_from(request: web.Request, params: JsonDict) -> str | None:
        auth = request.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            return auth[len("Bearer ") :].strip()
        token = params.get("token")
        return str(token) if token else None

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._read_params(request)
        headers = {k: v for k, v in request.headers.items()}
        token = self._token_from(request, params)
        status, body, extra_headers, team_id = self._process(method, params, token, headers)
        call = Call(
            method=method,
            params=params,
            headers=headers,
            token=token,
            team_id=team_id,
            time=time.time(),
            status=status,
            response=body,
        )
        with self._cond:
            self._calls.append(call)
            hold = call.ok and method in self._hold and self._hold[method] == 0
            if hold:
                del self._hold[method]
                self.held.append(call)
            elif call.ok and method in self._hold:
                self._hold[method] -= 1
            self._cond.notify_all()
        if hold and self._release is not None:  # accepted, not answered until shutdown
            await self._release.wait()
        return self._json_response(status, body, extra_headers)

    def _process(
        self, method: str, params: JsonDict, token: str | None, headers: Mapping[str, str]
    ) -> tuple[int, JsonDict, dict[str, str], str | None]:
        with self._lock:
            queued = self._queued.get(method)
            info = self._tokens.get(token) if token else None
            team_id = info.team_id if info else None
            if queued:
                q = queued.popleft()
                return q.status, q.body, q.headers, team_id
            if method in self._always:
                q = self._always[method]
                return q.status, dict(q.body), dict(q.headers), team_id

            if method not in self._handlers:
                return 200, {"ok": False, "error": "unknown_method"}, {}, team_id
            if method not in ("oauth.v2.access", "api.test"):
                error = self._auth_error(method, token, info)
                if error:
                    return 200, {"ok": False, "error": error}, {}, team_id

            wait = self._rate_limit_wait(method, params, team_id)
            if wait > 0:
                retry = (
                    self.retry_after if self.retry_after is not None else max(1, math.ceil(wait))
                )
                body = {"ok": False, "error": "ratelimited"}
                return 429, body, {"Retry-After": str(retry)}, team_id

            if method == "oauth.v2.access":
                params = {**params, "_authorization": headers.get("Authorization", "")}
            try:
                body = self._handlers[method](_Request(method, params, token, team_id))
            except SlackApiFailure as failure:
                return 200, {"ok": False, "error": failure.error, **failure.extra}, {}, team_id
            return 200, body, {}, team_id

    @staticmethod
    def _auth_error(method: str, token: str | None, info: _TokenInfo | None) -> str | None:
        if not token:
            return "not_authed"
        if info is None:
            return "invalid_auth"
        if info.revoked:
            return info.revoked
        if (method == "apps.connections.open") != (info.kind == "app"):
            return "not_allowed_token_type"
        return None

    def _rate_limit_wait(self, method: str, params: JsonDict, team_id: str | None) -> float:
        """Seconds until the call is allowed (0 = allowed, and its token is consumed)."""
        now = time.monotonic()
        buckets: list[_Bucket] = []
        team = team_id or "-"
        if method in self._method_limits:
            rate, burst = self._method_limits[method]
            key = ("method", team, method)
            buckets.append(self._buckets.setdefault(key, _Bucket(rate, burst, burst, now)))
        channel = params.get("channel")
        if isinstance(channel, str) and channel[:1] in ("U", "W") and team_id:
            channel = self._dms.get((team_id, channel), channel)
        if self._channel_limit is not None and method in self._channel_limit[2] and channel:
            rate, burst, _ = self._channel_limit
            key = ("channel", team, str(channel))
            buckets.append(self._buckets.setdefault(key, _Bucket(rate, burst, burst, now)))
        wait = max((b.wait_time(now) for b in buckets), default=0.0)
        if wait == 0.0:
            for b in buckets:
                b.tokens -= 1.0
        return wait

    async def _handle_upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        if request.content_type == "multipart/form-data":
            form = await request.post()
            data = b""
            for value in form.values():
                if isinstance(value, web.FileField):
                    data = value.file.read()
                    break
        else:
            data = await request.read()
        with self._cond:
            uploaded = self.files.get(file_id)
            if uploaded is None:
                return web.Response(status=404, text="file_not_found")
            uploaded.data = data
            self._cond.notify_all()
        return web.Response(status=200, text=f"OK - {len(data)}")

    # ---------------------------------------------------------------- helpers for handlers

    def _next_ts(self) -> str:
        now_us = time.time_ns() // 1000
        self._last_ts_us = max(now_us, self._last_ts_us + 1)
        return f"{self._last_ts_us // 1_000_000}.{self._last_ts_us % 1_000_000:06d}"

    @staticmethod
    def _require(params: JsonDict, name: str, error: str | None = None) -> str:
        value = params.get(name)
        if value is None or value == "":
            raise SlackApiFailure(error or f"invalid_arguments: missing {name}")
        return str(value)

    @staticmethod
    def _json_param(params: JsonDict, name: str) -> Any:
        value = params.get(name)
        if isinstance(value, str | bytes):
            try:
                return json.loads(value)
            except ValueError as exc:
                raise SlackApiFailure(f"invalid_{name}") from exc
        return value

    def _team_of(self, req: _Request) -> Team:
        if req.team_id is None or req.team_id not in self._teams:
            raise SlackApiFailure("team_not_found")
        return self._teams[req.team_id]

    def _resolve_channel(self, team: Team, channel: str) -> str:
        """A user id as ``channel`` means the bot's DM with that user (as on Slack)."""
        if channel[:1] in ("U", "W"):
            if channel not in self._users.get(team.id, {}):
                raise SlackApiFailure("channel_not_found")
            return self.dm_channel(team.id, channel)
        return channel

    def _user_object(self, team_id: str, user_id: str) -> JsonDict:
        user = self._users.get(team_id, {}).get(user_id)
        if user is None:
            raise SlackApiFailure("user_not_found")
        result: JsonDict = copy.deepcopy(user)
        zone = ZoneInfo(result["tz"])
        offset = datetime.now(zone).utcoffset()
        result["tz_offset"] = int(offset.total_seconds()) if offset else 0
        result["tz_label"] = datetime.now(zone).tzname()
        return result

    @staticmethod
    def _paginate(items: list[Any], params: JsonDict) -> tuple[list[Any], str]:
        limit = int(params.get("limit") or 0) or len(items) or 1
        start = int(base64.b64decode(params["cursor"]).decode()) if params.get("cursor") else 0
        page = items[start : start + limit]
        end = start + limit
        cursor = base64.b64encode(str(end).encode()).decode() if end < len(items) else ""
        return page, cursor

    def _view_object(self, team: Team, view: JsonDict, view_id: str | None = None) -> JsonDict:
        view_id = view_id or self._new_id("V")
        return {
            "id": view_id,
            "team_id": team.id,
            "type": view.get("type", "modal"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""),
            "title": view.get("title"),
            "submit": view.get("submit"),
            "close": view.get("close"),
            "state": {"values": {}},
            "hash": uuid.uuid4().hex[:16],
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "root_view_id": view_id,
            "previous_view_id": None,
            "app_id": self.app_id,
            "app_installed_team_id": team.id,
            "bot_id": team.bot_id,
        }

    # ---------------------------------------------------------------- method handlers

    def _api_test(self, req: _Request) -> JsonDict:
        args = {k: v for k, v in req.params.items() if k != "token"}
        return {"ok": True, "args": args} if args else {"ok": True}

    def _auth_test(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        return {
            "ok": True,
            "url": f"https://{team.domain}.slack.com/",
            "team": team.name,
            "user": "askcoach",
            "team_id": team.id,
            "user_id": team.bot_user_id,
            "bot_id": team.bot_id,
            "is_enterprise_install": False,
        }

    def _auth_revoke(self, req: _Request) -> JsonDict:
        assert req.token is not None
        if str(req.params.get("test", "")).lower() not in ("1", "true"):
            self._tokens[req.token].revoked = "token_revoked"
        return {"ok": True, "revoked": True}

    def _message_object(self, team: Team, params: JsonDict, ts: str) -> JsonDict:
        text = params.get("text")
        blocks = self._json_param(params, "blocks")
        attachments = self._json_param(params, "attachments")
        if not text and not blocks and not attachments:
            raise SlackApiFailure("no_text")
        message: JsonDict = {
            "type": "message",
            "subtype": "bot_message",
            "user": team.bot_user_id,
            "bot_id": team.bot_id,
            "app_id": self.app_id,
            "team": team.id,
            "text": text or "",
            "ts": ts,
        }
        if blocks:
            message["blocks"] = blocks
        if attachments:
            message["attachments"] = attachments
        if params.get("thread_ts"):
            message["thread_ts"] = str(params["thread_ts"])
        metadata = self._json_param(params, "metadata")
        if metadata:
            if not isinstance(metadata, dict) or not isinstance(metadata.get("event_type"), str):
                raise SlackApiFailure("invalid_metadata_format")
            if not isinstance(metadata.get("event_payload", {}), dict):
                raise SlackApiFailure("invalid_metadata_format")
            message["metadata"] = {
                "event_type": metadata["event_type"],
                "event_payload": copy.deepcopy(metadata.get("event_payload", {})),
            }
        return message

    def _chat_post_message(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._resolve_channel(
            team, self._require(req.params, "channel", "channel_not_found")
        )
        ts = self._next_ts()
        message = self._message_object(team, req.params, ts)
        self._messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _chat_update(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._require(req.params, "channel", "channel_not_found")
        ts = self._require(req.params, "ts", "message_not_found")
        if (channel, ts) not in self._messages:
            raise SlackApiFailure("message_not_found")
        message = self._message_object(team, req.params, ts)
        message["edited"] = {"user": team.bot_user_id, "ts": self._next_ts()}
        self._messages[(channel, ts)] = message
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": message["text"],
            "message": message,
        }

    def _chat_post_ephemeral(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        self._require(req.params, "channel", "channel_not_found")
        user = self._require(req.params, "user", "user_not_in_channel")
        if user not in self._users.get(team.id, {}):
            raise SlackApiFailure("user_not_found")
        self._message_object(team, req.params, "0")
        return {"ok": True, "message_ts": self._next_ts()}

    def _conversations_open(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        if req.params.get("channel"):
            return {"ok": True, "channel": {"id": str(req.params["channel"])}}
        users = [u for u in str(req.params.get("users") or "").split(",") if u]
        if not users:
            raise SlackApiFailure("users_list_not_supplied")
        for user in users:
            if user not in self._users.get(team.id, {}):
                raise SlackApiFailure("user_not_found")
        if len(users) == 1:
            existed = (team.id, users[0]) in self._dms
            channel_id = self.dm_channel(team.id, users[0])
            channel: JsonDict = {"id": channel_id}
            if str(req.params.get("return_im", "")).lower() in ("1", "true"):
                channel.update({"is_im": True, "user": users[0], "created": int(time.time())})
            return {"ok": True, "no_op": existed, "already_open": existed, "channel": channel}
        key = (team.id, ",".join(sorted(users)))
        if key not in self._dms:
            self._dms[key] = self._new_id("G")
        return {"ok": True, "channel": {"id": self._dms[key], "is_mpim": True}}

    def _conversations_members(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._require(req.params, "channel", "channel_not_found")
        members = self._channels.get(team.id, {}).get(channel)
        if members is None:
            dm_users = [u for (t, u), d in self._dms.items() if t == team.id and d == channel]
            if not dm_users:
                raise SlackApiFailure("channel_not_found")
            members = [dm_users[0], team.bot_user_id]
        page, cursor = self._paginate(members, req.params)
        return {"ok": True, "members": page, "response_metadata": {"next_cursor": cursor}}

    def _conversations_history(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        channel = self._require(req.params, "channel", "channel_not_found")
        known = channel in self._channels.get(team.id, {}) or channel in self._dms.values()
        if not known and not any(ch == channel for ch, _ in self._messages):
            raise SlackApiFailure("channel_not_found")  # a user id is not a conversation id
        needed = {"D": "im:history", "C": "channels:history", "G": "groups:history"}.get(
            channel[:1], "channels:history"
        )
        info = self._tokens[req.token or ""]
        if needed not in info.scopes:
            raise SlackApiFailure(
                "missing_scope", needed=needed, provided=",".join(sorted(info.scopes))
            )
        inclusive = _truthy(req.params.get("inclusive"))
        oldest = float(req.params.get("oldest") or 0)
        latest = float(req.params.get("latest") or time.time())

        def within(ts: float) -> bool:
            if inclusive:
                return oldest <= ts <= latest
            return oldest < ts < latest

        found = [
            copy.deepcopy(m)
            for (ch, ts), m in sorted(self._messages.items(), key=lambda kv: kv[0][1], reverse=True)
            if ch == channel
            and within(float(ts))
            and m.get("thread_ts", ts) == ts  # replies stay in their thread
        ]
        if not _truthy(req.params.get("include_all_metadata")):
            for message in found:
                message.pop("metadata", None)
        params = {**req.params, "limit": min(int(req.params.get("limit") or 100), 999)}
        page, cursor = self._paginate(found, params)
        return {
            "ok": True,
            "messages": page,
            "has_more": bool(cursor),
            "pin_count": 0,
            "response_metadata": {"next_cursor": cursor},
        }

    def _users_info(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        user = self._require(req.params, "user", "user_not_found")
        return {"ok": True, "user": self._user_object(team.id, user)}

    def _users_list(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        users = [self._user_object(team.id, u) for u in self._users.get(team.id, {})]
        page, cursor = self._paginate(users, req.params)
        return {
            "ok": True,
            "members": page,
            "cache_ts": int(time.time()),
            "response_metadata": {"next_cursor": cursor},
        }

    def _team_info(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        return {
            "ok": True,
            "team": {
                "id": team.id,
                "name": team.name,
                "domain": team.domain,
                "email_domain": "example.test",
                "url": f"https://{team.domain}.slack.com/",
                "icon": {"image_default": True},
                "is_verified": False,
            },
        }

    def _views_publish(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        user = self._require(req.params, "user_id", "user_not_found")
        if user not in self._users.get(team.id, {}):
            raise SlackApiFailure("user_not_found")
        view = self._json_param(req.params, "view")
        if not isinstance(view, dict) or view.get("type") != "home":
            raise SlackApiFailure("invalid_arguments")
        previous = self.home_views.get((team.id, user))
        obj = self._view_object(team, view, previous["id"] if previous else None)
        self.home_views[(team.id, user)] = obj
        self.views[obj["id"]] = obj
        return {"ok": True, "view": obj}

    def _views_open(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        self._require(req.params, "trigger_id", "invalid_trigger_id")
        view = self._json_param(req.params, "view")
        if not isinstance(view, dict):
            raise SlackApiFailure("invalid_arguments")
        obj = self._view_object(team, view)
        self.views[obj["id"]] = obj
        return {"ok": True, "view": obj}

    def _views_update(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        view = self._json_param(req.params, "view")
        if not isinstance(view, dict):
            raise SlackApiFailure("invalid_arguments")
        view_id = req.params.get("view_id")
        if not view_id and req.params.get("external_id"):
            ext = req.params["external_id"]
            view_id = next((v["id"] for v in self.views.values() if v["external_id"] == ext), None)
        if not view_id or view_id not in self.views:
            raise SlackApiFailure("not_found")
        obj = self._view_object(team, view, str(view_id))
        self.views[obj["id"]] = obj
        return {"ok": True, "view": obj}

    def _files_get_upload_url_external(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        filename = self._require(req.params, "filename", "invalid_arguments")
        length = int(self._require(req.params, "length", "invalid_arguments"))
        file_id = self._new_id("F")
        self.files[file_id] = UploadedFile(
            id=file_id,
            team_id=team.id,
            filename=filename,
            length=length,
            alt_txt=req.params.get("alt_txt"),
        )
        return {
            "ok": True,
            "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}",
            "file_id": file_id,
        }

    def _files_complete_upload_external(self, req: _Request) -> JsonDict:
        team = self._team_of(req)
        entries = self._json_param(req.params, "files")
        if not isinstance(entries, list) or not entries:
            raise SlackApiFailure("invalid_arguments")
        channels = [c for c in str(req.params.get("channels") or "").split(",") if c]
        if req.params.get("channel_id"):
            channels.insert(0, str(req.params["channel_id"]))
        result: list[JsonDict] = []
        for entry in entries:
            uploaded = self.files.get(str(entry.get("id")))
            if uploaded is None or uploaded.team_id != team.id or uploaded.data is None:
                raise SlackApiFailure("file_not_found")
            uploaded.title = entry.get("title") or uploaded.filename
            uploaded.channels = channels
            uploaded.initial_comment = req.params.get("initial_comment")
            uploaded.thread_ts = req.params.get("thread_ts")
            uploaded.completed = True
            result.append(
                {
                    "id": uploaded.id,
                    "created": int(time.time()),
                    "name": uploaded.filename,
                    "title": uploaded.title,
                    "mimetype": _guess_mimetype(uploaded.filename),
                    "size": len(uploaded.data),
                    "user": team.bot_user_id,
                    "channels": [c for c in channels if c[:1] == "C"],
                    "ims": [c for c in channels if c[:1] == "D"],
                    "groups": [c for c in channels if c[:1] == "G"],
                }
            )
        return {"ok": True, "files": result}

    def _apps_connections_open(self, req: _Request) -> JsonDict:
        ticket = uuid.uuid4().hex
        self._tickets.add(ticket)
        return {"ok": True, "url": f"{self.socket_url}?ticket={ticket}&app_id={self.app_id}"}

    def _oauth_v2_access(self, req: _Request) -> JsonDict:
        client_id, client_secret = req.params.get("client_id"), req.params.get("client_secret")
        authorization = str(req.params.get("_authorization", ""))
        if authorization.startswith("Basic "):
            decoded = base64.b64decode(authorization[len("Basic ") :]).decode()
            client_id, _, client_secret = decoded.partition(":")
        if client_id != self.client_id:
            raise SlackApiFailure("invalid_client_id")
        if client_secret != self.client_secret:
            raise SlackApiFailure("bad_client_secret")
        grant = self._oauth_codes.pop(str(req.params.get("code", "")), None)
        if grant is None:
            raise SlackApiFailure("invalid_code")
        team = self._teams[grant["team_id"]]
        if self._tokens[team.bot_token].revoked:  # installed again: Slack issues a new token
            team.bot_token = f"xoxb-{team.id}-emulator-{self._new_id('R').lower()}"
            self._tokens[team.bot_token] = _TokenInfo("bot", team.id)
        self._tokens[team.bot_token].scopes = _scopes(grant["scope"])
        return {
            "ok": True,
            "app_id": self.app_id,
            "authed_user": {"id": grant["user_id"]},
            "scope": grant["scope"],
            "token_type": "bot",
            "access_token": team.bot_token,
            "bot_user_id": team.bot_user_id,
            "team": {"id": team.id, "name": team.name},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    # ---------------------------------------------------------------- Socket Mode

    async def _handle_socket(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        with self._lock:
            if ticket not in self._tickets:
                return web.Response(status=401, text="invalid ticket")
            self._tickets.discard(ticket)
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        with self._cond:
            draining, self._draining = self._draining, []
            self._sockets.append(ws)
            self._socket_connections_total += 1
            count = len(self._sockets)
            self._cond.notify_all()
        for old in draining:  # like Slack: the refreshed connection goes once a new one is up
            with contextlib.suppress(Exception):
                await asyncio.wait_for(old.close(code=1001, message=b"refreshed"), timeout=2)
        hello = {
            "type": "hello",
            "num_connections": count,
            "debug_info": {
                "host": "applink-emulator",
                "build_number": 1,
                "approximate_connection_time": 18060,
            },
            "connection_info": {"app_id": self.app_id},
        }
        try:
            await ws.send_str(json.dumps(hello))
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    continue
                with self._cond:
                    self._socket_received.append(data)
                    if isinstance(data, dict) and "envelope_id" in data:
                        self._acks.setdefault(str(data["envelope_id"]), data)
                    self._cond.notify_all()
        finally:
            with self._cond:
                if ws in self._sockets:
                    self._sockets.remove(ws)
                self._cond.notify_all()
        return ws

    @property
    def socket_connection_count(self) -> int:
        """Currently open Socket Mode connections."""
        with self._lock:
            return len(self._sockets)

    @property
    def socket_connections_total(self) -> int:
        """Socket Mode connections accepted since start (reconnections included)."""
        with self._lock:
            return self._socket_connections_total

    def wait_for_socket(self, count: int = 1, timeout: float = 5.0) -> None:
        """Block until ``count`` connections were ever accepted and one is open."""
        self._wait(
            lambda: self._socket_connections_total >= count and bool(self._sockets),
            timeout,
            f"{count} Socket Mode connection(s)",
        )

    def _run(self, coro: Any, timeout: float = 5.0) -> Any:
        if self._loop is None:
            raise RuntimeError("Slack emulator is not started")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout=timeout)

    def socket_send_raw(self, message: JsonDict, timeout: float = 5.0) -> None:
        """Send any JSON message on the newest open Socket Mode connection."""
        self.wait_for_socket(timeout=timeout)
        with self._lock:
            ws = self._sockets[-1]
        self._run(ws.send_str(json.dumps(message)), timeout)

    def socket_send(
        self,
        type: str,
        payload: JsonDict,
        *,
        accepts_response_payload: bool = False,
        envelope_id: str | None = None,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 5.0,
    ) -> str:
        """Send an envelope (``events_api``, ``slash_commands``, ``interactive``)."""
        envelope = Envelope(
            envelope_id or str(uuid.uuid4()), type, payload, accepts_response_payload
        )
        message: JsonDict = {
            "envelope_id": envelope.envelope_id,
            "type": type,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
        }
        if type == "events_api":
            message["retry_attempt"] = retry_attempt
            message["retry_reason"] = retry_reason
        with self._lock:
            self._envelopes.append(envelope)
        self.socket_send_raw(message, timeout)
        return envelope.envelope_id

    def socket_send_event(self, body: JsonDict, **kwargs: Any) -> str:
        """Send an ``events_api`` envelope; ``body`` is an ``event_callback`` body or a bare
        event (wrapped with ``event_callback(body)``)."""
        if body.get("type") != "event_callback":
            body = event_callback(body)
        return self.socket_send("events_api", body, **kwargs)

    def socket_send_slash_command(self, fields: Mapping[str, str], **kwargs: Any) -> str:
        """Send a ``slash_commands`` envelope (``fields`` as from ``slash_command()``)."""
        kwargs.setdefault("accepts_response_payload", True)
        return self.socket_send("slash_commands", dict(fields), **kwargs)

    def socket_send_interactive(self, payload: JsonDict, **kwargs: Any) -> str:
        """Send an ``interactive`` envelope (``block_actions``, ``view_submission``...)."""
        kwargs.setdefault("accepts_response_payload", True)
        return self.socket_send("interactive", payload, **kwargs)

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> JsonDict:
        """Block until the client acked ``envelope_id``; returns the ack message."""
        self._wait(lambda: envelope_id in self._acks, timeout, f"ack of {envelope_id}")
        with self._lock:
            return self._acks[envelope_id]

    async def wait_for_ack_async(self, envelope_id: str, timeout: float = 5.0) -> JsonDict:
        return await asyncio.to_thread(self.wait_for_ack, envelope_id, timeout)

    def acks(self) -> dict[str, JsonDict]:
        with self._lock:
            return dict(self._acks)

    def envelopes(self) -> list[Envelope]:
        with self._lock:
            return list(self._envelopes)

    def socket_received(self) -> list[JsonDict]:
        """Every JSON message received from Socket Mode clients."""
        with self._lock:
            return list(self._socket_received)

    def socket_disconnect(self, reason: str = "refresh_requested", timeout: float = 5.0) -> None:
        """Ask the client to reconnect, as Slack does before recycling a connection; the
        emulator closes the old connection once the client has opened a new one."""
        with self._lock:
            if self._sockets:
                self._draining.append(self._sockets[-1])
        self.socket_send_raw(
            {
                "type": "disconnect",
                "reason": reason,
                "debug_info": {"host": "applink-emulator"},
            },
            timeout,
        )

    def socket_close(self, code: int = 1001, timeout: float = 5.0) -> None:
        """Drop every open Socket Mode connection from the server side."""
        self._run(self._close_sockets(code=code, message=b"closed by emulator"), timeout)

    async def _close_sockets(self, *, code: int, message: bytes) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for ws in sockets:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(ws.close(code=code, message=message), timeout=2)


def _scopes(scopes: str) -> frozenset[str]:
    return frozenset(s.strip() for s in scopes.split(",") if s.strip())


def _truthy(value: Any) -> bool:
    return str(value).lower() in ("1", "true")


def _guess_mimetype(filename: str) -> str:
    lowered = filename.lower()
    for suffix, mimetype in (
        (".png", "image/png"),
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".csv", "text/csv"),
        (".txt", "text/plain"),
        (".json", "application/json"),
    ):
        if lowered.endswith(suffix):
            return mimetype
    return "application/octet-stream"


@pytest.fixture
def slack_emulator() -> Iterator[SlackEmulator]:
    """A started ``SlackEmulator`` with the default workspace, stopped after the test."""
    with SlackEmulator() as emulator:
        yield emulator


# --------------------------------------------------------------------------------------------
# Signed requests and payload builders
# --------------------------------------------------------------------------------------------


def sign_request(
    body: bytes | str, signing_secret: str, timestamp: int | None = None
) -> dict[str, str]:
    """``X-Slack-Request-Timestamp`` and ``X-Slack-Signature`` (v0 HMAC-SHA256) for ``body``."""
    raw = body.encode() if isinstance(body, str) else body
    ts = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{ts}:".encode() + raw
    digest = hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": f"v0={digest}"}


def json_request(
    body: JsonDict, signing_secret: str, timestamp: int | None = None
) -> tuple[str, dict[str, str]]:
    """A signed JSON request (Events API): ``(body, headers)``."""
    text = json.dumps(body)
    headers = {"Content-Type": "application/json", **sign_request(text, signing_secret, timestamp)}
    return text, headers


def form_request(
    fields: Mapping[str, str], signing_secret: str, timestamp: int | None = None
) -> tuple[str, dict[str, str]]:
    """A signed form request (slash commands, interactivity): ``(body, headers)``."""
    text = urlencode(dict(fields))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        **sign_request(text, signing_secret, timestamp),
    }
    return text, headers


_counter = itertools.count(1)


def _unique(prefix: str) -> str:
    return f"{prefix}{int(time.time())}{next(_counter):06d}"


def _event_ts() -> str:
    now = time.time()
    return f"{int(now)}.{next(_counter):06d}"


def event_callback(
    event: JsonDict,
    *,
    team_id: str = DEFAULT_TEAM_ID,
    api_app_id: str = DEFAULT_APP_ID,
    event_id: str | None = None,
    authorized_user_id: str | None = None,
) -> JsonDict:
    """Wrap ``event`` in an Events API ``event_callback`` body."""
    authorization: JsonDict = {
        "enterprise_id": None,
        "team_id": team_id,
        "user_id": authorized_user_id or "U0000BOT",
        "is_bot": True,
        "is_enterprise_install": False,
    }
    return {
        "token": "verification-token-unused",
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or _unique("Ev"),
        "event_time": int(time.time()),
        "authorizations": [authorization],
        "is_ext_shared_channel": False,
        "event_context": _unique("4-"),
    }


def message_event(
    *,
    user_id: str,
    text: str,
    team_id: str = DEFAULT_TEAM_ID,
    channel: str | None = None,
    channel_type: str = "im",
    ts: str | None = None,
    event_id: str | None = None,
    thread_ts: str | None = None,
    bot_user_id: str | None = None,
) -> JsonDict:
    """An ``event_callback`` body carrying a user's ``message`` (a DM by default)."""
    ts = ts or _event_ts()
    event: JsonDict = {
        "client_msg_id": str(uuid.uuid4()),
        "type": "message",
        "text": text,
        "user": user_id,
        "ts": ts,
        "blocks": [
            {
                "type": "rich_text",
                "block_id": uuid.uuid4().hex[:5],
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ],
            }
        ],
        "team": team_id,
        "channel": channel or f"D{user_id[1:]}",
        "event_ts": ts,
        "channel_type": channel_type,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event, team_id=team_id, event_id=event_id, authorized_user_id=bot_user_id)


def app_home_opened_event(
    *,
    user_id: str,
    team_id: str = DEFAULT_TEAM_ID,
    channel: str | None = None,
    tab: str = "home",
    view: JsonDict | None = None,
    bot_user_id: str | None = None,
) -> JsonDict:
    """An ``event_callback`` body carrying ``app_home_opened``."""
    event: JsonDict = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": channel or f"D{user_id[1:]}",
        "tab": tab,
        "event_ts": _event_ts(),
    }
    if view is not None:
        event["view"] = view
    return event_callback(event, team_id=team_id, authorized_user_id=bot_user_id)


def app_uninstalled_event(*, team_id: str = DEFAULT_TEAM_ID) -> JsonDict:
    """An ``event_callback`` body carrying ``app_uninstalled`` (the workspace removed the app)."""
    body = event_callback({"type": "app_uninstalled", "event_ts": _event_ts()}, team_id=team_id)
    del body["authorizations"]  # there is no installation left to authorize
    return body


def tokens_revoked_event(
    *, team_id: str = DEFAULT_TEAM_ID, bot: list[str] | None = None, oauth: list[str] | None = None
) -> JsonDict:
    """An ``event_callback`` body carrying ``tokens_revoked``: the user ids whose user tokens
    (``oauth``) and bot tokens (``bot``, the bot user's id) were revoked."""
    tokens: JsonDict = {}
    if oauth:
        tokens["oauth"] = list(oauth)
    if bot:
        tokens["bot"] = list(bot)
    body = event_callback(
        {"type": "tokens_revoked", "tokens": tokens, "event_ts": _event_ts()}, team_id=team_id
    )
    del body["authorizations"]
    return body


def slash_command(
    *,
    user_id: str,
    text: str = "help",
    command: str = "/askcoach",
    team_id: str = DEFAULT_TEAM_ID,
    channel_id: str | None = None,
    user_name: str | None = None,
    api_app_id: str = DEFAULT_APP_ID,
    response_url: str | None = None,
    trigger_id: str | None = None,
) -> dict[str, str]:
    """The form fields Slack posts for a slash command (``form_request`` encodes and signs)."""
    return {
        "token": "verification-token-unused",
        "team_id": team_id,
        "team_domain": f"ws-{team_id.lower()}",
        "channel_id": channel_id or f"D{user_id[1:]}",
        "channel_name": "directmessage",
        "user_id": user_id,
        "user_name": user_name or user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url
        or f"https://hooks.slack.com/commands/{team_id}/{_unique('')}/x",
        "trigger_id": trigger_id or _unique("trig."),
    }


def _user_ref(user_id: str, team_id: str) -> JsonDict:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def block_actions_payload(
    *,
    user_id: str,
    action_id: str,
    value: str | None = None,
    team_id: str = DEFAULT_TEAM_ID,
    channel_id: str | None = None,
    message_ts: str | None = None,
    block_id: str = "actions",
    view: JsonDict | None = None,
    trigger_id: str | None = None,
    api_app_id: str = DEFAULT_APP_ID,
) -> JsonDict:
    """A ``block_actions`` payload for a button click in a message (or in ``view``)."""
    action: JsonDict = {
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": action_id, "emoji": True},
        "type": "button",
        "action_ts": _event_ts(),
    }
    if value is not None:
        action["value"] = value
    payload: JsonDict = {
        "type": "block_actions",
        "user": _user_ref(user_id, team_id),
        "api_app_id": api_app_id,
        "token": "verification-token-unused",
        "trigger_id": trigger_id or _unique("trig."),
        "team": {"id": team_id, "domain": f"ws-{team_id.lower()}"},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
        "actions": [action],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0")}
        payload["view"] = view
    else:
        channel = channel_id or f"D{user_id[1:]}"
        ts = message_ts or _event_ts()
        payload["container"] = {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel, "name": "directmessage"}
        payload["message"] = {"type": "message", "ts": ts, "text": "", "blocks": []}
        payload["response_url"] = f"https://hooks.slack.com/actions/{team_id}/{_unique('')}/x"
    return payload


def view_submission_payload(
    *,
    user_id: str,
    callback_id: str,
    values: JsonDict,
    private_metadata: str = "",
    team_id: str = DEFAULT_TEAM_ID,
    view_id: str | None = None,
    api_app_id: str = DEFAULT_APP_ID,
) -> JsonDict:
    """A ``view_submission`` payload; ``values`` is ``view.state.values``
    (``{block_id: {action_id: {"type": "plain_text_input", "value": "..."}}}``)."""
    view_id = view_id or _unique("V")
    return {
        "type": "view_submission",
        "team": {"id": team_id, "domain": f"ws-{team_id.lower()}"},
        "user": _user_ref(user_id, team_id),
        "api_app_id": api_app_id,
        "token": "verification-token-unused",
        "trigger_id": _unique("trig."),
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "blocks": [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": values},
            "hash": uuid.uuid4().hex[:16],
            "title": {"type": "plain_text", "text": "askcoach", "emoji": True},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": {"type": "plain_text", "text": "Save", "emoji": True},
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": api_app_id,
            "external_id": "",
            "app_installed_team_id": team_id,
            "bot_id": "B0000BOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def interactive_form_body(payload: JsonDict) -> dict[str, str]:
    """Form fields Slack posts for interactivity: ``payload=<json>``."""
    return {"payload": json.dumps(payload)}
