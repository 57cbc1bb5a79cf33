"""Alembic, driven from code: `askcoach db upgrade` and start-up both call `upgrade`."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from storage.database import MIGRATIONS


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> list[str]:
    """Bring the schema to the newest revision; return the revisions that were applied."""
    config = alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    before = current_revision(engine)
    head = script.get_current_head()
    if before == head:
        return []
    pending = [
        rev.revision
        for rev in script.iterate_revisions(head, before or "base")
        if rev.revision != before
    ]
    command.upgrade(config, "head")
    return list(reversed(pending))
