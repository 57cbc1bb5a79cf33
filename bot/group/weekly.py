"""Weekly posts for each community: the digest to the report channel and the organizer's
report to admins and coaches. Idempotent: each has a key per community and week."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain import Community, Role
from bot.group.digest import build_digest, digest_text
from bot.group.report import build_report, report_text
from bot.messages import OutboundMessage
from bot.ports import ChartRenderer, UnitOfWork, UnitOfWorkFactory
from bot.schedule import resolve_local


def previous_occurrence(now: datetime, zone: ZoneInfo, weekday: int, at: time) -> datetime:
    """The latest instant <= now that falls on `weekday` at local time `at`."""
    today = now.astimezone(zone).date()
    for back in range(0, 8):
        day = today - timedelta(days=back)
        if day.weekday() == weekday:
            instant = resolve_local(day, at, zone)
            if instant <= now:
                return instant
    raise AssertionError("a weekday recurs within 8 days")  # pragma: no cover


def community_posts(
    uow: UnitOfWork,
    community: Community,
    now: datetime,
    charts: ChartRenderer | None,
    due: datetime | None = None,
) -> list[OutboundMessage]:
    """The digest (if a report channel is set) and a report DM for every organizer."""
    assert community.id is not None
    messages: list[OutboundMessage] = []
    week = now.astimezone(ZoneInfo(community.timezone)).date().isoformat()
    digest = build_digest(uow, community, now)
    if not any(d.specific + d.vague + d.passive for d in digest.days) and not digest.gives:
        return []  # a quiet week gets no post: nothing to celebrate, nobody to shame
    if community.report_channel:
        chart = None
        if charts is not None:
            chart = charts.asks_per_day(digest.days, f"{community.name}: asks per day")
        messages.append(
            OutboundMessage(
                text=digest_text(digest),
                community_id=community.id,
                platform=community.platform,
                channel=community.report_channel,
                key=f"digest:{community.id}:{week}",
                due_at=due,
                attachment=chart,
                attachment_name="asks-per-day.png" if chart else None,
            )
        )
    text = report_text(build_report(uow, community, now))
    for member in uow.members.in_community(community.id):
        if member.role in (Role.ADMIN, Role.COACH) and not member.undeliverable:
            messages.append(
                OutboundMessage(
                    text=text,
                    community_id=community.id,
                    platform=community.platform,
                    member_id=member.id,
                    recipient=member.external_id,
                    key=f"report:{community.id}:{member.id}:{week}",
                    due_at=due,
                )
            )
    return messages


def dispatch_weekly_posts(
    uow_factory: UnitOfWorkFactory, charts: ChartRenderer | None, now: datetime
) -> list[OutboundMessage]:
    """Queue this week's posts for every community whose digest time has come."""
    queued: list[OutboundMessage] = []
    with uow_factory() as uow:
        for community in uow.communities.all():
            zone = ZoneInfo(community.timezone)
            due = previous_occurrence(now, zone, community.digest_weekday, community.digest_time)
            if community.last_digest_at is None:
                # A community's first digest is the first one due after we first see it:
                # never a digest (over every member) on the very first tick.
                community.last_digest_at = now
                uow.communities.save(community)
                continue
            if community.last_digest_at >= due:
                continue
            for message in community_posts(uow, community, now, charts, due):
                if uow.outbox.add(message, now):
                    queued.append(message)
            community.last_digest_at = now
            uow.communities.save(community)
        uow.commit()
    return queued
