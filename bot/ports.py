"""Ports: what the core needs from outside, as small Protocols (storage, clock, delivery)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self, TypedDict, Unpack

from bot.dashboard.rows import (
    Giver,
    LastPlan,
    OpenAsk,
    SignIn,
    Unreachable,
    WeekActivity,
    WeekGives,
)
from bot.domain import (
    Ask,
    CheckIn,
    CheckInKind,
    Community,
    DayCount,
    Give,
    IntroRequest,
    KnownCompany,
    Member,
    Target,
)
from bot.messages import OutboundMessage

if TYPE_CHECKING:  # bot.delivery imports these ports
    from bot.delivery.errors import Delivered


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""
        ...


class CommunityRepository(Protocol):
    def get(self, community_id: int) -> Community | None: ...
    def find(self, platform: str, external_id: str) -> Community | None: ...
    def add(self, community: Community) -> Community: ...
    def save(self, community: Community) -> None: ...
    def all(self) -> list[Community]: ...


class MemberRepository(Protocol):
    def get(self, member_id: int) -> Member | None: ...
    def find(self, community_id: int, external_id: str) -> Member | None: ...
    def find_with_community(
        self, platform: str, community_external_id: str, external_id: str
    ) -> tuple[Community | None, Member | None]:
        """The community and its member in one look-up: (None, None) for an unknown
        community, (community, None) for a member it doesn't know yet."""
        ...

    def add(self, member: Member) -> Member: ...
    def save(self, member: Member) -> None:
        """Store the member; writing nothing when the row already holds these values."""
        ...

    def delete(self, member_id: int) -> None: ...
    def in_community(self, community_id: int) -> list[Member]: ...


class AskRepository(Protocol):
    def add(self, ask: Ask) -> Ask: ...
    def get(self, ask_id: int) -> Ask | None: ...
    def save(self, ask: Ask) -> None: ...
    def for_member(self, member_id: int, since: datetime | None = None) -> list[Ask]: ...
    def for_community(self, community_id: int, since: datetime) -> list[Ask]: ...
    def remove(self, member_id: int, ask_id: int) -> bool:
        """Delete one of the member's asks (never another member's) with its pending check-ins;
        an intro request made for it keeps no link to it."""
        ...

    def specific_since(
        self, member_id: int, since: datetime, kind: str | None
    ) -> tuple[list[Ask], int]:
        """The member's specific asks of this `kind` (None: of no kind) created at or after
        `since` (oldest first), and how many specific asks of any kind they have made."""
        ...


class GiveRepository(Protocol):
    def add(self, give: Give) -> Give: ...
    def remove(self, member_id: int, give_id: int) -> bool: ...
    def for_member(self, member_id: int, since: datetime | None = None) -> list[Give]: ...
    def for_community(self, community_id: int, since: datetime) -> list[Give]: ...


class TargetRepository(Protocol):
    def add(self, target: Target) -> Target: ...
    def remove(self, member_id: int, company: str) -> bool: ...
    def for_member(self, member_id: int) -> list[Target]: ...


class KnownCompanyRepository(Protocol):
    def add(self, known: KnownCompany) -> KnownCompany: ...
    def remove(self, member_id: int, company: str) -> bool: ...
    def for_member(self, member_id: int) -> list[KnownCompany]: ...
    def who_knows(self, community_id: int, company: str) -> list[int]:
        """Ids of members of the community who know people at `company` (any case)."""
        ...


class OptOutRepository(Protocol):
    """People who said `forget`: only a one-way hash, so enrolment won't message them again."""

    def add(self, community_id: int, user_key: str, now: datetime) -> None: ...
    def contains(self, community_id: int, user_key: str) -> bool: ...
    def remove(self, community_id: int, user_key: str) -> None: ...


class IntroRepository(Protocol):
    def add(self, intro: IntroRequest) -> IntroRequest: ...
    def get(self, intro_id: int) -> IntroRequest | None: ...
    def save(self, intro: IntroRequest) -> None: ...
    def for_asker(self, asker_id: int, company: str) -> list[IntroRequest]: ...


