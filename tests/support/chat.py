"""A fake chat for transcript tests: real core, real storage, a fake clock, a recording door.

chat = Chat(db, start="2026-03-02T08:00", tz="America/Chicago")
chat.say("ok")                       -> the coach's replies, as text
chat.advance("1h")                   -> the check-ins delivered on the way, "[local] text"
chat.press("Made it")                -> press a button of the last message with choices

at_the_morning_question(db)          -> a member set up and just asked the morning question
planned(db, "Ask Dana for …")        -> … who answered it with that ask
at_the_afternoon_question(db, "…")   -> … and is being asked at 17:00 whether she made it
made_it(db, "…", "waiting")          -> … who said "made it", then (if given) how it went
(what the coach keeps, to assert on: tests/support/kept.py)
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from askcoach import bootstrap
from bot.clock import SimulatedClock
from bot.conversation import CoachSettings
from bot.messages import Choice, InboundMessage, OutboundMessage, Sender
from bot.schedule import parse_duration
from storage import Database

PLATFORM = "console"


@dataclass
class RecordingGateway:
    """Records what would go out; can be told to fail the next sends. `requests` counts
    every send the platform saw, failed or not."""

    sent: list[OutboundMessage] = field(default_factory=list)
    failures: list[Exception] = field(default_factory=list)
    requests: int = 0

    async def send(self, message: OutboundMessage) -> None:
        self.requests += 1
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(message)


class Chat:
    def __init__(
        self,
        db: Database,
        start: str,
        tz: str = "America/Chicago",
        user: str = "Ana",
        community: str = "club",
    ) -> None:
        zone = ZoneInfo(tz)
        self.db = db
        self.tz = tz
        self.community = community
        self.clock = SimulatedClock(datetime.fromisoformat(start).replace(tzinfo=zone))
        self.gateway = RecordingGateway()
        core = bootstrap.wire(
            db,
            self.clock,
            settings=CoachSettings(default_timezone=tz),
            gateways={PLATFORM: self.gateway},
        )
        self.coach = core.coach
        self.dispatcher = core.dispatcher
        self.user = user
        self.admins: set[str] = set()

    def sender(self, user: str | None = None) -> Sender:
        name = user or self.user
        return Sender(
            PLATFORM, self.community, name, name, timezone=self.tz, is_admin=name in self.admins
        )

    def _delivered_since(self, mark: int) -> list[OutboundMessage]:
        asyncio.run(self.dispatcher.deliver())
        return self.gateway.sent[mark:]

    def greet(self, user: str | None = None) -> list[str]:
        mark = len(self.gateway.sent)
        self.coach.greet(self.sender(user))
        return [m.text for m in self._delivered_since(mark)]

    def say(self, text: str, user: str | None = None, event_id: str | None = None) -> list[str]:
        mark = len(self.gateway.sent)
        self.coach.handle(InboundMessage(self.sender(user), text, event_id=event_id))
        return [m.text for m in self._delivered_since(mark)]

    def last_choices(self, user: str | None = None) -> tuple[Choice, ...]:
        name = user or self.user
        for message in reversed(self.gateway.sent):
            if message.recipient == name and message.choices:
                return message.choices
        return ()

    def press(self, label: str, user: str | None = None) -> list[str]:
        for choice in self.last_choices(user):
            if choice.label == label:
                return self.say(choice.value, user)
        raise AssertionError(f"no button {label!r} in {self.last_choices(user)}")

    def advance(self, duration: str) -> list[str]:
        """Move the clock, stopping at each due check-in; '[YYYY-MM-DD HH:MM] text' each."""
        delta = parse_duration(duration)
        assert delta is not None
        mark = len(self.gateway.sent)
        asyncio.run(self.dispatcher.advance(self.clock, self.clock.now() + delta))
        out = []
        for message in self.gateway.sent[mark:]:
            stamp = message.due_at.astimezone(ZoneInfo(self.tz)) if message.due_at else None
            prefix = f"[{stamp:%Y-%m-%d %H:%M}] " if stamp else ""
            out.append(prefix + message.text)
        return out

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(ZoneInfo(self.tz))


def at_the_morning_question(
    db: Database, start: str = "2026-03-02T08:00", user: str = "Ana", tz: str = "America/Chicago"
) -> Chat:
    """A member greeted at 08:00 who kept the 09:00 check-ins, just asked the morning question
    (on Monday 2 March 2026 unless `start` says otherwise)."""
    chat = Chat(db, start=start, user=user, tz=tz)
    chat.greet()
    chat.say("ok")
    [question] = chat.advance("1h")
    assert "What's your specific ask today" in question
    return chat


def planned(db: Database, ask: str, user: str = "Ana") -> Chat:
    """At the morning question, `ask` told (Monday 2 March, 09:00)."""
    chat = at_the_morning_question(db, user=user)
    chat.say(ask)
    return chat


def at_the_afternoon_question(db: Database, ask: str, user: str = "Ana") -> Chat:
    """`ask` planned at 09:00, and the 17:00 question ("Did you make your ask of …?") come."""
    chat = planned(db, ask, user=user)
    chat.advance("8h")
    return chat


def made_it(db: Database, ask: str, *then: str, user: str = "Ana") -> Chat:
    """`ask` planned at 09:00, "made it" said to the 17:00 question, then each of `then`."""
    chat = at_the_afternoon_question(db, ask, user=user)
    for said in ("made it", *then):
        chat.say(said)
    return chat
