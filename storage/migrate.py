"""Alembic, driven from code: `askcoach db upgrade` and start-up both call `upgrade`.

Any number of processes may start at once on an empty or an old database (replicas of a
rollout): each revision is applied inside a transaction that first takes the database's
migration lock — PostgreSQL's advisory lock (transaction-scoped, so a killed process releases
it), SQLite's write lock (`BEGIN IMMEDIATE`) — and reads the current revision under it. A
process that waited finds the work done and applies nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")

# pg_advisory_xact_lock(class, key): this class is askcoach's migrations ("askc"), the key the
# schema, so two deployments in different schemas of one database do not wait for each other.
MIGRATION_LOCK_CLASS = 0x61736B63


def alembic_config(engine: Engine, connection: Connection | None = None) -> Config:
    """Alembic's configuration for `engine`; with `connection`, migrations run on it, inside
    the transaction it is in (env.py neither begins nor commits one)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


MigrationStarted = Callable[[str, str], None]
"""Called with a revision id and its one-line description before it is applied."""
MigrationApplied = Callable[[str, float], None]
"""Called with a revision id and the seconds it took, after it is applied."""


def lock_migrations(conn: Connection) -> None:
    """Hold the migration lock until `conn`'s transaction ends. On SQLite the transaction's
    `BEGIN IMMEDIATE` already holds the database's write lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:class, hashtext(current_schema()))"),
            {"class": MIGRATION_LOCK_CLASS},
        )


def upgrade(
    engine: Engine,
    on_start: MigrationStarted | None = None,
    on_done: MigrationApplied | None = None,
) -> list[str]:
    """Bring the schema to the newest revision, one revision at a time (each in its own
    transaction, under the migration lock); return the revisions this process applied. The
    callbacks report progress."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    head = script.get_current_head()
    applied: list[str] = []
    with engine.connect() as conn:
        config = alembic_config(engine, conn)
        while True:
            with conn.begin():
                lock_migrations(conn)
                before = MigrationContext.configure(conn).get_current_revision()
                if before == head:
                    return applied
                pending = [
                    rev
                    for rev in script.iterate_revisions(head, before or "base")
                    if rev.revision != before
                ]
                rev = pending[-1]  # the oldest: the one right after `before`
                if on_start is not None:
                    doc = (rev.doc or "").strip().splitlines()
                    on_start(rev.revision, doc[0] if doc else "")
                started = time.perf_counter()
                command.upgrade(config, rev.revision)
            applied.append(rev.revision)
            if on_done is not None:
                on_done(rev.revision, time.perf_counter() - started)
