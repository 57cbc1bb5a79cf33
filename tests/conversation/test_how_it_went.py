"""How an ask went, said the way people say it (ninth session, from the tester's report):
half a yes, a yes that has to wait, an ask dropped and taken back, and a dropped ask that was
still made. Each of these used to be read as a no, a new plan or "I didn't quite get that"."""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat, at_the_afternoon_question, planned
from tests.support.kept import the_ask, the_asks

# Who was asked, for what, and how the member said at 17:00 that she asked: Dana at Paystack
# ("yep"), or the second trial's Dana Lee at Stripe, said in pidgin ("I don ask am").
ASKED = {
    "Dana": ("Ask Dana for a referral at Paystack", "yep"),
    "Dana Lee": ("Ask Dana Lee for a referral to the PM role at Stripe", "I don ask am"),
}


def asked(db: Database, who: str) -> Chat:
    """Ana planned an ask of `who` on Monday morning and says at 17:00 that she made it."""
    ask, made = ASKED[who]
    chat = at_the_afternoon_question(db, ask)
    [what_happened] = chat.say(made)
    assert what_happened.startswith("Nice — you asked. What happened?")
    return chat


@pytest.fixture
def asked_dana(sqlite_db: Database) -> Chat:
    return asked(sqlite_db, "Dana")


def great(who: str) -> str:
    return f"Great outcome. A two-line thank-you to {who} today keeps the door open — people remember who thanked them."


def a_no(who: str) -> str:
    return f"A no is still an answer — and you asked. Thank {who} anyway; people remember it. Who's next?"


def wait(who: str, until: str = "") -> str:
    """`until`: what the coach waits for ("before then", "while Dana is away") and the day."""
    if until:
        return f"Asking was the hard part. No point nudging {until}."
    return f"Asking was the hard part. I'll check in about {who} in a few days"


def until_april(who: str) -> str:
    return wait(who, f"before then — I'll check in about {who} on Wednesday 1 April")


def heard_alike(
    who: str, outcome: Outcome, reply: str, *said: str
) -> list[tuple[str, str, Outcome, str]]:
    """Rows (who, said, outcome, reply): each of `said` gets the same one reply and outcome."""
    return [(who, each, outcome, reply) for each in said]


@pytest.mark.parametrize(
    ("who", "said", "outcome", "reply"),
    [
        # half a yes is a yes
        *heard_alike(
            "Dana",
            Outcome.YES,
            "Part yes, part no — and the yes is real progress. Thank Dana for it today (two lines "
            "is plenty). For the part that didn't work out: who else could you ask?",
            "referral yes, the intro no",
            "she said yes to the referral but no to the intro",
            "yes for the referral, no for paystack",
            "half yes - she'll refer me but can't do the intro",
            "mixed news tbh",
            "she'll pass my cv on but says they're not hiring right now",
        ),
        # a whole answer is not read as half
        ("Dana", "no, she said yes!!", Outcome.YES, great("Dana")),  # a "no" alone is no half
        ("Dana", "she said yes", Outcome.YES, great("Dana")),
        ("Dana", "she said no", Outcome.NO, a_no("Dana")),
        # an answer that has to wait is waited for (a yes that has to wait, too)
        ("Dana", "yes, but she can't refer me until april", Outcome.WAITING, until_april("Dana")),
        (
            "Dana",
            "she's on vacation till the 15th",
            Outcome.WAITING,
            wait("Dana", "while Dana is away — I'll check in about Dana on Monday 16 March"),
        ),
        ("Dana", "she said maybe next month", Outcome.WAITING, until_april("Dana")),  # no yes
        (
            "Dana",
            "he replied maybe after the reorg",
            Outcome.WAITING,
            wait("Dana") + "; a thank-you note now never hurts.",
        ),
        # what the second trial's members said, in pidgin, Taglish and slang
        *heard_alike(
            "Dana Lee",
            Outcome.YES,
            great("Dana Lee"),
            "e don reply, he go refer me",
            "pumayag siya! sabi niya i-refer daw ako",
            "she submitted the referral",
            "she replied, wants to hop on a call friday",
            "she asked me to send my resume first",
            "she said bet",
            "she's gonna loop in her lead, fingers crossed",
            # someone else's "back from leave" resumes nothing
            "he said he'll intro me next week when the recruiter is back from leave",
        ),
        *heard_alike(
            "Dana Lee",
            Outcome.NO,
            a_no("Dana Lee"),
            "dem don fill the position sha",
            "she say make i apply direct for website",
            "ayaw daw niya",
            "she said she'd rather not",
            "got a reply, she can't",
            "she already referred someone else for it",
            "she said no, maybe next year",
        ),
        (
            "Dana Lee",
            "she said no 😞 ugh this is pointless",
            Outcome.NO,
            "I'm sorry — a no stings. It isn't pointless: you asked, and asking is the habit that "
            "gets the yeses. Thank Dana Lee anyway; `pause 7` is there if you need a few days.",
        ),
        *heard_alike(
            "Dana Lee",
            Outcome.WAITING,
            until_april("Dana Lee"),
            "he said maybe next month, they have a hiring freeze rn",
            "yes but only next month",
            "he said ask again in april",
        ),
        ("Dana Lee", "he never reply me", Outcome.WAITING, wait("Dana Lee") + "."),
        (
            "Dana Lee",
            "done, she told she will revert by EOD tomorrow",
            Outcome.WAITING,
            wait("Dana Lee") + "; a thank-you note now never hurts.",
        ),
        (
            "Dana Lee",
            "i asked but dana's away till next week so she'll look then",
            Outcome.WAITING,
            wait(
                "Dana Lee",
                "while Dana Lee is away — I'll check in about Dana Lee on Monday 9 March",
            ),
        ),
    ],
)
def test_how_it_went_is_heard_and_kept(
    sqlite_db: Database, who: str, said: str, outcome: Outcome, reply: str
) -> None:
    """Half a yes, a whole answer, an answer that has to wait, in the members' words: the one
    reply, and the outcome kept."""
    chat = asked(sqlite_db, who)
    assert chat.say(said) == [reply]
    assert the_ask(sqlite_db).outcome == outcome


