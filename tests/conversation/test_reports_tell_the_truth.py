"""Organizers can trust every sentence: the report and the digest claim only what is so."""

from __future__ import annotations

import pytest

from storage import Database
from tests.support.chat import Chat


@pytest.fixture
def chat(sqlite_db: Database) -> Chat:
    """Olu runs the group (an admin) and is set up."""
    chat = Chat(sqlite_db, start="2026-03-02T08:00", user="Olu")
    chat.admins.add("Olu")
    chat.greet()
    chat.say("ok")
    return chat


def test_passive_only_and_never_set_up_members_are_listed(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.greet("Bea")
    chat.say("ok", user="Bea")
    chat.say("go to the meetup tonight", user="Bea")
    chat.say("not sure", user="Bea")  # keeps the plan as it is: passive
    chat.greet("Cy")  # never answers the welcome
    report = chat.say("report")[0]
    assert "Everyone planned a specific ask" not in report
    assert "only events, coffees or vague plans): Bea" in report
    assert "Never finished setting up: Cy" in report


def test_everyone_is_said_only_when_true(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    report = chat.say("report")[0]
    # planned, not made: the report says so, and never that anyone "made" an ask
    assert "Everyone planned a specific ask in the last 7 days." in report
    assert "Specific asks in the last 7 days: 1 planned, 0 made" in report
    chat.advance("9h")
    chat.press("Made it")
    assert "Specific asks in the last 7 days: 1 planned, 1 made" in chat.say("report")[0]


def test_share_names_on_shows_the_open_ask_in_the_digest(chat: Chat) -> None:
    chat.greet("Bea")
    chat.say("ok", user="Bea")
    chat.say("share names on", user="Bea")
    chat.say("Ask Raj Patel for a referral for the analyst job at Target", user="Bea")
    chat.advance("9h")
    chat.press("Made it", user="Bea")
    chat.press("Waiting to hear", user="Bea")  # made, still open until Raj answers
    chat.advance("7d")
    digest = chat.say("digest")[0]
    assert "• Bea: a referral at Target (asking Raj Patel)" in digest


def test_a_plan_still_being_coached_is_neither_silence_nor_counted(chat: Chat) -> None:
    """A seventh trial: Cleo said "go to a meetup" and was being coached; the report called her
    "no ask yet" beside a 100% specific share, as if she had said nothing."""
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.greet("Cleo")
    chat.say("ok", user="Cleo")
    chat.say("go to a meetup", user="Cleo")  # the coach asks who and for what; no answer yet
    report = chat.say("report")[0]
    assert (
        "Shaping a plan with the coach right now (not counted above until it's settled): Cleo"
        in (report)
    )
    assert "no ask yet: Cleo" not in report
    assert "Everyone planned a specific ask" not in report
    chat.say("not sure", user="Cleo")  # kept as it is: a passive plan, now counted
    report = chat.say("report")[0]
    assert "only events, coffees or vague plans): Cleo" in report
    assert "Shaping a plan" not in report
