"""Repositories over one SQLAlchemy connection (the unit of work's transaction).

Rows map to the core's plain dataclasses; nothing outside storage/ sees SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import RowMapping

from bot.domain import (
    Ask,
    AskStatus,
    CheckIn,
    CheckInKind,
    CheckInStatus,
    Community,
    Give,
    IntroRequest,
    IntroStatus,
    KnownCompany,
    Member,
    Outcome,
    Role,
    Target,
)
from bot.messages import Choice, OutboundMessage, UnconfirmedSend
from storage import prepared
from storage import tables as t
from storage.direct import direct


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _time(value: str) -> time:
    hour, minute = value.split(":")
    return time(int(hour), int(minute))


def _days(value: str) -> frozenset[int]:
    return frozenset(int(d) for d in value.split(",") if d)


class _Repo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _insert_id(self, table: Any, values: dict[str, Any]) -> int:
        # One statement per table and set of columns, compiled once and run on the DBAPI
        # cursor (storage/direct.py): the dispatch tick inserts thousands of rows, and every
        # inbound message a check-in, an ask or a give.
        keys = tuple(values)
        statement = direct(
            self.conn.dialect,
            ("insert", table.name, keys),
            lambda: _insert_returning_id(table),
            keys,
        )
        row = statement.first(self.conn, values)
        if row is None:  # pragma: no cover - INSERT … RETURNING always returns the row
            raise RuntimeError(f"no id returned by the insert into {table.name}")
        return int(row[0])

    def _add_once(self, table: Any, values: dict[str, Any]) -> int | None:
        """Insert a row created on first sight; its id, or None when a row with the same
        unique key already exists (another worker created it first: read that one)."""
        keys = tuple(values)
        dialect = self.conn.dialect
        statement = direct(
            dialect,
            ("insert-once", table.name, keys),
            lambda: prepared.insert_once(dialect.name, table, table.c.id),
            keys,
        )
        row = statement.first(self.conn, values)
        return None if row is None else int(row[0])

    def _update_by_id(self, table: Any, row_id: int | None, values: dict[str, Any]) -> None:
        keys = tuple(values)
        statement = direct(
            self.conn.dialect, ("update", table.name, keys), lambda: _update_by_id(table), keys
        )
        statement.execute(self.conn, values | {"_row_id": row_id}).close()


_STATEMENTS: dict[tuple[str, str], Any] = {}


def _insert_returning_id(table: Any) -> Any:
    key = ("insert", table.name)
    if key not in _STATEMENTS:
        _STATEMENTS[key] = insert(table).returning(table.c.id)
    return _STATEMENTS[key]


_SCALARS = (str, int, float, bool, type(None))


def _comparable(values: dict[str, Any]) -> dict[str, Any]:
    """Row values that compare equal exactly when they would be stored equal. A JSON document
    of plain values is kept as (key, type, value) triples, copied (the member's dict may be
    changed in place later; 1, 1.0 and True differ in JSON); one with nested lists or objects
    as its canonical text, so a nested change is never missed."""
    document = values["state_data"]
    if all(isinstance(v, _SCALARS) for v in document.values()):
        plain = tuple((k, v.__class__, v) for k, v in document.items())
        return values | {"state_data": plain}
    return values | {"state_data": json.dumps(document, sort_keys=True, default=str)}


def _update_by_id(table: Any) -> Any:
    key = ("update", table.name)
    if key not in _STATEMENTS:
        _STATEMENTS[key] = update(table).where(table.c.id == bindparam("_row_id"))
    return _STATEMENTS[key]


# Hot statements built once (the dispatch tick runs each of them for every due check-in).
_BY_ID = {
    table.name: select(table).where(table.c.id == bindparam("_row_id"))
    for table in (t.communities, t.members)
}
_OF_MEMBER = {
    table.name: select(table)
    .where(table.c.member_id == bindparam("_member_id"))
    .order_by(table.c.id)
    for table in (t.targets, t.known_companies)
}


def _cancel_pending(kinds: int) -> Any:
    """UPDATE checkins SET status='cancelled' WHERE member_id = ? AND status = 'pending' AND
    kind IN (?, …): one statement per number of kinds, with plain parameters (an expanding IN
    is re-rendered on every call)."""
    key = ("cancel-pending", str(kinds))
    if key not in _STATEMENTS:
        _STATEMENTS[key] = (
            update(t.checkins)
            .where(
                t.checkins.c.member_id == bindparam("_member_id"),
                t.checkins.c.status == CheckInStatus.PENDING.value,
                t.checkins.c.kind.in_([bindparam(f"_kind{n}") for n in range(kinds)]),
            )
            .values(status=CheckInStatus.CANCELLED.value)
        )
    return _STATEMENTS[key]


_FINISH = (
    update(t.checkins)
    .where(
        t.checkins.c.id == bindparam("_row_id"),
        t.checkins.c.status == CheckInStatus.CLAIMED.value,
        t.checkins.c.lease_owner == bindparam("_owner"),
    )
    .values(status=bindparam("_status"), lease_owner=None, lease_expires=None)
)


class SqlCommunities(_Repo):
    @staticmethod
    def _from_row(row: Mapping[Any, Any]) -> Community:
        return Community(
            id=row["id"],
            platform=row["platform"],
            external_id=row["external_id"],
            name=row["name"],
            timezone=row["timezone"],
            checkin_time=_time(row["checkin_time"]),
            report_channel=row["report_channel"],
            enrollment=row["enrollment"],
            enrollment_channel=row["enrollment_channel"],
            coach_role=row["coach_role"],
            digest_weekday=row["digest_weekday"],
            digest_time=_time(row["digest_time"]),
            last_digest_at=row["last_digest_at"],
        )

    def _values(self, c: Community) -> dict[str, Any]:
        return {
            "platform": c.platform,
            "external_id": c.external_id,
            "name": c.name,
            "timezone": c.timezone,
            "checkin_time": _hhmm(c.checkin_time),
            "report_channel": c.report_channel,
            "enrollment": c.enrollment,
            "enrollment_channel": c.enrollment_channel,
            "coach_role": c.coach_role,
            "digest_weekday": c.digest_weekday,
            "digest_time": _hhmm(c.digest_time),
            "last_digest_at": c.last_digest_at,
        }

    def get(self, community_id: int) -> Community | None:
        result = self.conn.execute(_BY_ID[t.communities.name], {"_row_id": community_id})
        row = result.mappings().first()
        return self._from_row(row) if row else None

    def find(self, platform: str, external_id: str) -> Community | None:
        params = {"_platform": platform, "_external_id": external_id}
        row = self.conn.execute(prepared.FIND_COMMUNITY, params).mappings().first()
        return self._from_row(row) if row else None

    def add(self, community: Community) -> Community:
        """Get or create: the community as stored. When it exists already (two workers met a
        new workspace at once), the stored one is returned and `community` is not used."""
        values = self._values(community) | {"created_at": _now()}
        community.id = self._add_once(t.communities, values)
        if community.id is not None:
            return community
        stored = self.find(community.platform, community.external_id)
        if stored is None:  # pragma: no cover - the conflicting row is committed and unique
            raise RuntimeError(f"community {community.external_id!r} neither added nor found")
        return stored

    def save(self, community: Community) -> None:
        self.conn.execute(
            update(t.communities)
            .where(t.communities.c.id == community.id)
            .values(**self._values(community))
        )

    def all(self) -> list[Community]:
        rows = self.conn.execute(select(t.communities).order_by(t.communities.c.id)).mappings()
        return [self._from_row(r) for r in rows]


MEMORY_KEY = "_memory"  # a member's memory is stored inside the state_data document


class SqlMembers(_Repo):
    @staticmethod
    def _from_row(row: Mapping[Any, Any]) -> Member:
        state_data = dict(row["state_data"] or {})
        memory = state_data.pop(MEMORY_KEY, None) or {}
        return Member(
            id=row["id"],
            community_id=row["community_id"],
            external_id=row["external_id"],
            name=row["name"],
            timezone=row["timezone"],
            checkin_time=_time(row["checkin_time"]),
            afternoon_time=_time(row["afternoon_time"]),
            days=_days(row["days"]),
            role=Role(row["role"]),
            state=row["state"],
            state_data=state_data,
            memory=memory,
            paused_until=row["paused_until"],
            hired_at=row["hired_at"],
            undeliverable=bool(row["undeliverable"]),
            share_asks=bool(row["share_asks"]),
            share_names=bool(row["share_names"]),
            created_at=row["created_at"],
        )

    @staticmethod
    def _values(m: Member) -> dict[str, Any]:
        return {
            "community_id": m.community_id,
            "external_id": m.external_id,
            "name": m.name,
            "timezone": m.timezone,
            "checkin_time": _hhmm(m.checkin_time),
            "afternoon_time": _hhmm(m.afternoon_time),
            "days": ",".join(str(d) for d in sorted(m.days)),
            "role": m.role.value,
            "state": str(m.state),
            "state_data": m.state_data | {MEMORY_KEY: m.memory} if m.memory else m.state_data,
            "paused_until": m.paused_until,
            "hired_at": m.hired_at,
            "undeliverable": m.undeliverable,
            "share_asks": m.share_asks,
            "share_names": m.share_names,
            "created_at": m.created_at,
        }

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        # What each member row holds as far as this transaction knows (read, added or saved
        # here): `save` writes only the columns that differ, and nothing when none do.
        self._stored: dict[int, dict[str, Any]] = {}

    def _loaded(self, row: Mapping[Any, Any]) -> Member:
        member = self._from_row(row)
        assert member.id is not None
        self._stored[member.id] = _comparable(self._values(member))
        return member

    def get(self, member_id: int) -> Member | None:
        row = self.conn.execute(_BY_ID[t.members.name], {"_row_id": member_id}).mappings().first()
        return self._loaded(row) if row else None

    def find(self, community_id: int, external_id: str) -> Member | None:
        params = {"_community_id": community_id, "_external_id": external_id}
        row = self.conn.execute(prepared.FIND_MEMBER, params).mappings().first()
        return self._loaded(row) if row else None

    def find_with_community(
        self, platform: str, community_external_id: str, external_id: str
    ) -> tuple[Community | None, Member | None]:
        """The community and one of its members in one query: (None, None) when the community
        is unknown, (community, None) when it has no such member yet."""
        params = {
            "_platform": platform,
            "_external_id": community_external_id,
            "_member_external_id": external_id,
        }
        statement = direct(
            self.conn.dialect,
            "find-community-and-member",
            lambda: prepared.FIND_COMMUNITY_AND_MEMBER,
        )
        row = statement.first(self.conn, params)
        if row is None:
            return None, None
        split = len(prepared.COMMUNITY_COLUMNS)
        values = dict(zip(prepared.COMMUNITY_COLUMNS, row[:split], strict=True))
        community = SqlCommunities._from_row(values)
        if row[split] is None:  # members.id: no such member
            return community, None
        values = dict(zip(prepared.MEMBER_COLUMNS, row[split:], strict=True))
        return community, self._loaded(values)

    def add(self, member: Member) -> Member:
        """Get or create: the member as stored. When they exist already (their first two
        messages reached two workers at once), the stored member is returned."""
        values = self._values(member)
        member.id = self._add_once(t.members, values)
        if member.id is not None:
            self._stored[member.id] = _comparable(values)
            return member
        stored = self.find(member.community_id, member.external_id)
        if stored is None:  # pragma: no cover - the conflicting row is committed and unique
            raise RuntimeError(f"member {member.external_id!r} neither added nor found")
        return stored

    def save(self, member: Member) -> None:
        assert member.id is not None
        values = self._values(member)
        comparable = _comparable(values)
        stored = self._stored.get(member.id)
        if stored is None:
            self._update_by_id(t.members, member.id, values)
        else:
            changed = tuple(k for k, v in comparable.items() if stored.get(k) != v)
            if not changed:
                return  # the row already holds exactly this
            # SET only these columns (the statement is cached per set of parameter names).
            self._update_by_id(t.members, member.id, {k: values[k] for k in changed})
        self._stored[member.id] = comparable

    def delete(self, member_id: int) -> None:
        self._stored.pop(member_id, None)
        self.conn.execute(delete(t.members).where(t.members.c.id == member_id))

    def forget(self, member_id: int) -> None:
        """The row is gone (deleted by the unit of work): nothing is known about it any more."""
        self._stored.pop(member_id, None)

    def in_community(self, community_id: int) -> list[Member]:
        rows = self.conn.execute(
            select(t.members)
            .where(t.members.c.community_id == community_id)
            .order_by(t.members.c.id)
        ).mappings()
        return [self._from_row(r) for r in rows]


class SqlAsks(_Repo):
    @staticmethod
    def _from_row(row: Mapping[Any, Any]) -> Ask:
        return Ask(
            id=row["id"],
            member_id=row["member_id"],
            text=row["text"],
            verdict=row["verdict"],
            who=row["who"],
            kind=row["kind"],
            company=row["company"],
            role=row["role"],
            deadline=row["deadline"],
            status=AskStatus(row["status"]),
            outcome=Outcome(row["outcome"]) if row["outcome"] else None,
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    @staticmethod
    def _values(a: Ask) -> dict[str, Any]:
        return {
            "member_id": a.member_id,
            "text": a.text,
            "verdict": a.verdict,
            "who": a.who[:200] if a.who else None,
            "kind": a.kind,
            "company": a.company[:200] if a.company else None,
            "role": a.role[:200] if a.role else None,
            "deadline": a.deadline[:64] if a.deadline else None,
            "status": a.status.value,
            "outcome": a.outcome.value if a.outcome else None,
            "created_at": a.created_at,
            "updated_at": a.updated_at,
        }

    def add(self, ask: Ask) -> Ask:
        ask.id = self._insert_id(t.asks, self._values(ask))
        return ask

    def get(self, ask_id: int) -> Ask | None:
        row = self.conn.execute(prepared.ASK_BY_ID, {"_row_id": ask_id}).mappings().first()
        return self._from_row(row) if row else None

    def save(self, ask: Ask) -> None:
        self._update_by_id(t.asks, ask.id, self._values(ask))

    def for_member(self, member_id: int, since: datetime | None = None) -> list[Ask]:
        if since is None:
            result = self.conn.execute(prepared.ASKS_OF_MEMBER, {"_member_id": member_id})
        else:
            params = {"_member_id": member_id, "_since": since}
            result = self.conn.execute(prepared.ASKS_OF_MEMBER_SINCE, params)
        return [self._from_row(r) for r in result.mappings()]

    def specific_since(
        self, member_id: int, since: datetime, kind: str | None
    ) -> tuple[list[Ask], int]:
        params = {"_member_id": member_id, "_since": since, "_kind": kind}
        statement = direct(
            self.conn.dialect, "specific-asks-since", lambda: prepared.SPECIFIC_ASKS_SINCE
        )
        names = prepared.SPECIFIC_ASKS_SINCE_COLUMNS
        rows = [dict(zip(names, r, strict=True)) for r in statement.all(self.conn, params)]
        total = int(rows[0]["total"]) if rows else 0
        return [self._from_row(r) for r in rows if r["id"] is not None], total

    def for_community(self, community_id: int, since: datetime) -> list[Ask]:
        rows = self.conn.execute(
            select(t.asks)
            .join(t.members, t.members.c.id == t.asks.c.member_id)
            .where(t.members.c.community_id == community_id, t.asks.c.created_at >= since)
            .order_by(t.asks.c.created_at, t.asks.c.id)
        ).mappings()
        return [self._from_row(r) for r in rows]


class SqlGives(_Repo):
    def add(self, give: Give) -> Give:
        give.id = self._insert_id(
            t.gives,
            {"member_id": give.member_id, "text": give.text, "created_at": give.created_at},
        )
        return give

    def for_member(self, member_id: int, since: datetime | None = None) -> list[Give]:
        if since is None:
            result = self.conn.execute(prepared.GIVES_OF_MEMBER, {"_member_id": member_id})
        else:
            params = {"_member_id": member_id, "_since": since}
            result = self.conn.execute(prepared.GIVES_OF_MEMBER_SINCE, params)
        return [self._from_row(r) for r in result.mappings()]

    @staticmethod
    def _from_row(r: RowMapping) -> Give:
        return Give(
            id=r["id"], member_id=r["member_id"], text=r["text"], created_at=r["created_at"]
        )

    def for_community(self, community_id: int, since: datetime) -> list[Give]:
        rows = self.conn.execute(
            select(t.gives)
            .join(t.members, t.members.c.id == t.gives.c.member_id)
            .where(t.members.c.community_id == community_id, t.gives.c.created_at >= since)
            .order_by(t.gives.c.created_at, t.gives.c.id)
        ).mappings()
        return [self._from_row(r) for r in rows]


_Listed = TypeVar("_Listed", Target, KnownCompany)


class _CompanyList(_Repo, Generic[_Listed]):
    """A member's list of companies (targets, or where they know people): one shape, two uses."""

    table: Any
    record: type[_Listed]

    def add(self, item: _Listed) -> _Listed:
        item.id = self._add(item.member_id, item.company, item.created_at)
        return item

    def for_member(self, member_id: int) -> list[_Listed]:
        return [
            self.record(
                id=r["id"],
                member_id=r["member_id"],
                company=r["company"],
                created_at=r["created_at"],
            )
            for r in self._rows(member_id)
        ]

    def _add(self, member_id: int, company: str, created_at: datetime) -> int:
        return self._insert_id(
            self.table, {"member_id": member_id, "company": company, "created_at": created_at}
        )

    def remove(self, member_id: int, company: str) -> bool:
        result = self.conn.execute(
            delete(self.table).where(
                self.table.c.member_id == member_id,
                func.lower(self.table.c.company) == company.lower(),
            )
        )
        return bool(result.rowcount)

    def _rows(self, member_id: int) -> Iterable[RowMapping]:
        return self.conn.execute(_OF_MEMBER[self.table.name], {"_member_id": member_id}).mappings()


