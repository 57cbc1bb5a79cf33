"""When is the next question due? Each function writes at most one pending check-in row."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain import Ask, CheckIn, CheckInKind, Member
from bot.ports import UnitOfWork
from bot.schedule import next_occurrence, resolve_local

ALL_KINDS = tuple(CheckInKind)
NUDGE_DELAY = timedelta(hours=3)
NUDGE_LATEST = time(20, 0)
FOLLOW_UP_DAYS = 3


def _zone(member: Member) -> ZoneInfo:
    return ZoneInfo(member.timezone)


def _active_after(member: Member, after: datetime) -> datetime | None:
    """Check-ins resume after a pause; none at all once the member got the job or said stop."""
    if member.hired_at is not None or member.undeliverable or member.stopped:
        return None
    if member.paused_until is not None and member.paused_until > after:
        return member.paused_until
    return after


def plan_next_morning(uow: UnitOfWork, member: Member, after: datetime) -> CheckIn | None:
    """Replace the member's pending morning check-in with the next one after `after`."""
    assert member.id is not None
    uow.checkins.cancel_pending(member.id, [CheckInKind.MORNING, CheckInKind.NUDGE])
    start = _active_after(member, after)
    if start is None or member.state == "new":
        return None  # a member being onboarded gets the first morning: onboarding never blocks
    zone = _zone(member)
    due = next_occurrence(start, zone, member.checkin_time, member.days)
    skipped = set(member.memory.get(SKIP_DAYS, ()))
    while due is not None and due.astimezone(zone).date().isoformat() in skipped:
        # "dont message me on my birthday friday": that one day is left out
        due = next_occurrence(due, zone, member.checkin_time, member.days)
    if due is None:
        return None
    return uow.checkins.add(CheckIn(member_id=member.id, kind=CheckInKind.MORNING, due_at=due))


REVIEW_DAY = 4  # Friday
REVIEW_TIME = time(17, 30)  # after the 17:00 question, so the day's answer is in it
NO_REVIEW = "no_review"  # member memory: the member turned the Friday review off
NO_NUDGE = "no_nudge"  # member memory: the member turned the midday reminder off
NO_AFTERNOON = "no_afternoon"  # member memory: the member turned "did you make your ask?" off
SKIP_DAYS = "skip_days"  # member memory: local dates (ISO) with no morning question


def review_day(member: Member) -> int:
    """The weekday of the weekly review: Friday, or the member's last check-in day before it
    when Friday is no day of theirs ("not fridays": Thursday)."""
    if REVIEW_DAY in member.days or not member.days:
        return REVIEW_DAY
    before = [d for d in member.days if d < REVIEW_DAY]
    return max(before) if before else max(member.days)


def plan_next_review(uow: UnitOfWork, member: Member, after: datetime) -> CheckIn | None:
    """The personal weekly review at 17:30 local, on Fridays (see `review_day`)."""
    assert member.id is not None
    uow.checkins.cancel_pending(member.id, [CheckInKind.REVIEW])
    start = _active_after(member, after)
    if start is None or member.state == "new" or member.memory.get(NO_REVIEW):
        return None
    zone = _zone(member)
    day = frozenset({review_day(member)})
    due = next_occurrence(start, zone, REVIEW_TIME, day)
    if due is not None and due.astimezone(zone).date().isoformat() in member.memory.get(
        SKIP_DAYS, ()
    ):
        due = next_occurrence(due, zone, REVIEW_TIME, day)  # a day left out
    if due is None:
        return None
    return uow.checkins.add(CheckIn(member_id=member.id, kind=CheckInKind.REVIEW, due_at=due))


def plan_afternoon(
    uow: UnitOfWork,
    member: Member,
    ask: Ask,
    now: datetime,
    also_cancel: Iterable[CheckInKind] = (),
) -> CheckIn | None:
    """Ask "did you make it?" at the next afternoon time, at least an hour from now.
    The pending afternoon check-in (and `also_cancel` kinds) are cancelled in one statement."""
    assert member.id is not None
    uow.checkins.cancel_pending(member.id, [CheckInKind.AFTERNOON, *also_cancel])
    start = _active_after(member, now + timedelta(hours=1))
    if start is None or member.memory.get(NO_AFTERNOON):
        return None
    due = next_occurrence(start, _zone(member), member.afternoon_time, member.days)
    if due is None:
        return None
    return uow.checkins.add(
        CheckIn(member_id=member.id, kind=CheckInKind.AFTERNOON, due_at=due, ask_id=ask.id)
    )


