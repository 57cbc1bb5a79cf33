"""Forged button values, other members' ids and odd words change nothing and say why."""

from __future__ import annotations

from storage import Database
from tests.support.chat import Chat
from tests.support.snapshot import snapshot


def two_members(db: Database) -> Chat:
    chat = Chat(db, start="2026-03-02T10:00")
    for name in ("Ana", "Bob"):
        chat.greet(name)
        chat.say("ok", user=name)
    chat.say("Ask Maria Lopez for a referral for the analyst job at Target")  # Ana's ask, id 1
    return chat


def test_a_forged_button_for_someone_elses_ask_is_refused(sqlite_db: Database) -> None:
    chat = two_members(sqlite_db)
    before = snapshot(sqlite_db)
    for value in ("!ask:1:made", "!ask:1:yes", "!ask:1:drop", "!ask:999:made"):
        assert chat.say(value, user="Bob") == [
            "That button belongs to an ask I no longer have. Say `stats` to see yours."
        ]
    assert chat.say("!ask:1:explode") == [
        "I don't know that button. Say `help` to see what I can do."
    ]
    assert snapshot(sqlite_db) == before


def test_a_forged_intro_button_is_refused(sqlite_db: Database) -> None:
    chat = two_members(sqlite_db)
    chat.say("know Target", user="Bob")
    chat.say("target add Target")
    [offer] = [c.value for c in chat.last_choices() if c.label == "Yes, ask"]
    intro_id = offer.split(":")[1]
    chat.greet("Cy")
    chat.say("ok", user="Cy")
    before = snapshot(sqlite_db)
    # Cy is neither the asker nor the helper; Bob cannot answer for Ana before he is asked.
    assert chat.say(f"!intro:{intro_id}:yes", user="Cy") == ["That request isn't open any more."]
    assert chat.say(f"!intro:{intro_id}:accept", user="Bob") == ["That request is already settled."]
    assert chat.say("!intro:424242:yes") == ["That request isn't open any more."]
    assert snapshot(sqlite_db) == before


def test_odd_words_get_a_hint_and_change_nothing(sqlite_db: Database) -> None:
    chat = two_members(sqlite_db)
    before = snapshot(sqlite_db)
    assert chat.say("share maybe") == [
        "Try `share on`, `share off`, `share names on` or `share names off`."
    ]
    assert chat.say("target") == ["Try `target add <company>` or `target remove <company>`."]
    assert chat.say("know") == ["Where do you know people? e.g. `know Medtronic`"]
    assert chat.say("gave") == [
        "What help did you give? e.g. `gave Sam an intro to my old manager`"
    ]
    assert chat.say("pause 0")[0].startswith("Pause for how many days? e.g. `pause 5` (1 to 365)")
    assert chat.say("pause 9999")[0].startswith("Pause for how many days?")
    assert chat.say("tz ../../etc/passwd")[0].startswith("I don't know the timezone")
    assert chat.say("report") == ["Only the group's admins or coaches can see that."]
    assert chat.say("digest") == ["Only the group's admins or coaches can see that."]
    assert snapshot(sqlite_db) == before


def test_communities_never_see_each_others_members(sqlite_db: Database) -> None:
    two_members(sqlite_db)
    other = Chat(sqlite_db, start="2026-03-02T10:00", community="other-club", user="Ana")
    other.greet()
    other.say("ok")
    # The same user id in another community is a different member with no asks.
    assert other.say("stats")[0].startswith("Asks: 0 specific of 0 planned")
    # A button for the first community's ask does nothing in the second.
    assert other.say("!ask:1:made") == [
        "That button belongs to an ask I no longer have. Say `stats` to see yours."
    ]
