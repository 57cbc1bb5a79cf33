"""Migrations produce exactly the schema in storage/tables.py, on both databases."""

from __future__ import annotations

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
