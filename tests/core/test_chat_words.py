"""The chat words of DESIGN.md, and bad input that must change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from storage import Database, tables
from tests.core.test_first_day import onboarded
from tests.support.chat import Chat
from tests.support.snapshot import snapshot


@pytest.fixture
def chat(sqlite_db: Database) -> Chat:
    """Ana, set up at 08:00 on Monday 2 March (the first day's welcome checked on the way)."""
    return onboarded(sqlite_db)


def test_help_lists_the_words(chat: Chat) -> None:
    [reply] = chat.say("help")
    for word in (
        "ask",
        "gave",
        "targets",
        "target add",
        "know",
        "stats",
        "time",
        "days",
        "tz",
        "pause",
        "resume",
        "export",
        "forget",
        "skip",
    ):
        assert word in reply


def test_targets_and_know(chat: Chat) -> None:
    assert chat.say("targets") == ["No target companies yet. Add one: `target add Medtronic`"]
    assert chat.say("target add Medtronic") == [
        "Added Medtronic. Who do you know there — or who might?"
    ]
    # The member's list keeps its own spelling.
    assert chat.say("target add medtronic") == ["Medtronic is already on your list."]
    chat.say("target add General Mills")
    assert chat.say("targets") == [
        "Your targets: Medtronic, General Mills. Who do you know at one of them?"
    ]
    assert chat.say("target remove general mills") == ["Removed general mills from your targets."]
    assert chat.say("target remove Acme") == [
        "Acme isn't on your targets. Say `targets` to see them."
    ]
    assert "you know people at Target" in chat.say("know Target")[0]
    morning = chat.advance("1h")
    assert "two names at Medtronic" in morning[0]


def test_gave_counts_in_stats(chat: Chat) -> None:
    assert chat.say("gave Sam an intro to my old manager")[0].startswith(
        "Logged your give: Sam an intro to my old manager."
    )
    assert "gives 1" in chat.say("stats")[0]


def test_time_days_tz_reschedule_the_morning(chat: Chat) -> None:
    assert chat.say("time 07:15") == ["Done: check-ins mon-fri at 07:15 (America/Chicago)."]
    assert chat.say("days mon,wed,fri") == [
        "Done: check-ins mon,wed,fri at 07:15 (America/Chicago)."
    ]
    assert chat.say("tz Europe/Berlin") == ["Done: check-ins mon,wed,fri at 07:15 (Europe/Berlin)."]
    with chat.db() as uow:
        pending = [c for c in uow.checkins.pending_for_member(1) if c.kind.value != "review"]
    assert [c.kind.value for c in pending] == ["morning"]
    # Monday 2 March 08:00 Chicago is 15:00 in Berlin: next is Wednesday 07:15 Berlin.
    assert pending[0].due_at.isoformat() == "2026-03-04T06:15:00+00:00"


def test_pause_and_resume(chat: Chat) -> None:
    assert chat.say("pause 3") == [
        "Paused until Thu 5 Mar. Rest well — `resume` brings me back sooner."
    ]
    assert chat.advance("2d") == []
    assert chat.say("resume") == ["Welcome back! Check-ins are on: mon-fri at 09:00."]
    assert chat.advance("1d")[0].startswith("[2026-03-04 09:00] Morning")  # Wednesday


def test_export_in_chat(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    chat.say("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    [reply] = chat.say("export")
    data = json.loads(reply.split("\n", 1)[1])
    assert data["name"] == "Ana"
    assert data["asks"][0]["verdict"] == "specific"


def test_forget_needs_confirmation_then_deletes_everything(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    chat.say("Ask Maria Lopez to introduce me to the head of talent at Medtronic")
    chat.say("gave Sam an intro")
    chat.say("target add Medtronic")
    # The conversation itself (what the coach remembers of it) moves on; the data stays.
    talk = frozenset({"members.state_data"})
    before = snapshot(sqlite_db, ignore=talk)
    assert "Reply `yes, delete`" in chat.say("forget")[0]
    assert chat.say("no thanks") == ["Kept everything. Nothing was deleted."]
    after = snapshot(sqlite_db, ignore=talk)
    assert after == before
    chat.say("forget")
    assert chat.say("yes, delete") == [
        "Done — I've deleted everything about you. Message me anytime to start fresh."
    ]
    rows = snapshot(sqlite_db, include_all=True)
    for table in ("members", "asks", "gives", "targets", "known_companies", "checkins"):
        assert rows[table] == [], table
    # Only the goodbye itself remains in the outbox, no longer tied to a member row.
    with sqlite_db.engine.connect() as conn:
        outbox = conn.execute(select(tables.outbox.c.member_id, tables.outbox.c.text)).all()
    assert [text for member_id, text in outbox] == [
        "Done — I've deleted everything about you. Message me anytime to start fresh."
    ]
    assert [member_id for member_id, _ in outbox] == [None]


BAD_INPUT = [
    ("tz Mars/Olympus", "I don't know the timezone “Mars/Olympus”"),
    ("time 25:99", "“25:99” isn't a time I understand"),
    ("", "I didn't catch anything there"),
    ("   ", "I didn't catch anything there"),
    ("x" * 10_000, "That's a long one (10,000 characters)"),
    ("Ask Maria\x00 for a referral", "invisible control characters"),
    ("hello\x1b[31m red", "invisible control characters"),
    ("days funday", "Try `days mon-fri`"),
    ("pause forever", "Pause for how many days?"),
    ("target add " + "A" * 200, "too long"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_INPUT, ids=[b[1][:20] for b in BAD_INPUT])
def test_bad_input_is_explained_and_changes_nothing(chat: Chat, text: str, expected: str) -> None:
    chat.advance("1h")  # awaiting today's ask: the riskiest state to disturb
    before = snapshot(chat.db)
    [reply] = chat.say(text)
    assert expected in reply
    assert snapshot(chat.db) == before
