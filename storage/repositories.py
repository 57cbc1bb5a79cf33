"""Repositories over one SQLAlchemy connection (the unit of work's transaction).

Rows map to the core's plain dataclasses; nothing outside storage/ sees SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Generic, Protocol, TypeVar, Unpack

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import RowMapping

from bot import domain
from bot.messages import OutboundMessage, UnconfirmedSend
from bot.ports import Retry
from storage import prepared
from storage import tables as t
from storage.direct import direct
from storage.mapping import (
    ASKS,
    CHECKINS,
    COMMUNITIES,
    GIVES,
    INTROS,
    KNOWN_COMPANIES,
    MEMBERS,
    OUTBOX,
    TARGETS,
    RowMap,
)

_Row = TypeVar("_Row")


class _Repo(Generic[_Row]):
    """Statements over the unit of work's connection; rows read back through `mapping`."""

    mapping: RowMap[_Row]
    table: Any

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _added_or_stored(
        self, values: dict[str, Any], find: Callable[[], _Row | None]
    ) -> tuple[int | None, _Row | None]:
        """Insert a row created on first sight: (its id, None), or (None, the stored record)
        when another worker created it first."""
        added = self._add_once(self.table, values)
        if added is not None:
            return added, None
        stored = find()
        if stored is None:  # pragma: no cover - the conflicting row is committed and unique
            raise RuntimeError(f"a {self.table.name} row neither added nor found")
        return None, stored

    def _add(self, record: _Row, **extra: Any) -> int:
        """Insert the record's row (with `extra` columns); its new id."""
        return self._insert_id(self.table, self.mapping.values(record) | extra)

    def _get(self, row_id: int) -> _Row | None:
        return self._one(_by_id(self.table), {"_row_id": row_id})

    def _one(self, statement: Any, params: Mapping[str, Any]) -> _Row | None:
        row = self.conn.execute(statement, params).mappings().first()
        return self.mapping.from_row(row) if row else None

    def _many(self, statement: Any, params: Mapping[str, Any] | None = None) -> list[_Row]:
        rows = self.conn.execute(statement, params or {}).mappings()
        return [self.mapping.from_row(r) for r in rows]

    def _of_community(self, community_id: int, since: datetime) -> list[_Row]:
        """The rows by members of the community since `since`, oldest first."""
        table = self.table
        return self._many(
            select(table)
            .join(t.members, t.members.c.id == table.c.member_id)
            .where(t.members.c.community_id == community_id, table.c.created_at >= since)
            .order_by(table.c.created_at, table.c.id)
        )

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


class _Identified(Protocol):
    id: int | None


_Kept = TypeVar("_Kept", bound=_Identified)


class _Records(_Repo[_Kept]):
    """Records added once and read back by id."""

    def add(self, record: _Kept) -> _Kept:
        record.id = self._add(record)
        return record

    def get(self, row_id: int) -> _Kept | None:
        return self._get(row_id)


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
_BY_ID: dict[str, Any] = {}


def _by_id(table: Any) -> Any:
    """SELECT * FROM table WHERE id = :_row_id, built once per table."""
    if table.name not in _BY_ID:
        _BY_ID[table.name] = select(table).where(table.c.id == bindparam("_row_id"))
    return _BY_ID[table.name]


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
                t.checkins.c.status == domain.CheckInStatus.PENDING.value,
                t.checkins.c.kind.in_([bindparam(f"_kind{n}") for n in range(kinds)]),
            )
            .values(status=domain.CheckInStatus.CANCELLED.value)
        )
    return _STATEMENTS[key]


_FINISH = (
    update(t.checkins)
    .where(
        t.checkins.c.id == bindparam("_row_id"),
        t.checkins.c.status == domain.CheckInStatus.CLAIMED.value,
        t.checkins.c.lease_owner == bindparam("_owner"),
    )
    .values(status=bindparam("_status"), lease_owner=None, lease_expires=None)
)


