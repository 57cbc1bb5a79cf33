"""What a seventh black-box trial found (90 conversations written before any was run; 60 run
in the session, 30 kept for its end), and what trying the coach by hand found beside it: each
as the member typed it, with what the coach now says and keeps.
"""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat, at_the_afternoon_question
from tests.support.kept import the_ask, the_asks, the_member

PIECED_TOGETHER = [
    # (what the member typed, one message at a time; the coach's last answer)
    (  # tried by hand at the end: the person after a first clause ("ngl im blanking, …")
        ["ngl im blanking, maybe my ex coworker bisi? she moved to paystack", "lowkey a referral"],
        "That's a real ask: Bisi, a referral. Noted — good luck! I'll check in at 17:00.",
    ),
    (
        [
            "maybe my friend lucia? she works at spotify",
            "idk what would u ask her",
            "ok the referral one",
        ],
        "That's a real ask: Lucia, a referral at Spotify. Noted — good luck! I'll check in at 17:00.",
    ),
    (
        [  # the day said first is kept, and "then" is no part of the favour
            "having coffee with my old boss Frank on wednesday",
            "no idea what to ask him honestly, we just catch up every few months",
            "ok the intro to their new CFO then",
        ],
        "That's a real ask: Frank, an intro to their new CFO. Noted — good luck! I'll check in "
        "on Wednesday at 17:00.",
    ),
]


@pytest.mark.parametrize(
    ("said", "noted"), PIECED_TOGETHER, ids=[s[-1] for s, _ in PIECED_TOGETHER]
)
def test_a_plan_pieced_together_keeps_what_was_said_first(
    chat: Chat, said: list[str], noted: str
) -> None:
    *before, last = said
    for words in before:
        chat.say(words)
    assert chat.say(last) == [noted]


def test_the_follow_up_says_whom_not_the_whole_conversation(chat: Chat) -> None:
    chat.say("maybe my friend lucia? she works at spotify")
    chat.advance("8h")
    chat.say("no answer yet")
    [follow_up] = [line for line in chat.advance("3d") if "ago you asked" in line]
    assert "3 days ago you asked Lucia. Heard back from Lucia?" in follow_up


# ------------------------------------------------------------- news at the 17:00 question

NEWS_AT_FIVE = [
    # (the ask planned, what the member typed at 17:00, the reply begins, the outcome kept)
    (
        "ask Dana to refer me for the PM role at Stripe",
        "yess did it, she's submitting it tonight!!",  # (was "still open", asked again Tuesday)
        "Great outcome. A two-line thank-you to Dana today",
    ),
    (
        "ask Aisha for an intro to her boss at KPMG",
        "omg aisha already looped me in with her boss over email!!",  # (was a new ask)
        "Great outcome. A two-line thank-you to Aisha today",
    ),
]


@pytest.mark.parametrize(
    ("ask", "said", "begins"), NEWS_AT_FIVE, ids=[s for _, s, _ in NEWS_AT_FIVE]
)
def test_a_yes_in_their_words_at_five_is_a_yes(
    sqlite_db: Database, ask: str, said: str, begins: str
) -> None:
    chat = at_the_afternoon_question(sqlite_db, ask)
    [reply] = chat.say(said)
    assert reply.startswith(begins)
    done = the_ask(sqlite_db)
    assert (done.status, done.outcome) == (AskStatus.MADE, Outcome.YES)


def test_her_colleague_said_yes_when_she_couldnt_be_reached(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "ask Priya for a referral at Stripe")
    [reply] = chat.say(
        "couldnt reach priya but her colleague James said he'd intro me to the hiring manager"
    )
    assert reply.startswith("Noted: you asked James. Great outcome.")
    asks = {ask.who: (ask.status, ask.outcome) for ask in the_asks(sqlite_db)}
    assert asks == {
        "Priya": (AskStatus.DROPPED, None),
        "James": (AskStatus.MADE, Outcome.YES),
    }


# --------------------------------------------------------------------- the job, and not yet