class SqlTargets(_CompanyList[Target]):
    table = t.targets
    record = Target


class SqlKnownCompanies(_CompanyList[KnownCompany]):
    table = t.known_companies
    record = KnownCompany

    def who_knows(self, community_id: int, company: str) -> list[int]:
        params = {"_community_id": community_id, "_company": company.strip().lower()}
        return [int(r[0]) for r in self.conn.execute(prepared.WHO_KNOWS, params)]


class SqlIntros(_Repo):
    @staticmethod
    def _from_row(r: RowMapping) -> IntroRequest:
        return IntroRequest(
            id=r["id"],
            community_id=r["community_id"],
            asker_id=r["asker_id"],
            helper_id=r["helper_id"],
            ask_id=r["ask_id"],
            company=r["company"],
            status=IntroStatus(r["status"]),
            created_at=r["created_at"],
        )

    def add(self, intro: IntroRequest) -> IntroRequest:
        intro.id = self._insert_id(
            t.intro_requests,
            {
                "community_id": intro.community_id,
                "asker_id": intro.asker_id,
                "helper_id": intro.helper_id,
                "ask_id": intro.ask_id,
                "company": intro.company[:120],
                "status": intro.status.value,
                "created_at": intro.created_at,
            },
        )
        return intro

    def get(self, intro_id: int) -> IntroRequest | None:
        row = (
            self.conn.execute(select(t.intro_requests).where(t.intro_requests.c.id == intro_id))
            .mappings()
            .first()
        )
        return self._from_row(row) if row else None

    def save(self, intro: IntroRequest) -> None:
        self.conn.execute(
            update(t.intro_requests)
            .where(t.intro_requests.c.id == intro.id)
            .values(status=intro.status.value)
        )

    def for_asker(self, asker_id: int, company: str) -> list[IntroRequest]:
        params = {"_asker_id": asker_id, "_company": company.strip().lower()}
        rows = self.conn.execute(prepared.INTROS_OF_ASKER, params).mappings()
        return [self._from_row(r) for r in rows]