class SqlCommunities(_Repo[domain.Community]):
    mapping = COMMUNITIES
    table = t.communities

    def get(self, community_id: int) -> domain.Community | None:
        return self._get(community_id)

    def find(self, platform: str, external_id: str) -> domain.Community | None:
        params = {"_platform": platform, "_external_id": external_id}
        return self._one(prepared.FIND_COMMUNITY, params)

    def add(self, community: domain.Community) -> domain.Community:
        """Get or create: the community as stored. When it exists already (two workers met a
        new workspace at once), the stored one is returned and `community` is not used."""
        values = COMMUNITIES.values(community) | {"created_at": _now()}
        community.id, stored = self._added_or_stored(
            values, lambda: self.find(community.platform, community.external_id)
        )
        return stored or community

    def save(self, community: domain.Community) -> None:
        self.conn.execute(
            update(t.communities)
            .where(t.communities.c.id == community.id)
            .values(**COMMUNITIES.values(community))
        )

    def all(self) -> list[domain.Community]:
        return self._many(select(t.communities).order_by(t.communities.c.id))


class SqlMembers(_Repo[domain.Member]):
    mapping = MEMBERS
    table = t.members

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        # What each member row holds as far as this transaction knows (read, added or saved
        # here): `save` writes only the columns that differ, and nothing when none do.
        self._stored: dict[int, dict[str, Any]] = {}

    def _loaded(self, row: Mapping[Any, Any]) -> domain.Member:
        member = MEMBERS.from_row(row)
        assert member.id is not None
        self._stored[member.id] = _comparable(MEMBERS.values(member))
        return member

    def _find_loaded(self, statement: Any, params: Mapping[str, Any]) -> domain.Member | None:
        row = self.conn.execute(statement, params).mappings().first()
        return self._loaded(row) if row else None

    def get(self, member_id: int) -> domain.Member | None:
        return self._find_loaded(_by_id(t.members), {"_row_id": member_id})

    def find(self, community_id: int, external_id: str) -> domain.Member | None:
        params = {"_community_id": community_id, "_external_id": external_id}
        return self._find_loaded(prepared.FIND_MEMBER, params)

    def find_with_community(
        self, platform: str, community_external_id: str, external_id: str
    ) -> tuple[domain.Community | None, domain.Member | None]:
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
        community = COMMUNITIES.from_row(values)
        if row[split] is None:  # members.id: no such member
            return community, None
        values = dict(zip(prepared.MEMBER_COLUMNS, row[split:], strict=True))
        return community, self._loaded(values)

    def add(self, member: domain.Member) -> domain.Member:
        """Get or create: the member as stored. When they exist already (their first two
        messages reached two workers at once), the stored member is returned."""
        values = MEMBERS.values(member)
        member.id, stored = self._added_or_stored(
            values, lambda: self.find(member.community_id, member.external_id)
        )
        if stored is not None:
            return stored
        assert member.id is not None
        self._stored[member.id] = _comparable(values)
        return member

    def save(self, member: domain.Member) -> None:
        assert member.id is not None
        values = MEMBERS.values(member)
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

    def in_community(self, community_id: int) -> list[domain.Member]:
        return self._many(
            select(t.members)
            .where(t.members.c.community_id == community_id)
            .order_by(t.members.c.id)
        )


