"""The repository contract, run on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.domain import (
    Ask,
    AskStatus,
    CheckIn,
    CheckInKind,
    CheckInStatus,
    Community,
    Give,
    KnownCompany,
    Member,
    Outcome,
    Target,
)
from bot.messages import Choice, OutboundMessage
from storage import Database

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)


def _member(db: Database, external: str = "U1") -> Member:
    with db() as uow:
        community = uow.communities.find("slack", "T1") or uow.communities.add(
            Community(platform="slack", external_id="T1", name="Job Club", timezone="UTC")
        )
        assert community.id is not None
        member = uow.members.add(
            Member(
                community_id=community.id,
                external_id=external,
                name="Ana",
                timezone="America/Chicago",
                created_at=T0,
                checkin_time=time(8, 45),
                days=frozenset({0, 2, 4}),
                state="clarifying",
                state_data={"draft": "go to the mixer", "questions": 1},
            )
        )
        uow.commit()
    return member


def test_member_round_trip(any_db: Database) -> None:
    member = _member(any_db)
    with any_db() as uow:
        loaded = uow.members.find(member.community_id, "U1")
    assert loaded == member
    assert loaded is not None and loaded.created_at.tzinfo is not None
    loaded.paused_until = T0 + timedelta(days=3)
    loaded.state_data = {"ask_id": 7, "note": "ünïcödé ✓"}
    with any_db() as uow:
        uow.members.save(loaded)
        uow.commit()
    with any_db() as uow:
        assert uow.members.get(member.id or 0) == loaded


def test_uncommitted_work_is_rolled_back(any_db: Database) -> None:
    member = _member(any_db)
    with any_db() as uow:
        uow.asks.add(Ask(member_id=member.id or 0, text="x", verdict="vague", created_at=T0))
    with any_db() as uow:
        assert uow.asks.for_member(member.id or 0) == []


def test_asks_gives_targets_known(any_db: Database) -> None:
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        later = uow.asks.add(Ask(mid, "Ask Jen for an intro", "specific", T0 + timedelta(hours=1)))
        first = uow.asks.add(Ask(mid, "networking", "passive", T0, status=AskStatus.SKIPPED))
        later.outcome = Outcome.YES
        later.status = AskStatus.MADE
        uow.asks.save(later)
        uow.gives.add(Give(mid, "intro for Sam", T0))
        uow.targets.add(Target(mid, "Medtronic", T0))
        uow.targets.add(Target(mid, "Target", T0))
        uow.known.add(KnownCompany(mid, "3M", T0))
        uow.commit()
    with any_db() as uow:
        assert [a.id for a in uow.asks.for_member(mid)] == [first.id, later.id]
        assert [a.id for a in uow.asks.for_member(mid, since=T0 + timedelta(minutes=5))] == [
            later.id
        ]
        assert uow.asks.get(later.id or 0) == later
        assert [g.text for g in uow.gives.for_member(mid)] == ["intro for Sam"]
        assert uow.targets.remove(mid, "medtronic") is True
        assert uow.targets.remove(mid, "medtronic") is False
        assert [t.company for t in uow.targets.for_member(mid)] == ["Target"]
        assert [k.company for k in uow.known.for_member(mid)] == ["3M"]


def test_checkin_claims_are_leased(any_db: Database) -> None:
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        due = uow.checkins.add(CheckIn(mid, CheckInKind.MORNING, T0))
        uow.checkins.add(CheckIn(mid, CheckInKind.AFTERNOON, T0 + timedelta(hours=3)))
        uow.commit()
    with any_db() as uow:
        assert uow.checkins.next_due_at() == T0
        claimed = uow.checkins.claim_due(T0, "w1", T0 + timedelta(minutes=2), 10)
        uow.commit()
    assert [c.id for c in claimed] == [due.id]
    with any_db() as uow:
        # Another worker finds nothing while the lease holds...
        assert uow.checkins.claim_due(T0 + timedelta(minutes=1), "w2", T0, 10) == []
        # ...and takes the row over once it has expired.
        again = uow.checkins.claim_due(
            T0 + timedelta(minutes=3), "w2", T0 + timedelta(minutes=5), 10
        )
        uow.commit()
    assert [c.id for c in again] == [due.id]
    with any_db() as uow:
        assert uow.checkins.finish(due.id or 0, "w1", CheckInStatus.SENT) is False
        assert uow.checkins.finish(due.id or 0, "w2", CheckInStatus.SENT) is True
        assert uow.checkins.finish(due.id or 0, "w2", CheckInStatus.SENT) is False
        assert uow.checkins.cancel_pending(mid, [CheckInKind.AFTERNOON]) == 1
        assert uow.checkins.pending_for_member(mid) == []
        assert uow.checkins.next_due_at() is None
        uow.commit()


def test_outbox_is_idempotent_and_retries(any_db: Database) -> None:
    member = _member(any_db)
    message = OutboundMessage(
        text="Did you make your ask of Jen?",
        community_id=member.community_id,
        platform="slack",
        member_id=member.id,
        recipient="U1",
        choices=(Choice("Made it", "!ask:1:made"),),
        key="checkin:1:0",
    )
    with any_db() as uow:
        assert uow.outbox.add(message, T0) is True
        assert uow.outbox.add(message, T0) is False
        uow.commit()
    with any_db() as uow:
        assert uow.outbox.claim_ready(T0, "w1", T0 + timedelta(minutes=5), 10, "discord") == []
        [claimed] = uow.outbox.claim_ready(T0, "w1", T0 + timedelta(minutes=5), 10, "slack")
        uow.commit()
    assert claimed.choices == message.choices and claimed.recipient == "U1"
    with any_db() as uow:
        assert uow.outbox.claim_ready(T0, "w2", T0, 10) == []
        uow.outbox.retry_later(claimed.id or 0, T0 + timedelta(seconds=30), "429")
        assert uow.outbox.pending_count() == 1
        uow.commit()
    with any_db() as uow:
        assert uow.outbox.claim_ready(T0 + timedelta(seconds=10), "w2", T0, 10) == []
        [retry] = uow.outbox.claim_ready(T0 + timedelta(seconds=31), "w2", T0, 10)
        assert retry.meta["attempts"] == "1"
        uow.outbox.mark_sent(retry.id or 0, T0)
        assert uow.outbox.pending_count() == 0
        uow.commit()


def test_event_log_sees_each_event_once(any_db: Database) -> None:
    with any_db() as uow:
        assert uow.events.first_time("slack", "Ev1", T0) is True
        assert uow.events.first_time("slack", "Ev1", T0) is False
        assert uow.events.first_time("discord", "Ev1", T0) is True
        uow.commit()


def test_forget_member_removes_every_row(any_db: Database) -> None:
    keep = _member(any_db, "U2")
    member = _member(any_db)
    mid = member.id or 0
    with any_db() as uow:
        for owner in (mid, keep.id or 0):
            ask = uow.asks.add(Ask(owner, "Ask Jen for an intro", "specific", T0))
            uow.gives.add(Give(owner, "intro", T0))
            uow.targets.add(Target(owner, "3M", T0))
            uow.known.add(KnownCompany(owner, "3M", T0))
            uow.checkins.add(CheckIn(owner, CheckInKind.AFTERNOON, T0, ask_id=ask.id))
            uow.outbox.add(
                OutboundMessage("hi", member.community_id, member_id=owner, key=f"k{owner}"), T0
            )
        uow.commit()
    with any_db() as uow:
        uow.forget_member(mid)
        uow.commit()
    with any_db() as uow:
        assert uow.members.get(mid) is None
        assert uow.asks.for_member(mid) == []
        assert uow.gives.for_member(mid) == []
        assert uow.targets.for_member(mid) == []
        assert uow.known.for_member(mid) == []
        assert uow.checkins.pending_for_member(mid) == []
        assert uow.outbox.pending_count() == 1  # the other member's message only
        assert len(uow.asks.for_member(keep.id or 0)) == 1