class CheckInRepository(Protocol):
    def add(self, checkin: CheckIn) -> CheckIn: ...
    def get(self, checkin_id: int) -> CheckIn | None: ...
    def pending_for_member(self, member_id: int) -> list[CheckIn]: ...
    def cancel_pending(self, member_id: int, kinds: Iterable[CheckInKind]) -> int: ...
    def claim_due(
        self, now: datetime, owner: str, lease_until: datetime, limit: int
    ) -> list[CheckIn]: ...
    def finish(self, checkin_id: int, owner: str, status: str) -> bool: ...
    def renew_leases(self, owner: str, until: datetime) -> int:
        """Extend to `until` the lease of every check-in `owner` still holds (not those
        another worker took over); return how many."""
        ...

    def next_due_at(self) -> datetime | None: ...
    def purge_finished(self, before: datetime) -> int:
        """Delete sent, missed and cancelled check-ins due before `before`; return how many."""
        ...


class Retry(TypedDict, total=False):
    """How `OutboxRepository.retry_later` puts a message back; each key may be left out."""

    count_attempt: bool
    """Whether this counts as an attempt (default True)."""
    owner: str | None
    """Only if this worker still holds its send lease (False: another worker took it over,
    leave it alone). Default None: whoever holds it."""
    keep_unconfirmed: bool
    """Whether the platform already has it is still unknown (it was claimed unconfirmed and
    this worker did not settle it), so the next claim says so again (default False)."""


class OutboxRepository(Protocol):
    def add(self, message: OutboundMessage, now: datetime) -> bool: ...
    def claim_ready(
        self, now: datetime, owner: str, lease_until: datetime, limit: int, *platforms: str
    ) -> list[OutboundMessage]:
        """Claim up to `limit` messages ready to send (to these platforms; none named: to
        any). One whose earlier send nobody confirmed
        (taken over after its worker's lease ran out, or put back with `keep_unconfirmed`)
        comes with `unconfirmed_send` set: the platform may already have it."""
        ...

    def claim(
        self, ids: Iterable[int], now: datetime, owner: str, lease_until: datetime
    ) -> list[OutboundMessage]:
        """Claim these messages (by id) for `owner` if they are ready and no other worker
        holds them: a process sending the replies of an event it handled itself."""
        ...

    def record_attempt(self, message_id: int, owner: str, now: datetime) -> bool:
        """Just before handing a message to the platform: from `now` on, the platform may
        have it, until its outcome is recorded (committed before the platform call, so a
        worker that takes the message over knows an earlier send may have landed). False
        when `owner` no longer holds it: it must not be sent."""
        ...

    def renew_leases(self, owner: str, until: datetime) -> int:
        """Extend to `until` the send lease of every message `owner` still holds."""
        ...

    def mark_sent(self, message_id: int, now: datetime) -> None: ...
    def retry_later(self, message_id: int, at: datetime, error: str, **how: Unpack[Retry]) -> bool:
        """Put a message back for later, as `how` says (see `Retry`); False when it names an
        `owner` that no longer holds the message."""
        ...

    def mark_failed(self, message_id: int, error: str, owner: str | None = None) -> bool:
        """Give up on a message; with `owner`, only if that worker still holds it."""
        ...

    def mark_community_failed(self, community_id: int, error: str) -> int:
        """Give up on every message of a community not sent yet (waiting, or being sent: a
        worker's late answer for one of those changes nothing); return how many."""
        ...

    def pending_count(self) -> int: ...
    def purge_sent(self, before: datetime) -> int:
        """Delete messages sent before `before`; return how many."""
        ...


class EventLog(Protocol):
    def first_time(self, platform: str, event_id: str, now: datetime) -> bool:
        """Record an inbound event id; False if it was seen before (a retry or replay)."""
        ...

    def purge(self, before: datetime) -> int:
        """Forget event ids received before `before` (platforms stop retrying long before)."""
        ...


