"""Organizers (platform admins, configured coaches) change the group's settings; nobody else."""

from __future__ import annotations

import pytest

from bot.messages import InboundMessage
from storage import Database
from tests.support.chat import Chat
from tests.support.snapshot import snapshot


def _organizer_olu_and(db: Database, *members: str) -> Chat:
    """Olu (a workspace admin) and `members`, all onboarded; the chat speaks as Olu."""
    chat = Chat(db, start="2026-03-02T08:00", user="Olu")
    chat.admins.add("Olu")
    for name in ("Olu", *members):
        chat.greet(name)
        chat.say("ok", user=name)
    return chat


def test_members_cannot_change_group_settings(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-02T08:00")
    chat.greet()
    chat.say("ok")
    before = snapshot(sqlite_db)
    assert chat.say("admin channel #job-club") == [
        "Only the group's admins or coaches can change its settings."
    ]
    assert snapshot(sqlite_db) == before


def test_admin_sets_time_timezone_channel_enrolment_and_coaches(sqlite_db: Database) -> None:
    chat = _organizer_olu_and(sqlite_db, "Bea")
    assert chat.say("admin time 08:15") == [
        "New members will be asked at 08:15. Members keep their own `time`."
    ]
    assert chat.say("admin tz Mars/Olympus")[0].startswith("I don't know the timezone")
    assert chat.say("admin tz Europe/London") == [
        "The group's timezone is Europe/London (digests and new members)."
    ]
    assert chat.say("admin channel <#C0JOBCLUB|job-club>") == [
        "Group digests and reports will go to <#C0JOBCLUB>."
    ]
    assert chat.say("admin enroll channel #seekers") == ["Enrolment: members of #seekers."]
    assert chat.say("admin enroll everyone")[0].startswith("Try `admin enroll all`")
    assert chat.say("admin coach add @Bea") == ["Bea is now a coach."]
    assert chat.say("admin") == [
        "Group settings: check-ins at 08:15 (Europe/London) · report channel: <#C0JOBCLUB> · "
        "enrolment: members of #seekers"
    ]
    # Bea is a coach now, so she may change settings too; a new member gets the new default.
    assert chat.say("admin enroll all", user="Bea") == ["Enrolment: every member of the workspace."]
    chat.greet("Cy")
    assert "at 08:15" in chat.say("ok", user="Cy")[0]


def test_admin_sets_and_clears_the_coach_role(sqlite_db: Database) -> None:
    chat = _organizer_olu_and(sqlite_db)
    assert chat.say("admin coach role <@&3001>") == [
        "Members with the role <@&3001> can now change settings."
    ]
    assert chat.say("admin")[0].endswith(" · coach role: <@&3001>")
    assert chat.say("admin coach role @@@")[0].startswith("Try `admin coach role @role`")
    assert chat.say("admin coach role none") == [
        "No coach role any more; coaches added by name stay coaches."
    ]
    assert "coach role" not in chat.say("admin")[0]


def test_the_core_says_when_the_enrolment_changed(sqlite_db: Database) -> None:
    """An adapter that lists members (Slack) syncs at once when the core says the enrolment
    changed: an organizer's accepted `admin enroll`, never a refused one or another setting."""
    chat = _organizer_olu_and(sqlite_db, "Bea")

    def changed(text: str, user: str = "Olu") -> bool:
        handled = chat.coach.receive(InboundMessage(chat.sender(user), text))
        assert handled.replies, text
        return handled.enrolment_changed

    assert changed("admin enroll all")
    assert changed("  ADMIN enroll channel #seekers")
    assert not changed("admin enroll everyone")  # refused: nothing changed
    assert not changed("admin enroll all", user="Bea")  # not an organizer
    assert not changed("admin time 08:15")
    assert not changed("admin")


def test_an_organizer_asking_how_the_group_is_doing_gets_the_report(sqlite_db: Database) -> None:
    chat = _organizer_olu_and(sqlite_db, "Bea")
    [report] = chat.say("how is the group doing?")
    assert report.startswith("Organizer report for")
    [quiet] = chat.say("who hasn't answered this week")
    assert quiet.startswith("Same as before: organizer report for")  # never the same text twice
    # A member asking the same gets what the group sees, not the organizer's numbers.
    [member] = chat.say("how's the group doing", user="Bea")
    assert member.startswith("The group's numbers go to its organizers; yours are in `stats`.")
    assert "Organizer report" not in member


@pytest.mark.parametrize(
    "asked", ["how many asks did people make this week?", "how active is the group?"]
)
def test_an_organizer_asking_for_numbers_in_their_words_gets_the_report(
    sqlite_db: Database, asked: str
) -> None:
    chat = _organizer_olu_and(sqlite_db, "Bea")
    [report] = chat.say(asked)
    assert report.startswith("Organizer report for")  # (was advice on how many asks to make)
    [member] = chat.say(asked, user="Bea")
    assert member.startswith("The group's numbers go to its organizers; yours are in `stats`.")


def test_an_organizer_in_their_own_words_previews_the_digest_and_sets_the_time(
    sqlite_db: Database,
) -> None:
    chat = _organizer_olu_and(sqlite_db, "Bea")
    [preview, *_] = chat.say(
        "can u show me what the weekly summary will look like before it goes out"
    )
    assert preview.startswith("Preview of the next digest")
    [moved] = chat.say("change the default check-in time for the whole group to 8:30")
    assert moved == "New members will be asked at 08:30. Members keep their own `time`."
    [refused] = chat.say("set everyone's check-ins to 8 please", user="Bea")
    assert refused == "Only the group's admins or coaches can change its settings."
    [settings] = chat.say("admin")
    assert settings.startswith("Group settings: check-ins at 08:30")
