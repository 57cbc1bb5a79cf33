"""What a tester found, playing members in the console without reading the code (eighth
session): each message here had changed the wrong thing — stopped every check-in, paused the
member for someone else's holiday, moved a Paris member to New York — or missed the point.
"""

from __future__ import annotations

import pytest

from bot.domain import AskStatus
from storage import Database
from tests.support.chat import Chat, at_the_afternoon_question, at_the_morning_question, planned
from tests.support.kept import the_ask, the_asks, the_member

MONDAY = "2026-03-02T08:00"  # Chicago


# ----------------------------------------------------------------- a part is not the whole


@pytest.mark.parametrize(
    "said", ["stop sending me the midday reminders", "can you stop with the noon message"]
)
def test_the_midday_reminder_goes_and_the_mornings_stay(chat: Chat, said: str) -> None:
    [reply] = chat.say(said)
    assert reply.startswith("Done — no more midday reminder. The morning question stays")
    assert not the_member(chat.db).stopped
    tuesday = chat.advance("28h")  # Tuesday 13:00
    assert any("Morning, Ana" in line for line in tuesday)
    assert not any("Still time for today's ask" in line for line in tuesday)
    [back] = chat.say("midday reminder back on")
    assert back.startswith("Done — the midday reminder is back: one short line")


def test_a_birthday_friday_is_left_out_and_nothing_else(chat: Chat) -> None:
    [reply] = chat.say("pls dont message me on my birthday friday lol")
    assert reply == "Happy birthday! 🎂 No check-in on Friday 6 March."
    assert not the_member(chat.db).stopped
    week = [line[:17] for line in chat.advance("7d") if line.startswith("[")]
    assert not any(stamp.startswith("[2026-03-06") for stamp in week)
    assert "[2026-03-05 09:00" in week and "[2026-03-09 09:00" in week


@pytest.mark.parametrize(
    ("said", "until"),
    [
        ("stop for this week", "Paused until Mon 9 Mar."),
        ("no more check-ins until april", "Paused until Wed 1 Apr."),
    ],
)
def test_a_stop_with_an_end_is_a_break(chat: Chat, said: str, until: str) -> None:
    [reply] = chat.say(said)
    assert reply.startswith(until)
    assert not the_member(chat.db).stopped


# ----------------------------------------------------------------- words that are not zones


def test_cest_parfait_keeps_the_paris_zone(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start=MONDAY, user="Amélie", tz="Europe/Paris")
    chat.greet()
    [reply] = chat.say("bonjour, 9h30 c'est parfait")
    assert reply.startswith("You're set: mon-fri at 09:30 (Europe/Paris).")


# ----------------------------------------------------------------- someone else away


def test_the_person_asked_on_holiday_never_pauses_the_member(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "Ask Bruno Costa for an intro to his friend at Mercado Livre")
    [reply] = chat.say("not yet, he is on holiday till thursday")
    assert "Paused" not in reply
    assert "I'll ask again on Thursday" in reply
    assert the_member(sqlite_db).paused_until is None
    assert any("Morning, Ana" in line for line in chat.advance("1d"))  # Tuesday goes on


def test_away_this_week_asks_again_next_week(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "Ask Leah for a referral at Monzo")
    [reply] = chat.say("Not yet, she's away this week")
    assert reply.endswith("I'll ask again on Monday at 17:00.")
    assert the_member(sqlite_db).paused_until is None


# ----------------------------------------------------------------- a break is a break


def test_no_heard_back_question_during_a_break(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "Ask Leah for a referral at Monzo")
    chat.say("yes")
    chat.say("no reply yet")  # a follow-up is planned for Thursday
    chat.say("ok maybe just pause a week")
    during = chat.advance("6d")
    assert not any("Heard back from Leah" in line for line in during)
    after = chat.advance("1d")  # Monday 9 March
    assert any(line.startswith("[2026-03-09 09:00] 7 days ago you asked") for line in after)
    assert the_ask(sqlite_db).status == AskStatus.MADE


def test_no_thank_you_note_for_someone_who_has_not_answered(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "Ask Jen Park for a referral at Stripe")
    chat.say("yes")
    [reply] = chat.say("she ghosted me")
    assert "thank-you" not in reply


# ----------------------------------------------------------------- the group's help, typed


def bob_knows_shopify(db: Database) -> Chat:
    """Ana at the morning question, and Bob, in her group, who knows people at Shopify."""
    chat = at_the_morning_question(db)
    bob = Chat(db, start=MONDAY, user="Bob")
    bob.greet()
    bob.say("ok")
    chat.say("know Shopify", user="Bob")
    return chat


