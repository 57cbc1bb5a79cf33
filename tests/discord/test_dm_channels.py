"""DM channels survive a restart: the bot stores the DM channel it has with each member, so the
first check-in after a deploy is one request (no `POST /users/@me/channels`), a stale stored
channel is replaced, and the database never costs a message."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, select

import adapters.discord.dm_channels
from adapters.discord import DiscordAdapter
from askcoach.stores import SqlDmChannelStore
from emulators.discord import DiscordEmulator
from storage.discord_tables import discord_dm_channels
from tests.discord.conftest import COACH, MEMBER, OTHER, World, at, run

pytestmark = pytest.mark.timeout(60)

DM_OPENS = ("POST", "/users/@me/channels")
MESSAGES = ("POST", "/channels/{id}/messages")


def stored(world: World) -> dict[int, int]:
    """The table: user id -> DM channel id."""
    c = discord_dm_channels.c
    with world.db.engine.connect() as conn:
        rows = conn.execute(select(c.user_id, c.channel_id)).all()
    return {int(user): int(channel) for user, channel in rows}


def store(world: World, user: int, channel: int) -> None:
    """A row as an earlier process would have left it."""
    with world.db.engine.begin() as conn:
        conn.execute(
            discord_dm_channels.insert().values(
                user_id=str(user), channel_id=str(channel), updated_at=world.clock.now()
            )
        )


def morning_checkins(emu: DiscordEmulator, user: int) -> int:
    return sum(m.content.startswith("Morning,") for m in emu.dms_to(user))


def test_after_a_restart_the_first_checkin_is_one_request(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(OTHER, "Bo")  # never writes: the bot opens his DM for the welcome

    async def before_restart() -> None:
        async with world.running():
            await world.dm(MEMBER, "hi")  # Ada writes: her DM channel comes with the message
            await world.dm(MEMBER, "ok")
            await world.dispatcher.tick()  # Bo's welcome

    async def after_restart() -> None:
        async with world.running():  # a new process on the same database
            emu.clear_calls()
            await world.dispatcher.advance(world.clock, at("09:05"))

    run(before_restart)
    assert emu.dm_opens() == 1, "Bo's DM was opened once; Ada's came with her message"
    assert stored(world) == {MEMBER: emu.dm_channel_id(MEMBER), OTHER: emu.dm_channel_id(OTHER)}
    run(after_restart)
    assert emu.calls(*DM_OPENS) == [], "no DM is opened again after the restart"
    sends = emu.calls(*MESSAGES)
    assert len(sends) == 2 and all(c.status == 200 for c in sends), "one request per check-in"
    assert (morning_checkins(emu, MEMBER), morning_checkins(emu, OTHER)) == (1, 1)


def test_a_stale_stored_channel_is_replaced_and_the_message_arrives_once(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Ada")
    store(world, MEMBER, 777)  # e.g. left by an earlier bot account: Discord does not know it

    async def body() -> None:
        async with world.running():
            await world.dispatcher.advance(world.clock, at("09:05"))

    run(body)
    refused = [c for c in emu.calls(*MESSAGES) if c.status != 200]
    assert [(c.path, c.status, c.response["code"]) for c in refused] == [
        ("/channels/777/messages", 404, 10003)
    ]
    assert emu.dm_opens(MEMBER) == 1, "opened again once, then remembered"
    texts = [m.content for m in emu.dms_to(MEMBER)]
    assert len(texts) == len(set(texts)) == 3, "welcome, set-up and check-in, once each"
    assert morning_checkins(emu, MEMBER) == 1
    assert stored(world) == {MEMBER: emu.dm_channel_id(MEMBER)}
    ada = world.member(MEMBER)
    assert ada is not None and not ada.undeliverable


def test_a_member_who_closed_their_dms_during_a_restart_costs_one_reopen(
    world: World, emu: DiscordEmulator
) -> None:
    world.enrol(MEMBER, "Ada")
    store(world, MEMBER, emu.dm_channel_id(MEMBER))
    emu.close_dms(MEMBER)

    async def body() -> None:
        async with world.running():
            await world.dispatcher.advance(world.clock, at("09:05"))

    run(body)
    # The stored id is refused (50007): reopened once in case it was stale; the same channel
    # refuses again, so the member is unreachable. Later messages are not retried.
    assert emu.dm_opens(MEMBER) == 1
    assert len(emu.calls(*MESSAGES)) == 4, "2 for the first message, 1 each for the other two"
    ada = world.member(MEMBER)
    assert ada is not None and ada.undeliverable
    assert stored(world) == {MEMBER: emu.dm_channel_id(MEMBER)}


def test_many_dms_keep_one_row_per_member_written_once(world: World, emu: DiscordEmulator) -> None:
    written: list[int] = []

    def count_writes(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        if sql.startswith("INSERT INTO discord_dm_channels"):
            written.append(len(params) if many else 1)

    event.listen(world.db.engine, "before_cursor_execute", count_writes)

    async def body() -> None:
        async with world.running():
            for user in (MEMBER, OTHER):
                await world.dm(user, "hi")
                await world.dm(user, "ok")
                for n in range(4):
                    await world.dm(user, f"gave a review of a resume to friend {n}")

    run(body)
    assert stored(world) == {MEMBER: emu.dm_channel_id(MEMBER), OTHER: emu.dm_channel_id(OTHER)}
    assert sum(written) == 2, "a channel already known is not written again"


def test_a_failed_write_does_not_lose_the_message(
    world: World, emu: DiscordEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    world.enrol(OTHER, "Bo")
    with world.db.engine.begin() as conn:  # the database refuses every write to the table
        conn.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON discord_dm_channels "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )

    async def body() -> None:
        async with world.running():
            [hello] = await world.dm(MEMBER, "hi")
            assert hello.startswith("Hi Ada!")
            await world.dispatcher.tick()  # Bo's welcome: his DM is opened

    async def after_restart() -> None:
        async with world.running():
            await world.dispatcher.advance(world.clock, at("09:05"))

    with caplog.at_level(logging.WARNING, logger="askcoach.discord"):
        run(body)
    assert stored(world) == {}
    assert "could not store" in caplog.text
    assert [m.content[:6] for m in emu.dms_to(MEMBER)] == ["Hi Ada"]
    assert [m.content[:10] for m in emu.dms_to(OTHER)] == ["Hi Bo! I'm", "You're set"]
    assert all(c.status == 200 for c in emu.calls(*MESSAGES))

    run(after_restart)
    assert emu.dm_opens(OTHER) == 2, "without a stored id, the DM is opened again"
    assert morning_checkins(emu, OTHER) == 1


def test_more_members_than_memory_holds_are_looked_up_in_the_database(
    world: World, emu: DiscordEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(adapters.discord.dm_channels, "DM_CHANNEL_CACHE", 2)
    for user, name in ((MEMBER, "Ada"), (OTHER, "Bo"), (COACH, "Cy")):
        world.enrol(user, name)

    async def before_restart() -> None:
        async with world.running():
            await world.dispatcher.tick()  # the welcomes: three DMs opened

    async def after_restart() -> None:
        async with world.running() as adapter:
            assert len(adapter.gateway.dm_channels) == 2, "memory stays within its bound"
            emu.clear_calls()
            await world.dispatcher.advance(world.clock, at("09:05"))

    run(before_restart)
    assert emu.dm_opens() == 3 and len(stored(world)) == 3
    run(after_restart)
    assert emu.calls(*DM_OPENS) == []
    assert [morning_checkins(emu, user) for user in (MEMBER, OTHER, COACH)] == [1, 1, 1]


def test_only_the_sending_shard_loads_the_stored_channels(
    world: World, emu: DiscordEmulator
) -> None:
    store(world, MEMBER, emu.dm_channel_id(MEMBER))

    async def body() -> None:
        for shard_id, expected in ((1, 0), (0, 1)):
            config = replace(world.config(), shard_count=2, shard_id=shard_id)
            store = SqlDmChannelStore(world.db)
            adapter = DiscordAdapter(config, world.inbox, world.db, store, guild_ready_timeout=0.05)
            await adapter.start()
            try:
                await adapter.wait_until_ready()
                assert len(adapter.gateway.dm_channels) == expected, f"shard {shard_id}"
                assert bool(adapter.periodic_jobs()) == (shard_id == 0)
            finally:
                await adapter.stop()

    run(body)
    assert stored(world) == {MEMBER: emu.dm_channel_id(MEMBER)}, "nothing written"


def test_the_dm_channel_of_a_member_who_asked_to_be_forgotten_is_deleted(
    world: World, emu: DiscordEmulator
) -> None:
    async def body() -> None:
        async with world.running() as adapter:
            for user in (MEMBER, OTHER):
                await world.dm(user, "hi")
                await world.dm(user, "ok")
            await world.dm(MEMBER, "forget")
            [done] = await world.dm(MEMBER, "yes, delete")
            assert done.startswith("Done — I've deleted everything about you.")
            [forget_strangers] = adapter.periodic_jobs()
            await forget_strangers.run()

    run(body)
    assert stored(world) == {OTHER: emu.dm_channel_id(OTHER)}
