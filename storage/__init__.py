"""Persistence: SQLAlchemy 2.x Core tables, repositories and a unit of work; Alembic migrations."""

from storage import discord_tables as _discord_tables  # noqa: F401  (Discord's DM channels)
from storage import slack_tables as _slack_tables  # noqa: F401  (registers Slack's OAuth tables)
from storage.database import Database, retryable

__all__ = ["Database", "retryable"]
