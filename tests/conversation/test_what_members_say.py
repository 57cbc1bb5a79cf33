"""What members really type, over several simulated days: the coach understands it.

Each test is a chat transcript through the real core and storage with a fake clock (the
console's door); the messages are the ones new members typed in the trials the issue lists.
"""

from __future__ import annotations

import itertools

import pytest

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat
from tests.support.kept import the_ask, the_asks, the_member

MONDAY = "2026-03-02T08:00"  # Chicago


def onboarded(db: Database, start: str = MONDAY, user: str = "Ana") -> Chat:
    chat = Chat(db, start=start, user=user)
    chat.greet()
    chat.say("ok")
    return chat


@pytest.fixture
def chat(sqlite_db: Database) -> Chat:
    """Ana, set up at 08:00 on Monday 2 March: the morning question is an hour away."""
    return onboarded(sqlite_db)


def welcomed(db: Database, user: str = "Ana", community: str = "club") -> Chat:
    """A new member who has just had the welcome and the schedule question."""
    chat = Chat(db, start=MONDAY, user=user, community=community)
    chat.greet()
    return chat


@pytest.fixture
def newcomer(sqlite_db: Database) -> Chat:
    """Ana, welcomed at 08:00 on Monday 2 March and not yet set up."""
    return welcomed(sqlite_db)


def asks(db: Database, member_id: int = 1) -> list[tuple[str, str | None, str, str | None]]:
    with db() as uow:
        return [
            (a.verdict, a.who, a.status.value, a.outcome.value if a.outcome else None)
            for a in uow.asks.for_member(member_id)
        ]


def all_texts(chat: Chat) -> str:
    return "\n".join(m.text for m in chat.gateway.sent)


# ----------------------------------------------------------------------- onboarding


def test_onboarding_understands_times_in_words_and_never_blocks(newcomer: Chat) -> None:
    [hello] = newcomer.say("hey")
    assert "Does 09:00 (America/Chicago) work" in hello
    [set_up] = newcomer.say("9am is fine i guess")
    assert set_up.startswith("You're set: mon-fri at 09:00 (America/Chicago)")
    # The first day is not lost: the morning question comes an hour later.
    [morning] = newcomer.advance("1h")
    assert morning.startswith("[2026-03-02 09:00] Morning, Ana!")


def test_a_city_and_a_time_in_words(sqlite_db: Database) -> None:
    [reply] = welcomed(sqlite_db, "Lupe").say("mexico city 8am please")
    assert reply.startswith("You're set: mon-fri at 08:00 (America/Mexico_City)")
    assert "07:45 (America/Chicago)" in welcomed(sqlite_db, "Bea").say("can you do 7:45 instead")[0]
    assert "08:30 (America/Chicago)" in welcomed(sqlite_db, "Cy").say("8:30 central")[0]


def test_whenever_keeps_the_default_and_an_evening_check_in_says_evening(
    sqlite_db: Database,
) -> None:
    [kept] = welcomed(sqlite_db).say("whenever works")
    assert kept.startswith("You're set: mon-fri at 09:00 (America/Chicago)")
    chat = welcomed(sqlite_db, "Mei", community="other")
    chat.say("evenings are better")
    [later] = chat.say("wait can you do 7pm")
    assert later.startswith("Done: check-ins mon-fri at 19:00")
    assert chat.advance("12h")[-1].startswith("[2026-03-02 19:00] Evening, Mei! What's your")


def test_one_day_asked_off_is_taken_off(chat: Chat) -> None:
    [off] = chat.say("can u stop messaging me on fridays")
    assert off == "Done: check-ins mon,tue,wed,thu at 09:00 (America/Chicago)."
    [again] = chat.say("stop messaging me on fridays")
    assert again.endswith("that day is already off.")
    assert the_member(chat.db).days == frozenset({0, 1, 2, 3})


def test_two_unreadable_replies_keep_the_defaults_and_move_on(newcomer: Chat) -> None:
    [first] = newcomer.say("hmm")
    assert "couldn't read a time" in first
    [second] = newcomer.say("hmm")
    assert second.startswith("I'll keep the defaults for now: mon-fri at 09:00")
    assert "`time 08:30`" in second


def test_an_ask_during_onboarding_is_kept_and_coached(newcomer: Chat) -> None:
    replies = newcomer.say("coffee with my old coworker mike")
    assert "I'll check in mon-fri at 09:00" in replies[0]
    # The coffee is with someone: the coach asks what the member will ask them for.
    assert "What will you ask Mike for" in replies[1]
    assert "Let's finish setting up" not in "\n".join(replies)


def test_a_member_who_never_answers_the_welcome_still_gets_the_first_morning(
    newcomer: Chat,
) -> None:
    [morning] = newcomer.advance("1h")
    assert morning.startswith("[2026-03-02 09:00] Morning, Ana!")
    assert newcomer.say("Ask Jen Park for an intro to her manager at Medtronic")[0].startswith(
        "That's a real ask: Jen Park"
    )


# ----------------------------------------------------------------------- typed answers


