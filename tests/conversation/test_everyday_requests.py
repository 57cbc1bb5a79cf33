"""Everyday requests members make in their own words, as a new member's try found them: a plan
kept as it is, "remind me monday", no Friday review, a give taken back, the same person again,
and what the coach's own words mean. Each had got "I didn't quite get that", a coaching
question or a lecture, or changed the wrong thing.
"""

from __future__ import annotations

import pytest

from storage import Database
from tests.support.chat import at_the_morning_question
from tests.support.kept import the_member

WEDNESDAY = "2026-03-04T08:00"  # Chicago


def plans(db: Database) -> list[tuple[str, str | None, str]]:
    with db() as uow:
        return [(a.verdict, a.who, a.status.value) for a in uow.asks.for_member(1)]


# ----------------------------------------------------------------- a plan kept as it is


@pytest.mark.parametrize(
    "said",
    [
        "nah just coffee this time",
        "no ask, just catching up",
        "not asking him anything, just coffee",
        "just a catch up this time tbh",
    ],
)
def test_just_coffee_this_time_keeps_the_plan_without_another_question(
    sqlite_db: Database, said: str
) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    [question] = chat.say("coffee with Theo")
    assert "What will you ask Theo for" in question
    [reply] = chat.say(said)
    assert reply.startswith("Fair enough — enjoy the coffee with Theo.")
    assert "?" not in reply  # no more questions, and no lecture
    assert plans(sqlite_db) == [("passive", "Theo", "skipped")]
    # The next message is a new conversation, not glued onto the coffee.
    [thanks] = chat.say("thanks")
    assert "as a plan" not in thanks


# ----------------------------------------------------------------- "remind me monday"


@pytest.mark.parametrize(
    "said",
    ["remind me monday", "can you remind me on monday", "ask me again on monday pls"],
)
def test_remind_me_monday_waits_until_monday(sqlite_db: Database, said: str) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)  # a Wednesday
    [reply] = chat.say(said)
    assert reply == "No problem — I'll ask again on Monday at 09:00."
    delivered = chat.advance("5d")
    mornings = [line for line in delivered if "What's your specific ask" in line]
    assert [line[:17] for line in mornings] == ["[2026-03-09 09:00"]


def test_remind_me_monday_mid_plan_keeps_the_plan(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    chat.say("coffee with Theo")
    [reply] = chat.say("not yet, can you remind me monday")
    assert reply == "No problem — I'll keep “coffee with Theo” and ask again on Monday at 09:00."
    assert plans(sqlite_db) == [("passive", "Theo", "skipped")]
    [again] = chat.say("same as last time")
    assert "Theo" in again


def test_ask_me_again_next_week_is_monday(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    [reply] = chat.say("ask me again next week")
    assert reply == "No problem — I'll ask again on Monday at 09:00."


# ----------------------------------------------------------------- the Friday review


@pytest.mark.parametrize(
    "said",
    [
        "i dont want the friday review thing",
        "no more weekly summaries pls",
        "can you stop sending the friday recap",
        "turn off the weekly review",
    ],
)
def test_the_friday_review_can_be_turned_off_and_on(sqlite_db: Database, said: str) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    chat.say("Ask Jen Park for a referral at Stripe")
    [off] = chat.say(said)
    assert off == (
        "Done — no more Friday review. The morning question stays: mon-fri at 09:00 "
        "(America/Chicago). To have it back, say “Friday review on”."
    )
    friday = chat.advance("3d")
    assert not any("Your week, Ana" in line for line in friday)
    assert any("What's your specific ask" in line for line in friday)  # the mornings go on
    [on] = chat.say("can i have the friday review back")
    assert on == "Done — the Friday review is back: Fridays at 17:30 (America/Chicago)."
    chat.advance("5d")  # to Thursday's morning question, answered
    chat.say("skip today")
    assert any("Your week, Ana" in line for line in chat.advance("32h"))


def test_a_second_off_says_it_is_already_off(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    chat.say("no more weekly summaries pls")
    [again] = chat.say("stop the friday review")
    assert again.startswith("The Friday review is already off.")


# ----------------------------------------------------------------- a give taken back


def test_a_give_taken_back_is_deleted(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    chat.say("gave Omar an intro to my old boss")
    chat.say("gave Lu a review of her CV")
    [reply] = chat.say("delete the Omar thing, I didn't actually end up helping him")
    assert reply == "Removed your give: Omar an intro to my old boss. Gives now: 1."
    with sqlite_db() as uow:
        assert [g.text for g in uow.gives.for_member(1)] == ["Lu a review of her CV"]
    assert plans(sqlite_db) == []
    [none] = chat.say("remove the give to Omar")
    assert none.startswith("I have no give to Omar")


# ----------------------------------------------------------------- the same person again


def test_jen_again_she_never_replied_is_the_follow_up(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    chat.say("Ask Jen Park for a referral at Stripe")
    chat.advance("8h")  # 17:00: did you make it?
    chat.say("yes")
    chat.say("no reply yet")
    morning = chat.advance("16h")
    assert "What's your specific ask" in morning[-1]
    [reply] = chat.say("Jen again, she never replied")
    assert "Jen Park" in reply and "nudge" in reply.lower()
    assert "Who did you ask" not in reply


# ----------------------------------------------------------------- the coach's own words


@pytest.mark.parametrize(
    ("said", "begins"),
    [
        ("what does a nudge mean", "A nudge is"),
        ('What is "a nudge"? Sorry my English', "A nudge is"),
        ("what's a give?", "A give is"),
        ("what is a referral exactly", "A referral is"),
        ("whats the difference between an intro and a referral", "An intro is"),
        ("what is a streak", "Your streak counts"),
    ],
)
def test_what_the_coachs_words_mean(sqlite_db: Database, said: str, begins: str) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    [reply] = chat.say(said)
    assert reply.startswith(begins), reply
    assert plans(sqlite_db) == []


def test_asking_the_coach_to_stop_asking_is_a_joke_not_a_plan(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    [reply] = chat.say("my ask: ask you to stop asking me lol")
    assert "pause" in reply and "stop" in reply
    assert plans(sqlite_db) == []


def test_remind_me_on_friday_to_thank_priya_is_not_a_day_off(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, WEDNESDAY)
    [reply] = chat.say("can you remind me on Friday to thank Priya")
    assert "No problem — I'll ask again" not in reply
    assert the_member(sqlite_db).paused_until is None


def test_not_yet_remind_me_monday_to_heard_back_follows_up_on_monday(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)  # a Monday
    chat.say("Ask Jen Park for a referral at Stripe")
    chat.advance("8h")
    chat.say("yes")
    chat.say("no reply yet")
    assert any("Heard back from Jen Park?" in line for line in chat.advance("3d"))  # Thursday
    [reply] = chat.say("not yet, can you remind me monday")
    assert reply == "No reply yet — noted. I'll ask you about Jen Park again on Monday."
    later = [line for line in chat.advance("4d") if "Heard back from Jen Park?" in line]
    assert [line[:17] for line in later] == ["[2026-03-09 09:00"]
