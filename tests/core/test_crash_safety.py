"""A crash between receiving a message and replying leaves no half-applied conversation."""

from __future__ import annotations

from typing import Any

import pytest

from bot.conversation import Coach
from bot.messages import InboundMessage, OutboundMessage
from storage import Database
from storage.database import SqlUnitOfWork
from tests.core.test_first_day import onboarded
from tests.support.snapshot import snapshot


class Crash(RuntimeError):
    pass


class CrashingOutboxUnitOfWork(SqlUnitOfWork):
    """Everything real, except the process 'dies' when the reply is being queued."""

    def __enter__(self) -> Any:
        uow = super().__enter__()

        def crash(message: OutboundMessage, now: Any) -> bool:
            raise Crash("power cut")

        uow.outbox.add = crash  # type: ignore[method-assign]
        return uow


def test_crash_while_replying_leaves_conversation_as_before(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    chat.advance("1h")
    before = snapshot(sqlite_db, include_all=True)
    crashing = Coach(lambda: CrashingOutboxUnitOfWork(sqlite_db.engine), chat.clock)
    text = "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
    with pytest.raises(Crash):
        crashing.handle(InboundMessage(chat.sender(), text, event_id="Ev-crash"))
    assert snapshot(sqlite_db, include_all=True) == before

    # The platform retries the same event: it is handled in full, once.
    replies = chat.say(text, event_id="Ev-crash")
    assert replies[0].startswith("That's a real ask")
    with sqlite_db() as uow:
        assert len(uow.asks.for_member(1)) == 1
        member = uow.members.get(1)
        assert member is not None and member.state == "idle"
