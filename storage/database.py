"""Engine set-up, migrations and the SQL unit of work.

SQLite runs in WAL mode with synchronous=FULL (a recorded reply survives a power cut) and takes
its write lock at BEGIN (BEGIN IMMEDIATE), so two processes never deadlock upgrading a read
lock. PostgreSQL uses the same code; claims there use FOR UPDATE SKIP LOCKED.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import Any, Self

from sqlalchemy import Connection, Engine, create_engine, delete, event, exc, select
from sqlalchemy.engine import make_url

from storage import direct, migrate
from storage import tables as t
from storage.dashboard import SqlDashboard, SqlSignIns
from storage.repositories import (
    SqlAsks,
    SqlCheckIns,
    SqlCommunities,
    SqlEventLog,
    SqlGives,
    SqlIntros,
    SqlKnownCompanies,
    SqlMembers,
    SqlOptOuts,
    SqlOutbox,
    SqlTargets,
)


def retryable(error: BaseException) -> bool:
    """Whether a transaction that failed this way may succeed if it runs again (it was rolled
    back, so running it again is safe): a lost connection, a deadlock or serialization
    failure, a lock wait that timed out, a unique key another transaction took first, no
    connection free in the pool. Not a bad statement or a value the column refuses."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(
        error, exc.OperationalError | exc.IntegrityError | exc.InterfaceError | exc.TimeoutError
    )


DEFAULT_URL = "sqlite:///askcoach.db"  # in the working directory (askcoach.settings reads the URL)


def normalise_url(url: str) -> str:
    """Let operators write postgres:// or postgresql:// and still get the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def create_database_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


WAL_ATTEMPTS = 100  # x 50 ms: how long a new connection waits for another to finish the switch


def _use_wal(cursor: Any) -> None:
    """Switch the database to WAL (once per file; later connections find it so). The switch
    needs the database to itself and SQLite answers "locked" at once, without the busy
    timeout, while another process (starting at the same moment) holds it: wait and retry."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Straight on the DBAPI connection (SQLAlchemy's execution costs more than the
        # statement), unless something watches statements: then through SQLAlchemy, so that
        # it sees this one too.
        if direct.observed(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.connection.dbapi_connection.execute("BEGIN IMMEDIATE")  # type: ignore[union-attr]


class SqlUnitOfWork:
    """One transaction and the repositories that work inside it."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        self._conn = self._engine.connect()
        self._conn.begin()
        conn = self._conn
        self.communities = SqlCommunities(conn)
        self.members = SqlMembers(conn)
        self.asks = SqlAsks(conn)
        self.gives = SqlGives(conn)
        self.targets = SqlTargets(conn)
        self.known = SqlKnownCompanies(conn)
        self.intros = SqlIntros(conn)
        self.opt_outs = SqlOptOuts(conn)
        self.checkins = SqlCheckIns(conn)
        self.outbox = SqlOutbox(conn)
        self.events = SqlEventLog(conn)
        self.sign_ins = SqlSignIns(conn)
        self.dashboard = SqlDashboard(conn)
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Whether the block raised or not: what it did not commit is rolled back.
        assert self._conn is not None
        try:
            if self._conn.in_transaction():
                self._conn.rollback()
        finally:
            self._conn.close()
            self._conn = None

    @property
    def connection(self) -> Connection:
        assert self._conn is not None, "use the unit of work inside `with`"
        return self._conn

    def commit(self) -> None:
        self.connection.commit()

    def forget_member(self, member_id: int) -> None:
        conn = self.connection
        for table in t.MEMBER_TABLES:
            conn.execute(delete(table).where(table.c.member_id == member_id))
        conn.execute(delete(t.outbox).where(t.outbox.c.member_id == member_id))
        intros = t.intro_requests.c
        conn.execute(
            delete(t.intro_requests).where(
                (intros.asker_id == member_id) | (intros.helper_id == member_id)
            )
        )
        conn.execute(delete(t.members).where(t.members.c.id == member_id))
        self.members.forget(member_id)


class Database:
    """The composition root's handle on storage: an engine, migrations and units of work."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = create_database_engine(self.url)

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def upgrade(
        self,
        on_start: Callable[[str, str], None] | None = None,
        on_done: Callable[[str, float], None] | None = None,
    ) -> list[str]:
        """Apply every pending Alembic migration; return the revisions applied. `on_start`
        (revision, description) and `on_done` (revision, seconds) report each one."""
        return migrate.upgrade(self.engine, on_start, on_done)

    def ping(self) -> bool:
        """True when the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(select(1))
            return True
        except Exception:
            return False

    def dispose(self) -> None:
        self.engine.dispose()