def test_typed_answers_to_the_afternoon_question(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.advance("9h")  # 17:00: "Did you make your ask of Jen Park?"
    [what_happened] = chat.say("yes i did")
    assert what_happened == "Nice — you asked. What happened?"
    [thanks] = chat.say("he say yes!!")
    assert thanks.startswith("Great outcome. A two-line thank-you to Jen Park")
    assert asks(chat.db) == [("specific", "Jen Park", "made", "yes")]
    assert "lecture" not in thanks and "fine place to ask" not in all_texts(chat)


def test_not_yet_tomorrow_asks_again_the_next_working_day(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-06T08:00")  # a Friday
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.advance("9h")
    [reply] = chat.say("not yet, tomorrow")
    # Her days are mon-fri: "tomorrow" is Monday, and it is "did you make it?", not "heard back?".
    assert reply.endswith("I'll ask again on Monday at 17:00.")
    delivered = chat.advance("3d")
    assert not any(line.startswith(("[2026-03-07", "[2026-03-08")) for line in delivered)
    assert delivered[-1] == "[2026-03-09 17:00] Did you make your ask of Jen Park?"
    assert not any("Heard back" in line for line in delivered)


def test_no_reply_yet_and_a_follow_up_only_after_the_ask_was_made(chat: Chat) -> None:
    chat.say("Ask Raj Patel for a referral for the analyst job at Target")
    chat.advance("9h")
    chat.say("sent it this morning")
    [reply] = chat.say("no reply yet")
    assert reply.startswith("Asking was the hard part. I'll check in about Raj Patel")
    assert asks(chat.db) == [("specific", "Raj Patel", "made", "waiting")]
    follow_up = [line for line in chat.advance("3d") if "Heard back" in line]
    assert len(follow_up) == 1 and "Heard back from Raj Patel?" in follow_up[0]


def test_made_it_typed_the_next_morning_applies_to_the_open_ask(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.advance("9h")  # the afternoon question goes unanswered
    chat.advance("16h")  # the next morning's question
    [reply] = chat.say("Made it")
    assert reply.startswith("(That's for your ask of Jen Park.) Nice — you asked.")
    [thanks] = chat.say("she said yes 😊")
    assert "thank-you to Jen Park" in thanks
    assert asks(chat.db)[0][2:] == ("made", "yes")


def test_button_labels_and_odd_names_are_never_people(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, user="ama")
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.advance("9h")
    assert chat.say("Made it") == ["Nice — you asked. What happened?"]
    assert chat.say("Said yes")[0].startswith("Great outcome. A two-line thank-you to Jen Park")
    # Typed with nothing pending, the labels still mean what they say.
    assert "Said" not in str(asks(sqlite_db)) and "Made" not in str(asks(sqlite_db))


def test_should_i_follow_up_gets_the_follow_up_advice(chat: Chat) -> None:
    chat.say("Ask Jess Moreno for a referral for the UX role at Figma")
    chat.advance("9h")
    chat.press("Made it")
    chat.press("Waiting to hear")
    chat.advance("2d")
    [advice] = chat.say("jess never replied btw, should i bug her?")
    assert advice.startswith("Yes, follow up with Jess Moreno.")
    assert "nudge" in advice.lower() or "bumping" in advice
    assert len(asks(chat.db)) == 1  # not taken as a new plan


def two_asks_today(db: Database) -> Chat:
    """Ana planned two asks on Monday; at 17:00 the coach asks about the newer one (Lu)."""
    chat = onboarded(db)
    chat.say("ask Jen for a referral at Stripe")
    chat.say("also ask Lu to review my resume")
    delivered = chat.advance("9h")
    assert delivered[0] == (
        "[2026-03-02 09:00] Morning, Ana! Today's asks are already set — Jen and Lu. Good luck; "
        "I'll check in later."
    )
    assert delivered[-1] == "[2026-03-02 17:00] Did you make your ask of Lu?"
    return chat


@pytest.mark.parametrize(
    ("message", "jen", "lu"),
    [
        ("Jen said yes, Lu said no", "yes", "no"),
        ("Lu said no but Jen said yes!!", "yes", "no"),
        ("Jen said yes and Lu said no", "yes", "no"),
        ("Jen said yes! Lu hasn't replied yet", "yes", "waiting"),
        ("asked both. jen said yes, still waiting on lu", "yes", "waiting"),
        ("Jen and Lu both said yes", "yes", "yes"),
        ("asked jen and lu, both said yes 🎉", "yes", "yes"),
        ("jen yes, lu no", "yes", "no"),
        ("both done!", None, None),
        ("both said yes", "yes", "yes"),
        ("did both, Lu said no", None, "no"),
        ("I asked Jen and Lu", None, None),
    ],
)
def test_news_of_two_asks_in_one_message_records_both(
    sqlite_db: Database, message: str, jen: str | None, lu: str | None
) -> None:
    chat = two_asks_today(sqlite_db)
    [reply] = chat.say(message)
    assert reply.startswith("You asked 2 people — that's the habit.")
    assert asks(sqlite_db) == [
        ("specific", "Jen", "made", jen),
        ("specific", "Lu", "made", lu),
    ]
    if jen == "yes":
        assert "• Jen: yes! A two-line thank-you today" in reply


def test_news_of_one_ask_named_anywhere_is_that_ask(sqlite_db: Database) -> None:
    chat = two_asks_today(sqlite_db)
    [said, again] = chat.say("oh and Jen said yes btw")
    assert said.startswith("(That's for your ask of Jen.) Great outcome.")
    assert again == "And did you make your ask of Lu?"


def test_the_follow_up_quotes_the_ask_without_its_also(sqlite_db: Database) -> None:
    chat = two_asks_today(sqlite_db)
    chat.say("I asked Jen and Lu")
    follow_ups = [line for line in chat.advance("3d") if "ago you asked" in line]
    assert any(
        "ago you asked Lu for a review of your resume. Heard back from Lu?" in line
        for line in follow_ups
    )
    assert not any("also" in line for line in follow_ups)


def test_a_name_in_passing_does_not_take_the_news(sqlite_db: Database) -> None:
    chat = two_asks_today(sqlite_db)
    [said] = chat.say("yes! she said she'd refer me, Jen was right")
    assert said.startswith("Great outcome. A two-line thank-you to Lu")
    assert asks(sqlite_db) == [("specific", "Jen", "open", None), ("specific", "Lu", "made", "yes")]


def test_news_of_the_other_ask_is_that_ask_and_the_question_comes_back(
    sqlite_db: Database,
) -> None:
    chat = two_asks_today(sqlite_db)
    said = chat.say("Jen said yes")
    assert said[0].startswith("(That's for your ask of Jen.) Great outcome.")
    assert "thank-you to Jen today" in said[0]
    assert said[1] == "And did you make your ask of Lu?"
    [later] = chat.say("nope not yet")
    assert later.startswith("No worries. The ask of Lu is still open")
    assert asks(sqlite_db) == [("specific", "Jen", "made", "yes"), ("specific", "Lu", "open", None)]


# ----------------------------------------------------------------------- global intents


def test_stop_unsubscribe_thanks_hi_and_anger_get_their_own_answers(chat: Chat) -> None:
    chat.advance("1h")  # the morning question is pending
    assert chat.say("thanks!")[0] in ("You're welcome! 🙌", "Anytime.", "Glad to help.")
    assert chat.say("hi")[0].startswith("Hi Ana!")
    anger = chat.say("fuck this")[0]
    assert "pause" in anger and "stop" in anger
    assert "ask" not in anger.split("—")[0].lower()  # no lecture about asking
    [stopped] = chat.say("unsubscribe")
    assert stopped.startswith("Done — no more check-ins from me.") and "`resume`" in stopped
    assert chat.advance("7d") == []
    assert asks(chat.db) == []  # none of it was logged as a plan
    assert chat.say("resume")[0].startswith("Welcome back!")


def test_goodbyes_schedule_questions_and_weekends_in_words(chat: Chat) -> None:
    assert chat.say("bye for now") == ["Bye for now! 👋"]
    assert chat.say("when do you message me?")[0].startswith(
        "I check in mon-fri at 09:00 (America/Chicago)."
    )
    assert chat.say("can we do weekends too") == [
        "Done: check-ins daily at 09:00 (America/Chicago)."
    ]
    assert chat.say("honestly no clue who to hit up")[0].startswith(
        "Start with people who already know you"
    )
    assert "pause" in chat.say("I am so over this")[0]
    assert asks(chat.db) == []


def test_spoken_times_and_slang_outcomes(newcomer: Chat) -> None:
    assert newcomer.say("half 8 works for me")[0].startswith("You're set: mon-fri at 08:30")
    newcomer.say("Ask Jen Park to introduce me to her manager at Medtronic")
    newcomer.advance("9h")
    newcomer.say("yup")
    assert newcomer.say("he said hes on it 👍")[0].startswith("Great outcome.")


@pytest.mark.parametrize(
    ("said", "time"),
    [
        ("half past eight works for me", "08:30"),
        ("eight thirty", "08:30"),
        ("quarter to nine please", "08:45"),
        ("evening person here, can we do quarter to six pm?", "17:45"),
        ("half past seven in the evening", "19:30"),
        ("seven am", "07:00"),
        ("nine is good", "09:00"),
    ],
)
def test_an_hour_in_words(sqlite_db: Database, said: str, time: str) -> None:
    [reply] = welcomed(sqlite_db).say(said)
    assert reply.startswith(f"You're set: mon-fri at {time}")


def test_stop_as_a_first_message_gets_no_welcome(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start=MONDAY)
    [reply] = chat.say("stop messaging me")
    assert reply.startswith("Done — no more check-ins from me.")
    assert chat.advance("7d") == []


def test_delete_my_data_asks_first_and_a_plain_yes_confirms(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    [question] = chat.say("delete my data")
    assert question.startswith("This deletes everything I hold about you")
    assert chat.say("yes") == [
        "Done — I've deleted everything about you. Message me anytime to start fresh."
    ]
    assert the_asks(chat.db) == []


def test_pause_until_a_date_in_words(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)  # Monday 2 March
    assert chat.say("I am on vacation until March 20")[0].startswith("Paused until Fri 20 Mar.")
    delivered = chat.advance("18d")
    mornings = [line for line in delivered if "Morning," in line]
    assert mornings and mornings[0].startswith("[2026-03-20 09:00]")
    bea = onboarded(sqlite_db, user="Bea")
    assert bea.say("pause till monday")[0].startswith("Paused until Mon 9 Mar.")


def test_questions_to_the_coach_are_answered_from_the_members_own_data(
    sqlite_db: Database,
    chat: Chat,
) -> None:
    chat.advance("1h")
    generic = chat.say("what should i ask?")[0]
    assert "Who exactly will you ask" not in generic and "referral" in generic
    assert chat.say("target add Stripe, Nubank") == [
        "Added Stripe and Nubank. Who do you know there — or who might?"
    ]
    tailored = chat.say("what should i ask?")[0]
    assert "Stripe" in tailored
    chat.say("Ask Carlos Ruiz for a referral at Nubank")
    assert "Carlos Ruiz" in chat.say("who should i contact??")[0]
    assert chat.say("what mean specific?")[0].startswith("A specific ask = one named person")
    assert chat.say("are you a bot")[0].startswith("I'm a bot")
    assert [a[0] for a in asks(sqlite_db)] == ["specific"]


def test_who_knows_someone_at_a_company_searches_the_group(chat: Chat) -> None:
    onboarded(chat.db, user="Bob")
    chat.say("know Stripe", user="Bob")
    [offer] = chat.say("who knows someone at Stripe?")
    assert offer.startswith("Someone in the group knows people at Stripe.")
    assert "Bob" not in offer  # no name without the helper's yes
    chat.press("Yes, ask")
    assert asks(chat.db) == []


def test_an_edit_changes_the_plan_just_made(chat: Chat) -> None:
    chat.say("Ask Tom Lee to introduce me to his manager at Shopify")
    # "his VP": Tom's, so Tom still makes the intro — to Ruth Kim
    [changed] = chat.say("wait actually make that his VP, Ruth Kim")
    assert changed == (
        "Changed: Ask Tom Lee to introduce me to his VP Ruth Kim at Shopify. I'll ask about Tom "
        "Lee later."
    )
    assert [(a[0], a[1]) for a in asks(chat.db)] == [("specific", "Tom Lee")]
    chat.say("no wait, make it Ruth Kim herself, for a referral")
    assert [(a[0], a[1]) for a in asks(chat.db)] == [("specific", "Ruth Kim")]


def test_an_edit_without_a_name_changes_who_the_favour_is_about(chat: Chat) -> None:
    chat.say("Ask Jen Park for an intro to the recruiter at Medtronic")
    assert chat.say("make that her manager instead") == [
        "Changed: Ask Jen Park for an intro to her manager at Medtronic. I'll ask about Jen "
        "Park later."
    ]


def test_questions_about_timing_get_an_answer_about_timing(chat: Chat) -> None:
    [answer] = chat.say("is it too soon to ask him for a referral?")
    assert answer.startswith("It's rarely too soon to ask politely.")
    assert asks(chat.db) == []


@pytest.mark.parametrize(
    ("plan", "question_starts", "answer", "recorded_starts", "who"),
    [
        pytest.param(
            "ask referral shopify",
            "Who exactly will you ask",
            "Carlos. he work in shopify",
            "That's a real ask: Carlos",
            "Carlos",
            id="a plan spread over two short messages is read as one",
        ),
        pytest.param(
            "ask Gerald if I can borrow his lawnmower",
            "What will you ask Gerald for",
            "ok maybe my old manager Priya, for a referral at Shopify",
            "That's a real ask: Priya, a referral at Shopify",
            "Priya",
            id="an answer that names someone else is their ask",
        ),
    ],
)
def test_the_answer_to_the_coachs_question_completes_the_plan(
    sqlite_db: Database,
    chat: Chat,
    plan: str,
    question_starts: str,
    answer: str,
    recorded_starts: str,
    who: str,
) -> None:
    chat.advance("1h")
    [question] = chat.say(plan)
    assert question.startswith(question_starts)
    [recorded] = chat.say(answer)
    assert recorded.startswith(recorded_starts)
    assert [(a[0], a[1]) for a in asks(sqlite_db)] == [("specific", who)]


def test_a_plan_interrupted_by_a_check_in_is_kept(chat: Chat) -> None:
    chat.advance("1h")
    chat.say("go to the meetup tonight")  # a question follows; the member leaves it
    chat.advance("1d")
    assert [(a[0], a[2]) for a in asks(chat.db)] == [("passive", "skipped")]


def test_the_job_closes_the_loop(chat: Chat) -> None:
    chat.admins.add("Ana")
    chat.say("Ask Jen Park to introduce me to her manager at Shopify")
    chat.advance("9h")
    chat.press("Made it")
    chat.press("Said yes")
    congratulations, thank, consent = chat.say("i get the job in shopify!!! 🎉")
    assert congratulations.startswith("Congratulations, Ana! 🎉")
    assert "Jen Park" in thank and "thank-you" in thank
    assert consent.startswith("May I celebrate it")
    chat.press("Yes, share it")
    # The preview is the next digest, this week so far: the news is in it at once.
    preview = chat.say("digest")[0]
    assert preview.startswith("Preview of the next digest (this week so far):")
    assert "🎉 Ana (Shopify) got a new job!" in preview


# ----------------------------------------------------------------------- silence


def test_a_silent_member_is_never_flooded(chat: Chat) -> None:
    delivered = chat.advance("14d")
    nudges = [line for line in delivered if line.startswith("[") and "Still time" in line]
    assert len(nudges) <= 2  # no midday nudge after two ignored working days
    keep_going = [line for line in delivered if "haven't heard from you" in line]
    assert len(keep_going) == 1  # asked once, after a silent week
    days = [line[1:11] for line in delivered if line.startswith("[")]
    assert all(days.count(day) <= 1 for day in set(days[days.index(keep_going[0][1:11]) :]))
    assert len(delivered) <= 14
    # Back to normal at their next reply.
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    assert "quiet_asked" not in the_member(chat.db).memory


# ----------------------------------------------------------------------- replies


def test_the_coach_never_repeats_the_same_reply_twice_in_a_row(chat: Chat) -> None:
    replies = [chat.say(text)[0] for text in ("lol", "lol", "ok", "ok", "thanks", "thanks")]
    assert all(a != b for a, b in itertools.pairwise(replies))


def test_the_example_never_names_the_member_themself(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, user="Priya")
    [morning] = chat.advance("1h")
    assert "Ask Priya" not in morning


def test_chit_chat_never_counts_as_a_plan(chat: Chat) -> None:
    chat.advance("1h")
    for text in ("thanks", "hi", "ok", "lol", "are you a bot"):
        chat.say(text)
    assert chat.say("stats")[0].startswith("Asks: 0 specific of 0 planned")


def test_stats_streak_counts_asks_made_not_planned(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    assert "streak: 0" in chat.say("stats")[0]
    chat.advance("9h")
    chat.press("Made it")
    assert "streak: 1 day in a row" in chat.say("stats")[0]


def test_outcome_words_record_the_outcome(chat: Chat) -> None:
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    chat.advance("9h")
    chat.say("yep did it!")
    chat.say("she said yes 😊")
    ask = the_ask(chat.db)
    assert ask.status == AskStatus.MADE and ask.outcome == Outcome.YES


def test_taking_back_a_stop(chat: Chat) -> None:
    chat.say("stop")
    assert chat.say("wait no, resume")[0].startswith("Welcome back! Check-ins are on")
    chat.say("stop")
    assert chat.say("oops, changed my mind")[0].startswith("Welcome back!")
    assert chat.advance("1h")[0].startswith("[2026-03-02 09:00] Morning, Ana!")
    # "changed my mind" means resume only after a stop; "my resume" is never the word.
    assert chat.say("ask Tom to review my resume")[0].startswith("That's a real ask: Tom")
    assert len(asks(chat.db)) == 1


def test_not_now_skips_today_and_says_when_the_coach_comes_back(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)  # Monday
    chat.advance("1h")
    [vague] = chat.say("reach out to some recruiters")
    assert vague.startswith("Who")
    [later] = chat.say("can you remind me tomorrow instead")
    assert "skipping today" in later.lower() or "skipped for today" in later.lower()
    assert "tomorrow at 09:00" in later
    assert "I'll keep “reach out to some recruiters”" in later
    # The plan is kept as it was, and "remind me tomorrow" was not merged into it.
    assert asks(sqlite_db) == [("vague", None, "skipped", None)]
    assert [a.text for a in the_asks(sqlite_db)] == ["reach out to some recruiters"]


def test_pass_my_cv_is_a_plan_not_a_skip(chat: Chat) -> None:
    chat.advance("1h")
    [reply] = chat.say("pass my cv to Tom at Stripe")
    assert "skip" not in reply.lower()


def test_what_happens_next_depends_on_where_the_member_is(chat: Chat) -> None:
    [idle] = chat.say("what happens next?")
    assert idle.startswith("At each check-in (mon-fri at 09:00) I'll ask who you'll ask")
    chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    [planned] = chat.say("now what")
    assert planned.startswith("Next: make your ask of Jen Park.")
    chat.advance("9h")  # "Did you make your ask of Jen Park?"
    [waiting] = chat.say("what's next?")
    assert waiting.startswith("I'm waiting to hear whether you made your ask of Jen Park")
    assert chat.say("made it")[0] != waiting


def test_two_questions_the_coach_cannot_answer_get_two_different_replies(
    chat: Chat,
) -> None:
    [first] = chat.say("do you know any good dentists?")
    [second] = chat.say("what's the weather like there?")
    assert first != second
    assert "help" in first and "help" in second


def test_words_typed_to_the_person_asked_are_the_ask(chat: Chat) -> None:
    chat.advance("1h")
    [draft] = chat.say("<@U03LQ7WZ9KD> any leads? 🙏")
    assert "<@U03LQ7WZ9KD>" in draft and "Good question" not in draft  # coached, not a question
    [named] = chat.say("Priya, could you introduce me to your manager at Stripe?")
    assert named.startswith("That's a real ask: Priya")


def test_an_ask_set_before_the_morning_question_is_not_asked_for_again(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)  # 08:00, the morning question is at 09:00
    chat.say("idk maybe ask my cousin Dara to pass my resume to her boss at Deloitte")
    later = chat.advance("9h")
    assert (
        later[0]
        == "[2026-03-02 09:00] Morning, Ana! Today's ask is already set — Dara. Good luck; I'll check in later."
    )
    assert not any("Still time for today's ask" in m for m in later)  # no nudge either
    assert later[-1].endswith("Did you make your ask of Dara?")


def test_what_the_coach_is_for_is_a_question_not_a_complaint(chat: Chat) -> None:
    # what it is for, and the way out (a seventh trial: "I'm a bot…" answered "what are you")
    assert chat.say("whats the point of this exactly")[0].startswith(
        "Fair question. Most jobs come through people"
    )
    assert "pause" in chat.say("what's the point of all this, nobody replies")[0]


def test_not_feeling_it_later_tonight_and_will_they_say_yes(chat: Chat) -> None:
    chat.advance("1h")
    assert "skip" in chat.say("not feeling it today tbh")[0].lower()
    chat.advance("1d")
    [recorded] = chat.say("gonna ask my old boss Marcus if he'd be a reference for the ops job")
    assert recorded.startswith("That's a real ask: Marcus")
    [odds] = chat.say("do you think he'll say yes?")
    assert odds.startswith("No one can know") and "Good question" not in odds
    chat.advance("8h")  # "Did you make your ask of Marcus?"
    [not_yet] = chat.say("nope, chickened out")  # nerves: a word of courage, and when I'll ask
    assert not_yet.startswith("Nerves are normal") and "Wednesday at 17:00" in not_yet
    [later] = chat.say("later tonight maybe")
    assert later.endswith("Wednesday at 17:00.") and later != not_yet


# ------------------------------------------- a fresh console try (2026-12): Bea and Kim


def test_questions_about_the_schedule_get_the_schedule(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, user="Bea")
    [why] = chat.say("why do you keep messaging me")
    assert why.startswith("I'm your ask coach: I check in mon-fri at 09:00 (America/Chicago)")
    assert "`pause 7`" in why and "`stop`" in why
    [how] = chat.say("how do I change my time")
    assert how.startswith("I check in mon-fri at 09:00") and "“9am”" in how
    # Weekends are a schedule question, never a stop, and the days stay as they are.
    [weekends] = chat.say("can you stop messaging me on weekends")
    assert "Weekends are already off." in weekends
    [why_daily] = chat.say("why do you ask this every day")
    assert "mon-fri at 09:00" in why_daily
    # A count is not a time, and a question about the schedule never changes it.
    chat.say("apply to 10 jobs")
    [daily] = chat.say("do I have to answer every day")
    assert "mon-fri at 09:00" in daily
    [extra] = chat.say("can i get a check in at 5pm too, to report how it went?")
    assert "I also check in at 17:00 to hear how it went" in extra
    member = the_member(sqlite_db)
    assert not member.stopped
    assert f"{member.checkin_time:%H:%M}" == "09:00" and len(member.days) == 5
    [moved] = chat.say("moved to berlin last week so time is off now")
    assert "Europe/Berlin" in moved


def test_a_plan_with_someone_in_it_asks_what_for_and_a_hedged_answer_ends_it(
    sqlite_db: Database,
) -> None:
    chat = onboarded(sqlite_db, user="Bea")
    chat.advance("1h")
    [question] = chat.say("my friend dana works at hubspot i guess")
    assert "What will you ask Dana for" in question
    [nod] = chat.say("ok cool")  # not an answer: the same question, shorter, no lecture
    assert nod.startswith("What's the one thing you'll ask Dana for?")
    [done] = chat.say("referral i suppose?")
    assert done.startswith("That's a real ask: Dana, a referral.")
    assert asks(sqlite_db) == [("specific", "Dana", "open", None)]


def test_an_unanswered_morning_question_comes_back_in_other_words(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, user="Kim")
    mornings = [m for m in chat.advance("3d") if "Morning, Kim!" in m]
    assert len(mornings) == 3
    assert mornings[0].split("] ", 1)[1].startswith("Morning, Kim! What's your specific ask today")
    texts = [m.split("] ", 1)[1] for m in mornings]
    assert texts[1] != texts[0] and texts[2] != texts[1]


def test_a_bare_hour_after_setup_and_what_time_it_is(sqlite_db: Database) -> None:
    chat = welcomed(sqlite_db, "Ola")
    [now] = chat.say("idk, what time is it now?")
    assert now.startswith("It's 08:00 for you. I check in mon-fri at 09:00 (America/Chicago)")
    chat.say("im in london")
    [moved] = chat.say("8 is fine")
    assert moved == "Done: check-ins mon-fri at 08:00 (Europe/London)."


def test_a_question_to_the_deletion_prompt_keeps_the_data_and_is_answered(
    sqlite_db: Database,
) -> None:
    chat = onboarded(sqlite_db, user="Ola")
    chat.say("delete my data")
    [kept] = chat.say("will i lose my stats too? i kinda wanna see them first")
    assert kept.startswith("Kept everything. Nothing was deleted.") and "`export`" in kept
    chat.say("forget me")
    [stop_instead] = chat.say("no keep it, i just wanted the messages to stop")
    assert "say `stop`" in stop_instead
    the_member(sqlite_db)  # (fails if the member was deleted)


def test_onboarding_words_from_the_blind_corpus(sqlite_db: Database) -> None:
    [later] = welcomed(sqlite_db, "Ines").say("i start work at 9 so afternoon, 2pm?")
    assert later.startswith("You're set: mon-fri at 14:00")
    [too_early] = welcomed(sqlite_db, "Jo", community="other").say("nah 9 is too early")
    assert too_early.startswith("No problem — what time suits you")
    [out] = welcomed(sqlite_db, "Kai", community="third").say("no thanks not interested")
    assert "resume" in out


# Short talks from the console tries of 2026-12: each starts an hour before the first morning
# question with an onboarded member; every line the member sends is followed by the words its
# reply must contain ("" = anything; a line starting with ":" moves the clock).
TALKS: dict[str, list[tuple[str, str]]] = {
    "'that's not what I said' corrects the ask; 'whatever u think' gets ideas for that person": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("made it", "What happened?"),
        (
            "that's not what I said. I asked Jen for a CV review, not a referral",
            "Changed: Ask Jen for a CV review at Stripe.",
        ),
        ("she said yes", "Great outcome."),
        ("coffee with Dana", "What will you ask Dana for"),
        ("whatever u think is best", "For Dana, pick one"),
        ("a look at my resume", "That's a real ask: Dana"),
        ("lol i'm testing you, I'm the organiser", "this DM works"),
    ],
    "'I asked Carla instead of Jen' is made, of Carla": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("I asked Carla instead of Jen", "Noted: you asked Carla. What happened?"),
        ("what did I ask yesterday?", "Ask Carla for a referral at Stripe (made)"),
    ],
    "a company already on the list is not suggested again": [
        ("target add Figma, Notion", "Added Figma and Notion."),
        ("who knows someone at Figma?", "Ask a former colleague for two names there."),
        ("who knows someone at Canva?", "`target add Canva` so I remember it."),
    ],
    "'on holiday till thursday' asks again on Thursday; 'if anyone needs' is no company name": [
        (
            "ask Lukas if he knows the hiring manager for the data role at Zalando",
            "real ask: Lukas",
        ),
        (":9h", ""),
        ("not yet, he's on holiday till thursday", "I'll ask again on Thursday"),
        ("I know people at SAP if anyone needs", "you know people at SAP."),
    ],
    "'what happens if he ghosts me' is a question; 'he's down to refer me' is a yes": [
        ("gonna hit up my cousin Yusuf, he's at Shopify, ask if he'd refer me", "real ask: Yusuf"),
        ("what happens if he ghosts me lol", "No one can know"),
        (":9h", ""),
        ("ya i texted him", "What happened?"),
        ("he's down to refer me!!", "Great outcome."),
    ],
    "not sent yet is not made": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("half-done: wrote the message, haven't hit send", "still open"),
    ],
    "'forget it' to the deletion question keeps everything; outcomes in more words": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        ("forget", "Reply `yes, delete` (or just `yes`) to confirm"),
        ("forget it", "Kept"),
        (":9h", ""),
        ("Made it", "What happened?"),
        ("W 🏆 referral submitted", "Great outcome."),
    ],
    "a hard week is met kindly; an unfinished plan made later is that plan; a no with praise": [
        (
            "honestly not in a great place this week, got rejected after the final round at Monzo",
            "I'm sorry — that's a hard one",
        ),
        ("maybe I could ask the hiring manager for feedback?", "Who exactly will you ask"),
        ("her name was Claire", "what will you ask Claire for?"),
        (":2d", ""),
        ("done, sent it this morning", "(That's for your ask of Claire.) Nice — you asked."),
        (
            "she replied!! said I was great but they went with someone with more fintech "
            "experience, and she'll keep me in mind",
            "A no is still an answer",
        ),
        ("thank u for pushing me on this", "You're welcome!"),
    ],
    "learners' English: an apology is met kindly, 'I send him message' is made": [
        ("sorry my english is not perfect", "No need to apologise"),
        (
            "ask Ricardo for a recommendation letter for the Lisbon job",
            "That's a real ask: Ricardo",
        ),
        (":9h", ""),
        ("yes I send him message in whatsapp", "Nice — you asked. What happened?"),
        ("he say he will do until friday", "Great outcome."),
        (":1d", ""),
        ("I dont have nobody for ask today, all my contacts are in Brazil", "Ricardo said yes"),
    ],
    "a member's questions about the group side: adding people, announcements, cost, the digest": [
        ("how do I add people?", "Anyone can just send me a message to start"),
        ("can you send everyone a message about thursday's meetup?", "I don't send announcements"),
        ("is this free?", "open-source software"),
        ("how does the weekly report work?", "the group's digest shows the asks members chose"),
    ],
    "a plan left mid-question at night is picked up in the morning, person and all": [
        (":12h", ""),
        ("coffee with my old boss Megan tomorrow", "What will you ask Megan for"),
        (":13h", ""),
        ("a referral at Stripe", "That's a real ask: Megan, a referral at Stripe."),
    ],
    "'Heard back?' and the morning question at the same minute: the answer goes to 'Heard back?'": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("made it", "What happened?"),
        ("waiting", "I'll check in about Jen in a few days"),
        (":3d", ""),
        ("k", "Keep it short and friendly"),  # "OK, I'll nudge" (not a nod to the morning)
    ],
    "'should i stop messaging her?' is about her, never a stop; giving up gets kindness": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("made it", "What happened?"),
        ("no reply", "Asking was the hard part."),
        ("should i stop messaging her?", "Jen"),
        ("still nothing 😭 should i just give up", "Don't give up"),
        ("stop messaging me now", "no more check-ins from me"),
    ],
    "a name alone, with or without a doubt, is the person to ask (2026-12-04)": [
        (":1h", "Morning, Ana!"),
        ("raj?", "What will you ask Raj for"),
        ("a referral at Stripe", "That's a real ask: Raj, a referral at Stripe."),
        ("zoe - opportunities?", "What will you ask Zoe for"),
        ("an intro to her manager at Figma", "That's a real ask: Zoe, an intro to her manager"),
    ],
    "'idk anyone', 'my cousin', nerves, and 'i'll do it tmrw' (2026-12-04)": [
        (":1h", "Morning, Ana!"),
        ("honestly idk anyone in tech", "Start with people who already know you"),
        (
            "ask my cousin if he can refer me to the warehouse ops role at Amazon",
            "That's a real ask",
        ),
        (":8h", "Did you make your ask of your cousin?"),
        ("i chickened out lol", "Nerves are normal"),
        ("fine i'll do it tmrw", "The ask of your cousin is still open"),
    ],
    "a favour offered with a doubt, news while the plan is unfinished, chat spellings": [
        (":1h", "Morning, Ana!"),
        ("gonna hit up my old manager", "What will you ask your old manager for"),
        ("idk maybe a rec?", "That's a real ask: your old manager, a recommendation."),
        (":8h", "Did you make your ask of your old manager?"),
        ("she didnt answer yet", "Asking was the hard part."),
        ("how long shud i wait", "give it until day 3 or 4, then nudge"),
        ("what do i say to her", "“Hi, just bumping my note"),
    ],
    "news of an ask while its plan is unfinished is how it went": [
        (":1h", "Morning, Ana!"),
        ("gonna hit up my old manager", "What will you ask your old manager for"),
        (":8h", ""),
        ("she didnt answer yet", "Noted: you asked your old manager. Asking was the hard part."),
    ],
    "a draft of the message, a shorter one, and a second ask (2026-12-04)": [
        (":1h", "Morning, Ana!"),
        ("ask Priya for a referral for the data analyst role at Stripe", "That's a real ask"),
        (
            "can you write the message for me?",
            "“Hi Priya, hope you're well! I'm looking for my next role — would you be open to "
            "referring me for the data analyst role at Stripe? I can send my CV and the job link",
        ),
        (
            "shorter?",
            "“Hi Priya, would you be open to referring me for the data analyst role at Stripe? No "
            "worries if not!”",
        ),
        ("can I add a second ask today?", "Yes — as many as you like"),
        ("ask my old boss to introduce me to her manager at Figma", "That's a real ask"),
        (
            "write it for me",
            "“Hi, hope you're well! I'm looking for my next role — would you be "
            "open to introducing me to your manager at Figma?",
        ),
    ],
    "away until a day: the follow-up waits until they are back": [
        (":1h", "Morning, Ana!"),
        ("ask Priya for a referral for the data analyst role at Stripe", "That's a real ask"),
        ("ok sent!", "What happened?"),
        ("she's on vacation till the 15th", "I'll check in about Priya on Monday 16 March."),
    ],
    "a job posting pasted in: the way in is a person": [
        (":1h", "Morning, Ana!"),
        (
            "https://boards.greenhouse.io/stripe/jobs/123 this one",
            "Got the posting at Stripe. The fastest way in is a person: who do you know at Stripe",
        ),
        ("https://www.linkedin.com/jobs/view/123", "who do you know at that company"),
        ("👀", "👀 I'm here. When you're ready: who will you ask today"),
    ],
    "'what was my last ask?', 'did Jen ever reply?', and 'no she didnt' is no answer yet": [
        (":1h", "Morning, Ana!"),
        ("ask Jen for a referral at Stripe", "That's a real ask"),
        ("ok sent!", "What happened?"),
        ("no she didnt", "Asking was the hard part."),
        ("what was my last ask?", "Ask Jen for a referral at Stripe (waiting)"),
        ("did Jen ever reply? i forget", "Last I heard: no answer yet from Jen"),
        ("no she didnt", "Still nothing from Jen"),
    ],
    "'stop for today' keeps the check-ins; where they used to work is their network": [
        (":1h", "Morning, Ana!"),
        ("i used to intern at flutterwave tho", "people at Flutterwave already know your work"),
        ("ask my old supervisor Tunde to refer me for the graduate program", "That's a real ask"),
        (":8h", "Did you make your ask of Tunde?"),
        ("stop for today", "The ask of Tunde is still open"),
        (":1d", "Still open: your ask of Tunde."),
    ],
    "'who hasn't answered?' is about the group, never follow-up advice": [
        ("who hasn't answered?", "I don't list who's in the group."),
    ],
    "slang from a last console try: dms, 'tmrw fr', 'u there?', 'aight peace'": [
        (":1h", "Morning, Ana!"),
        ("gonna slide into my ex-coworker danielle's dms lol", "What will you ask Danielle for"),
        ("skip", ""),
        ("tmrw fr", "tomorrow at 09:00."),
        ("u there?", "👋 Got an ask in mind today?"),
        ("aight peace ✌️", "Bye for now!"),
    ],
    "'who?' and 'for what?' back to the morning question get ideas": [
        (":1h", "Morning, Ana!"),
        ("who?", "Start with people who already know you"),
        ("for what?", "Good asks are small and concrete"),
    ],
    "a yes with nothing to note is not noted; a name then the favour is": [
        ("yay she said yes!", "Who said yes, and to what?"),
        ("aight", "OK — I won't log that one."),
        ("yay she said yes!", "Who said yes, and to what?"),
        ("Carla", "And what did you ask Carla for?"),
        ("intro to her boss at Figma", "Noted: you asked Carla. Great outcome."),
    ],
    "a person offered with a doubt is the answer, and the doubt is answered": [
        ("coffee with someone from procurement", "Who will you ask, and for what?"),
        (
            "Hm, maybe my mother's friend Gloria who works in procurement at Unilever. Would that "
            "be appropriate?",
            "Good choice — someone who knows you is the best person to ask. What will you ask "
            "Gloria for?",
        ),
        ("an intro to the head of procurement there", "That's a real ask: Gloria"),
    ],
    "an outcome with a name put right records both": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("made it", "What happened?"),
        ("she said yes but I typed it wrong before, it was Jenny not Jen", "thank-you to Jenny"),
        ("what did I say I'd ask Jenny again", "Ask Jenny for a referral at Stripe (yes)"),
        ("can u ask the group for me", "who knows someone at"),
    ],
    "pointed to someone else is a lead: thank them, then ask the new person": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("made it", "What happened?"),
        ("she said ask mark instead, he's the hiring manager", "Jen pointed you to Mark"),
        ("ask Mark for a referral at Stripe", "That's a real ask: Mark"),
        (":9h", ""),
        ("made it", "What happened?"),
        ("waiting", "I'll check in about Mark in a few days"),
    ],
    "corrections while the coach asks about an ask change that ask, then the question again": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("did I say Jen? I meant Jenna from the bootcamp", "Changed: Ask Jenna for a referral"),
        ("Made it", "What happened?"),
        (
            "I asked Jenna for an intro, not a referral, can you fix that",
            "Changed: Ask Jenna for an intro at Stripe. And what happened with your ask?",
        ),
        ("it's Jénna, with the accent", "Changed: Ask Jénna for an intro at Stripe."),
        ("my name shows up as rsingh_92, can you call me Ravi", "I'll call you Ravi"),
    ],
    "back after a silence with a plan: the plan is kept; news beside an ask is news": [
        (
            "sorry been MIA since thursday, family stuff. today: ask Rosa for an intro to her "
            "cousin at the BBC",
            "That's a real ask: Rosa",
        ),
        (
            "Morning! Leo said yes yesterday btw. Today I'll ask Ines for an intro to her manager",
            "That's a real ask: Ines",
        ),
        ("unrelated but I got an interview at Monzo!!", "Monzo"),
        ("halp", "I'm your ask coach. Each working day"),
        ("test", "this DM works"),
        ("gotta run ttyl", "Bye for now!"),
    ],
    "no clue who to ask, then a name after two questions, then 'could she…?' is the ask": [
        ("Sorry, I haven't a clue who to ask today.", "Start with people who already know you"),
        ("My daughter's friend works in recruitment I believe.", "Who will you ask, and for what?"),
        ("Her name is Olivia, at Hays", "Thanks — what will you ask Olivia for?"),
        ("Could she look at my CV? It's 4 pages long.", "That's a real ask: Olivia, a review of"),
        (":9h", ""),
        ("Olivia was lovely, she's going to send it to two of her colleagues.", "Great outcome."),
    ],
    "'I haven't asked yet' after 'Made it' takes the made back": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        (":9h", ""),
        ("Made it", "What happened?"),
        ("wait I haven't asked yet, I said I WOULD", "The ask of Jen is still open"),
        ("what did I ask yesterday?", "Ask Jen for a referral at Stripe (open)"),
    ],
    "'just stop messaging me, don't delete' to the deletion question stops and keeps": [
        ("forget", "Reply `yes, delete` (or just `yes`) to confirm"),
        ("just stop messaging me, don't delete", "no more check-ins from me. Your asks are kept"),
    ],
    "'don't delete' anywhere in the answer keeps everything": [
        ("ask Jen for a referral at Stripe", "That's a real ask: Jen"),
        ("forget", "Reply `yes, delete` (or just `yes`) to confirm"),
        ("organiser here, testing the forget flow, please don't delete my real data", "Kept"),
        ("what did I ask yesterday?", "Ask Jen for a referral at Stripe"),
    ],
    "an outcome that names someone else is a new ask, and 'what do i do tomorrow?' is a question": [
        ("ask my old manager Priya for a referral at Stripe", "That's a real ask: Priya"),
        ("Jen said yes!", "That's great news — Jen said yes! What did you ask for?"),
        ("a referral at Google", "Noted: you asked Jen. Great outcome."),
        ("what do i do tomorrow then?", "Next: make your ask of Priya."),
    ],
    "the member's name: how to change it, then 'call me …'": [
        ("can i change my name", "I call you Kim — the name I got from your profile."),
        ("call me Kimmy instead", "Got it — I'll call you Kimmy from now on."),
        ("hi", "Hi Kimmy!"),
        ("you spelled my name wrong", "I call you Kimmy"),
        ("my name is Kimberly not Kimmy", "I'll call you Kimberly from now on."),
    ],
    "slang: 'bet, did it' is made, 'appreciate u' is thanks": [
        ("ask Dre for a referral to the ops team at Target", "That's a real ask: Dre"),
        (":9h", ""),
        ("bet, did it", "Nice — you asked. What happened?"),
        ("appreciate u", "You're welcome!"),
    ],
    "a relation is said back as the member's, and stays theirs in the ask": [
        ("coffee with my old boss tomorrow", "What will you ask your old boss for"),
        ("a referral at Stripe", "That's a real ask: your old boss, a referral at Stripe."),
        ("what did I ask yesterday?", "my old boss"),
    ],
    "'kinda' counts as asking, and 'she hasn't said anything' is a wait": [
        ("ask Nina for an intro to the hiring manager at Canva", "That's a real ask: Nina"),
        (":9h", ""),
        ("kinda", "Nice — you asked. What happened?"),
        ("idk she hasn't said anything", "Asking was the hard part."),
    ],
    "too many messages is a schedule matter, never a stop": [
        ("what's this bot about", "I'm a bot"),
        ("pls stop messaging me so much", "Fewer messages: `days mon,thu`"),
        ("ok fine, just mondays then", "Done: check-ins mon at 09:00"),
        ("stop messaging me", "no more check-ins from me"),
    ],
    "the schedule in everyday words": [
        ("can you do evenings instead? like 7pm", "19:00"),
        ("im actually in london", "19:00 (Europe/London)"),
        ("every other day would be better", "mon,wed,fri at 19:00"),
        ("what are my settings", "I check in mon,wed,fri at 19:00 (Europe/London)."),
    ],
    "waiting, the words for a nudge, a yes in other words, and how to say thanks": [
        (
            "ask my old manager Dana Fox for a LinkedIn recommendation",
            "That's a real ask: Dana Fox",
        ),
        (":9h", ""),
        ("Made it", "What happened?"),
        ("she hasn't replied", "Asking was the hard part."),
        (":4d", ""),
        ("still no", "Still nothing from Dana Fox"),
        ("what should i say?", "“Hi Dana, just bumping my note"),
        ("she wrote it!! so nice of her", "Great outcome."),
        ("how do i thank her properly", "“Thank you so much, Dana"),
    ],
    "a low day, a break offered and taken, and a neighbour who gets a name": [
        (":1h", ""),
        ("meh", "Low-energy day? That's OK."),
        ("honestly i'm kinda burnt out", "it's OK to be fed up"),
        ("maybe next week", "Paused until Mon 9 Mar."),
        ("resume", ""),
        (
            "ok fine. my neighbour works at Deloitte, could ask her about openings",
            "What will you ask your neighbour for",
        ),
        ("her name's Grace", "Thanks — what will you ask Grace for?"),
        ("she said she'd see", "Noted: you asked Grace. Asking was the hard part."),
    ],
    "questions while the coach waits for the missing piece are answered, not planned": [
        (":1h", ""),
        ("reach out to some folks on linkedin", "Who exactly"),
        ("whats the difference between an intro and a referral", "An intro is"),
        ("do I need a name? can't I just post on linkedin", "one named person"),
        ("Nobody, I changed my mind, I'll just apply online", "No problem — skipping today."),
    ],
    "a one-off reminder in other words": [
        (":1h", ""),
        ("in a meeting, ping me in an hour?", "I can't set one-off reminders"),
    ],
    "an interview is news to celebrate, and the group is asked for a contact": [
        ("can the group help me find someone at Spotify?", "know people at Spotify"),
        ("i got an interview at spotify!!", "Congrats on the interview at Spotify! 🎉"),
        ("do you work on weekends", "Weekends are already off."),
        ("can i talk to a human", "I'm a bot"),
        ("whats the difference between you and linkedin", "the humans behind me"),
    ],
    "Indian English: a senior named after a relation, 'i want he refer me', 'done sir'": [
        (":1h", ""),
        (
            "sir today i am thinking to contact my senior from college Rahul bhai",
            "Rahul sounds like a good person to ask. What will you ask Rahul for",
        ),
        ("he is in TCS, i want he refer me", "That's a real ask: Rahul, a referral."),
        (":8h", ""),
        ("done sir", "Nice — you asked. What happened?"),
        ("he told he will check and revert", "Asking was the hard part."),
        ("what is streak", "Your streak counts the days in a row on which you made an ask"),
        ("why my streak is zero", "streak: 1 day in a row with an ask made"),
    ],
    "targets and an ask in one message: both, and no sentence stored as a company": [
        (
            "target add canva, atlassian. and my ask is: ask Mei to intro me to her manager at Canva",
            "Added Canva and Atlassian.\nThat's a real ask: Mei, an intro to her manager at Canva.",
        ),
        ("what are my targets", "Canva, Atlassian"),
    ],
    "'not yet' about an ask already made is no answer yet, never 'still open'": [
        ("ask Mei to intro me to her manager at Canva", "That's a real ask: Mei"),
        (":10h", ""),
        ("yeah i messaged her this morning", "Nice — you asked. What happened?"),
        ("not yet", "Asking was the hard part."),
        (":3d", ""),
        ("not yet, should i ping her again?", "Yes, follow up with Mei."),
    ],
    "a yes that takes itself back never deletes anything": [
        ("forget", "This deletes everything I hold about you"),
        ("ok maybe just pause a month", "Nothing deleted. Paused until"),
        ("what are my stats", "Asks: 0 specific"),  # still here: nothing was deleted
    ],
    "the job, in the words people shout it": [
        ("GOT THE OFFER!!! 🎉🎉 starting at Wayfair in april", "Congratulations"),
    ],
    "outcomes said in new ways are recorded": [
        ("ask Jen for an intro to the design lead at Canva", "That's a real ask: Jen"),
        ("update: Jen replied, she's passing my CV on 🙌", "Great outcome."),
    ],
    "a question inside 'not yet' is never a yes": [
        ("ask Dev for a referral to the VP of Sales at Gong", "That's a real ask: Dev"),
        (":8h", ""),
        ("not yet. do you think he'll actually say yes? we only met once", "No one can know"),
    ],
    "same as yesterday, while yesterday's ask is open": [
        ("same as yesterday", "I don't have an earlier ask of yours yet"),
        ("ask Priya for a referral for the PM role at Figma", "That's a real ask: Priya"),
        (":1d", ""),
        ("same as yesterday", "Your ask of Priya is still open — today's the day for it."),
    ],
    "schedule questions and imperatives never stop or move the check-ins": [
        ("stop messaging me on weekends", "Weekends are already off."),
        ("why do you keep asking me this every morning", "I'm your ask coach"),
        ("is 8 ok?", "08:00"),
        ("time 0745", "07:45"),
    ],
    "an ask made before the coach heard of it is noted, with how it went": [
        ("Asked carla yesterday!", "Good for you — you asked Carla! What did you ask for?"),
        ("she said she'd think about it", "Noted: you asked Carla. Asking was the hard part."),
        (":1d", ""),
        ("did it!", "Nice — you asked! Who was it, and what did you ask for?"),
        ("asked Omar for a referral at Stripe", "Noted: you asked Omar. What happened?"),
        ("he said yes!!", "Great outcome."),
    ],
    "good news with no ask on record asks who, never 'no open ask'": [
        ("she said yes 😊", "That's great news! Who said yes, and to what?"),
        ("my cousin Dana, she'll refer me at Target", "Noted: you asked Dana. Great outcome."),
    ],
    "a one-off reminder is explained, and a name in it kept": [
        (
            "can you remind me at 3pm to email carla",
            "I can't set one-off reminders — I write at your check-in time (mon-fri at 09:00)",
        ),
        ("set me a reminder for friday", "If it's an ask, tell me who and for what"),
        ("ask Carla for an intro to her manager at Wayfair", "That's a real ask: Carla"),
        ("remind me at 4 to message carla", "Your ask of Carla is on my list"),
    ],
    "what to do now, in a new member's words, and a name given after 'idk'": [
        ("uh what do i do now", "At each check-in (mon-fri at 09:00) I'll ask"),
        (":1h", ""),
        ("honestly not sure. maybe reach out to some folks on linkedin", "Who exactly"),
        ("idk, my old boss maybe? her name is Carla", "what's the one thing Carla can do"),
        (
            "an intro to someone on the data team at Shopify",
            "That's a real ask: Carla, an intro to someone on the data team at Shopify.",
        ),
    ],
    "the group, nerves and being stuck get answers of their own": [
        (":1h", ""),
        ("who else is in the group?", "I don't list who's in the group"),
        ("I feel awkward asking people for stuff", "Most people feel that"),
        ("honestly it feels so pushy", "Asking feels awkward for nearly everyone"),  # not again
        (
            "um idk honestly, i haven't talked to anyone in weeks",
            "Start with people who already know you",
        ),
    ],
    "acknowledgements get a nod and the pending question": [
        ("got it", "👍"),
        (":1h", ""),
        ("will do", "👍 When you're ready: who will you ask today, and for what?"),
        ("nope nothing yet", "No rush — there's still time today."),
    ],
    "a name offered after nerves becomes the ask": [
        (":1h", ""),
        ("honestly i'm a bit scared to ask anyone", "Most people feel that"),
        ("maybe my old teammate Ravi? he's at Atlassian now", "What will you ask Ravi for"),
        (
            "could ask him to refer me for the support lead job",
            "That's a real ask: Ravi, a referral for the support lead job.",
        ),
    ],
    "not yet because of nerves gets a word of courage": [
        (":1h", ""),
        ("ask Dev for a referral to the VP of Sales at Gong", "That's a real ask: Dev"),
        (":8h", ""),
        ("Not yet. I'm really nervous, he's VP level", "Nerves are normal"),
    ],
    "sir, what i should ask, and her name is": [
        (":1h", ""),
        ("sir what i should ask today, i have no idea", "Good asks are small and concrete"),
        ("ok i will ask my college friend for her company openings", ""),
        ("her name is Priya, she is in Infosys Pune", "what's the one thing Priya can do for you?"),
        ("a referral for the java developer opening", "That's a real ask: Priya, a referral"),
    ],
    "who given as 'from Mia', then changed to her boss": [
        (":1h", ""),
        ("a referral", "Who exactly will you ask for a referral?"),
        ("from Mia", "That's a real ask: Mia, a referral."),
        ("wait no, make that her boss, Dana Fox", "Changed: Ask Dana Fox for a referral."),
        ("hmm thats two asks right? is that ok", "Yes — that's a real ask: Dana Fox"),
    ],
    "a week with Marco in the member's own words": [
        (":1h", ""),
        ("going to ask my old boss Marco for a reference for the ops manager role at DHL", ""),
        (":8h", ""),
        ("did it this morning actually", "What happened?"),
        ("he's thinking about it", "I'll check in about Marco in a few days"),
        (":3d", ""),
        # Heard nothing again, typed after the morning question: the follow-up, and a nudge.
        ("still nothing from marco :(", "Still nothing from Marco"),
        ("ok i'll send him a quick note tomorrow", "I'll check back about Marco"),
        (
            "btw I helped my friend Sue fix her resume yesterday",
            "Logged your give: helped my friend Sue fix",
        ),
        ("add DHL, Maersk and Kuehne+Nagel to my list", "Added DHL, Maersk and Kuehne+Nagel."),
        ("what's on my list", "Your targets: DHL, Maersk, Kuehne+Nagel."),
        ("how am i doing this week", "Asks: 1 specific of 1 planned"),
        ("I'm off next week for my sister's wedding", "no check-ins Mon 9 – Fri 13 Mar"),
        ("actually never mind, keep them coming", "Welcome back! Check-ins are on"),
    ],
    "a yes with a question, and coming back after a silence": [
        (":1h", ""),
        ("ask Sam for a referral at Stripe", ""),
        (":8h", ""),
        ("yes", "What happened?"),
        (
            "he said sure, send over your resume. should i send it today or wait?",
            "Great outcome. Send it today, while it's fresh.",
        ),
        (
            "sorry i ghosted for a week, life happened",
            "Welcome back — no guilt needed. Check-ins are on",
        ),
    ],
    "a recommendation letter from Dr. Alvarez, with questions on the way": [
        (":1h", ""),
        (
            "I'm going to email my former professor, Dr. Alvarez, and ask if she'd write me a "
            "recommendation for the UNICEF fellowship",
            "That's a real ask: Dr. Alvarez, a recommendation letter for the UNICEF fellowship.",
        ),
        ("Is that specific enough?", "Yes — that's a real ask: Dr. Alvarez"),
        ("Also, should I attach my CV?", "attach your CV or the job link"),
        (":8h", ""),
        ("Sent! 🤞", "What happened?"),
        ("she hasn't answered yet", "I'll check in about Dr. Alvarez in a few days"),
        ("It's only been a few hours lol", "👍"),  # a remark, never an edit of the ask
        ("what should I do now", "You've asked Dr. Alvarez; now it's their move."),
    ],
    "a hard week, a shrug, and a mentor the member is thinking of": [
        (":1h", ""),
        ("🤷", "Good asks are small and concrete"),
        (
            "ok real talk, this week has been rough. got rejected from two final rounds and I'm "
            "honestly not sure what to do anymore. maybe I should reach out to my old mentor "
            "Karen? she always gives good advice but I feel like I only contact her when I need "
            "something",
            "That sounds like a hard week. What will you ask Karen for",
        ),
        (
            "yeah ok i'll ask her for 20 min to look at my interview approach",
            "That's a real ask: Karen, 20 min to look at your interview approach.",
        ),
    ],
    "targets and asks in the member's words": [
        ("target add Stripe, Netflix", "Stripe"),
        ("ask Jo for a referral at Stripe", "That's a real ask: Jo"),
        (
            "can you remind me what I asked yesterday?",
            "• Mon 02 Mar: Ask Jo for a referral at Stripe (open)",
        ),
        ("what are my targets", "Your targets: Stripe, Netflix."),
        ("remove netflix from my targets", "Removed"),
        ("what are my targets", "Your targets: Stripe."),
        ("remove spotify from my targets", "isn't on your targets"),  # changes nothing
    ],
    "a new job: sharing it in words, helping others, and the Friday review after a stop": [
        (
            "I got an offer from Stripe!!! starting in april",
            "May I celebrate it in the group's weekly digest?",
        ),
        ("yes please share it", "I'll share it in the next digest."),
        ("can I still use this to help others?", "`know <company>` tells me where you know people"),
        ("stop", "no more check-ins from me"),
        (
            "actually can you keep sending the friday review",
            "right now they're stopped (`resume` starts them)",
        ),
    ],
    "no reply yet, with a question about nudging": [
        (":1h", ""),
        ("ask Sam for a referral at Stripe", ""),
        (":8h", ""),
        ("yes", "What happened?"),
        ("no reply. should i message again?", "Not yet — give Sam 3–4 working days"),
    ],
    "slang: a pass, a question back, thanks and a goodbye": [
        (":1h", ""),
        ("ngl im kinda fried today, gonna pass", "No problem — skipping today."),
        ("wait what time do you ping me again?", "I check in mon-fri at 09:00"),
        ("ttyl", "Bye for now!"),
        (":1d", ""),
        (
            "aight so imma hit up my cousin deshawn, he's a PM at Spotify, and ask him to pass "
            "my resume to his recruiter",
            "That's a real ask: Deshawn",
        ),
        ("bet, thx", "You're welcome!"),
        ("u think he'll actually do it?", "No one can know"),
        ("peace out", "Bye for now!"),
    ],
    "'she's keen' after the evening question is a yes; 'sweet as' is an ok": [
        (":1h", ""),
        ("ask Dr Walsh if she'd be a referee for the Deloitte grad scheme", "That's a real ask"),
        (":9h", ""),
        ("she's keen 😊", "Great outcome."),
        ("sweet as", "👍"),
    ],
    "'yup done, she's keen' before the evening question says how it went": [
        (":1h", ""),
        ("ask Maia for a referral to the grad role at Xero", "That's a real ask"),
        (":2h", ""),
        ("yup done, she's keen 😊", "(That's for your ask of Maia.) Great outcome."),
        (":1d", ""),
        ("ask Tane for an intro to the ops lead at Xero", "That's a real ask"),
        (":2h", ""),
        ("yup done", "(That's for your ask of Tane.) Nice — you asked. What happened?"),
    ],
    "how it went, and thanks, in Hinglish": [
        (":1h", ""),
        ("ask rahul bhaiya for a referral for the SDE2 role at Flipkart", "That's a real ask"),
        (":2h", ""),
        ("rahul ne refer kar diya!! 🎉", "(That's for your ask of Rahul bhaiya.) Great outcome."),
        ("shukriya", "You're welcome!"),
        (":1d", ""),
        ("ask priya for a referral for the backend role at Razorpay", "That's a real ask"),
        (":9h", ""),
        ("haan bol diya", "Nice — you asked. What happened?"),
        ("abhi tak reply nahi aaya yaar", "Asking was the hard part."),
    ],
    "how it went, and thanks, in Taglish": [
        (":1h", ""),
        ("ask Ate Joy to refer me for the staff nurse role at Mediclinic", "That's a real ask"),
        (":9h", ""),
        ("opo", "Nice — you asked. What happened?"),
        ("wala pa pong reply si ate joy", "Asking was the hard part."),
        (":1d", ""),
        ("yes po!! nirefer na po ako ni ate joy 🙏🙏", "Great outcome."),
        ("salamat po 😊", "You're welcome!"),
    ],
    "how it went, and thanks, in Québec French": [
        (":1h", ""),
        ("ask Julie for an intro to the IT manager at CGI", "That's a real ask"),
        (":9h", ""),
        ("oui c fait", "Nice — you asked. What happened?"),
        ("pas encore de réponse", "Asking was the hard part."),
        (":1d", ""),
        ("julie a dit oui!! entrevue lundi", "(That's for your ask of Julie.) Great outcome."),
        ("merci beaucoup 🙏", "You're welcome!"),
    ],
    "what should I ask, and what now, asked in Hinglish, Taglish and French": [
        (":1h", ""),
        ("bhai kya puchu?", "Good asks are small and concrete"),
        # (asked again, the same answer is said to be the same)
        ("ano po ba dapat kong itanong?", "Same as before: good asks are small and concrete"),
        ("c quoi une bonne demande?", "That's the same answer as just above"),
        ("ab kya karu", "At each check-in"),
    ],
    "a veteran's four-digit times change the check-in; a need is met with a person to ask": [
        (":1h", ""),
        ("make it 0600 hrs", "Done: check-ins mon-fri at 06:00"),
        ("change checkin to 0700", "Done: check-ins mon-fri at 07:00"),
        ("can u msg me at 0545 instead", "Done: check-ins mon-fri at 05:45"),
        ("applied to 2026 jobs lol", ""),  # a count, never a time: the schedule stays
        ("what are my check-ins", "mon-fri at 05:45"),
        ("i need a job any job really", "Most jobs are found through people"),
    ],
    "a pause asked for in French, Tagalog and army words": [
        (":1h", ""),  # Monday 2 March
        ("on peut faire une pause jusqu a mercredi?", "Paused until Wed 4 Mar."),  # (was a week)
        ("resume", ""),
        ("pause hanggang biyernes po", "Paused until Fri 6 Mar."),
        ("resume", ""),
        ("stand down for a week, got drill", "Paused until Mon 9 Mar."),
    ],
    "the coach's words a newcomer asks about: check in, resume, an ask": [
        (":1h", ""),
        ("what does check in mean", "A check-in is my message mon-fri at 09:00"),
        ("what does resume mean", "Two meanings here: your resume (or CV)"),
        ("what is an ask?", "An ask is one request of one person you name"),
    ],
    "a newcomer asks how to push the buttons, then what now after a no": [
        (":1h", ""),
        ("ask my old foreman bill for a good word at Honda", "That's a real ask"),
        (":9h", ""),
        ("how do i push the button", "or just type your answer in your own words, e.g. “made it”"),
        ("yes i asked him", "Nice — you asked. What happened?"),
        ("how do i answer this?", "e.g. “she said yes”, “no reply yet” or “he said no”"),
        ("he said no", "A no is still an answer"),
        ("what now", "Next: one more person. Who else knows people at Honda"),
    ],
    "should I follow up, before asking and the same day: not yet": [
        (":1h", ""),
        ("ask my old foreman bill for a good word at Honda", "That's a real ask"),
        ("should i follow up?", "Not yet — first make your ask of Bill."),
        (":9h", ""),
        ("yes i asked him", "Nice — you asked. What happened?"),
        ("no reply yet", "Asking was the hard part."),
        ("should i call him again", "Yes, but not yet — Bill has only just had it."),
    ],
    "a Houston warehouse lead in Spanish and English: waiting, a redirect, a time": [
        (":1h", ""),
        ("ask Ramon for a good word at US Foods", "That's a real ask"),
        (":9h", ""),
        ("ya le pregunté", "Nice — you asked. What happened?"),
        ("no contestó todavia", "Asking was the hard part."),  # (was "A no is still an answer")
        (
            "ramon said no openings rn but told me to hit up his buddy carlos at US Foods",
            "Ramon pointed you to Carlos — that's a warm lead",
        ),
        ("change my time to 5:30 mañana", "Done: check-ins mon-fri at 05:30"),  # (was 17:30)
    ],
    "waiting said in careful English, in slang, and Pidgin's redirect": [
        (":1h", ""),
        ("ask Tunde for a referral for the analyst role at Access Bank", "That's a real ask"),
        (":9h", ""),
        ("I have asked him yesterday", "Nice — you asked. What happened?"),
        ("He did not answer until now.", "Asking was the hard part."),
        (":1d", ""),
        ("still nada from tunde", "Still nothing from Tunde"),
        (
            "Tunde talk say make I contact Mrs Okafor for HR, na she dey handle am",
            "Tunde pointed you to Mrs Okafor",
        ),
    ],
    "a draft asked for in other words, then made shorter and more formal": [
        (":1h", ""),
        ("I go ask my oga Emeka make e refer me for the analyst role for Access Bank", "Emeka"),
        ("can u write am for me", "Here's a draft for Emeka"),
        ("make it less cringe", "Here's a short draft for Emeka"),
        ("more formal", "Here's a more formal draft for Emeka"),
    ],
    "a nervous returner's 'I sent it', and Pidgin's 'wetin I go tell am' and 'I don come back'": [
        (":1h", ""),
        (
            "ask Helen Price for an intro to the returner programme lead at Aviva",
            "That's a real ask",
        ),
        ("abeg wetin I go tell am? how I go start the message", "Keep it short: who you are"),
        (":6h", ""),
        ("I sent it this afternoon! I was so nervous.", "Nice — you asked. What happened?"),
        ("pause 3", "Paused until"),
        ("I don come back, start am again", "Welcome back!"),
    ],
    "Irish words: my old gaffer, sorted, it's a goer, right I'm off": [
        (":1h", ""),
        (
            "ask my old gaffer Declan to put in a word for me at Kerry Group for the shift lead job",
            "That's a real ask: Declan",
        ),
        (":9h", ""),
        ("sorted, asked him at lunch", "Nice — you asked. What happened?"),
        ("he reckons its a goer 🤞", "Great outcome."),
        ("right, im off. laters", "Bye for now!"),
    ],
    "Australian and New Zealand slang: thanks heaps, catch ya": [
        (":1h", ""),
        ("ta heaps", "You're welcome!"),
        ("cheers, catch ya", "Bye for now!"),
        (":1d", ""),
        ("ask Priya for a referral at Xero", "That's a real ask: Priya"),
        ("thanks heaps coach", "You're welcome!"),
        ("catch ya", "Bye for now!"),
    ],
    "no clue, then a store manager who moved to corporate": [
        (":1h", ""),
        (
            "honestly no clue, everyone i know is in retail",
            "Start with people who already know you",
        ),
        (
            "hmm my old store manager linda moved to corporate at target",
            "What will you ask Linda for",
        ),
        (
            "could ask her if she knows anyone in merchandising planning",
            "Nearly there — what's the one thing Linda can do for you?",
        ),
        ("cheers, appreciate it", "You're welcome!"),  # thanks, never the answer
        ("wait how does this whole thing work again?", "I'm your ask coach. Each working day"),
    ],
    "a plan kept after two questions is in the member's words": [
        (":1h", ""),
        ("reach out to some recruiters", "Who exactly will you ask, and for what?"),
        ("maybe someone at shopify", ""),
        (
            "a recruiter there i guess",
            "I've noted “reach out to some recruiters. maybe someone at shopify.",
        ),
    ],
}


