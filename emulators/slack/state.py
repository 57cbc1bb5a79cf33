"""The emulator's workspaces, tokens, queued answers and what apps sent: the state every
protocol part reads and changes (configuring and inspecting it from a test is here too)."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web

from emulators.serving import LocalServer
from emulators.slack.defaults import (
    DEFAULT_APP_ID,
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_SCOPES,
    DEFAULT_TEAM_ID,
    JsonDict,
)
from emulators.slack.payloads import app_uninstalled_event, message_event, tokens_revoked_event
from emulators.slack.rate_limits import _Bucket
from emulators.slack.records import (
    Call,
    Envelope,
    Team,
    UploadedFile,
    _Queued,
    _TokenInfo,
)


class SlackState:
    """The state shared by the Web API, Socket Mode and the HTTP server."""

    def __init__(
        self,
        *,
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

        self._server = LocalServer("slack-emulator")

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/api/`` for ``WebClient(base_url=...)``."""
        return self._server.url("/api/")

    @property
    def socket_url(self) -> str:
        return self._server.url("/socket", "ws")

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
        return self._server.url(f"/response/{name or self._new_id('R')}")

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

    # ---------------------------------------------------------------- helpers for handlers

    def _next_ts(self) -> str:
        now_us = time.time_ns() // 1000
        self._last_ts_us = max(now_us, self._last_ts_us + 1)
        return f"{self._last_ts_us // 1_000_000}.{self._last_ts_us % 1_000_000:06d}"


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