def test_i_got_it_with_the_offer_is_the_job(chat: Chat) -> None:
    [reply, *_] = chat.say("GUYS I GOT IT. offer from Siemens Healthineers 🎉🎉")
    assert reply.startswith("Congratulations, Ana! 🎉")
    assert the_member(chat.db).hired_at is not None


def test_only_verbal_after_the_job_keeps_the_check_ins(chat: Chat) -> None:
    chat.say("i got the job!!!")
    [reply] = chat.say("wait its only verbal… can you keep the check ins going")
    assert reply.startswith("Got it — not signed yet, so we keep going until it is.")
    assert the_member(chat.db).hired_at is None


def test_keep_going_i_panicked_right_after_stop_takes_it_back(chat: Chat) -> None:
    chat.say("please stop messaging me")
    [reply] = chat.say("actually no wait, keep going, i panicked")
    assert reply.startswith("Welcome back! Check-ins are on")
    assert not the_member(chat.db).stopped


# ------------------------------------------------------------------------------- days off

DAYS_OFF = [
    # (said on Monday 2 March, the reply, the local dates left out)
    (
        "I'll be off from the 9th till the 13th, family wedding in Lagos 🎉",  # (was a pause)
        "Got it — no check-ins Mon 9 – Fri 13 Mar; I'll be back Mon 16 Mar. Until then, as "
        "usual. Enjoy the time off!",
        ["2026-03-09", "2026-03-13"],
    ),
    (
        "no check in this friday pls, my daughter's graduation 🎓",  # (was a vague plan)
        "Congratulations to her! 🎓 No check-in on Friday 6 March.",
        ["2026-03-06", "2026-03-06"],
    ),
    (
        "im taking april off entirely, burnt out",  # (was `pause 7` offered)
        "Got it — no check-ins Wed 1 – Thu 30 Apr; I'll be back Fri 1 May. Until then, as "
        "usual. Rest well — you've earned it.",
        ["2026-04-01", "2026-04-30"],
    ),
]


@pytest.mark.parametrize(("said", "reply", "span"), DAYS_OFF, ids=[s for s, _, _ in DAYS_OFF])
def test_days_off_said_their_way_leave_those_days_out(
    chat: Chat, said: str, reply: str, span: list[str]
) -> None:
    assert chat.say(said) == [reply]
    member = the_member(chat.db)
    skipped = member.memory.get("skip_days", [])
    assert [skipped[0], skipped[-1]] == span
    assert member.paused_until is None  # this week's check-ins still come


def test_a_sick_child_skips_today_kindly(chat: Chat) -> None:
    [reply] = chat.say("rough one, my little one has a fever, can we skip today")
    assert reply == (
        "I'm sorry — I hope your little one feels better soon. No ask needed; I'll be here "
        "tomorrow at 09:00."
    )
    assert not any("12:00" in line for line in chat.advance("4h"))  # no midday nudge


# ------------------------------------------------------ one message at the morning question

AT_THE_MORNING_QUESTION = [
    # (what the member typed, how the coach's answer begins)
    ("pls call me Bea, nobody calls me Ana lol", "Got it — I'll call you Bea from now on."),
    (
        "my neighbour Carol does HR at Kaiser, maybe her?",  # (was "Good question — I'm best…")
        "“my neighbour Carol does HR at Kaiser, maybe her?” — a good chance to ask. What will "
        "you ask Carol for",
    ),
    (
        "wait do i have to do this every single day??",
        "No — one ask a working day is the rhythm, not a rule, and `skip` is always fine.",
    ),
    ("who can actually see what i tell you here?", "Your DMs with me are private"),
    ("i'll do one tomorrow, promise 🙏", "No problem — skipping today. I'll ask again tomorrow"),
    ("can i see the report on how everyone else is doing?", "Each week the group's digest shows"),
    (
        "https://jobs.lever.co/figma/8c1f2a this is the one, who should i ask?",
        "For this Figma role: who do you know at Figma",
    ),
    (
        "can u give me an example ask for someone in nursing? i want to move into case management",
        "For a move into case management, two asks that work",
    ),
]


