"""The organizer's report: participation, specific-ask share over time, who went quiet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coaching import Verdict
from bot.domain import Community, Member
from bot.ports import UnitOfWork

QUIET_DAYS = 7
WEEKS = 4
SHAPING = "clarifying"  # the member's conversation state while a plan is being coached


@dataclass(frozen=True)
class OrganizerReport:
    """Every sentence of the report comes from one of these fields: nothing is claimed that
    the data doesn't hold."""

    community: str
    members: int
    planning_this_week: int
    specific_this_week: int  # specific asks planned in the last 7 days
    made_this_week: int  # of those, the ones the members said they made
    specific_share_by_week: list[tuple[str, float | None]]
    quiet: list[str]  # active members, here 7 days or more, with no plan at all in the last 7
    new: list[str]  # joined in the last 7 days, no plan yet (never "quiet for 7 days")
    passive: list[str]  # planned in the last 7 days, but nothing was a specific ask
    shaping: list[str]  # a plan said and still being coached, not yet counted anywhere above
    not_set_up: list[str]  # never finished onboarding
    undeliverable: list[str]
    paused: list[str]
    stopped: list[str]

    @property
    def everyone_asked(self) -> bool:
        """True only when every active member planned a specific ask in the last 7 days (planned:
        whether it was made is `made_this_week`)."""
        return self.members > 0 and not (
            self.quiet or self.new or self.passive or self.shaping or self.not_set_up
        )


def build_report(uow: UnitOfWork, community: Community, now: datetime) -> OrganizerReport:
    """What an organizer needs to see to reach out to the right people."""
    assert community.id is not None
    zone = ZoneInfo(community.timezone)
    since = now - timedelta(weeks=WEEKS)
    asks = uow.asks.for_community(community.id, since)
    members = uow.members.in_community(community.id)
    present = [m for m in members if m.hired_at is None and not m.undeliverable]
    active = [m for m in present if m.onboarded]
    week_ago = now - timedelta(days=QUIET_DAYS)
    planned = {a.member_id for a in asks if a.created_at >= week_ago}
    specific_week = [a for a in asks if a.created_at >= week_ago and a.verdict == Verdict.SPECIFIC]
    specific_recent = {a.member_id for a in specific_week}

    def away(m: Member) -> bool:
        return (m.paused_until is not None and m.paused_until > now) or m.stopped

    paused = [m.name for m in active if m.paused_until is not None and m.paused_until > now]
    stopped = [m.name for m in active if m.stopped]
    waiting = [m for m in active if m.id not in specific_recent and not away(m)]
    # "go to a meetup" said and being coached right now: no plan kept yet, but not silence
    shaping = [m.name for m in waiting if m.state == SHAPING and m.state_data.get("draft")]
    waiting = [m for m in waiting if m.name not in shaping]
    quiet = [m.name for m in waiting if m.id not in planned and m.created_at <= week_ago]
    new = [m.name for m in waiting if m.id not in planned and m.created_at > week_ago]
    passive = [m.name for m in waiting if m.id in planned]
    not_set_up = [m.name for m in present if not m.onboarded]
    shares: list[tuple[str, float | None]] = []
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    for back in range(WEEKS - 1, -1, -1):
        first = monday - timedelta(weeks=back)
        start = datetime.combine(first, datetime.min.time(), zone)
        end = start + timedelta(weeks=1)
        week = [a for a in asks if start <= a.created_at < end]
        share = sum(1 for a in week if a.verdict == Verdict.SPECIFIC) / len(week) if week else None
        if share is not None or shares:  # no empty weeks before the first plan
            shares.append((f"{first:%b %-d}", share))
    return OrganizerReport(
        community=community.name,
        members=len(active),
        planning_this_week=len(planned),
        specific_this_week=len(specific_week),
        made_this_week=sum(1 for a in specific_week if a.was_made),
        specific_share_by_week=shares,
        quiet=sorted(quiet),
        new=sorted(new),
        passive=sorted(passive),
        shaping=sorted(shaping),
        not_set_up=sorted(not_set_up),
        undeliverable=sorted(m.name for m in members if m.undeliverable),
        paused=sorted(paused),
        stopped=sorted(stopped),
    )


def report_text(report: OrganizerReport) -> str:
    """The report as a DM to an organizer."""
    share = (
        "  ".join(
            f"{label}: {'–' if value is None else f'{value:.0%}'}"
            for label, value in report.specific_share_by_week
        )
        or "no plans yet"
    )
    lines = [
        f"Organizer report for {report.community}",
        f"Participation: {report.planning_this_week} of {report.members} members planned an "
        "ask in the last 7 days",
        f"Share of plans that were specific asks, by week: {share}",
        f"Specific asks in the last {QUIET_DAYS} days: {report.specific_this_week} planned, "
        f"{report.made_this_week} made",
    ]
    if report.quiet:
        lines.append(
            f"No specific ask in {QUIET_DAYS} days: {', '.join(report.quiet)} — "
            "a friendly personal note often helps."
        )
    if report.new:
        lines.append(f"Joined this week, no ask yet: {', '.join(report.new)} — a welcome helps.")
    if report.passive:
        lines.append(
            f"Planned, but no specific ask in {QUIET_DAYS} days (only events, coffees or "
            f"vague plans): {', '.join(report.passive)}"
        )
    if report.shaping:
        lines.append(
            f"Shaping a plan with the coach right now (not counted above until it's settled): "
            f"{', '.join(report.shaping)}"
        )
    if report.not_set_up:
        lines.append(f"Never finished setting up: {', '.join(report.not_set_up)}")
    if report.everyone_asked:
        lines.append(f"Everyone planned a specific ask in the last {QUIET_DAYS} days.")
    if report.paused:
        lines.append(f"Paused: {', '.join(report.paused)}")
    if report.stopped:
        lines.append(f"Stopped check-ins: {', '.join(report.stopped)}")
    if report.undeliverable:
        lines.append(
            f"Can't reach (DMs closed): {', '.join(report.undeliverable)} — they need to "
            "open their DMs to me."
        )
    return "\n".join(lines)
