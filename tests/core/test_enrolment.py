"""Enrolment by the organizer: everyone listed is greeted once; `forget` is respected."""

from __future__ import annotations

from bot.messages import Sender
from storage import Database
from tests.support.chat import Chat
from tests.support.snapshot import snapshot


def people(*names: str) -> list[Sender]:
    return [Sender("console", "club", n, n, timezone="America/Chicago") for n in names]


def test_enrolment_greets_each_new_person_once(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet("Ana")
    assert chat.coach.enroll(people("Ana", "Bob", "Cy")) == 2
    assert chat.coach.enroll(people("Ana", "Bob", "Cy")) == 0
    chat.say("ok")  # deliver
    greeted = [m.recipient for m in chat.gateway.sent if m.text.startswith("Hi ")]
    assert sorted(greeted) == ["Ana", "Bob", "Cy"]


def test_people_who_said_forget_are_not_enrolled_again(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet("Bob")
    chat.say("ok", user="Bob")
    chat.say("forget", user="Bob")
    chat.say("yes, delete", user="Bob")
    before = snapshot(sqlite_db, include_all=True)
    assert chat.coach.enroll(people("Bob")) == 0
    assert snapshot(sqlite_db, include_all=True) == before
    # Only a one-way hash is kept, not the id.
    assert "'Bob'" not in str(before["opt_outs"])
    # Writing to the coach again is opting back in.
    assert chat.say("hello", user="Bob")[0].startswith("Hi Bob!")
    with sqlite_db() as uow:
        community = uow.communities.find("console", "club")
        assert community is not None and community.id is not None
        assert uow.members.find(community.id, "Bob") is not None
    assert snapshot(sqlite_db)["opt_outs"] == []