@pytest.mark.parametrize(
    ("said", "begins"), AT_THE_MORNING_QUESTION, ids=[s for s, _ in AT_THE_MORNING_QUESTION]
)
def test_said_at_the_morning_question_gets_its_own_answer(
    chat: Chat, said: str, begins: str
) -> None:
    [reply] = chat.say(said)
    assert reply.startswith(begins), reply


def test_a_question_then_the_plan_gets_the_answer_and_the_plan(chat: Chat) -> None:
    answer, noted = chat.say(
        "is it weird to message someone I only met once at a conference? was thinking of asking "
        "Ben Ortiz from the AWS summit for a 15 min chat about his team"
    )
    assert answer.startswith("Not rude")
    assert noted.startswith("That's a real ask: Ben Ortiz, a 15 min chat about his team.")


def test_the_time_from_tomorrow_and_todays_ask_are_both_done(chat: Chat) -> None:
    moved, noted = chat.say(
        "move me to 8am from tomorrow pls and today im asking Olu for 2 names at Flutterwave"
    )
    assert moved.startswith("Done: check-ins mon-fri at 08:00")
    assert noted.startswith("That's a real ask: Olu, 2 names at Flutterwave.")
    assert the_ask(chat.db).deadline == "today"  # ("tomorrow" was the move, not the ask's day)


def test_two_asks_one_of_a_brother_in_law(chat: Chat) -> None:
    [reply] = chat.say(
        "asking Hana for a referral at Shopify, and my brother in law Carlos to check my "
        "linkedin headline"
    )
    assert reply.startswith(
        "Two real asks: Hana, a referral at Shopify — and Carlos, a review of your linkedin headline."
    )
    assert [ask.who for ask in the_asks(chat.db)] == ["Hana", "Carlos"]


def test_targets_then_todays_ask_are_both_kept(chat: Chat) -> None:
    added, noted = chat.say(
        "add klarna and spotify to my list. todays ask: my old flatmate Jonas, an intro to "
        "someone on spotify's data team"
    )
    assert added == "Added Klarna and Spotify."
    assert noted.startswith("That's a real ask: Jonas, an intro to someone on Spotify's data team.")


# ------------------------------------------------------------------------ after the answer


def test_a_lead_who_runs_the_team_is_named_without_who(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "ask Naledi for a referral at Discovery")
    chat.say("made it")
    [reply] = chat.say("she cant refer me but said i should talk to Bongani who runs the team")
    assert "Bongani who" not in reply
    assert "tell me your ask of Bongani: “Ask Bongani for …”." in reply


THANKED_BY_NAME = [
    # (the ask that got a yes, how the suggested thank-you opens)
    ("ask Grace for a referral at BP", "“Thank you so much, Grace — "),
    # A title is kept with the name (found in a console: "Thank you so much, Dr —").
    ("ask Dr Walsh for a reference for the ICU job", "“Thank you so much, Dr Walsh — "),
    # A relation is no name to thank by (it gave "Thank you so much, my —").
    ("ask my old manager for a reference for the ICU job", "“Thank you so much — "),
]


@pytest.mark.parametrize(("ask", "thanks"), THANKED_BY_NAME)
def test_a_thank_you_card_sent_is_praised(sqlite_db: Database, ask: str, thanks: str) -> None:
    chat = at_the_afternoon_question(sqlite_db, ask)
    chat.say("made it")
    chat.say("said yes")
    assert chat.say("already sent a thank you card lol") == [
        "Lovely — a thank-you is how doors stay open. 🙌"
    ]
    [words] = chat.say("what do i even write tho, keep it short?")
    assert thanks in words


# ------------------------------------------------------------- the schedule, said by hand

SCHEDULE_AT_THE_WELCOME = [
    # (the answer to the welcome, the schedule kept) — tried by hand beside the trial
    ("sure 9 works but can we skip mondays", "tue,wed,thu,fri at 09:00"),  # (Mondays were kept)
    ("can u do evenings instead like 7", "mon-fri at 19:00"),  # (was 07:00)
    ("half ten works for me", "mon-fri at 10:30"),  # British "half ten" (part B: was not read)
    # (fourteenth session's console trial: "Sorry, I couldn't read a time in that")
    ("ok i guess 8 in the morning is fine", "mon-fri at 08:00"),
    ("7:30 in the evening please", "mon-fri at 19:30"),
]