def test_typed_yes_and_happy_to_help_work_like_the_buttons(sqlite_db: Database) -> None:
    chat = bob_knows_shopify(sqlite_db)
    [offer] = chat.say("who knows someone at Shopify?")
    assert offer.startswith("Someone in the group knows people at Shopify.")
    replies = chat.say("yes please")
    assert replies[-1] == "Asked. I'll tell you as soon as they answer."
    helped = chat.say("sure, happy to help!", user="Bob")
    assert helped[0].startswith("Thank you! I've told Ana you can help at Shopify.")
    assert any("Bob knows people at Shopify and can help" in m.text for m in chat.gateway.sent)
    assert the_asks(sqlite_db, 2) == []  # the helper's "happy to help" is no plan of Bob's


def test_a_yes_with_a_caveat_accepts_and_passes_the_caveat_on(sqlite_db: Database) -> None:
    chat = bob_knows_shopify(sqlite_db)
    chat.say("who knows someone at Shopify?")
    chat.say("yes please")
    helped = chat.say("sure, happy to help! but I only know people in sales there tbh", user="Bob")
    assert helped[0].startswith("Thank you! I've told Ana you can help at Shopify.")
    [to_ana] = [m.text for m in chat.gateway.sent if "Bob knows people at Shopify" in m.text]
    assert "They added: “I only know people in sales there tbh”." in to_ana


def test_a_typed_no_thanks_withdraws_and_a_later_yes_is_its_own(sqlite_db: Database) -> None:
    chat = bob_knows_shopify(sqlite_db)
    chat.say("who knows someone at Shopify?")
    assert chat.say("no thanks") == ["No problem — I won't ask."]
    chat.say("Ask Jen Park for a referral at Stripe")
    chat.advance("8h")  # "Did you make your ask of Jen Park?"
    assert chat.say("yes") == ["Nice — you asked. What happened?"]


# ----------------------------------------------------------------- big moments, small talk


def test_signed_today_is_the_job(chat: Chat) -> None:
    replies = chat.say("signed today!!! 🥳🥳")
    assert the_member(chat.db).hired_at is not None
    assert "I didn't quite get that" not in "\n".join(replies)


def test_an_interview_day_skips_the_ask_with_good_luck(sqlite_db: Database) -> None:
    [reply] = at_the_morning_question(sqlite_db).say(
        "no ask today, i have interview with itau at 14h, i am so nervous 😬"
    )
    assert reply.startswith("Good luck at your interview")
    assert "Who's one person" not in reply


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("sorry wrong chat 🙈", "No worries 🙂"),
        ("lol", "😄"),
        ("brb", "Take your time — I'm here."),
        ("cheers legend", "You're welcome! 🙌"),
    ],
)
def test_small_talk_gets_a_nod_and_is_never_a_plan(
    sqlite_db: Database, said: str, reply: str
) -> None:
    chat = planned(sqlite_db, "coffee with Theo")  # the coach asks what Ana will ask Theo for
    assert chat.say(said) == [reply]
    assert the_asks(sqlite_db) == []  # nothing glued into the plan


# ----------------------------------------------------------------- times asked for, asks taken back


@pytest.mark.parametrize(
    ("said", "time"),
    [
        ("could you message me later, like 11?", "11:00"),
        ("can we do afternoons instead", "13:00"),
    ],
)
def test_a_time_asked_for_later_is_set(sqlite_db: Database, said: str, time: str) -> None:
    [reply] = at_the_morning_question(sqlite_db).say(said)
    assert reply == f"Done: check-ins mon-fri at {time} (America/Chicago)."


@pytest.mark.parametrize(
    ("said", "time"),
    [
        ("is ok 9:30 for me?", "09:30"),
        ("Can i get 7pm", "19:00"),
        ("after lunch", "13:00"),
        ("um maybe later in the day? like 4", "16:00"),
    ],
)
def test_a_time_asked_for_while_setting_up_is_set(
    sqlite_db: Database, said: str, time: str
) -> None:
    chat = Chat(sqlite_db, start=MONDAY, user="Ana")
    chat.greet()
    assert chat.say(said)[0].startswith(f"You're set: mon-fri at {time} (America/Chicago).")


@pytest.mark.parametrize(
    "said", ["cancel the Jen ask, wrong person", "delete that ask", "scratch that"]
)
def test_a_plan_taken_back_is_cancelled(sqlite_db: Database, said: str) -> None:
    chat = planned(sqlite_db, "Ask Jen Park for a referral at Stripe")
    [reply] = chat.say(said)
    assert reply == "Cancelled: “Ask Jen Park for a referral at Stripe”. Who will you ask instead?"
    assert [a.status for a in the_asks(sqlite_db)] == [AskStatus.DROPPED]
    assert not any("Did you make your ask" in line for line in chat.advance("9h"))


