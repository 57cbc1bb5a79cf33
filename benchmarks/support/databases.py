"""Real databases for tests: a fresh SQLite file, or a fresh schema on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, text

from askcoach.settings import load_harness_settings
from storage import Database
from storage.database import normalise_url


def postgres_url() -> str | None:
    """The test server's URL; under CI a missing server is a failure, not a skip."""
    url = load_harness_settings().test_postgres_url
    return normalise_url(url) if url else None


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'askcoach-test.db'}"


@contextmanager
def postgres_schema(base_url: str) -> Iterator[str]:
    """A URL whose connections use a new, empty schema; the schema is dropped afterwards.
    Separate schemas let several test runs share one server without seeing each other."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    joiner = "&" if "?" in base_url else "?"
    url = f"{base_url}{joiner}options={quote(f'-csearch_path={schema}')}"
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def migrated(url: str) -> Iterator[Database]:
    db = Database(url)
    db.upgrade()
    try:
        yield db
    finally:
        db.dispose()


def all_revisions() -> list[str]:
    """Every Alembic revision, oldest first."""
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    db = Database("sqlite://")
    try:
        script = ScriptDirectory.from_config(alembic_config(db.engine))
        return [rev.revision for rev in reversed(list(script.walk_revisions()))]
    finally:
        db.dispose()