def test_a_time_and_the_first_ask_in_one_message_are_both_taken(sqlite_db: Database) -> None:
    chat = welcomed(sqlite_db, user="Tom")
    replies = chat.say(
        "kk 9 is fine. first ask: asking my ex-colleague Tomás for a referral at Shopify"
    )
    assert replies[0].startswith("You're set: mon-fri at 09:00"), replies
    assert "Got an ask already?" not in replies[0]
    assert replies[1].startswith("That's a real ask: Tomás, a referral at Shopify."), replies


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("oi! sorry my english is not perfect", "No need to apologise"),
        ("is ok 9h for me. I am in São Paulo", "You're set: mon-fri at 09:00 (America/Sao_Paulo)"),
        ("better 10h por favor, at 9h I bring the kids to school", "You're set: mon-fri at 10:00"),
        ("8 is too early, 9:30 please", "You're set: mon-fri at 09:30"),
        ("hi, I run the job club here, just trying this out", "this DM works"),
    ],
)
def test_onboarding_in_learners_and_organizers_words(
    newcomer: Chat, first: str, expected: str
) -> None:
    assert expected in "\n".join(newcomer.say(first))


def test_is_this_the_job_thing_at_the_welcome_is_answered(newcomer: Chat) -> None:
    # (found in the fourteenth session's console trial: it kept 09:00 without saying so, then
    # answered the question as a plan)
    [reply] = newcomer.say("hello?? is this the job thing my daughter set up")
    assert reply.startswith("I'm a bot — an ask coach your group's organizers set up.")
    [kept] = newcomer.say("ok")
    assert kept.startswith("You're set: mon-fri at 09:00")


