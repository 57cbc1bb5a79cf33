"""Every row the bot holds, for "bad input changes nothing" and "forget leaves nothing"."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage import Database
from storage.tables import metadata

NOT_STATE = {"outbox", "inbound_events"}  # replies and event ids are expected to grow


def snapshot(db: Database, include_all: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every table (sorted), minus delivery bookkeeping unless `include_all`."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name in NOT_STATE and not include_all:
                continue
            rows = conn.execute(select(table)).all()
            out[table.name] = sorted(tuple(repr(v) for v in row) for row in rows)
    return out
