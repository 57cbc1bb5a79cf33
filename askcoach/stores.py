"""Storage for the adapters' own records, wired here so that adapters never import storage."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from storage import Database
from storage.discord_tables import SqlDiscordDmChannels


class SqlDmChannelStore:
    """The Discord adapter's DmChannelStore on the `discord_dm_channels` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def recent(self, limit: int) -> list[tuple[int, int]]:
        with self._db.engine.connect() as conn:
            return SqlDiscordDmChannels(conn).recent(limit)

    def find(self, user_id: int) -> int | None:
        with self._db.engine.connect() as conn:
            return SqlDiscordDmChannels(conn).find(user_id)

    def store(self, to_save: Mapping[int, int], to_drop: Mapping[int, int]) -> None:
        with self._db.engine.begin() as conn:
            channels = SqlDiscordDmChannels(conn)
            channels.drop(to_drop)
            channels.save(to_save, datetime.now(UTC))

    def forget_strangers(self) -> list[int]:
        with self._db.engine.begin() as conn:
            return SqlDiscordDmChannels(conn).forget_strangers()
