"""Migrations produce exactly the schema in storage/tables.py, on both databases."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from benchmarks.support.databases import all_revisions
from storage import Database
from storage.tables import metadata


def test_migrated_schema_matches_the_tables(any_db: Database) -> None:
    with any_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_upgrade_twice_applies_nothing(any_db: Database) -> None:
    assert any_db.upgrade() == []


def test_sqlite_inbound_events_without_rowid_keeps_the_event_ids(tmp_path: Path) -> None:
    from alembic import command

    from storage.migrate import alembic_config

    db = Database(f"sqlite:///{tmp_path / 'rebuild.db'}")
    try:
        config = alembic_config(db.engine)
        command.upgrade(config, "0003")
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO inbound_events (platform, event_id, received_at) "
                "VALUES ('slack', 'e1', '2026-03-02 08:00:00.000000')"
            )
        assert db.upgrade() == ["0004", "0005", "0006", "0007", "0008"]
        with db.engine.connect() as conn:
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'inbound_events'"
            ).scalar_one()
            assert "WITHOUT ROWID" in sql
            assert conn.exec_driver_sql("SELECT event_id FROM inbound_events").all() == [("e1",)]
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
        with db() as uow:  # the id is still known: a replay is still a replay
            assert not uow.events.first_time("slack", "e1", datetime(2026, 3, 3, tzinfo=UTC))
        command.downgrade(config, "0003")
        with db.engine.connect() as conn:
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'inbound_events'"
            ).scalar_one()
            assert "WITHOUT ROWID" not in sql
            assert conn.exec_driver_sql("SELECT event_id FROM inbound_events").all() == [("e1",)]
    finally:
        db.dispose()


def _upgrade_together(url: str, processes: int) -> list[list[str]]:
    """`processes` database handles (each its own engine and connections, as separate
    processes have) upgrading at the same instant."""
    start = threading.Barrier(processes)

    def upgrade(_: int) -> list[str]:
        db = Database(url)
        try:
            start.wait()
            return db.upgrade()
        finally:
            db.dispose()

    with ThreadPoolExecutor(processes) as pool:
        return list(pool.map(upgrade, range(processes)))


def test_replicas_started_together_on_an_empty_postgresql_all_migrate(pg_url: str) -> None:
    """A rollout starts its replicas at once: each revision is applied by exactly one of them,
    the others wait for the migration lock, find the work done and come up."""
    results = _upgrade_together(pg_url, 4)
    applied = [rev for result in results for rev in result]
    assert sorted(applied) == sorted(all_revisions())  # each once, by someone
    db = Database(pg_url)
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert db.upgrade() == []
    finally:
        db.dispose()


def test_processes_started_together_on_an_empty_sqlite_all_migrate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'together.db'}"
    results = _upgrade_together(url, 3)
    assert sorted(rev for result in results for rev in result) == sorted(all_revisions())
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    finally:
        db.dispose()


def test_replicas_started_on_an_old_postgresql_apply_the_rest_once(pg_url: str) -> None:
    from alembic import command

    from storage.migrate import alembic_config

    db = Database(pg_url)
    try:
        command.upgrade(alembic_config(db.engine), "0003")
    finally:
        db.dispose()
    results = _upgrade_together(pg_url, 3)
    revisions = all_revisions()
    newer = revisions[revisions.index("0003") + 1 :]
    assert sorted(rev for result in results for rev in result) == sorted(newer)
