"""The organizer dashboard in SQL: sign-in links (a table of their hashes) and the dashboard's
aggregates, counted by the database so that a community of thousands with a year of asks is a
few grouped queries, not a year of rows read into Python. Created by migration 0007."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Index,
    String,
    Table,
    and_,
    case,
    delete,
    distinct,
    func,
    literal,
    or_,
    select,
    update,
)

from bot.dashboard import rows as records
from bot.domain import NOT_ONBOARDED, AskStatus, Outcome
from storage import tables as t
from storage.mapping import RowMap
from storage.tables import UTCDateTime, cascade_fk, metadata

dashboard_sign_ins = Table(
    "dashboard_sign_ins",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    cascade_fk("community_id", "communities"),
    cascade_fk("member_id", "members"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime),
    # Member rows are deleted by `forget`, which deletes their links first (no scan here).
    Index("ix_dashboard_sign_ins_member", "member_id"),
)

SIGN_INS = RowMap(records.SignIn, dashboard_sign_ins)

SPECIFIC = "specific"  # bot.coaching.Verdict.SPECIFIC, as stored


class SqlSignIns:
    """One-time sign-in links, by token hash, over the unit of work's connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, sign_in: records.SignIn) -> None:
        self.conn.execute(dashboard_sign_ins.insert().values(**SIGN_INS.values(sign_in)))

    def find(self, token_hash: str) -> records.SignIn | None:
        c = dashboard_sign_ins.c
        row = self.conn.execute(
            select(dashboard_sign_ins).where(c.token_hash == token_hash)
        ).mappings()
        found = row.first()
        return SIGN_INS.from_row(found) if found else None

    def redeem(self, token_hash: str, now: datetime) -> records.SignIn | None:
        c = dashboard_sign_ins.c
        # One conditional UPDATE: of two requests racing with the same link, the second finds
        # `used_at` already set (PostgreSQL re-checks the WHERE after the first one's lock;
        # SQLite's write lock is taken at BEGIN).
        row = (
            self.conn.execute(
                update(dashboard_sign_ins)
                .where(c.token_hash == token_hash, c.used_at.is_(None), c.expires_at > now)
                .values(used_at=now)
                .returning(*dashboard_sign_ins.c)
            )
            .mappings()
            .first()
        )
        return SIGN_INS.from_row(row) if row else None

    def purge(self, before: datetime) -> int:
        c = dashboard_sign_ins.c
        result = self.conn.execute(delete(dashboard_sign_ins).where(c.expires_at < before))
        return int(result.rowcount)


def _week_of(created_at: Any, bounds: Sequence[datetime]) -> Any:
    """The index of the week [bounds[i], bounds[i + 1]) a timestamp falls in (the caller keeps
    rows inside the first and last bound)."""
    edges = [(created_at < literal(b, UTCDateTime()), i) for i, b in enumerate(bounds[1:-1])]
    if not edges:
        return literal(0)
    return case(*edges, else_=len(bounds) - 2)


def _by_week(table: Table, community_id: int, bounds: Sequence[datetime], *columns: Any) -> Any:
    """The community's rows of a member table (asks, gives) within the weeks, each with its
    week's index (`week`) and `columns`."""
    c, m = table.c, t.members.c
    return (
        select(_week_of(c.created_at, bounds).label("week"), *columns)
        .join(t.members, m.id == c.member_id)
        .where(
            m.community_id == community_id,
            c.created_at >= bounds[0],
            c.created_at < bounds[-1],
        )
        .subquery()
    )


def _count_if(condition: Any) -> Any:
    return func.count().filter(condition)


def _was_made(plans: Any) -> Any:
    """`Ask.was_made` in SQL: made, or dropped after it was made (it kept its outcome)."""
    return or_(
        plans.status == AskStatus.MADE.value,
        and_(plans.status == AskStatus.DROPPED.value, plans.outcome.is_not(None)),
    )


