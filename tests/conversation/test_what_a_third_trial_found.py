"""What the eleventh session put right: messages that had changed the wrong thing — a draft's
tone read as a new favour, the person to be introduced read as the person asked — each as the
member types it, with what the coach says and keeps.
"""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat, at_the_afternoon_question, at_the_morning_question, planned
from tests.support.kept import the_ask, the_member


def the_ask_text(db: Database) -> tuple[str, str | None]:
    ask = the_ask(db)
    return ask.text, ask.who


# ------------------------------------------------------------------ the draft and its tone


def test_a_draft_made_more_formal_is_a_new_draft_and_the_ask_stays(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "asking Dana for an intro to her manager at Stripe")
    chat.say("can you draft the message?")
    [reply] = chat.say("make it more formal")
    assert reply.startswith("Here's a more formal draft for Dana — change anything:\n“Dear Dana,")
    assert "introducing me to your manager at Stripe" in reply
    assert the_ask_text(sqlite_db) == ("asking Dana for an intro to her manager at Stripe", "Dana")


def test_more_casual_after_formal_is_the_short_one(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "asking Dana for an intro to her manager at Stripe")
    chat.say("can you draft the message?")
    chat.say("make it more formal")
    [reply] = chat.say("make it more casual pls")
    assert reply.startswith("Here's a short draft for Dana")
    assert "Hi Dana, would you be open to introducing me to your manager at Stripe?" in reply
    assert the_ask_text(sqlite_db)[0] == "asking Dana for an intro to her manager at Stripe"


# --------------------------------------------------- the person introduced, not the one asked


HER_VP = [
    # (the plan, what it is changed to by "make that her VP, Ruth Kim", who is asked now)
    (  # Dana introduces her VP: she is still the one asked
        "asking Dana for an intro to her manager at Stripe",
        "asking Dana for an intro to her VP Ruth Kim at Stripe",
        "Dana",
    ),
    (  # a referral is asked of the VP herself
        "asking Dana for a referral at Stripe",
        "asking Ruth Kim for a referral at Stripe",
        "Ruth Kim",
    ),
]


@pytest.mark.parametrize(("plan", "changed", "who"), HER_VP, ids=[who for _, _, who in HER_VP])
def test_her_vp_by_name_is_who_dana_introduces_or_who_is_asked(
    sqlite_db: Database, plan: str, changed: str, who: str
) -> None:
    chat = planned(sqlite_db, plan)
    [reply] = chat.say("wait actually make that her VP, Ruth Kim")
    assert reply == f"Changed: {changed}. I'll ask about {who} later."
    assert the_ask_text(sqlite_db) == (changed, who)


# ------------------------------------------------------------- time off that starts later


def days_written(lines: list[str]) -> list[str]:
    """The days the coach wrote, as "03-02", once each."""
    return list(dict.fromkeys(line[6:11] for line in lines if line.startswith("[")))


def test_off_next_week_said_on_monday_keeps_this_week(chat: Chat) -> None:
    [reply] = chat.say("i'm off next week, no check ins pls")
    assert reply == (
        "Got it — no check-ins Mon 9 – Fri 13 Mar; I'll be back Mon 16 Mar. Until then, as "
        "usual. Enjoy the time off!"
    )
    assert days_written(chat.advance("14d") + chat.advance("1h")) == [
        "03-03",
        "03-04",
        "03-05",
        "03-06",
        "03-16",
    ]
    assert the_member(chat.db).paused_until is None


def test_a_range_of_dates_is_those_days_only(chat: Chat) -> None:
    [reply] = chat.say("off march 9-13 for my sister's wedding")
    assert reply.startswith("Got it — no check-ins Mon 9 – Fri 13 Mar; I'll be back Mon 16 Mar.")
    [reply] = at_the_morning_question(chat.db, user="Bo").say("away from the 9th to the 13th")
    assert "no check-ins Mon 9 – Fri 13 Mar" in reply


def test_till_next_week_is_until_monday(chat: Chat) -> None:
    [reply] = chat.say("pause till next week")
    assert reply == "Paused until Mon 9 Mar. Rest well — `resume` brings me back sooner."


# ------------------------------------------- a fifth black-box trial (/work/trial5, part A)


DANA = "asking dana for a referral at stripe"


def test_a_drawn_out_yes_with_her_referral_is_her_yes(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    chat.say("yesss she's referring me 🎉🎉")
    ask = the_ask(sqlite_db)
    assert ask.status == AskStatus.MADE and ask.outcome == Outcome.YES


def test_a_yes_and_a_new_time_in_one_message_both_count(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    moved, thanks = chat.say("she said yes! also can we move the morning question to 8:30")
    assert moved.startswith("Done: check-ins mon-fri at 08:30")
    assert thanks.startswith("Great outcome.")
    assert the_ask(sqlite_db).outcome == Outcome.YES


def test_remind_me_to_thank_her_promises_nothing_it_wont_do(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    chat.say("she said yes")
    [reply] = chat.say("yes please remind me")
    assert reply.startswith("I can't set one-off reminders")
    assert "“Hi Dana, thank you so much for saying yes" in reply
    [reply] = chat.say("can you remind me to thank her")
    assert "I can't set one-off reminders" in reply


def test_waiting_and_a_question_is_made_and_answered(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    noted, advice = chat.say("waiting. what do i say to her in the follow up?")
    assert "I'll check in about Dana in a few days" in noted
    # the same day: not yet (it said "Yes, follow up" and then "give it until day 3 or 4")
    assert advice.startswith("Yes, but not yet — Dana has only just had it. Give it until day 3")
    ask = the_ask(sqlite_db)
    assert ask.status == AskStatus.MADE and ask.outcome == Outcome.WAITING


def test_people_known_at_two_companies_are_both_kept(chat: Chat) -> None:
    [reply] = chat.say("i know people at zalando and n26 if anyone needs an intro")
    assert reply.startswith("Noted: you know people at Zalando and N26.")
    with chat.db() as uow:
        assert [k.company for k in uow.known.for_member(1)] == ["Zalando", "N26"]


def test_skip_fridays_leaves_fridays_out(chat: Chat) -> None:
    assert chat.say("skip fridays") == [
        "Done: check-ins mon,tue,wed,thu at 09:00 (America/Chicago)."
    ]


def test_meh_at_five_is_kind_and_asks_again(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    [reply] = chat.say("meh")
    assert "did you make your ask" in reply and "One tiny ask" not in reply