@pytest.mark.parametrize(
    ("said", "kept"), SCHEDULE_AT_THE_WELCOME, ids=[s for s, _ in SCHEDULE_AT_THE_WELCOME]
)
def test_the_schedule_said_at_the_welcome_is_kept_as_meant(
    sqlite_db: Database, said: str, kept: str
) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet()
    [reply] = chat.say(said)
    assert reply.startswith(f"You're set: {kept} (America/Chicago).")


def test_not_the_right_person_but_two_names_gives_the_leads(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "ask Dana for a referral at Stripe")
    [reply] = chat.say("he said hes not the right person but gave me 2 names: leo and ana")
    assert reply.endswith(
        "Leo and Ana are warm leads now — tell me your ask of one: “Ask Leo for …”."
    )
    assert "who else could you ask" not in reply


# ---------------------------------------- part B, kept unseen until the end of the session


def test_skip_till_tomorrow_at_five_keeps_the_ask_for_tomorrow(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "ask Leon for a referral at SAP")
    [reply] = chat.say("skip, ill do it first thing tmrw")  # (was "Skipped", the ask dropped)
    assert reply.startswith("No worries. The ask of Leon is still open")
    assert the_ask(sqlite_db).status == AskStatus.OPEN


def test_organizer_words_for_settings_and_the_report_channel(chat: Chat) -> None:
    chat.admins.add("Ana")
    [settings] = chat.say("what are our group settings right now?")
    assert settings.startswith("Group settings: check-ins at 09:00")
    [moved] = chat.say("post the weekly digest in #job-hunters please")
    assert moved == "Group digests and reports will go to #job-hunters."


def test_a_copy_of_everything_stored_is_the_export(chat: Chat) -> None:
    [reply, *_] = chat.say("can i get a copy of everything you've stored about me")
    assert reply.startswith(
        "Here's everything I hold about you:\n{"
    )  # (was "I didn't quite get that")


def test_ill_for_i_will_is_not_illness(chat: Chat) -> None:
    [reply] = chat.say("skip, ill do it first thing tmrw")
    assert reply == "No problem — skipping today. I'll ask again tomorrow at 09:00."


def test_not_taking_juniors_is_a_no(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "ask Tomasz for a referral at Allegro")
    [reply] = chat.say("asked, he said theyre not taking juniors rn")
    assert "What happened?" not in reply  # (was asked again, nothing kept)
    assert (the_ask(sqlite_db).status, the_ask(sqlite_db).outcome) == (AskStatus.MADE, Outcome.NO)


def test_the_same_one_as_yesterday_not_done_is_that_ask_today(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "ask Femi for a referral at Andela")
    chat.say("not yet")
    chat.advance("16h")
    [reply] = chat.say("same one as yesterday, didnt get round to it")
    assert reply.startswith("Your ask of Femi is still open — today's the day for it.")


def test_whats_the_point_gets_why_and_the_way_out(chat: Chat) -> None:
    [reply] = chat.say("whats the point of this honestly")
    assert reply.startswith("Fair question.")
    assert "`pause 7` or `stop`" in reply


def test_not_in_the_evenings_for_ramadan_turns_the_five_oclock_question_off(
    sqlite_db: Database,
    chat: Chat,
) -> None:
    [reply] = chat.say(
        "during ramadan can you not message me in the evenings? the 5pm one is right before iftar"
    )
    assert reply.startswith("Done — no more afternoon question. The morning question stays")
    member = the_member(sqlite_db)
    assert member.checkin_time.hour == 9  # (the mornings were moved to 17:00)


def test_a_bit_later_like_half_ten_moves_the_mornings(chat: Chat) -> None:
    [reply] = chat.say("could you ping me a bit later in the mornings, like half ten?")
    assert reply.startswith("Done: check-ins mon-fri at 10:30")  # (was "Good question — …")
