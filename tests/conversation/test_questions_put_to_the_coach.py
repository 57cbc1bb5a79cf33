"""Questions members put to the coach on the way to an ask — "should i ask my old professor for
a reference?", "should i tailor it for stripe?" — and news said their own way ("i know someone
at AT&T", "got an interview thanks to dana", "cheers, later!"): each gets an answer about
what they said, and nothing they didn't say is recorded.
"""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat, at_the_afternoon_question, at_the_morning_question, planned
from tests.support.kept import the_ask, the_asks, the_member


def check_ins_ahead(db: Database) -> tuple[object, ...]:
    """What the member's break and days off are, as stored."""
    member = the_member(db)
    return member.paused_until, tuple(member.memory.get("skip_days", ()))


# ------------------------------------------------------------------------------- goodbyes


def test_cheers_later_at_the_welcome_keeps_the_defaults_and_asks_nothing(
    sqlite_db: Database,
) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet()
    [reply] = chat.say("cheers, later!")
    assert reply == (
        "Talk soon! 👋 I'll check in mon-fri at 09:00 (America/Chicago) — `time 08:30` changes it."
    )
    [question] = chat.advance("1h")
    assert "What's your specific ask today" in question


def test_goodbyes_with_a_thanks_in_front_are_goodbyes(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "asking Dana for a referral at Stripe")
    first = chat.say("cheers, later!")
    second = chat.say("ok cheers bye")
    assert first == ["Bye for now! 👋"]
    assert second == ["Talk soon."]


# ------------------------------------------- one message at the morning question, one answer

ONE_ANSWER = [
    # "should i ask …?" to the coach: judged as that ask, and nothing recorded
    (
        "should i ask my old professor for a reference?",
        "Yes — that's a real ask: your old professor, a reference.",
    ),
    (
        "would it be ok to ask my ex boss for a reference?",
        "Yes — that's a real ask: your ex boss, a reference.",
    ),
    # resumes and cover letters: an answer, not a shrug
    (
        "how long should my cover letter be?",
        "Short wins: three paragraphs, under a page — why this company",
    ),
    (
        "can you look at my resume?",
        "I can't read files — but a second pair of eyes is a great ask.",
    ),
    # news said their own way
    (
        "i know someone at AT&T",  # (was "Who will you ask for the names of people at AT&T?")
        "Someone at AT&T is a great start. Who is it, and what will you ask them for — a "
        "referral, an intro to the team, or 15 minutes on what it's like there?",
    ),
    (
        "got an interview at stripe thanks to dana 🎉",
        "Congrats on the interview at Stripe! 🎉 Tell Dana: a two-line thank-you today, and "
        "word on how the interview goes, keep them in your corner.",
    ),
    ("got an interview thanks to you!", "Congrats on the interview! 🎉 It's a perfect moment"),
    # time off: numbers that aren't dates are asked about; a break with news after it is one
    ("i'm off 9-5", "Is that time off? Tell me the days"),
    ("off till the 20th, visiting family in lagos ✈️", "Paused until Fri 20 Mar."),
    # the parting words fit the reason (a sixth trial: "take care of yourself", "rest well")
    ("skip today pls, my son is sick 🤒", "I'm sorry — I hope your son feels better soon."),
    (
        "pause until april, exams",
        "Paused until Wed 1 Apr. Good luck with the exams — `resume` brings me back sooner.",
    ),
]


@pytest.mark.parametrize(("said", "answer"), ONE_ANSWER, ids=[said for said, _ in ONE_ANSWER])
def test_one_message_gets_its_own_answer_and_records_no_ask(
    chat: Chat, said: str, answer: str
) -> None:
    before = check_ins_ahead(chat.db)
    reply = chat.say(said)[0]
    assert reply.startswith(answer)
    assert the_asks(chat.db) == []
    if "Paused" not in answer:
        assert check_ins_ahead(chat.db) == before


# ------------------------------------------------------------ "should i ask …?" to the coach


def test_should_i_ask_her_means_the_person_just_planned(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "asking Dana for a referral at Stripe")
    [reply] = chat.say("should i ask her for a referral?")
    assert reply.startswith("Yes — that's a real ask: Dana, a referral at Stripe.")
    assert len(the_asks(sqlite_db)) == 1


# --------------------------------------------------------- resumes, cover letters, profiles


def test_tailoring_after_her_yes_is_about_stripe_and_dana(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "asking Dana for a referral at Stripe")
    chat.say("she said yes!")
    [reply] = chat.say("should i tailor it for stripe?")
    assert reply == (
        "Yes — tailor it for Stripe: put the job post's own words for its top three requirements "
        "in your summary and first bullets. Send Dana the tailored version and the job link, so "
        "the referral lands on the right role."
    )
    ask = the_ask(sqlite_db)
    assert (ask.status, ask.outcome) == (AskStatus.MADE, Outcome.YES)


def test_look_at_my_resume_turns_into_an_ask_of_a_person(chat: Chat) -> None:
    [reply] = chat.say("can you look at my resume?")
    assert reply.startswith("I can't read files — but a second pair of eyes is a great ask.")
    [plan] = chat.say("ask Omar to review my resume for the analyst role")
    assert plan.startswith("That's a real ask: Omar")


# ------------------------------------------------- days off that can't be days off, and ones that can


@pytest.mark.parametrize(
    "said",
    [
        "off march 13-9",  # the last day before the first
        "off feb 30 - mar 2",  # a day that doesn't exist
        "off march 9 to november 30",  # longer than six months
    ],
)
def test_dates_that_cant_be_a_break_change_nothing_and_say_why(chat: Chat, said: str) -> None:
    before = check_ins_ahead(chat.db)
    [reply] = chat.say(said)
    assert reply.startswith("I couldn't read those dates as time off")
    assert "nothing has changed" in reply
    assert check_ins_ahead(chat.db) == before
    assert any("[2026-03-03 09:00]" in line for line in chat.advance("1d"))


def test_a_break_already_begun_runs_from_today(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, start="2026-03-03T08:00")
    [reply] = chat.say("off march 1 to june 30, family stuff")
    assert reply.startswith("Paused until Wed 1 Jul.")
