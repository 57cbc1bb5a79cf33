"""The coach's nouns: communities, members, asks, gives, targets, check-ins. Plain dataclasses:
storage maps rows to them, the core reasons about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

WEEKDAYS: frozenset[int] = frozenset({0, 1, 2, 3, 4})
DEFAULT_MORNING = time(9, 0)
DEFAULT_AFTERNOON = time(17, 0)
# Conversation states of a member who hasn't confirmed timezone and check-in time yet.
NOT_ONBOARDED: tuple[str, ...] = ("new", "onboarding")


class Role(StrEnum):
    MEMBER = "member"
    COACH = "coach"
    ADMIN = "admin"


class AskStatus(StrEnum):
    OPEN = "open"
    MADE = "made"
    SKIPPED = "skipped"
    DROPPED = "dropped"


class Outcome(StrEnum):
    YES = "yes"
    WAITING = "waiting"
    NO = "no"


class CheckInKind(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    FOLLOW_UP = "follow_up"
    NUDGE = "nudge"
    REVIEW = "review"


class CheckInStatus(StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    MISSED = "missed"
    CANCELLED = "cancelled"


@dataclass
class Community:
    """A Slack workspace, a Discord guild, or the console's local group."""

    platform: str
    external_id: str
    name: str
    timezone: str = "UTC"
    checkin_time: time = DEFAULT_MORNING
    report_channel: str | None = None
    enrollment: str = "optin"
    enrollment_channel: str | None = None
    coach_role: str | None = None
    digest_weekday: int = 0
    digest_time: time = DEFAULT_MORNING
    last_digest_at: datetime | None = None
    id: int | None = None


@dataclass
class Member:
    """One job seeker in one community, with their schedule and conversation state."""

    community_id: int
    external_id: str
    name: str
    timezone: str
    created_at: datetime
    checkin_time: time = DEFAULT_MORNING
    afternoon_time: time = DEFAULT_AFTERNOON
    days: frozenset[int] = WEEKDAYS
    role: Role = Role.MEMBER
    state: str = "new"
    state_data: dict[str, Any] = field(default_factory=dict)
    # What the coach remembers across states (last heard from, quiet-check asked, stopped…);
    # stored with `state_data`, but never cleared when the state changes.
    memory: dict[str, Any] = field(default_factory=dict)
    paused_until: datetime | None = None
    hired_at: datetime | None = None
    undeliverable: bool = False
    share_asks: bool = False
    share_names: bool = False
    id: int | None = None

    @property
    def onboarded(self) -> bool:
        """True once the member has confirmed timezone and check-in time."""
        return self.state not in NOT_ONBOARDED

    @property
    def stopped(self) -> bool:
        """True when the member said stop: no check-ins until they say `resume`."""
        return bool(self.memory.get("stopped"))


@dataclass
class Ask:
    """A planned ask: what the member said, the verdict, and what became of it."""

    member_id: int
    text: str
    verdict: str
    created_at: datetime
    who: str | None = None
    kind: str | None = None
    company: str | None = None
    role: str | None = None
    deadline: str | None = None
    status: AskStatus = AskStatus.OPEN
    outcome: Outcome | None = None
    updated_at: datetime | None = None
    id: int | None = None

    @property
    def awaiting_answer(self) -> bool:
        """Open until answered: not made yet, or made and not yet answered (never a skipped or
        dropped ask)."""
        return self.status in (AskStatus.OPEN, AskStatus.MADE) and self.outcome in (
            None,
            Outcome.WAITING,
        )

    @property
    def was_made(self) -> bool:
        """The member asked: the ask is made, or was made and then let go ("Drop it" after
        asking keeps the outcome it had, so a dropped ask with an outcome was made)."""
        return self.status == AskStatus.MADE or (
            self.status == AskStatus.DROPPED and self.outcome is not None
        )


@dataclass
class Give:
    """Help the member gave someone else ("offer help first")."""

    member_id: int
    text: str
    created_at: datetime
    id: int | None = None


@dataclass
class Target:
    """A company the member wants to work at."""

    member_id: int
    company: str
    created_at: datetime
    id: int | None = None


@dataclass
class KnownCompany:
    """A company where the member knows people and could make an introduction."""

    member_id: int
    company: str
    created_at: datetime
    id: int | None = None


@dataclass
class CheckIn:
    """A question due to a member at a UTC instant: data, not a timer."""

    member_id: int
    kind: CheckInKind
    due_at: datetime
    status: CheckInStatus = CheckInStatus.PENDING
    ask_id: int | None = None
    id: int | None = None


class IntroStatus(StrEnum):
    OFFERED = "offered"
    ASKED = "asked"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


@dataclass
class IntroRequest:
    """A help match: `asker` needs people at `company`; `helper` said they know people there.
    The helper's name reaches the asker only once the helper accepts."""

    community_id: int
    asker_id: int
    helper_id: int
    company: str
    created_at: datetime
    ask_id: int | None = None
    status: IntroStatus = IntroStatus.OFFERED
    id: int | None = None


@dataclass(frozen=True)
class DayCount:
    """Planned asks on one local day, by verdict (the charts' data)."""

    day: date
    specific: int
    vague: int
    passive: int
