"""Migrations produce exactly the schema in storage/tables.py, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

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
        assert db.upgrade() == ["0004", "0005", "0006", "0007"]
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
