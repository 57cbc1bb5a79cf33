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

The ``slack_emulator`` fixture lives in ``tests/conftest.py``.  For an async test use
``async with SlackEmulator() as emu:``; the blocking ``wait_*`` helpers can be called with ``asyncio.to_thread`` (``wait_for_ack_async`` exists).

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
import json
import math
import time
from collections.abc import Mapping

from aiohttp import web

from emulators.serving import Served
from emulators.slack.defaults import (
    DEFAULT_APP_ID,
    DEFAULT_APP_TOKEN,
    DEFAULT_BOT_TOKEN,
    DEFAULT_TEAM_ID,
    DEFAULT_TEAM_NAME,
    JsonDict,
)
from emulators.slack.rate_limits import _Bucket
from emulators.slack.records import (
    Call,
    SlackApiFailure,
    _Handler,
    _Request,
    _TokenInfo,
)
from emulators.slack.socket_mode import SocketMode
from emulators.slack.web_api import WebApiMethods


class SlackEmulator(WebApiMethods, SocketMode, Served):
    """Slack Web API + Socket Mode emulator on ``127.0.0.1:<ephemeral port>``."""

    def __init__(
        self,
        *,
        default_team: bool = True,
        app_id: str = DEFAULT_APP_ID,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(app_id=app_id, retry_after=retry_after)

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

    def _app(self) -> web.Application:
        self._release = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/api/{method}", self._handle_api)
        app.router.add_get("/api/{method}", self._handle_api)
        app.router.add_post("/upload/{file_id}", self._handle_upload)
        app.router.add_post("/response/{path:.*}", self._handle_response_url)
        app.router.add_get("/socket", self._handle_socket)
        return app

    async def _before_stop(self) -> None:
        if self._release is not None:
            self._release.set()
        await self._close_sockets(code=1001, message=b"server shutdown")

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
