"""The platform's data: workspaces, tokens, users, channels, DMs, what apps posted and every
call received. One ``SlackState`` is shared by the protocol components (HTTP, Web API, Socket
Mode, rate limits), which read and change it under ``lock``; configuring and inspecting it from
a test is here too."""

from __future__ import annotations

import itertools
import time
import uuid
from typing import Any

from emulators.slack.defaults import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_SCOPES,
    DEFAULT_TEAM_ID,
    JsonDict,
)
from emulators.slack.payloads import app_uninstalled_event, message_event, tokens_revoked_event
from emulators.slack.records import (
    Call,
    Team,
    UploadedFile,
    _TokenInfo,
)
from emulators.state import GuardedState, at_least


class SlackState(GuardedState):
    """What the workspaces hold and what apps did there, with one lock (and its condition,
    notified on every change a test may wait for)."""

    def __init__(self, *, app_id: str) -> None:
        super().__init__("Slack")
        self.app_id = app_id
        self.client_id = DEFAULT_CLIENT_ID
        self.client_secret = DEFAULT_CLIENT_SECRET

        self._ids = itertools.count(1)
        self._last_ts_us = 0

        self.teams: dict[str, Team] = {}
        self.tokens: dict[str, _TokenInfo] = {}
        self.users: dict[str, dict[str, JsonDict]] = {}  # team -> user id -> user object
        self.channels: dict[str, dict[str, list[str]]] = {}  # team -> channel -> members
        self.dms: dict[tuple[str, str], str] = {}  # (team, user) -> D...
        self.oauth_codes: dict[str, JsonDict] = {}

        self.call_log: list[Call] = []  # every /api/<method> request, in arrival order
        self.posted: dict[tuple[str, str], JsonDict] = {}  # (channel, ts) -> message
        self.files: dict[str, UploadedFile] = {}
        self.views: dict[str, JsonDict] = {}
        self.home_views: dict[tuple[str, str], JsonDict] = {}  # (team, user) -> view
        self.response_log: list[JsonDict] = []  # what apps POSTed to a response_url

    # ---------------------------------------------------------------- configuration

    def new_id(self, prefix: str) -> str:
        """A fresh id with a Slack-like prefix (``U``, ``D``, ``F``, ``V`` ...)."""
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
        with self.lock:
            team = Team(
                id=team_id,
                name=name or f"Workspace {team_id}",
                domain=domain or f"ws-{team_id.lower()}",
                bot_token=bot_token or f"xoxb-{team_id}-emulator",
                bot_user_id=bot_user_id or self.new_id("U"),
                bot_id=bot_id or self.new_id("B"),
            )
            self.teams[team_id] = team
            self.tokens[team.bot_token] = _TokenInfo("bot", team_id, scopes=_scopes(DEFAULT_SCOPES))
            self.users.setdefault(team_id, {})
            self.channels.setdefault(team_id, {})
            self.add_user(team_id, team.bot_user_id, name="askcoach", is_bot=True)
            return team

    def team(self, team_id: str = DEFAULT_TEAM_ID) -> Team:
        with self.lock:
            return self.teams[team_id]

    def set_scopes(self, team_id: str, scopes: str) -> None:
        """The bot scopes the workspace granted (comma-separated), e.g. an older install."""
        with self.lock:
            self.tokens[self.teams[team_id].bot_token].scopes = _scopes(scopes)

    def revoke_team(self, team_id: str, *, error: str = "account_inactive") -> None:
        """The workspace's bot token stops working: every call with it answers
        ``{"ok": false, "error": error}`` until the app is installed again (new token)."""
        with self.lock:
            self.tokens[self.teams[team_id].bot_token].revoked = error

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
        with self.lock:
            self.tokens[token] = _TokenInfo("app", None)

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
        with self.lock:
            self.users.setdefault(team_id, {})[user_id] = user
        return user

    def add_channel(self, team_id: str, channel_id: str, *, members: list[str]) -> None:
        """Register a channel and its members (for ``conversations.members``)."""
        with self.lock:
            self.channels.setdefault(team_id, {})[channel_id] = list(members)

    def dm_channel(self, team_id: str, user_id: str) -> str:
        """The stable ``D...`` channel of the bot's DM with ``user_id``."""
        with self.lock:
            key = (team_id, user_id)
            if key not in self.dms:
                self.dms[key] = self.new_id("D")
            return self.dms[key]

    def issue_oauth_code(
        self,
        team_id: str,
        *,
        user_id: str = "U0000INST",
        scope: str = DEFAULT_SCOPES,
        team_name: str | None = None,
    ) -> str:
        """A single-use code that ``oauth.v2.access`` exchanges for the team's bot token."""
        with self.lock:
            if team_id not in self.teams:
                self.add_team(team_id, name=team_name)
            code = f"code-{uuid.uuid4().hex}"
            self.oauth_codes[code] = {"team_id": team_id, "user_id": user_id, "scope": scope}
            return code

    # ---------------------------------------------------------------- inspection

    def calls(self, method: str | None = None) -> list[Call]:
        """Every request received (optionally only for ``method``), in arrival order."""
        with self.lock:
            return [c for c in self.call_log if method is None or c.method == method]

    def delivered(self, method: str = "chat.postMessage") -> list[Call]:
        """Successful calls only (HTTP 200 and ``ok: true``)."""
        return [c for c in self.calls(method) if c.ok]

    def rate_limited(self, method: str | None = None) -> list[Call]:
        """Calls answered with HTTP 429."""
        return [c for c in self.calls(method) if c.is_rate_limited]

    def responses(self) -> list[JsonDict]:
        """The JSON bodies apps POSTed to response_urls (``path`` added), in arrival order."""
        with self.lock:
            return [dict(r) for r in self.response_log]

    def messages(self, channel: str | None = None) -> list[JsonDict]:
        """Posted messages as they are now (``chat.update`` applied), in ``ts`` order."""
        with self.lock:
            items = sorted(self.posted.items(), key=lambda kv: kv[0][1])
            return [dict(m) for (ch, _), m in items if channel is None or ch == channel]

    def dm_message_event(
        self, /, user_id: str, text: str, *, team_id: str = DEFAULT_TEAM_ID, **kwargs: Any
    ) -> JsonDict:
        """``message_event`` in the emulator's DM channel with ``user_id`` (the one
        ``conversations.open`` returns), authorized for the team's bot user."""
        kwargs.setdefault("channel", self.dm_channel(team_id, user_id))
        kwargs.setdefault("bot_user_id", self.team(team_id).bot_user_id)
        return message_event(user_id=user_id, text=text, team_id=team_id, **kwargs)

    def completed_files(self) -> list[UploadedFile]:
        with self.lock:
            return [f for f in self.files.values() if f.completed]

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until ``count`` calls of ``method`` arrived; returns them."""
        return self.wait_until(
            at_least(lambda: self.calls(method), count), timeout, f"{count} x {method}"
        )

    def wait_for_delivered(
        self, method: str = "chat.postMessage", count: int = 1, timeout: float = 5.0
    ) -> list[Call]:
        """Block until ``count`` successful calls of ``method`` arrived; returns them."""
        return self.wait_until(
            at_least(lambda: self.delivered(method), count),
            timeout,
            f"{count} x {method} delivered",
        )

    def next_ts(self) -> str:
        """A message ``ts``: the time in microseconds, always increasing."""
        now_us = time.time_ns() // 1000
        self._last_ts_us = max(now_us, self._last_ts_us + 1)
        return f"{self._last_ts_us // 1_000_000}.{self._last_ts_us % 1_000_000:06d}"


def _scopes(scopes: str) -> frozenset[str]:
    return frozenset(s.strip() for s in scopes.split(",") if s.strip())
