"""The weekly community digest: what the group asked, got and gave — never who missed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coaching import Verdict
from bot.domain import Community, DayCount, Outcome
from bot.ports import UnitOfWork
from bot.progress import compute_stats, count_by_day

STREAK_WORTH_MENTIONING = 3
_KIND_WORDS = {
    "introduction": ("intro", "intros"),
    "referral": ("referral", "referrals"),
    "reference": ("reference", "references"),
    "review": ("review", "reviews"),
    "advice": ("piece of advice", "pieces of advice"),
    "information": ("set of names", "sets of names"),
}
# How each kind of favour reads in a sentence ("looking for a referral at Target").
KIND_PHRASES = {
    "introduction": "an introduction",
    "referral": "a referral",
    "reference": "a reference",
    "review": "a review",
    "advice": "advice",
    "information": "names and contacts",
}


@dataclass(frozen=True)
class SharedAsk:
    """An open ask a member chose to show the group; `contact` only if they shared names."""

    member: str
    kind: str | None
    company: str | None
    contact: str | None


@dataclass(frozen=True)
class Digest:
    community: str
    first: date
    last: date
    specific_asks: int
    members_asking: int
    asks_made: int
    said_yes: int
    yes_by_kind: dict[str, int]
    gives: int
    on_streak: int
    days: list[DayCount]
    shared: list[SharedAsk]
    hires: list[str] = field(default_factory=list)  # "Ana (Shopify)", only with their OK


def week_bounds(now: datetime, zone: ZoneInfo) -> tuple[date, date, datetime, datetime]:
    """The seven local days before today, and their UTC start and end instants."""
    today = now.astimezone(zone).date()
    first, last = today - timedelta(days=7), today - timedelta(days=1)
    start = datetime.combine(first, datetime.min.time(), zone)
    end = datetime.combine(today, datetime.min.time(), zone)
    return first, last, start, end


def build_digest(uow: UnitOfWork, community: Community, now: datetime) -> Digest:
    """Count last week's asks, outcomes, gives and streaks for the whole community."""
    assert community.id is not None
    zone = ZoneInfo(community.timezone)
    first, last, start, end = week_bounds(now, zone)
    asks = [a for a in uow.asks.for_community(community.id, start) if a.created_at < end]
    specific = [a for a in asks if a.verdict == Verdict.SPECIFIC]
    yes = [a for a in specific if a.outcome == Outcome.YES]
    yes_by_kind: dict[str, int] = {}
    for ask in yes:
        yes_by_kind[ask.kind or "other"] = yes_by_kind.get(ask.kind or "other", 0) + 1
    gives = [g for g in uow.gives.for_community(community.id, start) if g.created_at < end]
    members = uow.members.in_community(community.id)
    on_streak = 0
    shared: list[SharedAsk] = []
    hires: list[str] = []
    for member in members:
        assert member.id is not None
        if (
            member.hired_at is not None
            and start <= member.hired_at < end
            and member.memory.get("share_hire")
        ):
            company = member.memory.get("hired_company")
            hires.append(f"{member.name} ({company})" if company else member.name)
        mine = uow.asks.for_member(member.id)
        stats = compute_stats(mine, [], ZoneInfo(member.timezone), member.days, end)
        if stats.streak >= STREAK_WORTH_MENTIONING:
            on_streak += 1
        if member.share_asks:
            for ask in mine:
                if ask.verdict == Verdict.SPECIFIC and ask.awaiting_answer:
                    contact = ask.who if member.share_names else None
                    shared.append(SharedAsk(member.name, ask.kind, ask.company, contact))
    return Digest(
        community=community.name,
        first=first,
        last=last,
        specific_asks=len(specific),
        members_asking=len({a.member_id for a in specific}),
        asks_made=sum(1 for a in specific if a.was_made),
        said_yes=len(yes),
        yes_by_kind=yes_by_kind,
        gives=len(gives),
        on_streak=on_streak,
        days=count_by_day(asks, zone, first, last),
        shared=shared,
        hires=hires,
    )


def plural(count: int, one: str, many: str) -> str:
    """ "1 ask", "2 asks": the count with the word that fits it."""
    return f"{count} {one if count == 1 else many}"


def digest_text(digest: Digest) -> str:
    """The digest as a short channel post."""
    span = f"{digest.first:%b %-d}–{digest.last:%b %-d}"
    lines = [f"Weekly digest for {digest.community} ({span})"]
    for hire in digest.hires:
        lines.append(f"🎉 {hire} got a new job! Their asks got them there.")
    asked = plural(digest.specific_asks, "specific ask", "specific asks")
    people = plural(digest.members_asking, "member", "members")
    lines.append(f"• {asked} by {people} · {digest.asks_made} made · {digest.said_yes} said yes")
    if digest.yes_by_kind:
        parts = [
            plural(n, *_KIND_WORDS.get(kind, ("other yes", "other yeses")))
            for kind, n in sorted(digest.yes_by_kind.items())
        ]
        lines.append("  (the yeses: " + ", ".join(parts) + ")")
    if digest.gives:
        lines.append(f"• {plural(digest.gives, 'give', 'gives')} — thank you for helping first")
    else:
        lines.append("• No gives logged — `gave …` logs an intro or a review you gave")
    if digest.on_streak:
        lines.append(
            f"• {plural(digest.on_streak, 'member', 'members')} on a streak of "
            f"{STREAK_WORTH_MENTIONING}+ days in a row"
        )
    if digest.shared:
        lines.append("Where the group can help:")
        for item in digest.shared[:15]:
            what = KIND_PHRASES.get(item.kind or "", "help")
            where = f" at {item.company}" if item.company else ""
            via = f" (asking {item.contact})" if item.contact else ""
            lines.append(f"• {item.member}: {what}{where}{via}")
        lines.append("Know someone there? Tell me `know <company>` in a DM.")
    return "\n".join(lines)
