"""The one row ↔ dataclass mapping (storage/mapping.py): what each field type is stored as."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.domain import Ask, AskStatus, Member, Outcome, Role
from bot.messages import Choice, OutboundMessage
from storage.mapping import ASKS, MEMBERS, OUTBOX

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_member_row_round_trips_with_its_memory_inside_state_data() -> None:
    member = Member(
        community_id=1,
        external_id="U1",
        name="Ana",
        timezone="UTC",
        created_at=NOW,
        checkin_time=time(8, 30),
        days=frozenset({4, 0, 2}),
        role=Role.COACH,
        state_data={"step": 2},
        memory={"last_heard": "2026-03-01"},
        id=7,
    )
    row = MEMBERS.values(member)
    assert row["checkin_time"] == "08:30"
    assert row["days"] == "0,2,4"
    assert row["role"] == "coach"
    assert row["state_data"] == {"step": 2, "_memory": {"last_heard": "2026-03-01"}}
    assert "id" not in row and "memory" not in row
    read = MEMBERS.from_row(row | {"id": 7, "undeliverable": 0, "share_asks": 1})
    assert read.memory == {"last_heard": "2026-03-01"} and read.state_data == {"step": 2}
    assert read.share_asks is True and read.undeliverable is False  # SQLite's 0/1
    assert read.days == frozenset({0, 2, 4}) and read.checkin_time == time(8, 30)


def test_long_text_is_cut_and_empty_optional_text_is_stored_as_none() -> None:
    ask = Ask(member_id=1, text="x", verdict="specific", created_at=NOW, who="", company="C" * 300)
    row = ASKS.values(ask)
    assert row["who"] is None
    assert row["company"] == "C" * 200
    assert row["status"] == "open" and row["outcome"] is None
    back = ASKS.from_row(row | {"id": 3, "outcome": "yes"})
    assert back.status is AskStatus.OPEN and back.outcome is Outcome.YES


def test_an_outbox_row_keeps_choices_as_pairs_and_takes_meta_apart() -> None:
    message = OutboundMessage(text="Hi", community_id=1, choices=(Choice("Yes", "yes"),), key="k")
    row = OUTBOX.values(message)
    assert row["choices"] == [["Yes", "yes"]]
    back = OUTBOX.from_row(row | {"id": 5}, meta={"attempts": "0"})
    assert back.choices == (Choice("Yes", "yes"),) and back.meta == {"attempts": "0"}
