"""Alembic environment: runs on the engine handed over by storage.migrate (or the URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from storage.database import create_database_engine, default_database_url
from storage.tables import metadata

config = context.config
engine: Engine = config.attributes.get("engine") or create_database_engine(
    config.get_main_option("sqlalchemy.url") or default_database_url()
)

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    if connection.in_transaction():
        connection.commit()