def plan_made_question(
    uow: UnitOfWork, member: Member, ask: Ask, now: datetime, days: int = 1
) -> CheckIn | None:
    """Ask "did you make your ask?" again on the member's next working day at least `days`
    ahead (their afternoon time): an ask not yet made gets no "heard back?"."""
    assert member.id is not None
    uow.checkins.cancel_pending(member.id, [CheckInKind.AFTERNOON])
    start = _active_after(member, now)
    if start is None or member.memory.get(NO_AFTERNOON):
        return None
    zone = _zone(member)
    first_day = (start.astimezone(zone) + timedelta(days=days)).date()
    after = datetime.combine(first_day, time(0, 0), zone)
    due = next_occurrence(max(after, start), zone, member.afternoon_time, member.days)
    if due is None:
        return None
    return uow.checkins.add(
        CheckIn(member_id=member.id, kind=CheckInKind.AFTERNOON, due_at=due, ask_id=ask.id)
    )


def plan_follow_up(
    uow: UnitOfWork, member: Member, ask: Ask, now: datetime, days: int = FOLLOW_UP_DAYS
) -> CheckIn | None:
    """Ask whether they heard back, `days` later at the member's check-in time (or their next
    working day after that)."""
    assert member.id is not None
    start = _active_after(member, now)
    if start is None:
        return None
    zone = _zone(member)
    day = (start.astimezone(zone) + timedelta(days=days)).date()
    due = next_occurrence(
        max(resolve_local(day, time(0, 0), zone), start), zone, member.checkin_time, member.days
    )
    if due is None:
        return None
    return uow.checkins.add(
        CheckIn(member_id=member.id, kind=CheckInKind.FOLLOW_UP, due_at=due, ask_id=ask.id)
    )


def postpone_past_pause(
    uow: UnitOfWork, member: Member, checkin: CheckIn, now: datetime
) -> CheckIn | None:
    """A question about an ask ("Did you make it?", "Heard back?") that falls due while the
    member is paused: asked again on the first working day after the break, not now."""
    assert member.id is not None
    start = _active_after(member, now)
    if start is None:
        return None
    zone = _zone(member)
    at = member.afternoon_time if checkin.kind == CheckInKind.AFTERNOON else member.checkin_time
    due = next_occurrence(start, zone, at, member.days)
    if due is None:
        return None
    return uow.checkins.add(
        CheckIn(member_id=member.id, kind=checkin.kind, due_at=due, ask_id=checkin.ask_id)
    )


def plan_nudge(uow: UnitOfWork, member: Member, asked_at: datetime) -> CheckIn | None:
    """One gentle nudge for an unanswered morning question, never after 20:00 local."""
    assert member.id is not None
    if member.memory.get(NO_NUDGE):
        return None
    zone = _zone(member)
    due = asked_at + NUDGE_DELAY
    local = due.astimezone(zone)
    if local.date() != asked_at.astimezone(zone).date() or local.time() > NUDGE_LATEST:
        return None
    return uow.checkins.add(CheckIn(member_id=member.id, kind=CheckInKind.NUDGE, due_at=due))


def cancel_all(uow: UnitOfWork, member: Member) -> None:
    """No more questions for this member (they got the job, or closed their DMs)."""
    assert member.id is not None
    uow.checkins.cancel_pending(member.id, ALL_KINDS)


def mark_unreachable(uow: UnitOfWork, member: Member) -> None:
    """The member can't be reached (their DMs are closed, or their community removed the
    coach): no questions are planned for them until `reachable_again`."""
    member.undeliverable = True
    uow.members.save(member)
    cancel_all(uow, member)


def plan_check_ins(uow: UnitOfWork, member: Member, now: datetime) -> None:
    """Plan the member's regular questions from `now`: the next morning and Friday review."""
    plan_next_morning(uow, member, now)
    plan_next_review(uow, member, now)


def reachable_again(uow: UnitOfWork, member: Member, now: datetime) -> None:
    """The member can be reached again (they wrote to us, or their community added the coach
    back): plan their next questions from `now`."""
    member.undeliverable = False
    uow.members.save(member)
    plan_check_ins(uow, member, now)