@pytest.fixture
def dropped_dana(asked_dana: Chat) -> Chat:
    """… then waited, and dropped the ask when asked three days later whether Dana answered."""
    asked_dana.say("waiting")
    heard_back = asked_dana.advance("3d")
    assert any("Heard back from Dana?" in line for line in heard_back)
    [dropped] = asked_dana.say("drop it")
    assert dropped == "Dropped. Some asks don't land — the next one might."
    return asked_dana


@pytest.mark.parametrize(
    "said",
    [
        "undo",
        "oops wrong button, keep it",
        "wait no, don't drop dana, i still want to hear back",
        "keep her open pls",
    ],
)
def test_a_dropped_ask_taken_back(dropped_dana: Chat, said: str) -> None:
    [reply] = dropped_dana.say(said)
    assert reply == "Back on: your ask of Dana. I'll check back about Dana in a few days."
    assert the_ask(dropped_dana.db).status == AskStatus.MADE
    later = dropped_dana.advance("4d")
    assert any("Heard back from Dana?" in line for line in later)


def test_a_dropped_ask_still_counts_as_made(dropped_dana: Chat) -> None:
    [stats] = dropped_dana.say("stats")
    assert stats.startswith("Asks: 1 specific of 1 planned · made 1 · yes 0")
    [reply] = dropped_dana.say("ok")  # not a take-back: the drop stands
    assert not reply.startswith("Back on")
    assert the_ask(dropped_dana.db).status == AskStatus.DROPPED


def test_a_cancelled_plan_taken_back_gets_its_afternoon_question(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "Ask Dana for a referral at Paystack")
    [cancelled] = chat.say("cancel that ask")
    assert cancelled.startswith("Cancelled: “Ask Dana for a referral at Paystack”.")
    [back] = chat.say("wait no, keep it")
    assert back == "Back on: “Ask Dana for a referral at Paystack”. I'll check in at 17:00."
    afternoon = chat.advance("8h")
    assert any("Did you make your ask of Dana?" in line for line in afternoon)


def test_undo_with_nothing_to_undo(chat: Chat) -> None:
    [reply] = chat.say("undo")
    assert reply == (
        "Nothing to undo right now — all's as you left it. When you're ready: who will you ask "
        "today, and for what?"
    )


# ------------------------------------------------------------- what to ask, and of whom