@pytest.mark.parametrize("talk", TALKS)
def test_short_talks(sqlite_db: Database, talk: str) -> None:
    chat = onboarded(sqlite_db, user="Kim")
    for said, expected in TALKS[talk]:
        if said.startswith(":"):
            chat.advance(said[1:])
            continue
        replies = chat.say(said)
        assert expected in "\n".join(replies), (said, replies)


def test_deleting_data_from_a_list_is_never_a_target_removal(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, user="Ana")
    [forget] = chat.say("delete my data from your list")
    assert forget.startswith("This deletes everything I hold about you")
    chat.say("no")
    [stop] = chat.say("remove me from the list")
    assert "no more check-ins from me" in stop


@pytest.mark.parametrize(
    "text",
    [
        "https://",
        "http://a",
        "www.",
        "https://boards.greenhouse.io/",
        "https://x.wd5.myworkdayjobs.com" + "/a" * 3000,
        "<https://jobs.lever.co/acme/1|@here>",
        "https://evil.example/\x00\x07careers",
    ],
)
def test_a_strange_link_gets_an_answer_and_changes_nothing(chat: Chat, text: str) -> None:
    [reply] = chat.say(text)
    assert reply  # an answer, never an error
    assert "@here" not in reply
    assert asks(chat.db) == []
