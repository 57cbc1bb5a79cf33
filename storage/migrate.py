"""Alembic, driven from code: `askcoach db upgrade` and start-up both call `upgrade`."""

from __future__ import annotations

import time
from collections.abc import Callable

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


MigrationStarted = Callable[[str, str], None]
"""Called with a revision id and its one-line description before it is applied."""
MigrationApplied = Callable[[str, float], None]
"""Called with a revision id and the seconds it took, after it is applied."""


def upgrade(
    engine: Engine,
    on_start: MigrationStarted | None = None,
    on_done: MigrationApplied | None = None,
) -> list[str]:
    """Bring the schema to the newest revision, one revision at a time (each in its own
    transaction); return the revisions that were applied. The callbacks report progress."""
    config = alembic_config(engine)
    script = ScriptDirectory.from_config(config)
    before = current_revision(engine)
    head = script.get_current_head()
    if before == head:
        return []
    pending = [
        rev for rev in script.iterate_revisions(head, before or "base") if rev.revision != before
    ]
    applied: list[str] = []
    for rev in reversed(pending):
        if on_start is not None:
            on_start(rev.revision, (rev.doc or "").strip().splitlines()[0] if rev.doc else "")
        started = time.perf_counter()
        command.upgrade(config, rev.revision)
        applied.append(rev.revision)
        if on_done is not None:
            on_done(rev.revision, time.perf_counter() - started)
    return applied
