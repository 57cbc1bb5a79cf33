"""The organizer's report: participation, specific-ask share over time, who went quiet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coaching import Verdict
from bot.domain import Community
from bot.ports import UnitOfWork

QUIET_DAYS = 7
WEEKS = 4


@dataclass(frozen=True)
class OrganizerReport:
    community: str
    members: int
    planning_this_week: int
    specific_share_by_week: list[tuple[str, float | None]]
    quiet: list[str]
    undeliverable: list[str]
    paused: list[str]


def build_report(uow: UnitOfWork, community: Community, now: datetime) -> OrganizerReport:
    """What an organizer needs to see to reach out to the right people."""
    assert community.id is not None
    zone = ZoneInfo(community.timezone)
    since = now - timedelta(weeks=WEEKS)
    asks = uow.asks.for_community(community.id, since)
    members = uow.members.in_community(community.id)
    active = [m for m in members if m.onboarded and m.hired_at is None]
    week_ago = now - timedelta(days=QUIET_DAYS)
    planned = {a.member_id for a in asks if a.created_at >= week_ago}
    specific_recent = {
        a.member_id for a in asks if a.created_at >= week_ago and a.verdict == Verdict.SPECIFIC
    }
    paused = [m.name for m in active if m.paused_until is not None and m.paused_until > now]
    quiet = [
        m.name
        for m in active
        if m.id not in specific_recent
        and not m.undeliverable
        and not (m.paused_until is not None and m.paused_until > now)
        and m.created_at <= week_ago
    ]
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
        specific_share_by_week=shares,
        quiet=sorted(quiet),
        undeliverable=sorted(m.name for m in members if m.undeliverable),
        paused=sorted(paused),
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
    ]
    if report.quiet:
        lines.append(
            f"No specific ask in {QUIET_DAYS} days: {', '.join(report.quiet)} — "
            "a friendly personal note often helps."
        )
    else:
        lines.append(f"Everyone made a specific ask in the last {QUIET_DAYS} days.")
    if report.paused:
        lines.append(f"Paused: {', '.join(report.paused)}")
    if report.undeliverable:
        lines.append(
            f"Can't reach (DMs closed): {', '.join(report.undeliverable)} — they need to "
            "open their DMs to me."
        )
    return "\n".join(lines)