class SqlDashboard:
    """The DashboardQueries port."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def active_members(self, community_id: int) -> int:
        m = t.members.c
        return int(
            self.conn.execute(
                select(func.count()).where(
                    m.community_id == community_id,
                    m.state.not_in(NOT_ONBOARDED),
                    m.hired_at.is_(None),
                )
            ).scalar_one()
        )

    def weekly_activity(
        self, community_id: int, bounds: Sequence[datetime], top: int
    ) -> list[records.WeekActivity]:
        a = t.asks.c
        # Each plan with its week; then per member and week; then per week, ranking members
        # by specific asks to sum the top ones (the 80/20).
        plans = _by_week(t.asks, community_id, bounds, a.member_id, a.verdict, a.status, a.outcome)
        specific = plans.c.verdict == SPECIFIC
        per_member = (
            select(
                plans.c.week,
                plans.c.member_id,
                func.count().label("plans"),
                _count_if(specific).label("specific"),
                _count_if(and_(specific, _was_made(plans.c))).label("made"),
                _count_if(plans.c.outcome == Outcome.YES.value).label("yes"),
            )
            .group_by(plans.c.week, plans.c.member_id)
            .subquery()
        )
        ranked = select(
            per_member,
            func.row_number()
            .over(
                partition_by=per_member.c.week,
                # Ties don't change the sum of the top counts: no tie-breaker to sort by.
                order_by=per_member.c.specific.desc(),
            )
            .label("rank"),
        ).subquery()
        rows = self.conn.execute(
            select(
                ranked.c.week,
                func.count(),
                _count_if(ranked.c.specific > 0),
                _count_if(ranked.c.made > 0),
                func.sum(ranked.c.yes),
                func.sum(ranked.c.plans),
                func.sum(ranked.c.specific),
                func.sum(case((ranked.c.rank <= top, ranked.c.specific), else_=0)),
            )
            .group_by(ranked.c.week)
            .order_by(ranked.c.week)
        )
        return [records.WeekActivity(*(int(value) for value in row)) for row in rows]

    def weekly_gives(
        self, community_id: int, bounds: Sequence[datetime]
    ) -> list[records.WeekGives]:
        gives = _by_week(t.gives, community_id, bounds)
        rows = self.conn.execute(
            select(gives.c.week, func.count()).group_by(gives.c.week).order_by(gives.c.week)
        )
        return [records.WeekGives(int(week), int(count)) for week, count in rows]

    def without_specific_ask(
        self, community_id: int, since: datetime, now: datetime
    ) -> list[records.LastPlan]:
        a, m = t.asks.c, t.members.c
        recent = t.asks.alias("recent")
        asked = (
            select(recent.c.id)
            .where(
                recent.c.member_id == m.id,
                recent.c.created_at >= since,
                recent.c.verdict == SPECIFIC,
            )
            .exists()
        )
        plans_since = (
            select(func.count())
            .select_from(recent)
            .where(recent.c.member_id == m.id, recent.c.created_at >= since)
            .scalar_subquery()
        )
        latest = t.asks.alias("latest")
        last_id = (
            select(latest.c.id)
            .where(latest.c.member_id == m.id)
            .order_by(latest.c.created_at.desc(), latest.c.id.desc())
            .limit(1)
            .correlate(t.members)
            .scalar_subquery()
        )
        rows = self.conn.execute(
            select(
                m.id,
                m.name,
                m.share_asks,
                m.share_names,
                plans_since,
                a.text,
                a.verdict,
                a.kind,
                a.company,
                a.created_at,
            )
            .select_from(t.members.outerjoin(t.asks, a.id == last_id))
            .where(
                m.community_id == community_id,
                m.state.not_in(NOT_ONBOARDED),
                m.hired_at.is_(None),
                m.undeliverable.is_(False),
                or_(m.paused_until.is_(None), m.paused_until <= now),
                m.created_at <= since,
                ~asked,
            )
            .order_by(m.name, m.id)
        )
        return [
            records.LastPlan(
                member_id=row[0],
                name=row[1],
                share_asks=bool(row[2]),
                share_names=bool(row[3]),
                plans_since=int(row[4]),
                text=row[5],
                verdict=row[6],
                kind=row[7],
                company=row[8],
                at=row[9],
            )
            for row in rows
        ]

    def open_asks(self, community_id: int, since: datetime) -> list[records.OpenAsk]:
        a, m = t.asks.c, t.members.c
        k = t.known_companies.c
        knower = t.members.alias("knower")
        # Who knows people where, counted once per company (never who they are).
        knowers = (
            select(
                func.lower(k.company).label("company"),
                func.count(distinct(k.member_id)).label("members"),
            )
            .join(knower, knower.c.id == k.member_id)
            .where(knower.c.community_id == community_id)
            .group_by(func.lower(k.company))
            .subquery()
        )
        rows = self.conn.execute(
            select(
                m.name,
                a.company,
                a.kind,
                case((m.share_names.is_(True), a.who), else_=None),
                a.created_at,
                func.coalesce(knowers.c.members, 0),
            )
            .join(t.members, m.id == a.member_id)
            .outerjoin(knowers, knowers.c.company == func.lower(func.trim(a.company)))
            .where(
                m.community_id == community_id,
                m.share_asks.is_(True),
                a.verdict == SPECIFIC,
                a.status == AskStatus.OPEN.value,
                a.company.is_not(None),
                a.created_at >= since,
            )
            .order_by(func.lower(a.company), a.created_at, a.id)
        )
        return [
            records.OpenAsk(
                member=row[0], company=row[1], kind=row[2], who=row[3], at=row[4], knowers=row[5]
            )
            for row in rows
        ]

    def givers(self, community_id: int, since: datetime) -> list[records.Giver]:
        g, m = t.gives.c, t.members.c
        gives = func.count().label("gives")
        rows = self.conn.execute(
            select(m.name, gives, func.max(g.created_at))
            .join(t.members, m.id == g.member_id)
            .where(m.community_id == community_id, g.created_at >= since)
            .group_by(m.id, m.name)
            .order_by(gives.desc(), m.name)
        )
        return [records.Giver(name, int(count), last) for name, count, last in rows]

    def unreachable(self, community_id: int) -> list[records.Unreachable]:
        m, o = t.members.c, t.outbox.c
        # The member's last failed message says why (failed rows are kept; `status` leads
        # the outbox's index, and failures are few).
        failed = t.outbox.alias("failed")
        last_failure = (
            select(failed.c.id)
            .where(failed.c.status == "failed", failed.c.member_id == m.id)
            .order_by(failed.c.id.desc())
            .limit(1)
            .correlate(t.members)
            .scalar_subquery()
        )
        rows = self.conn.execute(
            select(m.name, o.error, o.created_at)
            .select_from(t.members.outerjoin(t.outbox, o.id == last_failure))
            .where(m.community_id == community_id, m.undeliverable.is_(True))
            .order_by(m.name, m.id)
        )
        return [records.Unreachable(name, error, at) for name, error, at in rows]
