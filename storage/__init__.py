"""Persistence: SQLAlchemy 2.x Core tables, repositories and a unit of work; Alembic migrations."""

from storage.database import Database, default_database_url

__all__ = ["Database", "default_database_url"]
