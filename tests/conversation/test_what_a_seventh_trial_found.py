"""What a seventh black-box trial found (90 conversations written before any was run; 60 run
in the session, 30 kept for its end), and what trying the coach by hand found beside it: each
as the member typed it, with what the coach now says and keeps.
"""

from __future__ import annotations

from storage import Database
from tests.support.chat import at_the_morning_question
from tests.support.kept import the_ask


def test_the_referral_one_about_a_friend_at_spotify_is_a_referral_there(
    sqlite_db: Database,
) -> None:
    chat = at_the_morning_question(sqlite_db)
    chat.say("maybe my friend lucia? she works at spotify")
    chat.say("idk what would u ask her")
    [reply] = chat.say("ok the referral one")
    assert reply.startswith("That's a real ask: Lucia, a referral at Spotify.")
    assert (the_ask(sqlite_db).who, the_ask(sqlite_db).company) == ("Lucia", "Spotify")


def test_the_follow_up_says_whom_not_the_whole_conversation(sqlite_db: Database) -> None:
    chat = at_the_morning_question(sqlite_db)
    chat.say("maybe my friend lucia? she works at spotify")
    chat.advance("8h")
    chat.say("no answer yet")
    [follow_up] = [line for line in chat.advance("3d") if "ago you asked" in line]
    assert "3 days ago you asked Lucia. Heard back from Lucia?" in follow_up
