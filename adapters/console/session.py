"""`askcoach console`: one message per line; lines starting with `:` drive the clock.

:advance 90m | :advance 1d   move the simulated clock, delivering every check-in on the way
:now                         print the simulated local time
:as NAME                     talk as another member of the same local community
:quit                        leave
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.clock import SimulatedClock
from bot.conversation import Coach
from bot.dispatcher import Dispatcher
from bot.messages import Choice, InboundMessage, OutboundMessage, Sender
from bot.ports import Clock, UnitOfWorkFactory
from bot.schedule import parse_duration, timezone_or_none
from bot.text import normalise_text

PLATFORM = "console"
COMMUNITY = "local"
CHANNEL = "job-club"


@dataclass
class _Speaker:
    name: str
    timezone: str


class ConsoleGateway:
    """Prints outgoing messages: `coach: …`, check-ins with the local time they fell due,
    channel posts as `[YYYY-MM-DD HH:MM] #channel: …`."""

    def __init__(
        self, db: UnitOfWorkFactory, out: TextIO, active: Callable[[], str], clock: Clock
    ) -> None:
        self._db = db
        self._clock = clock
        self._out = out
        self._active = active
        self.last_choices: dict[str, tuple[Choice, ...]] = {}

    async def send(self, message: OutboundMessage) -> None:
        zone = self._zone_for(message)
        stamp = ""
        when = message.due_at
        if when is None and message.channel is not None:
            when = self._clock.now()  # channel posts always show when they were posted
        if when is not None and zone is not None:
            stamp = f"[{when.astimezone(zone):%Y-%m-%d %H:%M}] "
        if message.channel is not None:
            self._out.write(f"{stamp}#{message.channel}: {message.text}\n")
        else:
            who = message.recipient or ""
            arrow = "" if who == self._active() else f" → {who}"
            self._out.write(f"{stamp}coach{arrow}: {message.text}\n")
            if message.choices:
                self._out.write(
                    "       " + "  ".join(f"[{c.label}]" for c in message.choices) + "\n"
                )
            self.last_choices[who] = message.choices
        if message.attachment_name:
            self._out.write(f"       (attachment: {message.attachment_name})\n")
        self._out.flush()

    def _zone_for(self, message: OutboundMessage) -> ZoneInfo | None:
        with self._db() as uow:
            if message.member_id is not None:
                member = uow.members.get(message.member_id)
                if member is not None:
                    return ZoneInfo(member.timezone)
            community = uow.communities.get(message.community_id)
            return ZoneInfo(community.timezone) if community else None


class ConsoleSession:
    """Reads lines, hands them to the coach, and prints what the outbox delivers."""

    def __init__(
        self,
        coach: Coach,
        dispatcher: Dispatcher,
        db: UnitOfWorkFactory,
        clock: Clock,
        *,
        user: str,
        timezone: str,
        out: TextIO = sys.stdout,
        echo: bool = False,
    ) -> None:
        """The core comes wired (askcoach.bootstrap.console); a SimulatedClock makes
        `:advance` work. The session adds its gateway to `dispatcher`."""
        self.db = db
        self.out = out
        self.echo = echo
        self.simulated = isinstance(clock, SimulatedClock)
        self.clock = clock
        self.speaker = _Speaker(user, timezone)
        self.organizer = user  # the person who started the console runs the local group
        self.coach = coach
        self.gateway = ConsoleGateway(db, out, lambda: self.speaker.name, self.clock)
        self.dispatcher = dispatcher
        self.dispatcher.gateways[PLATFORM] = self.gateway

    def _sender(self) -> Sender:
        return Sender(
            platform=PLATFORM,
            community_id=COMMUNITY,
            user_id=self.speaker.name,
            name=self.speaker.name,
            timezone=self.speaker.timezone,
            is_admin=self.speaker.name == self.organizer,
        )

    async def start(self) -> None:
        """Greet the member (onboarding on first contact) and deliver anything due."""
        self.coach.greet(self._sender())
        self._ensure_channel()
        await self.dispatcher.deliver()

    def _ensure_channel(self) -> None:
        """The local group posts to #job-club unless its organizer chose another channel."""
        with self.db() as uow:
            community = uow.communities.find(PLATFORM, COMMUNITY)
            if community is not None and community.report_channel is None:
                community.report_channel = CHANNEL
                community.name = "Job Club"
                uow.communities.save(community)
                uow.commit()

    async def handle_line(self, line: str) -> bool:
        """Handle one input line; False when the session should end."""
        line = normalise_text(line.rstrip("\r\n"))  # the console's door
        if self.echo:
            self.out.write(f"{self.speaker.name}: {line}\n")
        if line.startswith(":"):
            return await self._control(line[1:].strip())
        text = self._choice_value(line)
        self.coach.handle(InboundMessage(sender=self._sender(), text=text))
        await self.dispatcher.deliver()
        return True

    def _choice_value(self, line: str) -> str:
        """Typing a button's label (or its number) presses it."""
        choices = self.gateway.last_choices.get(self.speaker.name, ())
        typed = line.strip().lower()
        for number, choice in enumerate(choices, start=1):
            if typed in (choice.label.lower(), str(number)):
                return choice.value
        return line

    async def _control(self, command: str) -> bool:
        verb, _, arg = command.partition(" ")
        if verb in ("quit", "exit", "q"):
            return False
        if verb == "now":
            zone = ZoneInfo(self._member_zone())
            self.out.write(f"{self.clock.now().astimezone(zone):%Y-%m-%d %H:%M %Z}\n")
        elif verb == "advance":
            delta = parse_duration(arg)
            if delta is None or delta <= timedelta(0):
                self.out.write("Try `:advance 90m`, `:advance 2h` or `:advance 1d`.\n")
            elif not isinstance(self.clock, SimulatedClock):
                self.out.write("The clock is real here; start `askcoach console --at …`.\n")
            else:
                await self.advance(delta)
        elif verb == "as":
            name = " ".join(arg.split())
            if not name or len(name) > 40:
                self.out.write("Try `:as Bob`.\n")
            else:
                self.speaker = _Speaker(name, self.speaker.timezone)
                self.out.write(f"(now talking as {name})\n")
                self.coach.greet(self._sender())
                await self.dispatcher.deliver()
        else:
            self.out.write("Console commands: :advance 90m, :now, :as NAME, :quit\n")
        self.out.flush()
        return True

    def _member_zone(self) -> str:
        with self.db() as uow:
            community = uow.communities.find(PLATFORM, COMMUNITY)
            if community is not None and community.id is not None:
                member = uow.members.find(community.id, self.speaker.name)
                if member is not None:
                    return member.timezone
        return self.speaker.timezone

    async def advance(self, delta: timedelta) -> None:
        """Move the simulated clock, delivering every check-in that falls due on the way."""
        assert isinstance(self.clock, SimulatedClock)
        await self.dispatcher.advance(self.clock, self.clock.now() + delta)

    async def run(self, stdin: TextIO) -> None:
        """The read loop; ends at end of input or `:quit`."""
        await self.start()
        loop = asyncio.get_running_loop()
        interactive = stdin.isatty()
        while True:
            if interactive:
                self.out.write("> ")
                self.out.flush()
            line = await loop.run_in_executor(None, _read_line, stdin)
            if not line or not await self.handle_line(line):
                break


def _read_line(stdin: TextIO) -> str:
    """One line of input, whatever its bytes: what is not UTF-8 becomes U+FFFD (a terminal
    in another encoding, a pasted binary), never an exception."""
    raw = getattr(stdin, "buffer", None)
    if raw is None:  # a text stream without bytes underneath (tests)
        return stdin.readline()
    data: bytes = raw.readline()
    return data.decode("utf-8", errors="replace")


def parse_start(value: str, timezone: str) -> datetime:
    """`--at` as ISO-8601; a time without offset is local to `--tz`."""
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        zone = timezone_or_none(timezone)
        if zone is None:
            raise ValueError(f"unknown timezone {timezone!r}")
        parsed = parsed.replace(tzinfo=zone)
    return parsed
