"""What a second tester found, playing 99 members in the console without reading the code
(ninth session): each message here had changed the wrong thing — paused the member for
someone else's trip, recorded a maybe as a no, resumed check-ins nobody had paused — or lost
half of what the member said.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from bot.domain import AskStatus, Outcome
from bot.progress import streak
from storage import Database
from tests.support.chat import (
    Chat,
    at_the_afternoon_question,
    at_the_morning_question,
    made_it,
    planned,
)
from tests.support.kept import the_ask, the_asks, the_member

DANA = "Ask Dana Lee for a referral to the PM role at Stripe"


# ------------------------------------------------------- the person asked is away, not the member


def test_his_trip_keeps_the_ask_open_and_the_member_checked_in(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    [reply] = chat.say("not yet, he's travelling till thursday")
    assert reply == (
        "Then it can wait until Dana Lee is back. The ask stays open — I'll ask again on "
        "Thursday at 17:00."
    )
    ask, member = the_ask(sqlite_db), the_member(sqlite_db)
    assert ask.status == AskStatus.OPEN and member.paused_until is None
    assert any("Morning, Ana" in line for line in chat.advance("16h"))  # Tuesday still comes


def test_a_trip_far_off_names_the_date(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    [reply] = chat.say("she's on vacation till the 15th")
    assert reply.endswith("I'll ask again on Monday 16 March at 17:00.")
    ask, member = the_ask(sqlite_db), the_member(sqlite_db)
    assert ask.status == AskStatus.OPEN and member.paused_until is None


def test_away_when_the_follow_up_comes_moves_the_follow_up(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, DANA, "waiting")
    follow_up = chat.advance("3d")
    assert any("Heard back from Dana Lee?" in line for line in follow_up)
    [reply] = chat.say("she's on vacation till the 15th")
    assert reply == (
        "Noted. No point nudging while Dana Lee is away — I'll check in about Dana Lee on "
        "Monday 16 March."
    )
    ask, member = the_ask(sqlite_db), the_member(sqlite_db)
    assert ask.outcome == Outcome.WAITING and member.paused_until is None


def test_away_said_later_in_the_day_is_about_the_open_ask(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, DANA, "waiting")
    chat.advance("16h")  # Tuesday's morning question is pending
    [reply] = chat.say("she's away this week i think")
    assert reply.endswith("I'll check in about Dana Lee on Monday 9 March.")
    ask, member = the_ask(sqlite_db), the_member(sqlite_db)
    assert ask.outcome == Outcome.WAITING and member.paused_until is None


# ------------------------------------------------------------------ a maybe is not a no


def test_next_month_is_the_first_of_the_month_not_monday(chat: Chat) -> None:
    [reply] = chat.say("pause till next month")
    assert reply.startswith("Paused until Wed 1 Apr.")


# ------------------------------------------------------------------------- the streak


def test_an_ask_made_on_a_saturday_counts_and_sunday_breaks_nothing() -> None:
    weekdays = frozenset(range(5))
    friday, saturday, monday = date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 9)
    assert streak({friday, saturday}, weekdays, saturday) == 2
    assert streak({friday, saturday, monday}, weekdays, monday) == 3
    assert streak({friday}, weekdays, monday) == 1  # the weekend between breaks nothing


# ------------------------------------------------- two things in one message: both are done


def test_made_it_and_a_new_time_both_count(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    done, question = chat.say("did it! also can you move my check-ins to 8am")
    assert done == "Done: check-ins mon-fri at 08:00 (America/Chicago)."
    assert question == "Nice — you asked. What happened?"
    ask, member = the_ask(sqlite_db), the_member(sqlite_db)
    assert ask.status == AskStatus.MADE and member.checkin_time.hour == 8
    [thanks] = chat.say("said yes")  # the question is still the pending one
    assert thanks.startswith("Great outcome.")


def test_a_yes_and_a_break_both_count(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, DANA)
    paused, thanks = chat.say("she said yes and also can you pause me next week")
    # said on Monday: next week's days off, and this week as usual
    assert paused.startswith("Got it — no check-ins Mon 9 – Fri 13 Mar; I'll be back Mon 16 Mar.")
    assert thanks.startswith("Great outcome.")
    ask, member = the_ask(sqlite_db), the_member(sqlite_db)
    assert ask.outcome == Outcome.YES and "2026-03-09" in member.memory["skip_days"]


def test_someone_elses_pause_is_no_request(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, DANA)
    [reply] = chat.say("she said yes, and I also asked my cousin to pause her job search lol")
    assert reply.startswith("Great outcome.")
    assert the_member(sqlite_db).paused_until is None


# ------------------------------------------------------- pointed to someone else: a lead


FUNKE = "I go ask Funke make she refer me for the analyst role for GTBank"


def test_pidgin_made_and_pointed_to_emeka(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, FUNKE)
    [made] = chat.say("I don ask am")
    assert made == "Nice — you asked. What happened?"
    [lead] = chat.say("she say make I ask Emeka instead")
    assert lead == (
        "Funke pointed you to Emeka — that's a warm lead, not a dead end. Thank Funke, then tell "
        "me your ask of Emeka: “Ask Emeka for …”."
    )
    ask = the_ask(sqlite_db)
    assert ask.who == "Funke" and ask.outcome == Outcome.NO  # Funke's ask is kept as it was


def test_told_me_to_ask_someone_is_a_lead_with_the_whole_name(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    chat.say("I have asked")
    [lead] = chat.say("she told me to ask emeka okafor for the referral")
    assert lead.startswith("Dana Lee pointed you to Emeka Okafor")


# ------------------------------------------------------------- two asks, however they are joined


def test_one_favour_of_two_people_is_two_asks(chat: Chat) -> None:
    [reply] = chat.say("Ask Dana Lee and Tom Park for a referral at Stripe")
    assert reply.startswith(
        "Two real asks: Dana Lee, a referral at Stripe — and Tom Park, a referral at Stripe."
    )
    assert [a.who for a in the_asks(chat.db)] == ["Dana Lee", "Tom Park"]


# ------------------------------------------------------------------ answers in their own words


@pytest.mark.parametrize(
    ("plan", "then", "begins"),
    [
        # the referral for a role answers what Dana is asked for
        (
            "I'll reach out to Dana",
            "the referral for the backend role",
            "That's a real ask: Dana, a referral for the backend role.",
        ),
        # a coffee just to catch up is kept as it is
        (
            "asking sarah for coffee",
            "just to catch up really",
            "Fair enough — enjoy the coffee with Sarah.",
        ),
    ],
)
def test_a_plan_being_shaped_is_finished_in_the_members_words(
    sqlite_db: Database, plan: str, then: str, begins: str
) -> None:
    [reply] = planned(sqlite_db, plan).say(then)
    assert reply.startswith(begins)


def test_call_me_instead_of_a_handle_is_a_new_name_not_a_plan(chat: Chat) -> None:
    [reply] = chat.say("can u call me Ravi instead of rsingh")
    assert reply.startswith("Got it — I'll call you Ravi from now on.")
    assert the_asks(chat.db) == []


def test_names_sent_are_a_yes_and_the_next_asks(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, "Ask Dana Lee for two names at Stripe", "waiting")
    chat.advance("3d")  # the follow-up: "Heard back from Dana Lee?"
    [reply] = chat.say("she sent me two names, Ife and Musa")
    assert reply.endswith(
        "Ife and Musa are warm leads now — tell me your ask of one: “Ask Ife for …”."
    )
    assert the_ask(sqlite_db).outcome == Outcome.YES


@pytest.mark.parametrize(
    "said",
    [
        "na-send ko na po",
        "tapos na po",
        "oo, nagawa ko na",
        "e don do",
        "I don ask am",
        "yessir, pinged her at lunch",
    ],
)
def test_made_in_taglish_and_pidgin_is_made(sqlite_db: Database, said: str) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    assert chat.say(said) == ["Nice — you asked. What happened?"]
    assert the_ask(sqlite_db).status == AskStatus.MADE


def test_a_taglish_report_of_an_ask_made_is_noted_not_planned(chat: Chat) -> None:
    [reply] = chat.say("nag-message na ako kay Joy kanina para sa referral sa Accenture")
    assert reply == "Noted: you asked Joy. What happened?"
    ask = the_ask(chat.db)
    assert ask.who == "Joy" and ask.status == AskStatus.MADE


def test_thinking_aloud_gets_time_not_a_misunderstanding(chat: Chat) -> None:
    first, second = chat.say("hmm")[0], chat.say("umm… let me think 🤔")[0]
    assert first == "Take your time. A name and one favour is all it takes."
    assert second == "No rush — think of one person who already knows your work."


# --------------------------------------------------------------- today only, and only that part


@pytest.mark.parametrize(
    "said",
    [
        "no more reminders today",
        "leave me alone today",
        "not today, dont message me again today",
        "quiet today please",
    ],
)
def test_a_quiet_day_is_today_only(chat: Chat, said: str) -> None:
    [reply] = chat.say(said)
    assert reply.startswith(("No problem — skipping today.", "Skipped for today.")), reply
    assert not the_member(chat.db).stopped
    later = chat.advance("24h")  # no midday nudge today; Tuesday's question comes
    assert not any("Still time" in line for line in later)
    assert [line[:33] for line in later] == ["[2026-03-03 09:00] Morning, Ana! "]


@pytest.mark.parametrize(
    "said",
    [
        "stop the afternoon check ins pls, mornings are fine",
        "can you stop asking if I made it",
        "dont ask me at 5pm anymore",
    ],
)
def test_the_afternoon_question_goes_and_the_mornings_stay(chat: Chat, said: str) -> None:
    [reply] = chat.say(said)
    assert reply.startswith("Done — no more afternoon question. The morning question stays")
    member = the_member(chat.db)
    assert member.checkin_time.hour == 9 and not member.stopped
    chat.say(DANA)
    assert not any("Did you make your ask" in line for line in chat.advance("10h"))
    [back] = chat.say("afternoon question back on")
    assert back.startswith("Done — the afternoon question is back")
    assert any("Did you make your ask of Dana Lee?" in line for line in chat.advance("22h"))


def test_a_resume_is_a_cv_unless_it_is_the_word_alone(chat: Chat) -> None:
    chat.say("pause till monday")
    chat.say("resume tips pls")
    assert the_member(chat.db).paused_until is not None  # still paused
    chat.say("coffee with Megan tomorrow")
    [ask] = chat.say("resume review")
    assert ask.startswith("That's a real ask: Megan, a resume review.")
    [back] = chat.say("resume pls")
    assert back.startswith("Welcome back!")


# ------------------------------------------------------------- someone else asked instead


def test_someone_asked_instead_gets_the_yes_and_the_thanks(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(
        sqlite_db, "Ask Ben Cole for a referral to the PM role at Stripe"
    )
    [reply] = chat.say("Ben's travelling, asked his colleague Sofia instead and she said yes")
    assert reply == (
        "Noted: you asked Sofia. Great outcome. A two-line thank-you to Sofia today keeps the "
        "door open — people remember who thanked them."
    )
    ben, sofia = the_asks(sqlite_db)
    assert (ben.who, ben.status, ben.was_made) == ("Ben Cole", AskStatus.DROPPED, False)
    assert (sofia.who, sofia.outcome) == ("Sofia", Outcome.YES)
    assert sofia.text == "Ask Sofia for a referral to the PM role at Stripe"


# ---------------------------------------------------------- news of one of two asks planned


CARLA_AND_LEO = "Ask Carla for a referral at HubSpot and Ask Leo for 2 names at Asana"


def statuses(db: Database) -> dict[str | None, AskStatus]:
    return {ask.who: ask.status for ask in the_asks(db)}


@pytest.mark.parametrize(
    ("said", "made"),
    [
        ("asked carla, didn't get to leo", "Carla"),
        ("did leo, not carla", "Leo"),
        ("did carla's one", "Carla"),
        ("only asked leo", "Leo"),
    ],
)
def test_one_of_two_asks_made_is_that_one(sqlite_db: Database, said: str, made: str) -> None:
    chat = at_the_afternoon_question(sqlite_db, CARLA_AND_LEO)  # "Did you make your ask of Leo?"
    chat.say(said)
    other = "Leo" if made == "Carla" else "Carla"
    assert statuses(sqlite_db) == {made: AskStatus.MADE, other: AskStatus.OPEN}


def test_news_days_late_is_about_mondays_ask(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "Ask Carla for a referral at HubSpot")
    chat.advance("3d")
    [reply] = chat.say(
        "sorry been slammed, didn't see these. i did ask carla on monday, she said she'd refer "
        "me next week"
    )
    assert reply.startswith("(That's for your ask of Carla.) Great outcome.")
    assert statuses(sqlite_db) == {"Carla": AskStatus.MADE}  # no second ask of Carla


def test_a_plan_being_shaped_that_was_already_made_is_noted_made(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "coffee with Fernanda tomorrow")
    [reply] = chat.say("Yes I talked with her! She will send my CV to him tomorrow")
    assert reply.startswith("Noted: you asked Fernanda. Great outcome.")
    assert statuses(sqlite_db) == {"Fernanda": AskStatus.MADE}


# ------------------------------------------------------------------ a wrong button put right


@pytest.mark.parametrize(
    ("pressed", "then", "begins", "status", "outcome"),
    [
        (
            "Said no",
            "oops wrong button, she said yes",
            "Fixed. Great outcome.",
            AskStatus.MADE,
            Outcome.YES,
        ),
        (
            "Said yes",
            "wait no, she actually hasn't answered, i misread",
            "Fixed. Asking was the hard part.",
            AskStatus.MADE,
            Outcome.WAITING,
        ),
        (
            "Skip",
            "undo",
            "No problem — back to it. Did you make your ask of Carla?",
            AskStatus.OPEN,
            None,
        ),
        (
            "Skip",
            "i did ask her actually",
            "Fixed — you asked. What happened?",
            AskStatus.MADE,
            None,
        ),
    ],
)
def test_a_wrong_button_is_put_right(
    sqlite_db: Database,
    pressed: str,
    then: str,
    begins: str,
    status: AskStatus,
    outcome: Outcome | None,
) -> None:
    chat = at_the_afternoon_question(sqlite_db, "Ask Carla for a referral at HubSpot")
    if pressed != "Skip":
        chat.press("Made it")
    chat.press(pressed)
    [reply] = chat.say(then)
    assert reply.startswith(begins), reply
    ask = the_ask(sqlite_db)
    assert (ask.status, ask.outcome) == (status, outcome)


@pytest.mark.parametrize(
    ("kind", "question", "then", "ask"),
    [
        (
            "an intro",
            "An intro to whom?",
            "to her manager at google",
            "an intro to her manager at Google",
        ),
        (
            "two names",
            "Names where — at which company or team?",
            "at google",
            "two names at Google",
        ),
        (
            "ok the referral thing",
            "A referral for which role or company?",
            "for the analyst role at target",
            "a referral for the analyst role at Target",
        ),
        ("a review", "A look at what", "my resume", "a review of your resume"),
    ],
)
def test_the_kind_of_favour_said_alone_gets_the_question_that_finishes_it(
    sqlite_db: Database, kind: str, question: str, then: str, ask: str
) -> None:
    chat = planned(sqlite_db, "coffee with Megan tomorrow")
    [asked] = chat.say(kind)
    assert asked.startswith(question), asked
    [noted] = chat.say(then)
    assert noted.startswith(f"That's a real ask: Megan, {ask}."), noted


def test_a_verbal_offer_not_signed_keeps_the_check_ins_going(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "I got the job!!")
    assert the_member(sqlite_db).hired_at is not None
    [reply] = chat.say(
        "wait, actually it's just a verbal offer, not signed yet. keep checking in pls"
    )
    assert reply.startswith("Got it — not signed yet, so we keep going until it is.")
    member = the_member(sqlite_db)
    assert not member.stopped and member.hired_at is None and member.state_data == {}
    assert any("Morning, Ana" in line for line in chat.advance("1d"))


@pytest.mark.parametrize(
    ("said", "setting", "news"),
    [
        (
            "no check-ins on fridays pls, and I'm asking Ben for a mock interview today",
            "Done: check-ins mon,tue,wed,thu at 09:00",
            "That's a real ask: Ben, a mock interview.",
        ),
        (
            "move me to 10 and I'm asking Jo for a referral at Wise",
            "Done: check-ins mon-fri at 10:00",
            "That's a real ask: Jo, a referral at Wise.",
        ),
        (
            "i'm sick today, also can u make it 10am from now on",
            "Done: check-ins mon-fri at 10:00",
            "I'm sorry — take care of yourself today.",
        ),
    ],
)
def test_a_setting_and_news_in_either_order_both_count(
    sqlite_db: Database, said: str, setting: str, news: str
) -> None:
    first, second = at_the_morning_question(sqlite_db).say(said)
    assert first.startswith(setting), first
    assert second.startswith(news), second


def test_a_yes_and_a_trip_pause_the_member_and_thank_the_helper(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, DANA)
    paused, thanks = chat.say("she said yes!! I'm off to visit family til march 20 tho")
    assert paused.startswith("Paused until Fri 20 Mar.")
    assert thanks.startswith("Great outcome.")


@pytest.mark.parametrize(
    ("picked", "reply"),
    [
        ("the resume one", "That's a real ask: Megan, a review of your resume."),
        ("#3", "That's a real ask: Megan, a review of your resume."),
        ("option 2", "Names where — at which company or team?"),
    ],
)
def test_a_pick_from_the_coachs_list_is_that_option(
    sqlite_db: Database, picked: str, reply: str
) -> None:
    chat = planned(sqlite_db, "coffee with Megan tomorrow")
    [ideas] = chat.say("what would you suggest?")
    assert ideas.startswith("For Megan, pick one:")
    assert chat.say(picked)[0].startswith(reply)


@pytest.mark.parametrize(
    "said", ["already thanked her 😊", "did the thank you note", "sent a quick thank you note"]
)
def test_a_thank_you_sent_is_praised_never_logged_as_an_ask(sqlite_db: Database, said: str) -> None:
    chat = made_it(sqlite_db, DANA, "she said yes")
    [reply] = chat.say(said)
    assert reply.startswith(("Lovely — a thank-you", "Nice — people remember a thank-you")), reply
    assert statuses(sqlite_db) == {"Dana Lee": AskStatus.MADE}


def test_the_same_question_four_times_never_gets_the_same_wall_twice(chat: Chat) -> None:
    replies = [chat.say("idk")[0] for _ in range(4)]
    assert replies[1].startswith("Same as before: good asks are small and concrete")
    assert replies[2].startswith("That's the same answer as just above")
    assert replies[3].startswith("Still the same answer, I'm afraid.")
    assert all(a != b for a, b in itertools.pairwise(replies))


def test_an_ask_for_thursday_is_asked_about_on_thursday(chat: Chat) -> None:
    [reply] = chat.say("Ask Ravi for a referral at Atlassian on Thursday")
    assert reply.endswith("I'll check in on Thursday at 17:00.")
    week = chat.advance("81h")  # to Thursday 18:00
    questions = [line[:17] for line in week if "Did you make your ask of Ravi?" in line]
    assert questions == ["[2026-03-05 17:00"]


def test_one_persons_asks_are_deleted_for_privacy(sqlite_db: Database) -> None:
    chat = made_it(sqlite_db, DANA, "she said yes")
    [reply] = chat.say("please delete the Dana ask, I don't want her name stored")
    assert reply == "Deleted: 1 ask of Dana Lee — the name is gone from my records."
    assert statuses(sqlite_db) == {}
    [mine] = chat.say("what did I ask today?")
    assert "Dana" not in mine


def test_the_company_said_earlier_goes_with_the_favour(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "maybe my friend kayla? she works at spotify")
    [reply] = chat.say("referral i guess")
    assert reply.startswith("That's a real ask: Kayla, a referral at Spotify.")
    assert the_ask(sqlite_db).company == "Spotify"


def test_the_morning_example_never_names_someone_whose_answer_is_awaited(
    sqlite_db: Database,
) -> None:
    chat = made_it(sqlite_db, DANA, "she's on vacation till the 15th")
    mornings = [line for line in chat.advance("3d") if "Morning, Ana" in line]
    assert mornings and not any("Ask Dana Lee" in line for line in mornings)


def test_someone_elses_yes_to_the_question_about_carla_is_news_of_them(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(
        sqlite_db, "Ask Carla for a referral at HubSpot"
    )  # "Did you make your ask of Carla?"
    [reply] = chat.say("Jen said yes!")
    assert reply == "That's great news — Jen said yes! What did you ask for? I'll note it."
    assert statuses(sqlite_db) == {"Carla": AskStatus.OPEN}


@pytest.mark.parametrize("said", ["sure but not fridays", "9 works but not fridays"])
def test_not_fridays_while_setting_up_leaves_friday_out(sqlite_db: Database, said: str) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00", user="Ana", tz="America/Chicago")
    chat.greet()
    [reply] = chat.say(said)
    assert reply.startswith("You're set: mon,tue,wed,thu at 09:00 (America/Chicago).")
    week = chat.advance("7d")
    assert not any(line.startswith("[2026-03-06") for line in week)


@pytest.mark.parametrize(
    "said",
    [
        "di pa po, bukas na lang",
        "sorta, I messaged her but didn't actually ask for the referral yet",
    ],
)
def test_not_asked_yet_in_other_words(sqlite_db: Database, said: str) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    [reply] = chat.say(said)
    assert "still open" in reply, reply
    assert statuses(sqlite_db) == {"Dana Lee": AskStatus.OPEN}


# ------------------------------------------- one message, its reply: what each of them meant


@pytest.mark.parametrize(
    ("said", "begins"),
    [
        # plans in their own words
        (
            "hoy le pido a Mariana una referencia para el puesto de data en Globant",
            "That's a real ask: Mariana, a referral",
        ),
        (
            "gonna ask Ana Souza for an intro to her manager at Nubank, plus Pedro to look over my CV",
            "Two real asks: Ana Souza, an intro to her manager at Nubank — and Pedro, a review of "
            "your CV.",
        ),
        (
            "ill ask mark for a referral at shopify",
            "That's a real ask: Mark, a referral at Shopify.",
        ),
        (
            "lowkey gonna hit up jake for a referral at discord fr",
            "That's a real ask: Jake, a referral at Discord.",
        ),
        (
            "mag-a-ask ako kay Joy ng referral sa Accenture",
            "That's a real ask: Joy, a referral at Accenture.",
        ),
        ("ask João for one indication at Nubank", "That's a real ask: João, a referral at Nubank."),
        # solo work, hard days, job news
        (
            "apply to 10 jobs on linkedin",
            "“apply to 10 jobs on linkedin” is good work — and it lands",
        ),
        ("update my resume today", "“update my resume today” is good work — and it lands"),
        (
            "don't bother me today, I'm at a funeral",
            "I'm sorry — take care of yourself today. No ask needed; I'll be here tomorrow at 09:00.",
        ),
        ("please stop, I found a job", "Congratulations"),
        (
            "got an interview at canva next week! who should i talk to before?",
            "Congrats on the interview at Canva! 🎉 Before you go in",
        ),
        # questions answered the way they are asked
        ("is it rude to ask twice?", "Not rude — people who helped once often help again."),
        ("can I ask the same person twice?", "Yes — people who helped once often help again."),
        ("would it be annoying to ask her again?", "Not annoying — people who helped once"),
        ("is it too pushy to follow up?", "Not pushy at all — a follow-up is normal."),
        ("should i stop messaging her?", "No need to stop yet — one follow-up is normal."),
        ("how long should I wait before following up?", "Wait 3–4 working days, then"),
        ("is it ok to not follow up?", "You can — but one short follow-up often gets the answer."),
        ("he has not revert back till now, what to do?", "Yes — always follow up."),
        ("does texting count?", "Yes — any channel counts"),
        ("am i bothering people?", "No — a short, specific ask"),
        ("should i offer to pay for the coffee?", "Offer, yes"),
        ("what if they ghosted me the first time", "Then one polite follow-up is fine"),
        # thanks and goodbyes in slang
        ("you're a real one 🙏", "You're welcome! 🙌"),
        ("fair enough. night!", "Bye for now! 👋"),
        ("aight catch you tomorrow", "Bye for now! 👋"),
    ],
)
def test_what_a_member_says_at_the_morning_question(
    sqlite_db: Database, said: str, begins: str
) -> None:
    [reply, *_] = at_the_morning_question(sqlite_db).say(said)
    assert reply.startswith(begins), reply


# How it went, in the members' words: tests/conversation/test_how_it_went.py (Dana Lee).


def test_a_wrong_button_can_be_taken_back_only_right_after(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, "Ask Carla for a referral at HubSpot")
    chat.press("Made it")
    chat.press("Said no")
    chat.advance("3h")  # later that evening, other news
    chat.say("oops wrong button, she said yes")
    assert the_ask(sqlite_db).outcome == Outcome.NO


def test_a_delete_that_names_no_one_asks_whose_and_deletes_nothing(sqlite_db: Database) -> None:
    chat = at_the_afternoon_question(sqlite_db, DANA)
    [reply] = chat.say("please delete that ask, I don't want it stored")
    assert reply.startswith("Whose asks should I delete? Tell me the name")
    assert statuses(sqlite_db) == {"Dana Lee": AskStatus.OPEN}


def test_the_afternoon_question_switched_twice_says_so_and_changes_nothing(
    sqlite_db: Database,
) -> None:
    chat = planned(sqlite_db, "can you stop asking if I made it")
    [again] = chat.say("stop the afternoon check ins pls")
    assert again.startswith("The afternoon question is already off.")
    assert the_member(sqlite_db).memory.get("no_afternoon") is True
