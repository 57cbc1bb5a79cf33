"""What the coach keeps about a member, read back for a test's assertions (member 1, the first
to talk to the coach, unless `member_id` says otherwise).

the_member(db)   -> the member's record (preferences, pauses, memory)
the_asks(db)     -> the member's asks, oldest first
the_ask(db)      -> the member's only ask (fails if there are none or more than one)
"""

from __future__ import annotations

from bot.domain import Ask, Member
from storage import Database


def the_member(db: Database, member_id: int = 1) -> Member:
    with db() as uow:
        member = uow.members.get(member_id)
        assert member is not None
        return member


def the_asks(db: Database, member_id: int = 1) -> list[Ask]:
    with db() as uow:
        return uow.asks.for_member(member_id)


def the_ask(db: Database, member_id: int = 1) -> Ask:
    """The member's only ask."""
    [ask] = the_asks(db, member_id)
    return ask
