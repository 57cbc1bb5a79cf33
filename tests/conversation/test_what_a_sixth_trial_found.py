"""What a sixth black-box trial found (70 conversations written before they were run; 60
passed): each failure as the member typed it, with what the coach now says and keeps.
"""

from __future__ import annotations

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat, at_the_afternoon_question, at_the_morning_question, planned
from tests.support.kept import the_ask, the_asks, the_member


def test_not_fridays_at_the_welcome_keeps_the_other_days(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet()
    [reply] = chat.say("ok but not fridays, i have my little one all day fridays")
    assert reply.startswith("You're set: mon,tue,wed,thu at 09:00")
    assert the_member(sqlite_db).days == frozenset({0, 1, 2, 3})


def test_everyone_calls_me_annie_is_her_name_not_a_plan(chat: Chat) -> None:
    chat.say("stop for today")
    [reply] = chat.say("btw my name shows up as Ana but everyone calls me Annie")
    assert reply == "Got it — I'll call you Annie from now on."
    assert the_member(chat.db).name == "Annie"
    assert the_asks(chat.db) == []


def test_a_referral_that_waits_for_april_is_a_yes_that_waits(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "asking Dana for a referral at Stripe")
    [reply] = chat.say("did it! she says she'll refer me but not till april, hiring freeze")
    assert reply == (
        "A yes that waits is still a yes — thank Dana today. No point nudging before then — "
        "I'll check in about Dana on Wednesday 1 April."
    )
    ask = the_ask(sqlite_db)
    assert (ask.status, ask.outcome) == (AskStatus.MADE, Outcome.WAITING)
    assert "Part yes, part no" not in reply


def test_done_in_taglish_is_the_ask_made(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "asking Joy for a referral at Accenture")
    [reply] = chat.say("tapos na po, nag-message na ako kay Joy")
    assert reply.startswith("Nice — you asked. What happened?")
    assert the_ask(sqlite_db).status == AskStatus.MADE


def test_done_then_who_was_messaged_is_the_ask_made(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "asking Joy for a referral at Accenture")
    [reply] = chat.say("done, messaged joy")
    assert reply.startswith("Nice — you asked. What happened?")


def test_what_the_referral_is_for_said_after_it_is_added_to_it(chat: Chat) -> None:
    chat.say("reach out to Sarah")
    chat.say("referral i suppose?")
    [reply] = chat.say("for the analyst job at target")
    assert reply == (
        "Added — Sarah, a referral for the analyst job at Target. Now Sarah knows exactly what to "
        "say yes to."
    )
    ask = the_ask(chat.db)
    assert (ask.who, ask.company, ask.role) == ("Sarah", "Target", "analyst")


def test_the_draft_names_the_role_once(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "ask Dana Lee for a referral for the backend role at Stripe")
    [reply] = chat.say("can you write the message for me?")
    assert "would you be open to referring me for the backend role at Stripe?" in reply
    assert "for the referral" not in reply


def test_knowing_no_recruiters_gets_where_to_start(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "reach out to recruiters on linkedin")
    [reply] = chat.say("i dont really know any recruiters tbh")
    assert reply.startswith("Start with people who already know you")


def test_too_soon_to_follow_up_the_same_day_says_wait(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "asking Dana for a referral at Stripe")
    chat.say("waiting to hear")
    [reply] = chat.say("is it too soon to follow up?")
    assert reply.startswith("A little, yes — Dana has barely had time to read it.")
    assert "Yes, follow up" not in reply


def test_the_interview_thanks_to_dana_is_her_yes_and_news(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "asking Dana for a referral at Stripe")
    [reply] = chat.say("got the interview thanks to dana!!")
    assert reply.startswith("Congrats on the interview! 🎉 A two-line thank-you to Dana today")
    assert reply.endswith(
        "Then one ask to prepare: 15 minutes with someone on the team, or a mock interview."
    )
    ask = the_ask(sqlite_db)
    assert (ask.status, ask.outcome) == (AskStatus.MADE, Outcome.YES)


def test_the_friday_review_comes_after_the_afternoon_question(sqlite_db: Database) -> None:
    """The review used to come at 16:00 and say "0 made" before the 17:00 question had asked."""
    chat = at_the_morning_question(sqlite_db, start="2026-03-06T08:00")  # a Friday
    chat.say("asking Dana for a referral at Stripe")
    friday = chat.advance("9h")
    assert [line[:32] for line in friday] == [
        "[2026-03-06 17:00] Did you make ",
        "[2026-03-06 17:30] Your week, An",
    ]
    assert (
        "• 1 specific ask (Dana) · 0 made · 0 yes — today's ask of Dana still open" in (friday[1])
    )


def test_make_it_a_referral_keeps_the_person_and_the_company(sqlite_db: Database) -> None:
    """Was "Changed: today i want to ask my old manager kemi if she can intro me … — make that
    a referral" (and, with "her manager" in the ask, "an intro to a referral at Stripe")."""
    chat = planned(
        sqlite_db,
        "hey! so today i want to ask my old manager kemi if she can intro me to someone on the "
        "payments team at flutterwave",
    )
    [reply] = chat.say("actually make it a referral instead")
    assert reply == "Changed: Ask Kemi for a referral at flutterwave. I'll ask about Kemi later."
    assert (the_ask(sqlite_db).who, the_ask(sqlite_db).kind) == ("Kemi", "referral")
