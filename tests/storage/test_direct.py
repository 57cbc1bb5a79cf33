"""Statements run on the DBAPI cursor (storage/direct.py): the same values in and out as through
SQLAlchemy, the same exceptions, and still visible to whoever watches statements."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, event, exc, insert, select

from bot.messages import Choice, OutboundMessage
from storage import Database, prepared
from storage import tables as t
from storage.direct import DirectStatement, direct, observed
from storage.repositories import _cancel_pending

T0 = datetime(2026, 3, 2, 14, 0, 0, 123456, tzinfo=UTC)
COMMUNITY_ROW = {
    "platform": "slack",
    "external_id": "T1",
    "name": "Job Club",
    "timezone": "UTC",
    "checkin_time": "09:00",
    "enrollment": "optin",
    "digest_weekday": 0,
    "digest_time": "09:00",
    "created_at": T0,
}


def _message(key: str) -> OutboundMessage:
    return OutboundMessage(
        key=key,
        text="Hi <there> & ✓",
        platform="slack",
        community_id=1,
        member_id=None,
        recipient="U1",
        choices=(Choice("Yes", "yes"), Choice("No", "no")),
        attachment=b"\x00\x01",
        attachment_name="chart.png",
    )


def test_direct_rows_read_back_as_sqlalchemy_reads_them(any_db: Database) -> None:
    with any_db() as uow:
        assert uow.outbox.add(_message("k1"), T0)
        uow.commit()
    with any_db() as uow:
        via_sqlalchemy = uow.connection.execute(select(t.outbox)).mappings().one()
        statement = direct(uow.connection.dialect, "test-outbox", lambda: select(t.outbox))
        row = statement.first(uow.connection, {})
    assert row is not None
    assert dict(zip(t.outbox.c.keys(), row, strict=True)) == dict(via_sqlalchemy)
    assert via_sqlalchemy["choices"] == [["Yes", "yes"], ["No", "no"]]
    assert via_sqlalchemy["created_at"] == T0  # aware UTC, microseconds kept
    assert via_sqlalchemy["attachment"] == b"\x00\x01"


def test_direct_values_are_stored_as_sqlalchemy_stores_them(any_db: Database) -> None:
    row = dict(COMMUNITY_ROW)
    with any_db() as uow:
        uow.connection.execute(insert(t.communities), row)
        keys = tuple(row)
        statement = direct(
            uow.connection.dialect, ("test", keys), lambda: insert(t.communities), keys
        )
        statement.execute(uow.connection, row | {"external_id": "T2"}).close()
        uow.commit()
    with any_db() as uow:
        # Raw column values, without result conversions: stored identically.
        raw = uow.connection.exec_driver_sql(
            "SELECT platform, name, created_at FROM communities ORDER BY id"
        ).all()
    assert len(raw) == 2 and raw[0] == raw[1]


def test_driver_errors_are_sqlalchemy_errors(any_db: Database) -> None:
    with any_db() as uow:
        values = {"platform": "slack", "event_id": "e1", "received_at": T0}
        keys = tuple(values)
        statement = direct(
            uow.connection.dialect,
            ("test-plain-insert", keys),
            lambda: insert(t.inbound_events),
            keys,
        )
        statement.execute(uow.connection, values).close()
        with pytest.raises(exc.IntegrityError):
            statement.execute(uow.connection, values)


def test_a_missing_parameter_is_an_error(sqlite_db: Database) -> None:
    with sqlite_db() as uow:
        statement = DirectStatement(
            select(t.members).where(t.members.c.id == 1), uow.connection.dialect
        )
        assert statement.first(uow.connection, {}) is None  # literal values are bound
        with pytest.raises(exc.ArgumentError):
            direct(
                uow.connection.dialect,
                "test-find",
                lambda: prepared.FIND_MEMBER,
            ).first(uow.connection, {"_community_id": 1})


def test_statement_listeners_still_see_every_statement(any_db: Database) -> None:
    seen: list[str] = []
    event.listen(
        any_db.engine, "before_cursor_execute", lambda _c, _cur, sql, *_rest: seen.append(sql)
    )
    with any_db() as uow:
        assert uow.events.first_time("slack", "e1", T0)
        assert not uow.events.first_time("slack", "e1", T0)
        uow.commit()
    assert sum("inbound_events" in s for s in seen) == 2


def test_sqlite_driver_runs_the_same_statements_without_listeners(sqlite_db: Database) -> None:
    traced: list[str] = []
    with sqlite_db() as uow:
        uow.connection.connection.dbapi_connection.set_trace_callback(traced.append)  # type: ignore[union-attr]
        try:
            assert uow.events.first_time("slack", "e1", T0)
            assert not uow.events.first_time("slack", "e1", T0)
            uow.commit()
        finally:
            uow.connection.connection.dbapi_connection.set_trace_callback(None)  # type: ignore[union-attr]
    assert sum("inbound_events" in s for s in traced) == 2
    assert traced[-1] == "COMMIT"


# storage/direct.py leans on SQLAlchemy internals, which is why pyproject.toml pins SQLAlchemy
# to one minor version. These fail when a new version moves them: each direct statement must
# send the driver exactly the SQL and parameters SQLAlchemy itself sends for it, and echo must
# still count as something watching statements.


def _sent_by_sqlalchemy(db: Database, statement: object, values: dict[str, object]) -> object:
    sent: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, sql: str, parameters: object, *_rest: object) -> None:
        sent.append((sql, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db() as uow:
            uow.connection.execute(statement, values)  # type: ignore[call-overload]
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    sent = [(sql, parameters) for sql, parameters in sent if not sql.startswith("BEGIN")]
    assert len(sent) == 1
    return sent[0]


@pytest.mark.parametrize(
    "name",
    ["insert-returning", "update-fixed-values", "select-by-params", "insert-once"],
)
def test_direct_statements_send_what_sqlalchemy_sends(any_db: Database, name: str) -> None:
    dialect = any_db.engine.dialect
    community = dict(COMMUNITY_ROW)
    cases: dict[str, tuple[object, dict[str, object]]] = {
        "insert-returning": (
            insert(t.communities).returning(t.communities.c.id),
            community,
        ),
        "update-fixed-values": (
            _cancel_pending(2),
            {"_member_id": 7, "_kind0": "morning", "_kind1": "evening"},
        ),
        "select-by-params": (
            prepared.FIND_MEMBER,
            {"_community_id": 1, "_external_id": "U1"},
        ),
        "insert-once": (
            prepared.insert_once(dialect.name, t.communities, t.communities.c.id),
            community,
        ),
    }
    statement, values = cases[name]
    keys = tuple(values) if name.startswith("insert") else None
    compiled = DirectStatement(statement, dialect, keys)
    sql, parameters = _sent_by_sqlalchemy(any_db, statement, values)  # type: ignore[misc]
    ours = compiled._parameters(values)
    assert compiled.sql == sql
    if isinstance(parameters, dict):  # named: names the SQL does not use are ignored
        assert {k: ours[k] for k in parameters} == parameters
    else:
        assert ours == parameters


def test_echo_counts_as_watching_statements() -> None:
    quiet = create_engine("sqlite://")
    loud = create_engine("sqlite://", echo=True)
    with quiet.connect() as conn:
        assert not observed(conn)
    with loud.connect() as conn:
        assert observed(conn)
    quiet.dispose()
    loud.dispose()
