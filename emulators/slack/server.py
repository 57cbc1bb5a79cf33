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

from aiohttp import web

from emulators.forwarding import Forwarded, Shared
from emulators.serving import LocalServer, Served
from emulators.slack.defaults import (
    DEFAULT_APP_ID,
    DEFAULT_APP_TOKEN,
    DEFAULT_BOT_TOKEN,
    DEFAULT_TEAM_ID,
    DEFAULT_TEAM_NAME,
    JsonDict,
)
from emulators.slack.http_api import HttpApi
from emulators.slack.rate_limits import SlackRateLimits
from emulators.slack.socket_mode import SocketMode
from emulators.slack.state import SlackState
from emulators.slack.web_api import WebApi


class SlackEmulator(Served):
    """Slack Web API + Socket Mode emulator on ``127.0.0.1:<ephemeral port>``.

    Builds one ``SlackState`` and the protocol components that share it: ``rate_limits``
    (``SlackRateLimits``), ``socket_mode`` (``SocketMode``), ``web_api`` (``WebApi``, which asks
    Socket Mode for connection tickets) and ``http`` (``HttpApi``: auth, canned answers, rate
    limits, then the Web API method), and serves their routes. What a test configures or
    inspects is offered here under the names below, each the component's own method."""

    def __init__(
        self,
        *,
        default_team: bool = True,
        app_id: str = DEFAULT_APP_ID,
        retry_after: int | None = None,
    ) -> None:
        self._server = LocalServer("slack-emulator")
        self.state = SlackState(app_id=app_id)
        self.rate_limits = SlackRateLimits(self.state, retry_after=retry_after)
        self.socket_mode = SocketMode(self.state, self._server)
        self.web_api = WebApi(self.state, self._server, self.socket_mode)
        self.http = HttpApi(self.state, self.rate_limits, self.web_api, self._server)
        if default_team:
            self.state.add_team(
                DEFAULT_TEAM_ID, bot_token=DEFAULT_BOT_TOKEN, name=DEFAULT_TEAM_NAME
            )
            self.state.add_app_token(DEFAULT_APP_TOKEN)

    def _routes(self, app: web.Application) -> None:
        self.http.add_routes(app)
        app.router.add_get("/socket", self.socket_mode.handle)

    async def _before_stop(self) -> None:
        self.http.release_held()
        await self.socket_mode.close_all(code=1001, message=b"server shutdown")

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/api/`` for ``WebClient(base_url=...)``."""
        return self._server.url("/api/")

    @property
    def socket_url(self) -> str:
        return self._server.url("/socket", "ws")

    # ---- the workspaces and what apps did there (SlackState)
    app_id: Shared[str] = Shared("state")
    views: Shared[dict[str, JsonDict]] = Shared("state")
    home_views: Shared[dict[tuple[str, str], JsonDict]] = Shared("state")
    add_team = Forwarded("state", SlackState.add_team)
    team = Forwarded("state", SlackState.team)
    set_scopes = Forwarded("state", SlackState.set_scopes)
    revoke_team = Forwarded("state", SlackState.revoke_team)
    uninstall = Forwarded("state", SlackState.uninstall)
    add_app_token = Forwarded("state", SlackState.add_app_token)
    add_user = Forwarded("state", SlackState.add_user)
    add_channel = Forwarded("state", SlackState.add_channel)
    dm_channel = Forwarded("state", SlackState.dm_channel)
    issue_oauth_code = Forwarded("state", SlackState.issue_oauth_code)
    calls = Forwarded("state", SlackState.calls)
    delivered = Forwarded("state", SlackState.delivered)
    rate_limited = Forwarded("state", SlackState.rate_limited)
    responses = Forwarded("state", SlackState.responses)
    messages = Forwarded("state", SlackState.messages)
    dm_message_event = Forwarded("state", SlackState.dm_message_event)
    completed_files = Forwarded("state", SlackState.completed_files)
    wait_for_calls = Forwarded("state", SlackState.wait_for_calls)
    wait_for_delivered = Forwarded("state", SlackState.wait_for_delivered)

    # ---- canned answers, held calls, response_urls (HttpApi)
    queue = Forwarded("http", HttpApi.queue)
    always = Forwarded("http", HttpApi.always)
    hold_after_accepting = Forwarded("http", HttpApi.hold_after_accepting)
    wait_for_held = Forwarded("http", HttpApi.wait_for_held)
    response_url = Forwarded("http", HttpApi.response_url)

    # ---- rate limits (SlackRateLimits)
    retry_after: Shared[int | None] = Shared("rate_limits")
    rate_limit = Forwarded("rate_limits", SlackRateLimits.rate_limit)
    channel_rate_limit = Forwarded("rate_limits", SlackRateLimits.channel_rate_limit)

    # ---- Socket Mode (SocketMode)
    socket_connection_count: Shared[int] = Shared("socket_mode", "connection_count")
    wait_for_socket = Forwarded("socket_mode", SocketMode.wait_for_connection)
    socket_send_raw = Forwarded("socket_mode", SocketMode.send_raw)
    socket_send = Forwarded("socket_mode", SocketMode.send)
    socket_send_event = Forwarded("socket_mode", SocketMode.send_event)
    socket_send_slash_command = Forwarded("socket_mode", SocketMode.send_slash_command)
    socket_send_interactive = Forwarded("socket_mode", SocketMode.send_interactive)
    wait_for_ack = Forwarded("socket_mode", SocketMode.wait_for_ack)
    wait_for_ack_async = Forwarded("socket_mode", SocketMode.wait_for_ack_async)
    acks = Forwarded("socket_mode", SocketMode.acks)
    envelopes = Forwarded("socket_mode", SocketMode.envelopes)
    socket_received = Forwarded("socket_mode", SocketMode.received)
    socket_disconnect = Forwarded("socket_mode", SocketMode.disconnect)
    socket_close = Forwarded("socket_mode", SocketMode.close)
