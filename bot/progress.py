"""Counting progress: stats and streaks that reward consistency without shaming."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.coaching import Verdict
from bot.domain import Ask, DayCount, Give, Member, Outcome

if TYPE_CHECKING:
    from bot.ports import UnitOfWork


def count_by_day(asks: list[Ask], zone: ZoneInfo, first: date, last: date) -> list[DayCount]:
    """Asks per local day from `first` to `last` inclusive, split by verdict."""
    counts: dict[date, dict[str, int]] = {}
    for ask in asks:
        day = ask.created_at.astimezone(zone).date()
        if first <= day <= last:
            bucket = counts.setdefault(day, {})
            bucket[ask.verdict] = bucket.get(ask.verdict, 0) + 1
    out = []
    day = first
    while day <= last:
        bucket = counts.get(day, {})
        out.append(
            DayCount(
                day,
                bucket.get(Verdict.SPECIFIC, 0),
                bucket.get(Verdict.VAGUE, 0),
                bucket.get(Verdict.PASSIVE, 0),
            )
        )
        day += timedelta(days=1)
    return out


@dataclass(frozen=True)
class Stats:
    asks: int
    specific: int
    made: int
    said_yes: int
    gives: int
    week_specific: int
    streak: int


def streak(ask_days: set[date], working_days: frozenset[int], today: date) -> int:
    """Days in a row with an ask made, ending today (or yesterday if today has none yet). One
    missed working day a week is forgiven; a day off never breaks it, and an ask made on one
    counts like any other."""
    count = 0
    graced_weeks: set[tuple[int, int]] = set()
    day = today if today in ask_days else today - timedelta(days=1)
    for _ in range(366 * 3):
        if day in ask_days:
            count += 1
        elif day.weekday() in working_days:
            week = day.isocalendar()[:2]
            if week in graced_weeks:
                break
            graced_weeks.add(week)
        day -= timedelta(days=1)
    return count


def compute_stats(
    asks: list[Ask],
    gives: list[Give],
    zone: ZoneInfo,
    working_days: frozenset[int],
    now: datetime,
) -> Stats:
    """One member's numbers: all time, this week (from Monday, local) and the streak."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    specific = [a for a in asks if a.verdict == Verdict.SPECIFIC]
    # The streak rewards asking, not planning: a day counts when an ask planned that day was
    # made (whatever the answer).
    days_with_ask = {a.created_at.astimezone(zone).date() for a in specific if a.was_made}
    return Stats(
        asks=len(asks),
        specific=len(specific),
        made=sum(1 for a in asks if a.was_made),
        said_yes=sum(1 for a in asks if a.outcome == Outcome.YES),
        gives=len(gives),
        week_specific=sum(1 for a in specific if a.created_at.astimezone(zone).date() >= monday),
        streak=streak(days_with_ask, working_days, today) if days_with_ask else 0,
    )


@dataclass(frozen=True)
class AskLine:
    """One ask as a member sees it in a summary."""

    id: int
    text: str
    verdict: str
    status: str
    outcome: str | None
    who: str | None
    created_at: datetime


@dataclass(frozen=True)
class MemberWeek:
    """What a member's home screen shows: this week's asks, open follow-ups, gives, numbers."""

    name: str
    timezone: str
    role: str
    onboarded: bool
    asks: tuple[AskLine, ...]
    follow_ups: tuple[AskLine, ...]
    gives: tuple[str, ...]
    stats: Stats
    paused_until: datetime | None


def _line(ask: Ask) -> AskLine:
    assert ask.id is not None
    return AskLine(
        id=ask.id,
        text=ask.text,
        verdict=ask.verdict,
        status=ask.status.value,
        outcome=ask.outcome.value if ask.outcome else None,
        who=ask.who,
        created_at=ask.created_at,
    )


def member_week(uow: UnitOfWork, member: Member, now: datetime) -> MemberWeek:
    """Read-only: this week's asks (from Monday, local), asks still waiting for an answer,
    this week's gives and the member's numbers."""
    assert member.id is not None
    zone = ZoneInfo(member.timezone)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    asks = uow.asks.for_member(member.id)
    gives = uow.gives.for_member(member.id)
    this_week = [a for a in asks if a.created_at.astimezone(zone).date() >= monday]
    waiting = [
        a
        for a in asks
        if a.verdict == Verdict.SPECIFIC and a not in this_week and a.awaiting_answer
    ]
    return MemberWeek(
        name=member.name,
        timezone=member.timezone,
        role=member.role.value,
        onboarded=member.onboarded,
        asks=tuple(_line(a) for a in sorted(this_week, key=lambda a: a.created_at)),
        follow_ups=tuple(_line(a) for a in sorted(waiting, key=lambda a: a.created_at)[-10:]),
        gives=tuple(g.text for g in gives if g.created_at.astimezone(zone).date() >= monday),
        stats=compute_stats(asks, gives, zone, member.days, now),
        paused_until=member.paused_until,
    )
