"""The home screen's read of a member's week (Coach.home / member_week): read-only, per member."""

from __future__ import annotations

from storage import Database
from tests.support.chat import Chat


def test_home_shows_this_weeks_asks_gives_and_waiting_follow_ups(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")  # a Monday
    assert chat.coach.home(chat.sender()) is None  # never met: nothing, and nothing created
    chat.greet()
    chat.say("ok")
    chat.say("Ask Maria Lopez for a referral for the analyst job at Target")
    chat.say("gave Sam an intro to my old manager")
    chat.advance("9h")
    chat.press("Made it")
    chat.press("Waiting to hear")

    week = chat.coach.home(chat.sender())
    assert week is not None and week.onboarded
    (ask,) = week.asks
    assert (ask.verdict, ask.status, ask.outcome) == ("specific", "made", "waiting")
    assert week.gives == ("Sam an intro to my old manager",)
    assert week.stats.week_specific == 1 and week.stats.streak == 1
    assert week.follow_ups == ()  # this week's asks are listed above, not twice

    chat.advance("7d")  # next week: last week's unanswered ask is a follow-up
    later = chat.coach.home(chat.sender())
    assert later is not None
    assert later.asks == ()
    assert [a.id for a in later.follow_ups] == [ask.id]
    assert chat.coach.home(chat.sender("Someone Else")) is None
