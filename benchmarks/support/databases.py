"""Real databases for tests: a fresh SQLite file, or a fresh schema on PostgreSQL."""

from __future__ import annotations

import atexit
import shutil
import tempfile
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


SQLITE_FILE = "askcoach-test.db"


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / SQLITE_FILE}"


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


_template: Path | None = None


def _sqlite_template() -> Path:
    """A SQLite file migrated to head, made once per process and removed at exit."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="askcoach-template-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        with migrated(sqlite_url(folder)):
            pass
        _template = folder / SQLITE_FILE
    return _template


@contextmanager
def migrated_sqlite(directory: Path) -> Iterator[Database]:
    """A fresh SQLite database at head in `directory`, the same as `migrated(sqlite_url(…))`
    but copied from a file the migrations wrote once: hundreds of tests each start on a new
    database without running every migration again (the migrations have tests of their own)."""
    shutil.copyfile(_sqlite_template(), directory / SQLITE_FILE)
    db = Database(sqlite_url(directory))
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
