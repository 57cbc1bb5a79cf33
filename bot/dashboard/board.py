"""The dashboard's data for one community: weeks of participation, the 80/20 of asking, who to
reach out to this week, where the group can help, gives, and who can't be reached.

Consent follows the weekly digest (bot/group/digest.py): a member's own words appear only if
they share names (their words name the person they ask), the kind of favour and the company
only if they share their asks, and nothing of a plan otherwise. `know` lists are never shown,
only how many in the group know people at a company.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import ceil
from zoneinfo import ZoneInfo

from bot.dashboard.rows import Giver, LastPlan, OpenAsk, Unreachable
from bot.domain import Community
from bot.group.digest import KIND_PHRASES
from bot.ports import UnitOfWork
from bot.schedule import resolve_local

WEEKS = 8  # two months of weeks: the trend, at a cost the database pays on every view
THIS_WEEK = timedelta(days=7)
RECENT = timedelta(weeks=4)  # open asks and gives older than this are history


@dataclass(frozen=True)
class Week:
    """One local week (Monday to Sunday) of the group."""

    start: date
    planned: int
    asking: int
    made_it: int
    said_yes: int
    plans: int
    specific: int
    gives: int
    top_fifth_share: float | None  # of the week's specific asks; None without any

    @property
    def specific_share(self) -> float | None:
        """The share of plans that were specific asks (None in a week without plans)."""
        return self.specific / self.plans if self.plans else None


@dataclass(frozen=True)
class ToReach:
    """A member worth a personal note: no plan this week (quiet) or no specific one
    (passive), with the last thing they said they'd do, as far as they share it."""

    name: str
    passive: bool
    last_plan: str
    last_plan_at: datetime | None


@dataclass(frozen=True)
class CompanyAsks:
    """Open asks at one company, and how many in the group know people there."""

    company: str
    knowers: int
    asks: list[OpenAsk]


@dataclass(frozen=True)
class Dashboard:
    community: str
    timezone: str
    now: datetime
    members: int
    top_fifth: int  # how many members the "most active fifth" is
    weeks: list[Week]
    to_reach: list[ToReach]
    open_asks: list[CompanyAsks]
    givers: list[Giver]
    unreachable: list[Unreachable]


def week_bounds(now: datetime, zone: ZoneInfo, weeks: int = WEEKS) -> list[datetime]:
    """UTC instants of local Monday midnights: the start of each of the last `weeks` weeks
    (this one included), then next Monday's."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    return [
        resolve_local(monday - timedelta(weeks=back), time(0, 0), zone)
        for back in range(weeks - 1, -2, -1)
    ]


def last_plan_words(plan: LastPlan) -> str:
    """The member's last plan as far as their sharing settings allow."""
    if plan.text is None:
        return "no plan yet"
    if plan.share_names:
        return plan.text
    if not plan.share_asks:
        return f"a {plan.verdict} plan (not shared)"
    what = KIND_PHRASES.get(plan.kind or "", f"a {plan.verdict} plan")
    return f"{what} at {plan.company}" if plan.company else what


def build_dashboard(uow: UnitOfWork, community: Community, now: datetime) -> Dashboard:
    """Everything the dashboard shows, from a handful of aggregate queries."""
    assert community.id is not None
    zone = ZoneInfo(community.timezone)
    queries = uow.dashboard
    members = queries.active_members(community.id)
    top = max(1, ceil(members / 5))
    bounds = week_bounds(now, zone)
    activity = {w.week: w for w in queries.weekly_activity(community.id, bounds, top)}
    gives = {w.week: w.gives for w in queries.weekly_gives(community.id, bounds)}
    weeks: list[Week] = []
    for index, start in enumerate(bounds[:-1]):
        found = activity.get(index)
        if found is None and index not in gives and not weeks:
            continue  # no empty weeks before the group's first plan or give
        weeks.append(
            Week(
                start=start.astimezone(zone).date(),
                planned=found.planned if found else 0,
                asking=found.asking if found else 0,
                made_it=found.made_it if found else 0,
                said_yes=found.said_yes if found else 0,
                plans=found.plans if found else 0,
                specific=found.specific if found else 0,
                gives=gives.get(index, 0),
                top_fifth_share=(
                    found.top_fifth_specific / found.specific if found and found.specific else None
                ),
            )
        )
    since = now - THIS_WEEK
    to_reach = [
        ToReach(p.name, p.plans_since > 0, last_plan_words(p), p.at)
        for p in queries.without_specific_ask(community.id, since, now)
    ]
    companies: dict[str, CompanyAsks] = {}
    for ask in queries.open_asks(community.id, now - RECENT):
        key = ask.company.strip().lower()
        if key not in companies:
            companies[key] = CompanyAsks(ask.company.strip(), ask.knowers, [])
        companies[key].asks.append(ask)
    open_asks = sorted(
        companies.values(), key=lambda c: (-c.knowers, -len(c.asks), c.company.lower())
    )
    return Dashboard(
        community=community.name,
        timezone=community.timezone,
        now=now,
        members=members,
        top_fifth=top,
        weeks=weeks,
        to_reach=to_reach,
        open_asks=open_asks,
        givers=queries.givers(community.id, now - RECENT),
        unreachable=queries.unreachable(community.id),
    )
