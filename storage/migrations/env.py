"""Alembic environment: runs on the connection or engine handed over by storage.migrate (or
the URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from storage.database import create_database_engine
from storage.tables import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


shared: Connection | None = config.attributes.get("connection")
if shared is not None:
    # storage.migrate's connection, inside the transaction that holds the migration lock:
    # that transaction is the caller's to commit.
    _run(shared)
else:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:  # Alembic run by hand: the URL given to it, else the bot's own
        from askcoach.settings import load_settings

        url = config.get_main_option("sqlalchemy.url") or load_settings().database_url
        engine = create_database_engine(url)
    with engine.connect() as connection:
        _run(connection)
        if connection.in_transaction():
            connection.commit()
