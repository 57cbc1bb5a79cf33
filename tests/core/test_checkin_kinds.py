"""The kinds of check-in and what changes the schedule: nudges, follow-ups, the job."""

from __future__ import annotations

import asyncio

from bot.delivery import PermanentFailure
from storage import Database
from tests.core.test_first_day import onboarded
from tests.support.chat import Chat


def pending_kinds(db: Database) -> list[str]:
    with db() as uow:
        return sorted(c.kind.value for c in uow.checkins.pending_for_member(1))


def test_unanswered_morning_gets_one_gentle_nudge(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    assert chat.advance("4h") == [
        "[2026-03-02 09:00] Morning, Ana! What's your specific ask today — who will you ask, "
        "and for what?\n(e.g. “Ask Priya for an intro to the data team lead at Target”)",
        "[2026-03-02 12:00] Still time for today's ask — one person, one favour. Or say `skip`.",
    ]
    assert chat.advance("8h") == []  # one nudge only


def test_the_nudge_names_an_ask_still_open_from_before(sqlite_db: Database) -> None:
    # (the fourteenth session's console trial: the morning said "Still open: your ask of Maia"
    # and the nudge at noon spoke as if there were none)
    chat = onboarded(sqlite_db)
    chat.say("Ask Maia for a referral to the grad role at Xero")
    chat.advance("1d")
    lines = chat.advance("4h")  # Tuesday's morning question and its nudge, nothing answered
    assert lines[-1] == (
        "[2026-03-03 12:00] Still time for today's ask — Maia from before, or someone new. Or "
        "say `skip`."
    )


def test_no_nudge_after_eight_in_the_evening(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T06:00")
    chat.say("time 18:00")
    lines = chat.advance("15h")
    assert [line[:18] for line in lines] == ["[2026-03-02 18:00]"]  # 21:00 would be too late


def test_an_answered_morning_is_not_nudged(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    chat.advance("1h")
    chat.say("Ask Maria Lopez for a referral for the analyst job at Target")
    assert chat.advance("4h") == []


def test_waiting_to_hear_brings_a_follow_up_three_days_later(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db, start="2026-03-02T10:00")
    chat.say("Ask Maria Lopez for a referral for the analyst job at Target")
    chat.advance("8h")
    chat.press("Made it")
    chat.press("Waiting to hear")
    lines = [line for line in chat.advance("4d") if "Heard back" in line]
    assert len(lines) == 1 and lines[0].startswith("[2026-03-05 09:00] 3 days ago you asked")
    assert chat.press("I'll nudge") == [
        "Good. Keep it short and friendly; I'll check back about Maria Lopez."
    ]


def test_i_got_the_job_stops_check_ins(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    reply, share = chat.say("I got the job!!")
    assert reply.startswith("Congratulations, Ana! 🎉 Your asks got you here.")
    assert share.startswith("May I celebrate it in the group's weekly digest?")
    assert "`know <company>`" in chat.press("Yes, share it")[0]
    assert pending_kinds(sqlite_db) == []
    assert chat.advance("7d") == []
    chat.say("resume")
    assert pending_kinds(sqlite_db) == ["morning", "review"]


def test_closed_dms_stop_check_ins_until_the_member_writes_again(sqlite_db: Database) -> None:
    chat = onboarded(sqlite_db)
    chat.gateway.failures.append(PermanentFailure("DMs closed", member_unreachable=True))
    assert chat.advance("1h") == []
    with sqlite_db() as uow:
        member = uow.members.get(1)
        assert member is not None and member.undeliverable
    assert pending_kinds(sqlite_db) == []
    assert chat.advance("2d") == []
    chat.say("hi")
    assert "morning" in pending_kinds(sqlite_db)


def test_two_members_in_different_zones(sqlite_db: Database) -> None:
    chat = Chat(sqlite_db, start="2026-03-01T12:00", tz="UTC")  # a Sunday
    for name, zone in (("Kai", "Asia/Tokyo"), ("Lu", "America/Los_Angeles")):
        chat.greet(name)
        chat.say(f"{zone} 09:00", user=name)
    lines = chat.advance("30h")
    asyncio.run(chat.dispatcher.deliver())
    mornings = [m for m in chat.gateway.sent if m.text.startswith("Morning")]
    assert [(m.recipient, m.due_at.isoformat() if m.due_at else "") for m in mornings] == [
        ("Kai", "2026-03-02T00:00:00+00:00"),
        ("Lu", "2026-03-02T17:00:00+00:00"),
    ]
    assert lines