@pytest.mark.parametrize(
    ("outcome", "lead"),
    [
        ("waiting", "You've asked Dana already; that one's waiting."),
        ("she said yes", "Dana already said yes to that one 🎉."),
        ("she said no", "Dana said no to that one."),
    ],
)
def test_same_as_yesterday_after_an_ask_that_was_made(
    asked_dana: Chat, outcome: str, lead: str
) -> None:
    asked_dana.say(outcome)
    asked_dana.advance("16h")  # Tuesday 09:00
    [reply] = asked_dana.say("same as yesterday")
    assert reply == (
        f"{lead} Same again — a referral at Paystack — but of someone new? Who else could you "
        "ask for it?"
    )
    [noted] = asked_dana.say("Tom")
    assert (
        noted
        == "That's a real ask: Tom, a referral at Paystack. Noted — good luck! I'll check in at 17:00."
    )
    assert [a.who for a in the_asks(asked_dana.db)] == ["Dana", "Tom"]


@pytest.mark.parametrize("said", ["idk", "no idea", "no one comes to mind tbh", "dunno"])
def test_no_idea_who_gets_help_and_the_plan_waits(chat: Chat, said: str) -> None:
    [who] = chat.say("get a referral at paystack")
    assert who.startswith("Who exactly will you ask for a referral at paystack?")
    [help_] = chat.say(said)
    assert help_.startswith("Start with people who already know you: former colleagues")
    [noted] = chat.say("Tom")
    assert noted.startswith("That's a real ask: Tom, a referral at paystack.")


def test_no_idea_what_gets_ideas_for_that_person(sqlite_db: Database) -> None:
    chat = planned(sqlite_db, "coffee with Dana tomorrow")
    [ideas] = chat.say("idk")
    assert ideas.startswith("For Dana, pick one: an intro to someone on their team")


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("what should I ask Dana?", "Dana"),
        ("meeting Dana for coffee tomorrow, what should I ask her on the call?", "Dana"),
        ("having coffee with my old boss friday - what should i ask him for?", "your old boss"),
    ],
)
def test_what_should_i_ask_someone(chat: Chat, question: str, who: str) -> None:
    [ideas] = chat.say(question)
    assert ideas.startswith(f"For {who}, pick one: an intro to someone on their team")
    [noted] = chat.say("a referral")
    assert noted.startswith(f"That's a real ask: {who}, a referral.")


@pytest.mark.parametrize(
    "said",
    [
        "Ask Dana for a referral at Paystack and ask Tom to review my resume",
        "ask dana for a referral at Paystack. also ask tom to review my resume",
    ],
)
def test_two_asks_in_one_message_are_two_asks(chat: Chat, said: str) -> None:
    [reply] = chat.say(said)
    assert reply == (
        "Two real asks: Dana, a referral at Paystack — and Tom, a review of your resume. Noted — "
        "good luck! I'll check in at 17:00."
    )
    asks = the_asks(chat.db)
    assert [(a.who, a.status) for a in asks] == [("Dana", AskStatus.OPEN), ("Tom", AskStatus.OPEN)]
    afternoon = chat.advance("8h")
    assert any("Did you make your ask of Tom?" in line for line in afternoon)
    chat.say("yes")
    chat.say("he said yes")
    tuesday = chat.advance("16h")
    assert any("Still open: your ask of Dana." in line for line in tuesday)


def test_one_ask_that_mentions_asking_is_one_ask(chat: Chat) -> None:
    [reply] = chat.say("I'll ask Priya for an intro to her manager at Stripe")
    assert reply.startswith("That's a real ask: Priya, an intro to her manager at Stripe.")


def test_pidgin_questions_get_their_answers(chat: Chat) -> None:
    [nudge] = chat.say("wetin be nudge sef?")
    assert nudge.startswith("A nudge is a short, friendly follow-up")
    [ideas] = chat.say("wetin make i ask femi?")
    assert ideas.startswith("For Femi, pick one:")
    [noted] = chat.say("a ref at flutterwave")
    assert noted.startswith("That's a real ask: Femi, a referral at flutterwave.")


def test_an_ask_told_after_it_was_made_is_noted_with_its_favour(chat: Chat) -> None:
    [reply] = chat.say("asked carla yesterday for a referral at stripe, she said yes")
    assert reply.startswith("Noted: you asked Carla. Great outcome.")
    ask = the_ask(chat.db)
    assert (ask.who, ask.kind, ask.status, ask.outcome) == (
        "Carla",
        "referral",
        AskStatus.MADE,
        Outcome.YES,
    )