class SqlCheckIns(_Repo):
    @staticmethod
    def _from_row(row: RowMapping) -> CheckIn:
        return CheckIn(
            id=row["id"],
            member_id=row["member_id"],
            kind=CheckInKind(row["kind"]),
            due_at=row["due_at"],
            status=CheckInStatus(row["status"]),
            ask_id=row["ask_id"],
        )

    def add(self, checkin: CheckIn) -> CheckIn:
        checkin.id = self._insert_id(
            t.checkins,
            {
                "member_id": checkin.member_id,
                "kind": checkin.kind.value,
                "due_at": checkin.due_at,
                "status": checkin.status.value,
                "ask_id": checkin.ask_id,
                "created_at": _now(),
            },
        )
        return checkin

    def get(self, checkin_id: int) -> CheckIn | None:
        row = (
            self.conn.execute(select(t.checkins).where(t.checkins.c.id == checkin_id))
            .mappings()
            .first()
        )
        return self._from_row(row) if row else None

    def pending_for_member(self, member_id: int) -> list[CheckIn]:
        rows = self.conn.execute(
            select(t.checkins)
            .where(
                t.checkins.c.member_id == member_id,
                t.checkins.c.status == CheckInStatus.PENDING.value,
            )
            .order_by(t.checkins.c.due_at)
        ).mappings()
        return [self._from_row(r) for r in rows]

    def cancel_pending(self, member_id: int, kinds: Iterable[CheckInKind]) -> int:
        params: dict[str, Any] = {"_member_id": member_id}
        for n, kind in enumerate(dict.fromkeys(kinds)):
            params[f"_kind{n}"] = kind.value
        if len(params) == 1:
            return 0
        kinds_count = len(params) - 1
        statement = direct(
            self.conn.dialect,
            ("cancel-pending", kinds_count),
            lambda: _cancel_pending(kinds_count),
        )
        return statement.rowcount(self.conn, params)

    def claim_due(
        self, now: datetime, owner: str, lease_until: datetime, limit: int
    ) -> list[CheckIn]:
        c = t.checkins.c
        due = or_(
            and_(c.status == CheckInStatus.PENDING.value, c.due_at <= now),
            and_(c.status == CheckInStatus.CLAIMED.value, c.lease_expires < now),
        )
        # SKIP LOCKED: concurrent workers on PostgreSQL each take different rows.
        # SQLite ignores FOR UPDATE; its write transaction (BEGIN IMMEDIATE) serialises claims.
        rows = list(
            self.conn.execute(
                select(t.checkins)
                .where(due)
                .order_by(c.due_at, c.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            ).mappings()
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        self.conn.execute(
            update(t.checkins)
            .where(c.id.in_(ids))
            .values(
                status=CheckInStatus.CLAIMED.value, lease_owner=owner, lease_expires=lease_until
            )
        )
        claimed = [self._from_row(r) for r in rows]
        for checkin in claimed:
            checkin.status = CheckInStatus.CLAIMED
        return claimed

    def renew_leases(self, owner: str, until: datetime) -> int:
        c = t.checkins.c
        held = (
            select(c.id)
            .where(c.status == CheckInStatus.CLAIMED.value, c.lease_owner == owner)
            .with_for_update(skip_locked=True)  # a row being worded right now needs none
        )
        result = self.conn.execute(
            update(t.checkins).where(c.id.in_(held.scalar_subquery())).values(lease_expires=until)
        )
        return int(result.rowcount)

    def finish(self, checkin_id: int, owner: str, status: str) -> bool:
        result = self.conn.execute(
            _FINISH, {"_row_id": checkin_id, "_owner": owner, "_status": str(status)}
        )
        return bool(result.rowcount)

    def purge_finished(self, before: datetime) -> int:
        c = t.checkins.c
        finished = [s.value for s in (CheckInStatus.SENT, CheckInStatus.MISSED)]
        finished.append(CheckInStatus.CANCELLED.value)
        result = self.conn.execute(
            delete(t.checkins).where(c.status.in_(finished), c.due_at < before)
        )
        return int(result.rowcount)

    def next_due_at(self) -> datetime | None:
        c = t.checkins.c
        value = self.conn.execute(
            select(func.min(c.due_at)).where(c.status == CheckInStatus.PENDING.value)
        ).scalar()
        if value is None:
            return None
        return t.UTCDateTime().process_result_value(value, self.conn.dialect)


# Keep the earliest attempt: a message already unconfirmed stays so from its first send.
# Built once and run on the DBAPI cursor (storage/direct.py): delivery runs both for every
# message it sends.
_RECORD_ATTEMPT = (
    update(t.outbox)
    .where(
        t.outbox.c.id == bindparam("_row_id"),
        t.outbox.c.status == "sending",
        t.outbox.c.lease_owner == bindparam("_owner"),
    )
    .values(
        attempted_at=func.coalesce(
            t.outbox.c.attempted_at, bindparam("_now", type_=t.outbox.c.attempted_at.type)
        )
    )
)
_MARK_SENT = (
    update(t.outbox)
    .where(t.outbox.c.id == bindparam("_row_id"))
    .values(
        status="sent",
        sent_at=bindparam("_now", type_=t.outbox.c.sent_at.type),
        lease_owner=None,
        lease_expires=None,
        attempted_at=None,
        error=None,
    )
)


class SqlOutbox(_Repo):
    def add(self, message: OutboundMessage, now: datetime) -> bool:
        values = {
            "key": message.key[:160],
            "platform": message.platform,
            "community_id": message.community_id,
            "member_id": message.member_id,
            "recipient": message.recipient,
            "channel": message.channel,
            "text": message.text,
            "choices": [[c.label, c.value] for c in message.choices],
            "attachment": message.attachment,
            "attachment_name": message.attachment_name,
            "due_at": message.due_at,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
        }
        added = self._add_once(t.outbox, values)  # the key is unique: queued once, ever
        if added is None:
            return False
        object.__setattr__(message, "id", added)
        return True

    @staticmethod
    def _from_row(row: RowMapping, until: datetime) -> OutboundMessage:
        """The message as claimed; `until` is the latest an unconfirmed earlier send of it
        (see `attempted_at`) can have reached the platform."""
        meta = {"attempts": str(row["attempts"])}
        if row["attempted_at"] is not None:
            earlier = UnconfirmedSend(since=row["attempted_at"], until=until)
            meta.update(earlier.as_meta())
        return OutboundMessage(
            id=row["id"],
            key=row["key"],
            text=row["text"],
            platform=row["platform"],
            community_id=row["community_id"],
            member_id=row["member_id"],
            recipient=row["recipient"],
            channel=row["channel"],
            choices=tuple(Choice(label, value) for label, value in row["choices"]),
            attachment=row["attachment"],
            attachment_name=row["attachment_name"],
            due_at=row["due_at"],
            meta=meta,
        )

    def claim_ready(
        self,
        now: datetime,
        owner: str,
        lease_until: datetime,
        limit: int,
        platform: str | None = None,
    ) -> list[OutboundMessage]:
        c = t.outbox.c
        ready = or_(
            and_(c.status == "pending", c.next_attempt_at <= now),
            and_(c.status == "sending", c.lease_expires < now),
        )
        query = select(t.outbox).where(ready)
        if platform is not None:
            query = query.where(c.platform == platform)
        rows = list(
            self.conn.execute(
                query.order_by(c.next_attempt_at, c.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            ).mappings()
        )
        if not rows:
            return []
        self.conn.execute(
            update(t.outbox)
            .where(c.id.in_([r["id"] for r in rows]))
            .values(status="sending", lease_owner=owner, lease_expires=lease_until)
        )
        # A row with `attempted_at` was being handed to the platform when its worker died or
        # stalled (status `sending`, its lease run out), or was put back without learning
        # whether the platform had it (`retry_later(keep_unconfirmed=True)`): an earlier send
        # may have landed until that lease's end. The rest of a dead worker's batch was
        # never attempted.
        return [self._from_row(r, min(r["lease_expires"] or now, now)) for r in rows]

    def claim(
        self, ids: Iterable[int], now: datetime, owner: str, lease_until: datetime
    ) -> list[OutboundMessage]:
        wanted = list(ids)
        if not wanted:
            return []
        c = t.outbox.c
        # One conditional UPDATE: a row another worker has claimed meanwhile no longer matches
        # (PostgreSQL re-checks the WHERE after waiting for that worker's row lock). RETURNING
        # gives exactly the rows this statement claimed, not others this owner already holds.
        rows = self.conn.execute(
            update(t.outbox)
            .where(c.id.in_(wanted), c.status == "pending", c.next_attempt_at <= now)
            .values(status="sending", lease_owner=owner, lease_expires=lease_until)
            .returning(*t.outbox.c)
        ).mappings()
        return sorted((self._from_row(r, now) for r in rows), key=lambda m: m.id or 0)

    def record_attempt(self, message_id: int, owner: str, now: datetime) -> bool:
        statement = direct(self.conn.dialect, "outbox-attempt", lambda: _RECORD_ATTEMPT)
        params = {"_row_id": message_id, "_owner": owner, "_now": now}
        return statement.rowcount(self.conn, params) > 0

    def renew_leases(self, owner: str, until: datetime) -> int:
        c = t.outbox.c
        held = (
            select(c.id)
            .where(c.status == "sending", c.lease_owner == owner)
            .with_for_update(skip_locked=True)  # a row being settled right now needs none
        )
        result = self.conn.execute(
            update(t.outbox).where(c.id.in_(held.scalar_subquery())).values(lease_expires=until)
        )
        return int(result.rowcount)

    def mark_sent(self, message_id: int, now: datetime) -> None:
        # Not fenced by the lease: the platform accepted the message, which is a fact, whoever
        # holds the row now (this can spare a second send by a worker that took over).
        statement = direct(self.conn.dialect, "outbox-sent", lambda: _MARK_SENT)
        statement.execute(self.conn, {"_row_id": message_id, "_now": now}).close()

    def _held(self, message_id: int, owner: str | None) -> Any:
        """The message, if it is still ours to change: a worker whose lease ran out and was
        taken over must not undo the new owner's work (re-queue a message it already sent)."""
        c = t.outbox.c
        if owner is None:
            return c.id == message_id
        return and_(c.id == message_id, c.status == "sending", c.lease_owner == owner)

    def retry_later(
        self,
        message_id: int,
        at: datetime,
        error: str,
        count_attempt: bool = True,
        owner: str | None = None,
        keep_unconfirmed: bool = False,
    ) -> bool:
        c = t.outbox.c
        result = self.conn.execute(
            update(t.outbox)
            .where(self._held(message_id, owner))
            .values(
                status="pending",
                next_attempt_at=at,
                attempts=c.attempts + (1 if count_attempt else 0),
                lease_owner=None,
                # Kept, the attempt marks the message unconfirmed for the next claim, and the
                # lease's end bounds when that attempt can have landed.
                lease_expires=c.lease_expires if keep_unconfirmed else None,
                attempted_at=c.attempted_at if keep_unconfirmed else None,
                error=error[:500],
            )
        )
        return bool(result.rowcount)

    def mark_failed(self, message_id: int, error: str, owner: str | None = None) -> bool:
        c = t.outbox.c
        result = self.conn.execute(
            update(t.outbox)
            .where(self._held(message_id, owner))
            .values(
                status="failed",
                attempts=c.attempts + 1,
                lease_owner=None,
                lease_expires=None,
                attempted_at=None,
                error=error[:500],
            )
        )
        return bool(result.rowcount)

    def mark_community_failed(self, community_id: int, error: str) -> int:
        c = t.outbox.c
        result = self.conn.execute(
            update(t.outbox)
            .where(c.community_id == community_id, c.status.in_(["pending", "sending"]))
            .values(  # not an attempt: nothing was sent
                status="failed",
                lease_owner=None,
                lease_expires=None,
                attempted_at=None,
                error=error[:500],
            )
        )
        return int(result.rowcount)

    def purge_sent(self, before: datetime) -> int:
        c = t.outbox.c
        result = self.conn.execute(delete(t.outbox).where(c.status == "sent", c.sent_at < before))
        return int(result.rowcount)

    def pending_count(self) -> int:
        c = t.outbox.c
        return int(
            self.conn.execute(
                select(func.count())
                .select_from(t.outbox)
                .where(c.status.in_(["pending", "sending"]))
            ).scalar_one()
        )


class SqlEventLog(_Repo):
    def first_time(self, platform: str, event_id: str, now: datetime) -> bool:
        values = {"platform": platform, "event_id": event_id[:128], "received_at": now}
        dialect = self.conn.dialect
        statement = direct(
            dialect, "record-event", lambda: prepared.record_event(dialect.name), tuple(values)
        )
        return statement.first(self.conn, values) is not None

    def purge(self, before: datetime) -> int:
        result = self.conn.execute(
            delete(t.inbound_events).where(t.inbound_events.c.received_at < before)
        )
        return int(result.rowcount)


def _now() -> datetime:
    return datetime.now(UTC)


class SqlOptOuts(_Repo):
    def add(self, community_id: int, user_key: str, now: datetime) -> None:
        values = {"community_id": community_id, "user_key": user_key, "created_at": now}
        statement = prepared.insert_once(self.conn.dialect.name, t.opt_outs, t.opt_outs.c.user_key)
        self.conn.execute(statement, values)

    def contains(self, community_id: int, user_key: str) -> bool:
        o = t.opt_outs.c
        row = self.conn.execute(
            select(o.user_key).where(o.community_id == community_id, o.user_key == user_key)
        ).first()
        return row is not None

    def remove(self, community_id: int, user_key: str) -> None:
        o = t.opt_outs.c
        self.conn.execute(
            delete(t.opt_outs).where(o.community_id == community_id, o.user_key == user_key)
        )
