"""What the dashboard asks storage for: aggregates computed in the database, as plain rows.

A community of thousands with a year of asks must not be read into Python row by row, so
the `DashboardQueries` port (bot/ports.py) answers with these small records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class WeekActivity:
    """One week of a community's plans. Counts of members are of distinct members."""

    week: int  # index into the week boundaries asked for, oldest first
    planned: int  # members who planned anything
    asking: int  # members with at least one specific ask
    made_it: int  # members who made at least one of their specific asks
    said_yes: int  # asks that got a yes
    plans: int  # every plan: specific, vague and passive
    specific: int  # plans that were specific asks
    top_fifth_specific: int  # specific asks by the week's most active `top` members


@dataclass(frozen=True)
class WeekGives:
    week: int
    gives: int


@dataclass(frozen=True)
class LastPlan:
    """A member with no specific ask since a date, with their last plan ever (if any).
    `plans_since` counts their plans since that date: 0 means quiet, more means passive."""

    member_id: int
    name: str
    share_asks: bool
    share_names: bool
    plans_since: int
    text: str | None
    verdict: str | None
    kind: str | None
    company: str | None
    at: datetime | None


@dataclass(frozen=True)
class OpenAsk:
    """An open specific ask at a company, by a member who shares their asks; `who` is only
    filled in when they share names too. `knowers`: members of the group who know people at
    that company (a count: who they are is never shown)."""

    member: str
    company: str
    kind: str | None
    who: str | None
    at: datetime
    knowers: int


@dataclass(frozen=True)
class Giver:
    name: str
    gives: int
    last: datetime


@dataclass(frozen=True)
class Unreachable:
    """A member the coach can't message, with the platform's last word on why (if kept)."""

    name: str
    error: str | None
    at: datetime | None


@dataclass
class SignIn:
    """A one-time sign-in link to one community's dashboard, issued to one organizer. Only
    the token's hash is stored: the link itself exists only in the organizer's DM."""

    token_hash: str
    community_id: int
    member_id: int
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
