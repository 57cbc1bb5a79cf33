"""The dashboard as captioned tables of text: the web page shows them, the CSV download is
them, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.dashboard.board import Dashboard
from bot.group.digest import KIND_PHRASES


@dataclass(frozen=True)
class Table:
    """One table: `slug` names its CSV (`<slug>.csv`), `empty` is said when it has no rows."""

    slug: str
    caption: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    empty: str


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def _day(at: datetime | None, zone: ZoneInfo) -> str:
    return "" if at is None else at.astimezone(zone).date().isoformat()


def dashboard_tables(board: Dashboard) -> list[Table]:
    """Every table of the dashboard, in page order."""
    zone = ZoneInfo(board.timezone)
    return [
        Table(
            "participation",
            "Participation by week",
            (
                "Week of",
                "Members who planned",
                "Made a specific ask",
                "Made it",
                "Said yes",
                "Gives",
            ),
            [
                (
                    w.start.isoformat(),
                    str(w.planned),
                    str(w.asking),
                    str(w.made_it),
                    str(w.said_yes),
                    str(w.gives),
                )
                for w in board.weeks
            ],
            "No plans yet.",
        ),
        Table(
            "asking",
            "Specific asks and the most active fifth, by week",
            (
                "Week of",
                "Plans",
                "Specific asks",
                "Share specific",
                f"Share from the most active fifth ({board.top_fifth})",
            ),
            [
                (
                    w.start.isoformat(),
                    str(w.plans),
                    str(w.specific),
                    percent(w.specific_share),
                    percent(w.top_fifth_share),
                )
                for w in board.weeks
            ],
            "No plans yet.",
        ),
        Table(
            "reach-out",
            "No specific ask in the last 7 days",
            ("Member", "This week", "Last plan", "Last plan on"),
            [
                (
                    r.name,
                    "planned, nothing specific" if r.passive else "no plan",
                    r.last_plan,
                    _day(r.last_plan_at, zone),
                )
                for r in board.to_reach
            ],
            "Everyone planned a specific ask in the last 7 days.",
        ),
        Table(
            "open-asks",
            "Open asks the group could help with (last 4 weeks)",
            ("Company", "Members who know people there", "Member", "Asking for", "Asking", "Since"),
            [
                (
                    company.company,
                    str(company.knowers),
                    ask.member,
                    KIND_PHRASES.get(ask.kind or "", "help"),
                    ask.who or "",
                    _day(ask.at, zone),
                )
                for company in board.open_asks
                for ask in company.asks
            ],
            "No shared open asks at a company.",
        ),
        Table(
            "gives",
            "Gives in the last 4 weeks",
            ("Member", "Gives", "Last give"),
            [(g.name, str(g.gives), _day(g.last, zone)) for g in board.givers],
            "No gives logged in the last 4 weeks.",
        ),
        Table(
            "unreachable",
            "Members the coach can't reach",
            ("Member", "Last delivery error", "On"),
            [(u.name, u.error or "", _day(u.at, zone)) for u in board.unreachable],
            "The coach can reach everyone.",
        ),
    ]
