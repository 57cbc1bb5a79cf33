"""What goes in and out of the core: platform-neutral events and messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Choice:
    """A button: `value` is what the core receives when it is pressed."""

    label: str
    value: str


@dataclass(frozen=True)
class Sender:
    """Who sent an inbound event, as the platform knows them."""

    platform: str
    community_id: str
    user_id: str
    name: str
    timezone: str | None = None
    is_admin: bool = False
    community_name: str | None = None  # the workspace's / server's name, when the platform says


@dataclass(frozen=True)
class InboundMessage:
    """A member's message, a button press (`text` is the choice value) or a form submission."""

    sender: Sender
    text: str
    event_id: str | None = None
    form: dict[str, str] | None = None


@dataclass(frozen=True)
class OutboundMessage:
    """A message for one member's DM (recipient: their platform user id) or for a community
    channel (channel). `key` makes delivery idempotent; `due_at` is when a check-in fell due."""

    text: str
    community_id: int
    platform: str = "console"
    member_id: int | None = None
    recipient: str | None = None
    channel: str | None = None
    choices: tuple[Choice, ...] = ()
    key: str = ""
    due_at: datetime | None = None
    attachment: bytes | None = None
    attachment_name: str | None = None
    id: int | None = None
    meta: dict[str, str] = field(default_factory=dict)
