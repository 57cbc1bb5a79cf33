"""Discord's own table: the DM channel the bot has with each Discord user, on the shared
metadata, and the repository over it. Created by migration 0006.

Discord needs a DM channel id to message a member, and opening one is a request counted
against the bot's global limit. The Discord adapter keeps the ids in memory and here, so that
after a restart the first check-in to each member is one request, not two. The core never
reads this table; ids are kept as text, like every platform id in the schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Column, Connection, String, and_, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from storage.tables import UTCDateTime, communities, members, without_rowid

PLATFORM = "discord"

discord_dm_channels = without_rowid(
    "discord_dm_channels",
    Column("user_id", String(64), primary_key=True),
    Column("channel_id", String(64), nullable=False),
    # When the id was learned or last changed. No index: only the load at start orders by it
    # (once per process), and rows are written rarely.
    Column("updated_at", UTCDateTime, nullable=False),
)


class SqlDiscordDmChannels:
    """DM channel ids by Discord user id, over one connection (the caller's transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def recent(self, limit: int) -> list[tuple[int, int]]:
        """Up to `limit` (user id, channel id) pairs, the most recently learned first."""
        c = discord_dm_channels.c
        rows = self.conn.execute(
            select(c.user_id, c.channel_id).order_by(c.updated_at.desc(), c.user_id).limit(limit)
        )
        return [(int(user), int(channel)) for user, channel in rows]

    def find(self, user_id: int) -> int | None:
        c = discord_dm_channels.c
        found = self.conn.execute(
            select(c.channel_id).where(c.user_id == str(user_id))
        ).scalar_one_or_none()
        return None if found is None else int(found)

    def save(self, channels: Mapping[int, int], now: datetime) -> None:
        """Insert or update each user's channel; a row that already holds it is not written."""
        if not channels:
            return
        insert_into = postgresql.insert if self.conn.dialect.name == "postgresql" else sqlite.insert
        statement = insert_into(discord_dm_channels)
        c = discord_dm_channels.c
        statement = statement.on_conflict_do_update(
            index_elements=[c.user_id],
            set_={"channel_id": statement.excluded.channel_id, "updated_at": now},
            where=c.channel_id != statement.excluded.channel_id,
        )
        rows = [
            {"user_id": str(user), "channel_id": str(channel), "updated_at": now}
            for user, channel in channels.items()
        ]
        self.conn.execute(statement, rows)

    def drop(self, stale: Mapping[int, int]) -> None:
        """Delete each user's row if it still holds that (stale) channel id: a newer id
        written meanwhile is kept."""
        c = discord_dm_channels.c
        for user, channel in stale.items():
            self.conn.execute(
                delete(discord_dm_channels).where(
                    and_(c.user_id == str(user), c.channel_id == str(channel))
                )
            )

    def forget_strangers(self) -> list[int]:
        """Delete the rows of users who are no longer a member of any Discord community (they
        asked to be forgotten, or left): the table holds nothing about people the coach does
        not know. Returns their user ids."""
        c = discord_dm_channels.c
        known = (
            select(members.c.external_id)
            .join(communities, communities.c.id == members.c.community_id)
            .where(communities.c.platform == PLATFORM)
        )
        rows = self.conn.execute(
            delete(discord_dm_channels).where(c.user_id.not_in(known)).returning(c.user_id)
        )
        return [int(user) for (user,) in rows]