class SqlAsks(_Records[domain.Ask]):
    mapping = ASKS
    table = t.asks

    def save(self, ask: domain.Ask) -> None:
        self._update_by_id(t.asks, ask.id, ASKS.values(ask))

    def for_member(self, member_id: int, since: datetime | None = None) -> list[domain.Ask]:
        if since is None:
            return self._many(prepared.ASKS_OF_MEMBER, {"_member_id": member_id})
        return self._many(prepared.ASKS_OF_MEMBER_SINCE, {"_member_id": member_id, "_since": since})

    def specific_since(
        self, member_id: int, since: datetime, kind: str | None
    ) -> tuple[list[domain.Ask], int]:
        params = {"_member_id": member_id, "_since": since, "_kind": kind}
        statement = direct(
            self.conn.dialect, "specific-asks-since", lambda: prepared.SPECIFIC_ASKS_SINCE
        )
        names = prepared.SPECIFIC_ASKS_SINCE_COLUMNS
        rows = [dict(zip(names, r, strict=True)) for r in statement.all(self.conn, params)]
        total = int(rows[0]["total"]) if rows else 0
        return [ASKS.from_row(r) for r in rows if r["id"] is not None], total

    def for_community(self, community_id: int, since: datetime) -> list[domain.Ask]:
        return self._of_community(community_id, since)

    def remove(self, member_id: int, ask_id: int) -> bool:
        removed = self.conn.execute(
            delete(t.asks).where(t.asks.c.id == ask_id, t.asks.c.member_id == member_id)
        ).rowcount
        if not removed:
            return False
        c = t.checkins.c
        self.conn.execute(
            delete(t.checkins).where(
                c.ask_id == ask_id,
                c.member_id == member_id,
                c.status == domain.CheckInStatus.PENDING.value,
            )
        )
        r = t.intro_requests.c
        self.conn.execute(
            update(t.intro_requests)
            .where(r.ask_id == ask_id, r.asker_id == member_id)
            .values(ask_id=None)
        )
        return True


class SqlGives(_Records[domain.Give]):
    mapping = GIVES
    table = t.gives

    def for_member(self, member_id: int, since: datetime | None = None) -> list[domain.Give]:
        if since is None:
            return self._many(prepared.GIVES_OF_MEMBER, {"_member_id": member_id})
        return self._many(
            prepared.GIVES_OF_MEMBER_SINCE, {"_member_id": member_id, "_since": since}
        )

    def for_community(self, community_id: int, since: datetime) -> list[domain.Give]:
        return self._of_community(community_id, since)

    def remove(self, member_id: int, give_id: int) -> bool:
        """Delete one of the member's gives (never another member's)."""
        result = self.conn.execute(
            delete(self.table).where(
                self.table.c.id == give_id, self.table.c.member_id == member_id
            )
        )
        return bool(result.rowcount)


_Listed = TypeVar("_Listed", domain.Target, domain.KnownCompany)


class _CompanyList(_Records[_Listed]):
    """A member's list of companies (targets, or where they know people): one shape, two uses."""

    table: Any

    def for_member(self, member_id: int) -> list[_Listed]:
        return self._many(_OF_MEMBER[self.table.name], {"_member_id": member_id})

    def remove(self, member_id: int, company: str) -> bool:
        result = self.conn.execute(
            delete(self.table).where(
                self.table.c.member_id == member_id,
                func.lower(self.table.c.company) == company.lower(),
            )
        )
        return bool(result.rowcount)


class SqlTargets(_CompanyList[domain.Target]):
    table = t.targets
    mapping = TARGETS


class SqlKnownCompanies(_CompanyList[domain.KnownCompany]):
    table = t.known_companies
    mapping = KNOWN_COMPANIES

    def who_knows(self, community_id: int, company: str) -> list[int]:
        params = {"_community_id": community_id, "_company": company.strip().lower()}
        return [int(r[0]) for r in self.conn.execute(prepared.WHO_KNOWS, params)]


class SqlIntros(_Records[domain.IntroRequest]):
    mapping = INTROS
    table = t.intro_requests

    def save(self, intro: domain.IntroRequest) -> None:
        self.conn.execute(
            update(t.intro_requests)
            .where(t.intro_requests.c.id == intro.id)
            .values(status=intro.status.value)
        )

    def for_asker(self, asker_id: int, company: str) -> list[domain.IntroRequest]:
        params = {"_asker_id": asker_id, "_company": company.strip().lower()}
        return self._many(prepared.INTROS_OF_ASKER, params)


