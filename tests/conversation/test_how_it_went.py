"""How an ask went, said the way people say it (ninth session, from the tester's report):
half a yes, a yes that has to wait, an ask dropped and taken back, and a dropped ask that was
still made. Each of these used to be read as a no, a new plan or "I didn't quite get that"."""

from __future__ import annotations

import pytest

from bot.domain import AskStatus, Outcome
from storage import Database
from tests.support.chat import Chat

MONDAY = "2026-03-02T08:00"  # Chicago


def asked_dana(db: Database) -> Chat:
    """Ana planned an ask of Dana on Monday morning and says at 17:00 that she made it."""
    chat = Chat(db, start=MONDAY, user="Ana", tz="America/Chicago")
    chat.greet()
    chat.say("ok")
    chat.advance("1h")
    chat.say("Ask Dana for a referral at Paystack")
    chat.advance("8h")
    [what_happened] = chat.say("yep")
    assert what_happened.startswith("Nice — you asked. What happened?")
    return chat


def dana(db: Database):  # type: ignore[no-untyped-def]
    with db() as uow:
        [ask] = uow.asks.for_member(1)
        return ask


@pytest.mark.parametrize(
    "said",
    [
        "referral yes, the intro no",
        "she said yes to the referral but no to the intro",
        "yes for the referral, no for paystack",
        "half yes - she'll refer me but can't do the intro",
        "mixed news tbh",
        "she'll pass my cv on but says they're not hiring right now",
    ],
)
def test_half_a_yes_is_a_yes(sqlite_db: Database, said: str) -> None:
    chat = asked_dana(sqlite_db)
    [reply] = chat.say(said)
    assert reply.startswith("Part yes, part no — and the yes is real progress. Thank Dana")
    assert dana(sqlite_db).outcome == Outcome.YES


@pytest.mark.parametrize(
    ("said", "reply"),
    [
        ("no, she said yes!!", "Great outcome."),  # a "no" on its own is no half
        ("she said yes", "Great outcome."),
        ("she said no", "A no is still an answer"),
    ],
)
def test_a_whole_answer_is_not_read_as_half(sqlite_db: Database, said: str, reply: str) -> None:
    chat = asked_dana(sqlite_db)
    [answer] = chat.say(said)
    assert answer.startswith(reply)


def test_a_yes_that_has_to_wait_is_no_no(sqlite_db: Database) -> None:
    chat = asked_dana(sqlite_db)
    [reply] = chat.say("yes, but she can't refer me until april")
    assert reply == (
        "Asking was the hard part. No point nudging before then — I'll check in about Dana on "
        "Wednesday 1 April."
    )
    assert dana(sqlite_db).outcome == Outcome.WAITING


def test_someone_away_is_waited_for(sqlite_db: Database) -> None:
    chat = asked_dana(sqlite_db)
    [reply] = chat.say("she's on vacation till the 15th")
    assert reply == (
        "Asking was the hard part. No point nudging while Dana is away — I'll check in about "
        "Dana on Monday 16 March."
    )


def dropped_after_waiting(db: Database) -> Chat:
    chat = asked_dana(db)
    chat.say("waiting")
    heard_back = chat.advance("3d")
    assert any("Heard back from Dana?" in line for line in heard_back)
    [dropped] = chat.say("drop it")
    assert dropped == "Dropped. Some asks don't land — the next one might."
    return chat


@pytest.mark.parametrize(
    "said",
    [
        "undo",
        "oops wrong button, keep it",
        "wait no, don't drop dana, i still want to hear back",
        "keep her open pls",
    ],
)
def test_a_dropped_ask_taken_back(sqlite_db: Database, said: str) -> None:
    chat = dropped_after_waiting(sqlite_db)
    [reply] = chat.say(said)
    assert reply == "Back on: your ask of Dana. I'll check back about Dana in a few days."
    assert dana(sqlite_db).status == AskStatus.MADE
    later = chat.advance("4d")
    assert any("Heard back from Dana?" in line for line in later)


def test_a_dropped_ask_still_counts_as_made(sqlite_db: Database) -> None:
    chat = dropped_after_waiting(sqlite_db)
    [stats] = chat.say("stats")
    assert stats.startswith("Asks: 1 specific of 1 planned · made 1 · yes 0")
    [reply] = chat.say("ok")  # not a take-back: the drop stands
    assert not reply.startswith("Back on")
    assert dana(sqlite_db).status == AskStatus.DROPPED


def test_a_cancelled_plan_taken_back_gets_its_afternoon_question(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start=MONDAY, user="Ana", tz="America/Chicago")
    chat.greet()
    chat.say("ok")
    chat.advance("1h")
    chat.say("Ask Dana for a referral at Paystack")
    [cancelled] = chat.say("cancel that ask")
    assert cancelled.startswith("Cancelled: “Ask Dana for a referral at Paystack”.")
    [back] = chat.say("wait no, keep it")
    assert back == "Back on: “Ask Dana for a referral at Paystack”. I'll check in at 17:00."
    afternoon = chat.advance("8h")
    assert any("Did you make your ask of Dana?" in line for line in afternoon)


def test_undo_with_nothing_to_undo(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start=MONDAY, user="Ana", tz="America/Chicago")
    chat.greet()
    chat.say("ok")
    chat.advance("1h")
    [reply] = chat.say("undo")
    assert reply == (
        "Nothing to undo right now — all's as you left it. When you're ready: who will you ask "
        "today, and for what?"
    )
