"""A member's first day with the coach, as a chat transcript with a fake clock."""

from __future__ import annotations

from bot.domain import AskStatus
from storage import Database
from tests.support.chat import Chat


def onboarded(db: Database, start: str = "2026-03-02T08:00") -> Chat:
    chat = Chat(db, start=start)
    greeting = chat.greet()
    assert "Reply `ok`" in greeting[0]
    assert chat.say("ok") == [
        "You're set: mon-fri at 09:00 (America/Chicago). Got an ask already? "
        "Tell me who you'll ask, and for what."
    ]
    return chat


def test_onboarding_accepts_timezone_and_time_in_one_reply(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T06:00")
    chat.greet()
    reply = chat.say("Europe/Berlin 08:30")
    assert "08:30 (Europe/Berlin)" in reply[0]
    with sqlite_db() as uow:
        community = uow.communities.find("console", "club")
        assert community is not None and community.id is not None
        member = uow.members.find(community.id, "Ana")
        assert member is not None
        assert member.timezone == "Europe/Berlin"
        assert member.checkin_time.strftime("%H:%M") == "08:30"
        pending = uow.checkins.pending_for_member(member.id or 0)
        [morning] = [c for c in pending if c.kind.value == "morning"]
    # 06:00 in Chicago is 13:00 in Berlin: the first is Tuesday 08:30 Berlin, 07:30 UTC.
    assert morning.due_at.isoformat() == "2026-03-03T07:30:00+00:00"


def test_onboarding_rejects_unknown_timezone_and_keeps_asking(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T06:00")
    chat.greet()
    reply = chat.say("Mars/Olympus 08:00")
    assert reply == [
        "I don't know the timezone “Mars/Olympus”. Try a city like America/Chicago or "
        "Europe/Berlin."
    ]
    assert "You're set" in chat.say("ok")[0]


def test_first_message_is_kept_through_onboarding(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T10:00")
    first = chat.say("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    assert "Reply `ok`" in first[0]
    replies = chat.say("ok")
    assert replies[-1].startswith("That's a real ask")


def test_the_first_day_from_mixer_to_recorded_ask(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    assert chat.advance("30m") == []
    assert chat.advance("1h") == [
        "[2026-03-02 09:00] Morning, Ana! What's your specific ask today — who will you ask, "
        "and for what?\n(e.g. “Ask Priya for an intro to the data team lead at Target”)"
    ]
    coached = chat.say("Go to the Tech Tuesday mixer tonight")
    assert len(coached) == 1
    assert "Who will you ask, and for what?" in coached[0]
    assert "real ask" not in coached[0]
    recorded = chat.say("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    assert recorded[0].startswith(
        "That's a real ask: Maria Lopez, an intro to the head of talent at Medtronic."
    )
    assert recorded[0].endswith("I'll check in at 17:00.")

    assert chat.advance("6h") == []  # now 15:30
    afternoon = chat.advance("2h")
    assert afternoon == ["[2026-03-02 17:00] Did you make your ask of Maria Lopez?"]
    assert [c.label for c in chat.last_choices()] == ["Made it", "Not yet", "Skip"]

    assert chat.press("Made it") == ["Nice — you asked. What happened?"]
    thanks = chat.press("Said yes")
    assert "thank-you to Maria Lopez" in thanks[0]

    stats = chat.say("stats")
    assert stats[0].startswith("Asks: 1 specific of 1 planned · made 1 · yes 1")

    with sqlite_db() as uow:
        member = uow.members.find(1, "Ana")
        assert member is not None and member.id is not None
        [ask] = uow.asks.for_member(member.id)
    assert ask.verdict == "specific"
    assert ask.status == AskStatus.MADE
    assert ask.outcome is not None and ask.outcome.value == "yes"


def test_typed_answers_work_like_buttons(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    chat.say("ask Maria Lopez for a referral for the analyst job at Target")
    chat.advance("8h")
    # Not made yet: the same question comes back the next working day, not "heard back?".
    assert chat.say("not yet") == [
        "No worries. The ask of Maria Lopez is still open — I'll ask again on Tuesday at 17:00."
    ]
    assert chat.advance("1d")[-1] == "[2026-03-03 17:00] Did you make your ask of Maria Lopez?"


def test_skip_is_always_fine(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    chat.advance("1h")
    assert chat.say("skip") == ["No problem — skipping today. I'll ask again tomorrow at 09:00."]
    with sqlite_db() as uow:
        assert uow.asks.for_member(1) == []


def test_replayed_event_is_handled_once(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    text = "Ask Maria Lopez to introduce me to the head of talent at Medtronic"
    assert chat.say(text, event_id="Ev1")
    assert chat.say(text, event_id="Ev1") == []
    with sqlite_db() as uow:
        assert len(uow.asks.for_member(1)) == 1


def test_next_morning_follows_on_the_next_working_day(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-06T08:00")  # a Friday
    first = chat.advance("2h")
    assert first[0].startswith("[2026-03-06 09:00] Morning")
    # The rest of Friday: one gentle nudge, then the Friday review; the weekend is quiet.
    weekend = chat.advance("2d")
    assert [line[:31] for line in weekend] == [
        "[2026-03-06 12:00] Still time f",
        "[2026-03-06 17:30] Your week, A",
    ]
    monday = chat.advance("1d")
    assert any(line.startswith("[2026-03-09 09:00] Morning") for line in monday)