@pytest.mark.parametrize(
    ("said", "begins"),
    [
        # the member away is a break (the person asked away is not: above)
        ("i'm on holiday till thursday", "Paused until Thu 5 Mar."),
        (
            "I will go to Osaka for family matter from tomorrow until Friday.",
            "Paused until Fri 6 Mar.",
        ),
        # big moments and a quiet spell
        ("final round next week at hubspot!", "Congrats on the final round"),
        (
            "sorry been slammed at my temp job, didn't see these",
            "No worries, Ana — good to have you back.",
        ),
        # not knowing and nerves get help, not a demand
        ("umm i dont know honestly", "Good asks are small and concrete"),
        (
            "i am feeling very nervous to ask people, what if they think i am begging",
            "Most people feel that",
        ),
        # coaching questions get answers
        ("how to say thanks to her properly?", "Short and specific beats long"),
        ("what do I say in the thank you note?", "Short and specific beats long"),
        ("how do I ask for a referral without being weird?", "Keep it short"),
        ("what should i say to a recruiter on linkedin?", "Keep it short"),
        ("should I ask for a referral or an intro?", "An intro is"),
        ("can I ask the same person twice?", "Yes — people who helped once"),
        ("is it rude to ask a stranger?", "Not rude"),
        ("how many asks should I do per week?", "One clear ask a working day"),
        ("is it ok to ask someone I haven't talked to in 5 years?", "Yes, it's fine."),
    ],
)
def test_one_message_at_the_morning_question_gets_its_one_reply(
    sqlite_db: Database, said: str, begins: str
) -> None:
    [reply] = at_the_morning_question(sqlite_db).say(said)
    assert reply.startswith(begins), reply


def test_a_member_thinking_of_giving_up_is_never_pointed_to_stop(chat: Chat) -> None:
    replies = chat.say("still nothing 😭 should i just give up")
    replies += chat.say("I've asked 5 people this month and nobody answers")
    assert not any("`stop`" in reply for reply in replies)
    assert replies[0].startswith("Don't give up")
    assert replies[1].startswith("That's common — many replies come only after one polite nudge")


def test_a_repeated_reply_is_marked_without_impatience(chat: Chat) -> None:
    [first] = chat.say("days mon,wed,fri")
    [again] = chat.say("days mon,wed,fri")
    assert first == "Done: check-ins mon,wed,fri at 09:00 (America/Chicago)."
    assert again == "Same as before: done: check-ins mon,wed,fri at 09:00 (America/Chicago)."


def test_a_call_with_a_lowercase_name_asks_what_to_ask_them(chat: Chat) -> None:
    [question] = chat.say("call w/ dave")
    assert "What will you ask Dave for" in question
    [recorded] = chat.say("intro to his cfo")
    assert recorded.startswith("That's a real ask: Dave, an intro to his cfo.")


def test_an_offer_that_fell_through_brings_the_check_ins_back(chat: Chat) -> None:
    chat.say("I got the job!!")
    assert the_member(chat.db).hired_at is not None
    [reply] = chat.say("wait actually the offer fell through 😞 can you keep checking in?")
    assert reply.startswith("I'm so sorry — that's a real blow")
    assert the_member(chat.db).hired_at is None
    assert any("Morning, Ana" in line for line in chat.advance("1d"))


def test_a_zone_switched_for_a_trip_switches_back(chat: Chat) -> None:
    [there] = chat.say("i'm in london this week for a conference, can you switch to london time")
    assert there == "Done: check-ins mon-fri at 09:00 (Europe/London)."
    [back] = chat.say("switch back pls")
    assert back == "Done: check-ins mon-fri at 09:00 (America/Chicago)."


# ----------------------------------------------------------------- the organizer's words


def test_an_organizer_in_plain_words(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start=MONDAY, user="Olu")
    chat.admins.add("Olu")
    chat.greet()
    chat.say("ok")
    chat.greet("Tom")
    chat.say("ok", user="Tom")
    [report] = chat.say("who went quiet?")
    assert report.startswith("Organizer report for")
    assert "Joined this week, no ask yet: Olu, Tom" in report
    assert "No specific ask in 7 days" not in report  # nobody has been here 7 days
    [errand] = chat.say("send everyone a reminder about tuesday's meeting")
    assert errand.startswith("I don't send announcements")
    [preview] = chat.say("what does the digest look like this week?")
    assert preview.startswith("Preview of the next digest (this week so far):\nWeekly digest")
    assert "(Mar 2–Mar 8)" in preview


def test_a_bare_hour_keeps_the_evening_of_an_evening_member(chat: Chat) -> None:
    chat.say("7pm")
    assert chat.say("8 is fine") == ["Done: check-ins mon-fri at 20:00 (America/Chicago)."]
    assert chat.say("8am please") == ["Done: check-ins mon-fri at 08:00 (America/Chicago)."]


def test_a_new_zone_after_the_morning_question_asks_no_second_one_that_day(
    sqlite_db: Database,
) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T05:00", user="Lars", tz="Europe/Stockholm")
    chat.greet()
    chat.say("6am")
    assert chat.advance("1h")[0].startswith("[2026-03-02 06:00] Morning, Lars!")
    chat.say("tz Europe/London")
    today = [line for line in chat.advance("17h") if "Morning, Lars" in line]
    assert today == []
