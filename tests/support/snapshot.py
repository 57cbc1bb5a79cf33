"""Every row the bot holds, for "bad input changes nothing" and "forget leaves nothing"."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage import Database
from storage.tables import metadata

NOT_STATE = {"outbox", "inbound_events"}  # replies and event ids are expected to grow


def snapshot(
    db: Database, include_all: bool = False, ignore: frozenset[str] = frozenset()
) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every table (sorted), minus delivery bookkeeping unless `include_all`, and
    minus the `table.column`s named in `ignore`."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name in NOT_STATE and not include_all:
                continue
            columns = [c for c in table.columns if f"{table.name}.{c.name}" not in ignore]
            rows = conn.execute(select(*columns)).all()
            out[table.name] = sorted(tuple(repr(v) for v in row) for row in rows)
    return out
