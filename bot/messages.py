"""What goes in and out of the core: platform-neutral events and messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# The short note a member sees when they press a button no version of the coach still knows
# (an old message after an upgrade): acknowledged, never an error.
STALE_BUTTON = (
    "That button is from an older message, so I can't act on it. Say `help` to see what I can do."
)


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


UNCONFIRMED_SINCE = "unconfirmed_since"
UNCONFIRMED_UNTIL = "unconfirmed_until"
UNCONFIRMED_OVERDUE = "unconfirmed_overdue"


@dataclass(frozen=True)
class UnconfirmedSend:
    """An earlier send of a message whose outcome nobody recorded: its worker died (or stalled)
    while handing it to the platform, which may have accepted it between `since` (that send
    began) and `until` (that worker's send lease ended). A gateway that can look the message
    up on the platform can spare the member a second copy. When it cannot look yet (the
    look-up is rate limited), the message waits for it (`LookupDeferred`) — unless `overdue`:
    it has waited long enough, and is sent without the look-up."""

    since: datetime
    until: datetime
    overdue: bool = False

    def as_meta(self) -> dict[str, str]:
        """The form `OutboundMessage.meta` carries it in."""
        meta = {
            UNCONFIRMED_SINCE: self.since.isoformat(),
            UNCONFIRMED_UNTIL: self.until.isoformat(),
        }
        if self.overdue:
            meta[UNCONFIRMED_OVERDUE] = "1"
        return meta


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

    @property
    def unconfirmed_send(self) -> UnconfirmedSend | None:
        """Set when this message is being sent again after a send nobody confirmed (see
        `UnconfirmedSend`); None for a first send or a retry after a known failure."""
        since, until = self.meta.get(UNCONFIRMED_SINCE), self.meta.get(UNCONFIRMED_UNTIL)
        if not since or not until:
            return None
        return UnconfirmedSend(
            datetime.fromisoformat(since),
            datetime.fromisoformat(until),
            overdue=self.meta.get(UNCONFIRMED_OVERDUE) == "1",
        )


@dataclass(frozen=True)
class Handled:
    """What handling one inbound event came to: the replies stored in the outbox, and whether
    the community's enrolment changed (an adapter that lists members syncs it now)."""

    replies: list[OutboundMessage]
    enrolment_changed: bool = False