class SignInRepository(Protocol):
    """One-time dashboard sign-in links, by the hash of their token."""

    def add(self, sign_in: SignIn) -> None: ...
    def find(self, token_hash: str) -> SignIn | None: ...
    def redeem(self, token_hash: str, now: datetime) -> SignIn | None:
        """Mark the link used if it is unused and unexpired, and return it; None otherwise.
        Atomic: of two requests with the same link, one gets it."""
        ...

    def purge(self, before: datetime) -> int:
        """Delete links that expired before `before`; return how many."""
        ...


class DashboardQueries(Protocol):
    """The organizer dashboard's aggregates, computed by the database (bot/dashboard/rows.py)."""

    def active_members(self, community_id: int) -> int:
        """Members who finished onboarding and haven't been hired."""
        ...

    def weekly_activity(
        self, community_id: int, bounds: Sequence[datetime], top: int
    ) -> list[WeekActivity]:
        """Plans per week, weeks being [bounds[i], bounds[i + 1]); weeks without a plan are
        left out. `top`: how many of each week's most active members `top_fifth_specific`
        counts."""
        ...

    def weekly_gives(self, community_id: int, bounds: Sequence[datetime]) -> list[WeekGives]:
        """Gives per week (as `weekly_activity`); weeks without a give are left out."""
        ...

    def without_specific_ask(
        self, community_id: int, since: datetime, now: datetime
    ) -> list[LastPlan]:
        """Active members (onboarded, not hired, paused or unreachable, joined before
        `since`) with no specific ask since `since`, by name."""
        ...

    def open_asks(self, community_id: int, since: datetime) -> list[OpenAsk]:
        """Open specific asks at a company made since `since` by members who share their
        asks, by company then date."""
        ...

    def givers(self, community_id: int, since: datetime) -> list[Giver]:
        """Members who logged gives since `since`, most gives first."""
        ...

    def unreachable(self, community_id: int) -> list[Unreachable]:
        """Members marked undeliverable, by name."""
        ...


class UnitOfWork(Protocol):
    """One transaction: every change made through it commits together or not at all. The
    repositories are read-only: an implementation may hold them as plain attributes."""

    @property
    def communities(self) -> CommunityRepository: ...
    @property
    def members(self) -> MemberRepository: ...
    @property
    def asks(self) -> AskRepository: ...
    @property
    def gives(self) -> GiveRepository: ...
    @property
    def targets(self) -> TargetRepository: ...
    @property
    def known(self) -> KnownCompanyRepository: ...
    @property
    def intros(self) -> IntroRepository: ...
    @property
    def opt_outs(self) -> OptOutRepository: ...
    @property
    def checkins(self) -> CheckInRepository: ...
    @property
    def outbox(self) -> OutboxRepository: ...
    @property
    def events(self) -> EventLog: ...
    @property
    def sign_ins(self) -> SignInRepository: ...
    @property
    def dashboard(self) -> DashboardQueries: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def forget_member(self, member_id: int) -> None:
        """Delete every row about a member, in every table."""
        ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


class ChartRenderer(Protocol):
    def asks_per_day(self, days: Sequence[DayCount], title: str) -> bytes:
        """A PNG bar chart of specific / vague / passive plans per day."""
        ...


class ChatGateway(Protocol):
    """A platform door for outgoing messages; raises a DeliveryError subclass on failure.
    Returns None, or a `Delivered` saying how a message sent again after an unconfirmed
    send went (found on the platform, or posted without a look-up)."""

    async def send(self, message: OutboundMessage) -> Delivered | None: ...


__all__: Sequence[str] = [
    "AskRepository",
    "ChartRenderer",
    "ChatGateway",
    "CheckInRepository",
    "Clock",
    "CommunityRepository",
    "DashboardQueries",
    "EventLog",
    "GiveRepository",
    "IntroRepository",
    "KnownCompanyRepository",
    "MemberRepository",
    "OptOutRepository",
    "OutboxRepository",
    "Retry",
    "SignInRepository",
    "TargetRepository",
    "UnitOfWork",
    "UnitOfWorkFactory",
]