class SqlCheckIns(_Records[domain.CheckIn]):
    mapping = CHECKINS
    table = t.checkins

    def add(self, checkin: domain.CheckIn) -> domain.CheckIn:
        checkin.id = self._add(checkin, created_at=_now())
        return checkin

    def pending_for_member(self, member_id: int) -> list[domain.CheckIn]:
        return self._many(
            select(t.checkins)
            .where(
                t.checkins.c.member_id == member_id,
                t.checkins.c.status == domain.CheckInStatus.PENDING.value,
            )
            .order_by(t.checkins.c.due_at)
        )

    def cancel_pending(self, member_id: int, kinds: Iterable[domain.CheckInKind]) -> int:
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
    ) -> list[domain.CheckIn]:
        c = t.checkins.c
        due = or_(
            and_(c.status == domain.CheckInStatus.PENDING.value, c.due_at <= now),
            and_(c.status == domain.CheckInStatus.CLAIMED.value, c.lease_expires < now),
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
                status=domain.CheckInStatus.CLAIMED.value,
                lease_owner=owner,
                lease_expires=lease_until,
            )
        )
        claimed = [CHECKINS.from_row(r) for r in rows]
        for checkin in claimed:
            checkin.status = domain.CheckInStatus.CLAIMED
        return claimed

    def renew_leases(self, owner: str, until: datetime) -> int:
        c = t.checkins.c
        held = (
            select(c.id)
            .where(c.status == domain.CheckInStatus.CLAIMED.value, c.lease_owner == owner)
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
        finished = [s.value for s in (domain.CheckInStatus.SENT, domain.CheckInStatus.MISSED)]
        finished.append(domain.CheckInStatus.CANCELLED.value)
        result = self.conn.execute(
            delete(t.checkins).where(c.status.in_(finished), c.due_at < before)
        )
        return int(result.rowcount)

    def next_due_at(self) -> datetime | None:
        c = t.checkins.c
        value = self.conn.execute(
            select(func.min(c.due_at)).where(c.status == domain.CheckInStatus.PENDING.value)
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


class SqlOutbox(_Repo[OutboundMessage]):
    mapping = OUTBOX
    table = t.outbox

    def add(self, message: OutboundMessage, now: datetime) -> bool:
        values = OUTBOX.values(message) | {
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
        return OUTBOX.from_row(row, meta=meta)

    def claim_ready(
        self, now: datetime, owner: str, lease_until: datetime, limit: int, *platforms: str
    ) -> list[OutboundMessage]:
        c = t.outbox.c
        ready = or_(
            and_(c.status == "pending", c.next_attempt_at <= now),
            and_(c.status == "sending", c.lease_expires < now),
        )
        query = select(t.outbox).where(ready)
        if platforms:
            query = query.where(c.platform.in_(platforms))
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

    def _change_held(self, message_id: int, owner: str | None, **values: Any) -> bool:
        """Settle a message still ours (see `_held`): its lease ends, its error is kept (cut
        to the column's length); False when another worker holds it now."""
        values["error"] = values["error"][:500]
        result = self.conn.execute(
            update(t.outbox).where(self._held(message_id, owner)).values(lease_owner=None, **values)
        )
        return bool(result.rowcount)

    def retry_later(self, message_id: int, at: datetime, error: str, **how: Unpack[Retry]) -> bool:
        c = t.outbox.c
        keep_unconfirmed = how.get("keep_unconfirmed", False)
        return self._change_held(
            message_id,
            how.get("owner"),
            status="pending",
            next_attempt_at=at,
            attempts=c.attempts + (1 if how.get("count_attempt", True) else 0),
            # Kept, the attempt marks the message unconfirmed for the next claim, and the
            # lease's end bounds when that attempt can have landed.
            lease_expires=c.lease_expires if keep_unconfirmed else None,
            attempted_at=c.attempted_at if keep_unconfirmed else None,
            error=error,
        )

    def mark_failed(self, message_id: int, error: str, owner: str | None = None) -> bool:
        c = t.outbox.c
        return self._change_held(
            message_id,
            owner,
            status="failed",
            attempts=c.attempts + 1,
            lease_expires=None,
            attempted_at=None,
            error=error,
        )

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


class SqlEventLog(_Repo[None]):
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


class SqlOptOuts(_Repo[None]):
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
