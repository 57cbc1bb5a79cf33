"""Coaching a vague or passive plan into a specific ask, in at most two questions."""

from __future__ import annotations

from bot.domain import AskStatus
from storage import Database
from tests.core.test_first_day import onboarded
from tests.support.chat import Chat


def asks(db: Database) -> list[tuple[str, str, str]]:
    with db() as uow:
        return [(a.text, a.verdict, a.status.value) for a in uow.asks.for_member(1)]


def morning(db: Database) -> Chat:
    chat = onboarded(db)
    chat.advance("1h")
    return chat


def test_missing_what_is_asked_for_and_combined(sqlite_db: Database) -> None:
    chat = morning(sqlite_db)
    assert chat.say("reach out to Sarah") == [
        "What will you ask Sarah for — an intro, a referral, feedback on something, names at "
        "a company?"
    ]
    reply = chat.say("a referral for the analyst job at Target")
    assert reply[0].startswith("That's a real ask: Sarah, ")
    assert "referral" in reply[0]
    assert asks(sqlite_db) == [
        ("Ask Sarah for a referral for the analyst job at Target", "specific", "open")
    ]


def test_missing_who_is_asked_for_and_combined(sqlite_db: Database) -> None:
    chat = morning(sqlite_db)
    [question] = chat.say("Ask for a referral for the analyst job at Target")
    assert question.startswith("Who exactly will you ask for a referral")
    reply = chat.say("Dana Kim")
    assert reply[0].startswith("That's a real ask: Dana Kim, ")
    [(text, verdict, _)] = asks(sqlite_db)
    assert verdict == "specific" and text.startswith("Ask Dana Kim for a referral")


def test_passive_plan_is_named_kindly_then_made_specific(sqlite_db: Database) -> None:
    chat = morning(sqlite_db)
    [question] = chat.say("go to the tech tuesday mixer tonight")
    assert (
        "can be a fine place to ask" in question and "Who will you ask, and for what?" in question
    )
    assert "real ask" not in question and "great" not in question.lower()
    reply = chat.say("Ask Jen Park to introduce me to her manager at Medtronic")
    assert reply[0].startswith("That's a real ask: Jen Park, ")
    assert [v for _, v, _ in asks(sqlite_db)] == ["specific"]


def test_two_questions_at_most_then_the_plan_is_recorded_as_it_is(sqlite_db: Database) -> None:
    chat = morning(sqlite_db)
    chat.say("go to the networking happy hour")
    second = chat.say("meet some new people there")
    assert len(second) == 1 and "?" in second[0]
    final = chat.say("just see what happens")
    assert final[0].startswith("I've noted")
    assert "not yet an ask" in final[0]
    [(_, verdict, status)] = asks(sqlite_db)
    assert verdict in ("passive", "vague") and status == AskStatus.SKIPPED.value
    assert chat.say("stats")[0].startswith("Asks: 0 specific of 1 planned")


def test_a_passive_plan_is_never_recorded_as_specific(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    plans = (
        "Go to the Tech Tuesday mixer tonight",
        "Coffee with Megan to catch up",
        "Update my resume",
        "networking",
    )
    for plan in plans:
        chat.say(plan)
        chat.say("yeah")
        chat.say("not sure")
    verdicts = [v for _, v, _ in asks(sqlite_db)]
    assert len(verdicts) == len(plans)
    assert "specific" not in verdicts


def test_skip_works_at_every_step(sqlite_db: Database) -> None:
    chat = morning(sqlite_db)
    skipped = "No problem — skipping today. I'll ask again tomorrow at 09:00."
    assert chat.say("skip") == [skipped]  # at the morning question
    chat.say("reach out to Sarah")
    assert chat.say("skip") == [skipped]  # at the first clarifying question
    chat.say("go to the mixer")
    chat.say("meet people")
    assert chat.say("skip") == [skipped]  # at the second clarifying question
    assert asks(sqlite_db) == []
    chat.say("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    chat.advance("8h")
    assert chat.press("Skip") == ["Skipped. Tomorrow's a new ask."]  # did you make it?
    assert asks(sqlite_db)[0][2] == "skipped"


def test_same_person_same_favour_within_two_weeks_is_flagged(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    chat.say("Ask Maria Lopez for a referral for the analyst job at Target")
    chat.advance("2d")
    replies = chat.say("Ask Maria Lopez for a referral for the planner job at Target")
    assert replies[0].startswith("That's a real ask")
    assert replies[1].startswith(
        "Heads-up: you asked Maria Lopez for the same kind of favour 2 days ago."
    )


def test_offer_help_first_after_several_asks_and_no_gives(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    chat.say("Ask Maria Lopez for an intro to the CFO at Cargill")
    chat.say("Ask Omar Haddad for a referral for the analyst job at Target")
    third = chat.say("Ask Li Wei to review my cover letter for the Ecolab role")
    assert third[-1].startswith("Tip: offer help first.")
    chat.say("gave Sam an intro to my old manager")
    chat.say("Ask Jen Park for names at 3M")
    chat.say("Ask Raj Patel for a reference for the Polaris role")
    sixth = chat.say("Ask Karen Ito for an intro to the COO at Best Buy")
    assert not any(r.startswith("Tip: offer help first.") for r in sixth)
