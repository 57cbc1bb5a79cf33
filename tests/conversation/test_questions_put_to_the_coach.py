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


# ------------------------------------------------------------ "should i ask …?" to the coach


def test_should_i_ask_my_old_professor_is_answered_about_that_ask(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply] = chat.say("should i ask my old professor for a reference?")
    assert reply.startswith("Yes — that's a real ask: your old professor, a reference.")
    assert the_asks(sqlite_db) == []  # a question, not a plan: nothing recorded


def test_would_it_be_ok_to_ask_is_the_same_question(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply] = chat.say("would it be ok to ask my ex boss for a reference?")
    assert reply.startswith("Yes — that's a real ask: your ex boss, a reference.")


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


def test_a_cover_letter_question_gets_an_answer_not_a_shrug(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply] = chat.say("how long should my cover letter be?")
    assert reply.startswith("Short wins: three paragraphs, under a page — why this company")


def test_look_at_my_resume_turns_into_an_ask_of_a_person(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply] = chat.say("can you look at my resume?")
    assert reply.startswith("I can't read files — but a second pair of eyes is a great ask.")
    [plan] = chat.say("ask Omar to review my resume for the analyst role")
    assert plan.startswith("That's a real ask: Omar")


# ------------------------------------------------------------------- news said their own way


def test_i_know_someone_at_att_asks_who_not_for_names(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply] = chat.say("i know someone at AT&T")
    assert reply == (
        "Someone at AT&T is a great start. Who is it, and what will you ask them for — a "
        "referral, an intro to the team, or 15 minutes on what it's like there?"
    )
    assert "names of people" not in reply


def test_an_interview_thanks_to_dana_says_thank_dana(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply, *_] = chat.say("got an interview at stripe thanks to dana 🎉")
    assert reply == (
        "Congrats on the interview at Stripe! 🎉 Tell Dana: a two-line thank-you today, and "
        "word on how the interview goes, keep them in your corner."
    )


def test_thanks_to_you_is_no_person_to_thank(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply, *_] = chat.say("got an interview thanks to you!")
    assert reply.startswith("Congrats on the interview! 🎉")
    assert "Tell You" not in reply


# ------------------------------------------------- days off that can't be days off, and ones that can


def check_ins_ahead(db: Database) -> tuple[object, ...]:
    """What the member's break and days off are, as stored."""
    member = the_member(db)
    return member.paused_until, tuple(member.memory.get("skip_days", ()))


@pytest.mark.parametrize(
    "said",
    [
        "off march 13-9",  # the last day before the first
        "off feb 30 - mar 2",  # a day that doesn't exist
        "off march 9 to november 30",  # longer than six months
    ],
)
def test_dates_that_cant_be_a_break_change_nothing_and_say_why(
    sqlite_db: Database, said: str
) -> None:
    chat = at_the_morning_question(sqlite_db)
    before = check_ins_ahead(sqlite_db)
    [reply] = chat.say(said)
    assert reply.startswith("I couldn't read those dates as time off")
    assert "nothing has changed" in reply
    assert check_ins_ahead(sqlite_db) == before
    assert any("[2026-03-03 09:00]" in line for line in chat.advance("1d"))


def test_nine_to_five_is_not_a_week_off(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    before = check_ins_ahead(sqlite_db)
    [reply] = chat.say("i'm off 9-5")
    assert reply.startswith("Is that time off? Tell me the days")
    assert check_ins_ahead(sqlite_db) == before


def test_a_break_already_begun_runs_from_today(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db, start="2026-03-03T08:00")
    [reply] = chat.say("off march 1 to june 30, family stuff")
    assert reply.startswith("Paused until Wed 1 Jul.")


def test_off_till_the_20th_with_news_after_it_is_a_break(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    [reply] = chat.say("off till the 20th, visiting family in lagos ✈️")
    assert reply.startswith("Paused until Fri 20 Mar.")
