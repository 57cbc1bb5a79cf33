"""Column definitions more than one migration writes the same way.

Migrations are history: what is here must keep producing exactly what the revisions that use
it created when they were applied. Add a new function for a new shape; never change one in use.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.schema import SchemaItem


def cascade_fk(table: str, column: str, referred: str) -> sa.Column[int]:
    """A required reference from `table`.`column` to `referred`.id, deleted with its row, under
    the metadata's naming convention (fk_<table>_<column>_<referred>)."""
    return sa.Column(
        column,
        sa.Integer,
        sa.ForeignKey(f"{referred}.id", ondelete="CASCADE", name=f"fk_{table}_{column}_{referred}"),
        nullable=False,
    )


def inbound_event_columns() -> list[SchemaItem]:
    """inbound_events as revision 0001 created it: an event id per platform, and when it came."""
    return [
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(128), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("platform", "event_id", name="pk_inbound_events"),
    ]
