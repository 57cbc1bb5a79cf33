"""What the Slack emulator records and keeps: calls, workspaces, files, envelopes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from emulators.slack.defaults import JsonDict


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
    retry_attempt: int = 0  # events_api only: Slack's retry of an unacked envelope
    retry_reason: str = ""

    def message(self) -> JsonDict:
        """The envelope as it goes over the websocket."""
        message: JsonDict = {
            "envelope_id": self.envelope_id,
            "type": self.type,
            "payload": self.payload,
            "accepts_response_payload": self.accepts_response_payload,
        }
        if self.type == "events_api":
            message["retry_attempt"] = self.retry_attempt
            message["retry_reason"] = self.retry_reason
        return message


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


_Handler = Callable[[_Request], JsonDict]
