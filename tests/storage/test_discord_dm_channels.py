"""The Discord DM channel repository, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain import Community, Member
from storage import Database
from storage.discord_tables import SqlDiscordDmChannels, discord_dm_channels

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ADA, BO, CY = 200_000_000_000_000_001, 200_000_000_000_000_002, 200_000_000_000_000_003


def _save(db: Database, channels: dict[int, int], now: datetime) -> None:
    with db.engine.begin() as conn:
        SqlDiscordDmChannels(conn).save(channels, now)


def _member(community_id: int, user: int, name: str) -> Member:
    return Member(
        community_id=community_id,
        external_id=str(user),
        name=name,
        timezone="UTC",
        created_at=T0,
    )


def _rows(db: Database) -> dict[int, tuple[int, datetime]]:
    c = discord_dm_channels.c
    with db.engine.connect() as conn:
        rows = conn.execute(select(c.user_id, c.channel_id, c.updated_at)).all()
    return {int(user): (int(channel), at) for user, channel, at in rows}


def test_one_row_per_user_rewritten_only_when_the_channel_changes(any_db: Database) -> None:
    _save(any_db, {ADA: 11, BO: 12}, T0)
    _save(any_db, {ADA: 11}, T0 + timedelta(hours=1))  # the same id again: nothing written
    _save(any_db, {BO: 22}, T0 + timedelta(hours=2))
    assert _rows(any_db) == {ADA: (11, T0), BO: (22, T0 + timedelta(hours=2))}
    with any_db.engine.connect() as conn:
        channels = SqlDiscordDmChannels(conn)
        assert (channels.find(ADA), channels.find(BO), channels.find(CY)) == (11, 22, None)


def test_recent_lists_the_most_recently_learned_first(any_db: Database) -> None:
    _save(any_db, {ADA: 11}, T0)
    _save(any_db, {BO: 12}, T0 + timedelta(minutes=2))
    _save(any_db, {CY: 13}, T0 + timedelta(minutes=1))
    with any_db.engine.connect() as conn:
        channels = SqlDiscordDmChannels(conn)
        assert channels.recent(10) == [(BO, 12), (CY, 13), (ADA, 11)]
        assert channels.recent(2) == [(BO, 12), (CY, 13)]


def test_a_stale_id_is_dropped_but_a_newer_one_kept(any_db: Database) -> None:
    _save(any_db, {ADA: 11, BO: 12}, T0)
    _save(any_db, {BO: 22}, T0)  # Bo's id changed after the stale one was seen
    with any_db.engine.begin() as conn:
        SqlDiscordDmChannels(conn).drop({ADA: 11, BO: 12})
    assert _rows(any_db) == {BO: (22, T0)}


def test_strangers_are_forgotten_members_kept(any_db: Database) -> None:
    with any_db() as uow:
        server = uow.communities.add(
            Community(platform="discord", external_id="1001", name="Job Club", timezone="UTC")
        )
        slack = uow.communities.add(
            Community(platform="slack", external_id="T1", name="Slack club", timezone="UTC")
        )
        assert server.id is not None and slack.id is not None
        uow.members.add(_member(server.id, ADA, "Ada"))
        # The same number as a Slack member is not a Discord member.
        uow.members.add(_member(slack.id, BO, "Bo"))
        uow.commit()
    _save(any_db, {ADA: 11, BO: 12, CY: 13}, T0)
    with any_db.engine.begin() as conn:
        assert sorted(SqlDiscordDmChannels(conn).forget_strangers()) == [BO, CY]
    assert _rows(any_db) == {ADA: (11, T0)}
