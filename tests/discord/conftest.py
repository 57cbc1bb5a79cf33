"""The real discord.py client, through the askcoach Discord adapter, against the emulator.

`world` wires what `askcoach run` wires (core, dispatcher, Inbox, adapter) on a real SQLite
database with a simulated clock; `world.running()` starts a fresh adapter (a new bot process,
as far as Discord is concerned) and stops it afterwards.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from adapters.discord import DiscordAdapter, DiscordConfig
from askcoach import bootstrap
from askcoach.settings import Settings
from askcoach.stores import SqlDmChannelStore
from bot.clock import SimulatedClock
from bot.domain import Ask, Community, Member
from bot.messages import InboundMessage, Sender
from emulators.discord import (
    DiscordEmulator,
    InteractionResponse,
    RouteLimit,
    StoredMessage,
)
from storage import Database

MEMBER = 4242  # owner of the Job Club server
OTHER = 4343  # a plain member
COACH = 4444  # has the (permission-less) coach role
GUILD = 1001
CHANNEL = 2001
MANAGER_ROLE = 3001  # Manage Server
COACH_ROLE = 3002  # no permissions
START = "2026-03-02T08:00:00+00:00"  # a Monday, 08:00 UTC


def at(hhmm: str, days: int = 0) -> datetime:
    """`hhmm` UTC on the first day (START), or `days` later."""
    return datetime.fromisoformat(f"2026-03-02T{hhmm}:00+00:00") + timedelta(days=days)


@pytest.fixture
def emu() -> Iterator[DiscordEmulator]:
    # Discord allows 5 messages per 5 s in one channel; discord.py waits that out by itself
    # (the emulator's own tests prove it). Scripted days send more, so the limit is raised.
    limits = {("POST", "/channels/{channel_id}/messages"): RouteLimit(20, 5.0)}
    with DiscordEmulator(route_limits=limits) as emulator, emulator.patch_discord():
        emulator.add_user(MEMBER, "ada", global_name="Ada")
        emulator.add_user(OTHER, "bo", global_name="Bo")
        emulator.add_user(COACH, "cy", global_name="Cy")
        emulator.add_guild(
            GUILD,
            "Job Club",
            owner_id=MEMBER,
            members=[MEMBER, OTHER, COACH],
            roles=[
                {"id": MANAGER_ROLE, "name": "organizer", "permissions": "32"},
                {"id": COACH_ROLE, "name": "coach", "permissions": "0"},
            ],
            channels=[{"id": CHANNEL, "name": "job-club"}],
            member_roles={COACH: [COACH_ROLE]},
        )
        yield emulator
        assert emulator.internal_errors() == []


class World:
    """One deployment: database, clock, core, dispatcher, Inbox; adapters come and go."""

    def __init__(self, db: Database, emu: DiscordEmulator) -> None:
        self.db = db
        self.emu = emu
        self.clock = SimulatedClock(datetime.fromisoformat(START))
        core = bootstrap.wire(db, self.clock, charts=False)
        self.coach = core.coach
        self.dispatcher = core.dispatcher
        self.inbox = core.inbox()
        self.adapter: DiscordAdapter | None = None

    def settings(self) -> Settings:
        return Settings(database_url="sqlite://", tick_seconds=30, discord=self.config())

    def config(self) -> DiscordConfig:
        env = self.emu.env()
        return DiscordConfig(
            token=env["DISCORD_TOKEN"],
            api_url=env["DISCORD_API_URL"],
            gateway_url=env["DISCORD_GATEWAY_URL"],
        )

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[DiscordAdapter]:
        """A new bot process: a new adapter (new client) on the same database."""
        adapter = DiscordAdapter(
            self.config(),
            self.inbox,
            self.db,
            SqlDmChannelStore(self.db),
            guild_ready_timeout=0.05,
        )
        self.adapter = adapter
        self.dispatcher.gateways["discord"] = adapter.gateway
        await adapter.start()
        try:
            await adapter.wait_until_ready()
            yield adapter
            await self.settle()
        finally:
            await adapter.stop()

    # ---- waiting --------------------------------------------------------------------------

    async def settle(self, quiet: float = 0.05, timeout: float = 5.0) -> None:
        """Until nothing is being handled or delivered and the outbox is empty."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            await asyncio.sleep(quiet)
            busy = bool(self.inbox._deliveries)
            pending = await asyncio.to_thread(self.pending)
            if not busy and pending == 0:
                return
        raise TimeoutError("the outbox did not settle")

    def pending(self) -> int:
        """Messages waiting in the outbox (to send, or being sent)."""
        with self.db() as uow:
            return uow.outbox.pending_count()

    async def wait(self, check: Callable[[], Any], timeout: float = 5.0) -> Any:
        return await self.emu.wait_until_async(check, timeout)

    # ---- a member's side ------------------------------------------------------------------

    async def dm(self, user: int, text: str, message_id: int | None = None) -> list[str]:
        """Send a DM to the bot; the bot's DMs to `user` that it caused."""
        before = len(self.emu.dms_to(user))
        self.emu.dispatch("MESSAGE_CREATE", self.emu.dm_message(user, text, message_id))
        await self.wait(lambda: len(self.emu.dms_to(user)) > before)
        await self.settle()
        return [m.content for m in self.emu.dms_to(user)[before:]]

    async def interact(self, payload: dict[str, Any]) -> InteractionResponse:
        self.emu.dispatch("INTERACTION_CREATE", payload)
        return await self.emu.wait_for_interaction_response_async(int(payload["id"]))

    async def ephemeral_answer(self, payload: dict[str, Any]) -> str:
        """Send an interaction; its one answer, which only its author sees."""
        await self.interact(payload)
        await self.settle()
        [answer] = [
            m
            for m in self.emu.messages_to(int(payload["channel_id"]))
            if m.interaction_id == int(payload["id"])
        ]
        assert answer.ephemeral
        return answer.content

    async def slash(
        self, name: str, options: dict[str, Any] | None, user: int, guild: int | None = GUILD
    ) -> list[StoredMessage]:
        """Run a slash command; the messages of its answer (the deferred original first)."""
        payload = self.emu.slash_command(name, options, user, guild_id=guild)
        response = await self.interact(payload)
        await self.settle()
        assert response.message_id is not None, response
        await self.wait(lambda: not self.emu.message(response.message_id).flags & 128)
        iid = int(payload["id"])
        return [
            m
            for m in self.emu.messages_to(int(payload["channel_id"]))
            if m.interaction_id == iid and not m.deleted
        ]

    # ---- the database ---------------------------------------------------------------------

    def community(self, external_id: str) -> Community | None:
        with self.db() as uow:
            return uow.communities.find("discord", external_id)

    def member(self, user: int, community: str = str(GUILD)) -> Member | None:
        with self.db() as uow:
            found = uow.communities.find("discord", community)
            return None if found is None else uow.members.find(found.id or 0, str(user))

    def asks(self, user: int, community: str = str(GUILD)) -> list[Ask]:
        member = self.member(user, community)
        if member is None or member.id is None:
            return []
        with self.db() as uow:
            return uow.asks.for_member(member.id)

    def enrol(self, user: int, name: str, community: str = str(GUILD)) -> None:
        """Onboard a member straight through the core (as if they had said `ok` elsewhere);
        the replies wait in the outbox."""
        sender = Sender("discord", community, str(user), name)
        self.coach.greet(sender)
        self.coach.handle(InboundMessage(sender, "ok"))


@pytest.fixture
def world(sqlite_db: Database, emu: DiscordEmulator) -> World:
    return World(sqlite_db, emu)


def run(body: Callable[[], Any], timeout: float = 30.0) -> None:
    asyncio.run(asyncio.wait_for(body(), timeout))
